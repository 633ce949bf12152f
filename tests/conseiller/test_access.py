"""Who may open what: every bilan-level URL against every role, 200/302 or 404.

A conseiller reaches only the bilans they follow; the candidate only their own
threads and files; a référent who is not the bilan's conseiller, and the
administrators (of this académie or another), get 404 everywhere: they never read
answers, comments or messages.
"""

import pytest

from phases.models import PhaseSubmission, Post

ROLES = [
    "candidat",
    "conseiller",
    "autre_conseiller",
    "referent",
    "admin",
    "admin_toulouse",
]

# (name, method, what a success answers, roles that succeed)
URLS = [
    ("bilan", "get", 200, {"conseiller"}),
    ("edit", "get", 200, {"conseiller"}),
    ("edit_post", "post", 302, {"conseiller"}),
    ("close", "get", 200, {"conseiller"}),
    ("close_post", "post", 302, {"conseiller"}),
    ("review", "get", 200, {"conseiller"}),
    ("validate", "post", 302, {"conseiller"}),
    ("reopen", "post", 302, {"conseiller"}),
    ("file", "get", 200, {"conseiller", "candidat"}),
    ("comment", "post", 302, {"conseiller", "candidat"}),
    ("resolve", "post", 302, {"conseiller", "candidat"}),
    ("messages", "get", 200, {"conseiller", "candidat"}),
    ("messages_post", "post", 302, {"conseiller", "candidat"}),
]


def request_for(name, w):
    bilan, phase = w.bilan.pk, w.phase.pk
    phase_ids = [row.phase_id for row in w.bilan.selected_phases.all()]
    return {
        "bilan": (f"/bilans/{bilan}/", {}),
        "edit": (f"/bilans/{bilan}/modifier/", {}),
        "edit_post": (
            f"/bilans/{bilan}/modifier/",
            {"modalite": "mixte", "phases": phase_ids},
        ),
        "close": (f"/bilans/{bilan}/clore/", {}),
        "close_post": (f"/bilans/{bilan}/clore/", {}),
        "review": (f"/bilans/{bilan}/phases/{phase}/", {}),
        "validate": (f"/bilans/{bilan}/phases/{phase}/valider/", {}),
        "reopen": (f"/bilans/{bilan}/phases/{phase}/rouvrir/", {}),
        "file": (f"/fichiers/{w.file.pk}/", {}),
        "comment": (
            f"/bilans/{bilan}/phases/{phase}/commentaires/",
            {"block_id": w.block_id, "body": "Une réponse."},
        ),
        "resolve": (
            f"/bilans/{bilan}/commentaires/{w.thread.pk}/resolu/",
            {"resolved": "1"},
        ),
        "messages": (f"/bilans/{bilan}/messages/", {}),
        "messages_post": (f"/bilans/{bilan}/messages/", {"body": "Bonjour !"}),
    }[name]


CASES = [
    pytest.param(
        role, name, method, (ok if role in allowed else 404), id=f"{role}-{name}"
    )
    for name, method, ok, allowed in URLS
    for role in ROLES
]


@pytest.mark.parametrize(("role", "name", "method", "expected"), CASES)
def test_bilan_urls_by_role(client_as, reviewed, role, name, method, expected):
    url, data = request_for(name, reviewed)
    before = (
        PhaseSubmission.objects.get(pk=reviewed.submission.pk).status,
        Post.objects.count(),
    )
    client = client_as(role)
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if expected == 404 and method == "post":
        # A refused POST changes nothing.
        after = (
            PhaseSubmission.objects.get(pk=reviewed.submission.pk).status,
            Post.objects.count(),
        )
        assert after == before


@pytest.mark.parametrize("role", ROLES)
def test_add_candidate_is_for_conseillers(client_as, world, role):
    expected = 200 if role in ("conseiller", "autre_conseiller", "referent") else 404
    assert client_as(role).get("/candidats/ajouter/").status_code == expected


@pytest.mark.parametrize("name", ["validate", "reopen", "comment", "resolve"])
def test_actions_are_post_only(client_as, reviewed, name):
    url, _data = request_for(name, reviewed)
    assert client_as("conseiller").get(url).status_code == 405


def test_anonymous_visitors_are_sent_to_login(client, reviewed):
    for name in ("bilan", "review", "messages"):
        url, _data = request_for(name, reviewed)
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/")


def test_another_bilans_thread_is_not_reachable_through_this_bilan(
    client_as, reviewed, world
):
    # The thread id belongs to world.bilan: through another bilan's URL, 404.
    url = f"/bilans/{world.autre_bilan.pk}/commentaires/{reviewed.thread.pk}/resolu/"
    assert client_as("autre_conseiller").post(url).status_code == 404
    assert client_as("conseiller").post(url).status_code == 404


def test_a_comment_on_an_unknown_question_is_refused(client_as, reviewed):
    url = f"/bilans/{reviewed.bilan.pk}/phases/{reviewed.phase.pk}/commentaires/"
    response = client_as("conseiller").post(url, {"block_id": "nope", "body": "x"})
    assert response.status_code == 404
