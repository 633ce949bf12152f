"""Nothing of a bilan before the candidate's consent, on every URL of the access
matrix: GET goes to « Votre accord pour ce bilan », anything else is refused (403)
and stores nothing."""

from django.db import transaction

from wagtail.models import ModelLogEntry

from phases.models import (
    Consent,
    PhaseSubmission,
    Post,
    SubmissionFile,
    Thread,
    ThreadRead,
)
from phases.questions.form import field_name

from ..access.matrix import ROLES, objects, outcome, requests
from ..access.test_matrix import EXPECTED, parse

CONSENT_URL = "/votre-accord/"

#: What a candidate without consent may still open, as the matrix says for any
#: candidate: the consent page, their account (a provisional password is changed
#: there first), logging out, the password reset pages, the public pages.
OPEN = {
    "consent",
    "page:phases.ConsentPage",
    "users:login",
    "users:logout",
    "users:account",
    "users:avatar",
    "users:password_reset",
    "users:password_reset_done",
    "users:password_reset_confirm",
    "users:password_reset_complete",
    "page:home.HomePage",
    "page:home.ContentPage",
}


def withdraw_consent(bilan):
    """The bilan as one opened before consent existed: it has none."""
    Consent.objects.filter(bilan=bilan).delete()


def stored():
    """Everything a request of the candidate could have written."""
    return {
        "submissions": sorted(
            PhaseSubmission.objects.values_list("pk", "status", "version", "answers")
        ),
        "files": SubmissionFile.objects.count(),
        "threads": sorted(Thread.objects.values_list("pk", "resolved_at")),
        "posts": Post.objects.count(),
        "reads": sorted(ThreadRead.objects.values_list("pk", "last_read_at")),
        "consents": Consent.objects.count(),
        "journal": ModelLogEntry.objects.count(),
    }


def send(client, method, path, data):
    response = getattr(client, method)(path, data or {})
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


def test_the_open_urls_are_rows_of_the_matrix():
    assert set(EXPECTED) >= OPEN


def expected_outcome(name, method, path):
    """What a candidate without consent gets."""
    if name in OPEN:
        # What any candidate gets: their column of the access matrix.
        return parse(EXPECTED[name])[ROLES.index("candidat")]
    if path.startswith("/admin/"):
        return 403  # the Wagtail admin is not for candidates at all
    return "consent page" if method == "get" else "403 consent"


def gate_outcome(response):
    if response.status_code == 302 and response["Location"] == CONSENT_URL:
        return "consent page"
    if response.status_code == 403 and "Votre accord est nécessaire" in (
        response.content.decode()
    ):
        return "403 consent"
    return outcome(response)


def test_a_candidate_without_consent_on_every_url(client, world, phases):
    """Each URL of the matrix, by its method and by the other one too (a POST to
    a page, a GET of an action): the outcome, and nothing stored but by the open
    URLs (logging out)."""
    o = objects(world, phases)
    withdraw_consent(world.bilan)
    expected, actual = {}, {}
    for name, (method, path, data) in sorted(requests(o).items()):
        for each in [method] if name in OPEN else ["get", "post"]:
            key = f"{each} {name}"
            savepoint = transaction.savepoint()
            client.force_login(world.candidat)
            before = stored()
            response = send(client, each, path, data if each == "post" else None)
            actual[key] = gate_outcome(response)
            if name not in OPEN and stored() != before:
                actual[key] = f"{actual[key]}, and stored something"
            expected[key] = expected_outcome(name, each, path)
            transaction.savepoint_rollback(savepoint)
    assert actual == expected


def test_autosave_of_real_answers_is_refused_in_json(client, world, phases):
    withdraw_consent(world.bilan)
    phase = phases[0]
    question = phase.questions()[0]
    client.force_login(world.candidat)
    response = client.post(
        f"/mes-reponses/phases/{phase.pk}/enregistrer/",
        {"version": "0", field_name(question.id): "Mon parcours"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "consent"
    assert "Votre accord pour ce bilan est nécessaire" in response.json()["message"]
    assert not PhaseSubmission.objects.filter(bilan=world.bilan).exists()


def test_a_message_is_refused_and_not_stored(client, world, phases):
    withdraw_consent(world.bilan)
    client.force_login(world.candidat)
    response = client.post(
        f"/bilans/{world.bilan.pk}/messages/", {"body": "Bonjour, une question."}
    )
    assert response.status_code == 403
    assert not Post.objects.exists()


def test_the_gate_opens_once_consent_is_given(client, world, phases):
    withdraw_consent(world.bilan)
    client.force_login(world.candidat)
    assert client.get("/tableau-de-bord/")["Location"] == CONSENT_URL
    response = client.post(CONSENT_URL, {"accept": "on"})
    assert response["Location"] == "/tableau-de-bord/"
    assert client.get("/tableau-de-bord/").status_code == 200
    assert client.get(phases[0].url).status_code == 200


def test_only_candidates_awaiting_consent_are_held(client, world, awaiting):
    # The other candidates and the conseiller of the bilan awaiting consent go on.
    for user in (world.candidat, world.conseiller):
        client.force_login(user)
        assert client.get("/tableau-de-bord/").status_code == 200
    client.force_login(awaiting.candidate)
    assert client.get("/tableau-de-bord/")["Location"] == CONSENT_URL


def test_a_candidate_without_bilan_has_nothing_to_consent_to(client, world):
    from ..factories import UserFactory

    client.force_login(UserFactory(username="sans.bilan", dabm=world.lunel))
    assert client.get("/tableau-de-bord/").status_code == 200


def test_a_provisional_password_is_changed_first_without_a_loop(
    client, world, awaiting
):
    candidate = awaiting.candidate
    candidate.must_change_password = True
    candidate.save()
    client.force_login(candidate)
    response = client.get("/tableau-de-bord/")
    assert response["Location"].startswith("/mon-compte/")
    assert client.get("/mon-compte/").status_code == 200
    assert client.get(CONSENT_URL)["Location"].startswith("/mon-compte/")
