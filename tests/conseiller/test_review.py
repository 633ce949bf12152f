"""Reviewing a bilan: phases with status, answers, files, validate and reopen."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from phases.models import PhaseSubmission
from phases.questions.form import field_name
from tests.phases.conftest import QUESTIONS, set_body

from .conftest import answer


def test_the_bilan_page_lists_the_phases_with_their_status(client_as, world, phases):
    answer(world.bilan, phases[0])
    answer(world.bilan, phases[1], complete=False)
    html = client_as("conseiller").get(f"/bilans/{world.bilan.pk}/").content.decode()
    assert world.candidat.get_full_name() in html
    assert "1 phase terminée sur 10" in html
    html = html[html.index("<tbody>") :]
    assert html.count(">Terminée</p>") == 1
    assert html.count(">En cours</p>") == 1
    assert html.count(">Non commencée</p>") == 8
    assert html.count("Valider la phase") == 1
    assert html.count("Rouvrir la phase") == 1
    assert f'href="/bilans/{world.bilan.pk}/phases/{phases[0].pk}/"' in html


def test_the_review_shows_answers_files_and_removed_questions_apart(
    client_as, world, phases
):
    page = set_body(phases[0], QUESTIONS)
    questions = {child.value["label"]: child.id for child in page.questions()}
    client = client_as("candidat")
    client.post(
        page.url,
        {
            "version": "0",
            "action": "save",
            field_name(questions["Votre métier actuel"]): "Agent comptable",
            field_name(questions["Votre CV"]): SimpleUploadedFile(
                "CV.pdf", b"%PDF-1.4\n%%EOF"
            ),
        },
    )
    # The référent removes the first question after it was answered.
    set_body(page, [item for item in QUESTIONS if item[0] != "short_text"])
    response = client_as("conseiller").get(
        f"/bilans/{world.bilan.pk}/phases/{page.pk}/"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Réponses à des questions retirées de cette phase" in html
    removed_at = html.index("Réponses à des questions retirées")
    assert html.index("Agent comptable") > removed_at
    submission = PhaseSubmission.objects.get(bilan=world.bilan, phase=page)
    file_id = submission.answers[questions["Votre CV"]]["file"]
    assert f'href="/fichiers/{file_id}/"' in html
    download = client_as("conseiller").get(f"/fichiers/{file_id}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n%%EOF"


def test_validating_a_phase_tells_the_candidate(
    client_as, world, phases, django_capture_on_commit_callbacks
):
    submission = answer(world.bilan, phases[0])
    client = client_as("conseiller")
    url = f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/valider/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == PhaseSubmission.Status.VALIDEE
    assert submission.validated_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.candidat.email]
    assert "a validé une phase" in message.subject
    assert phases[0].title in message.body
    assert f"http://testserver{phases[0].url}" in message.body
    # Nothing of the answers travels by e-mail.
    for value in submission.answers.values():
        if isinstance(value, str) and len(value) > 8:
            assert value not in message.body
    # The candidate sees it validated and still read-only.
    html = client_as("candidat").get(phases[0].url).content.decode()
    assert "Votre conseiller a validé cette phase." in html
    # Validating twice does nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("conseiller").post(url, follow=True)
    assert (
        "ne peut être validée qu&#x27;une fois terminée" in (response.content.decode())
        or "ne peut être validée qu'une fois terminée" in response.content.decode()
    )
    assert len(mail.outbox) == 1


def test_an_unfinished_phase_cannot_be_validated(client_as, world, phases):
    answer(world.bilan, phases[0], complete=False)
    url = f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/valider/"
    client_as("conseiller").post(url)
    submission = PhaseSubmission.objects.get(bilan=world.bilan, phase=phases[0])
    assert submission.status == PhaseSubmission.Status.EN_COURS
    assert mail.outbox == []


def test_reopening_a_phase_lets_the_candidate_edit_again(
    client_as, world, phases, django_capture_on_commit_callbacks
):
    submission = answer(world.bilan, phases[0])
    html = client_as("candidat").get(phases[0].url).content.decode()
    assert 'id="phase-form"' not in html
    url = f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/rouvrir/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("conseiller").post(
            url, {"next": f"/bilans/{world.bilan.pk}/"}
        )
    assert response.status_code == 302
    assert response["Location"] == f"/bilans/{world.bilan.pk}/"
    submission.refresh_from_db()
    assert submission.status == PhaseSubmission.Status.EN_COURS
    assert submission.completed_at is None
    assert submission.answers  # kept
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.candidat.email]
    assert "rouverte" in mail.outbox[0].subject
    assert f"http://testserver{phases[0].url}" in mail.outbox[0].body
    html = client_as("candidat").get(phases[0].url).content.decode()
    assert 'id="phase-form"' in html


def test_an_offsite_next_is_ignored(client_as, world, phases):
    answer(world.bilan, phases[0])
    url = f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/rouvrir/"
    response = client_as("conseiller").post(url, {"next": "https://exemple.com/"})
    assert response["Location"] == f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/"


def test_a_validated_phase_can_be_reopened_but_not_a_started_one(
    client_as, world, phases
):
    answer(world.bilan, phases[0])
    client = client_as("conseiller")
    base = f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}"
    client.post(f"{base}/valider/")
    client.post(f"{base}/rouvrir/")
    submission = PhaseSubmission.objects.get(bilan=world.bilan, phase=phases[0])
    assert submission.status == PhaseSubmission.Status.EN_COURS
    assert submission.validated_at is None
    response = client.post(f"{base}/rouvrir/", follow=True)
    assert "elle est déjà ouverte" in response.content.decode()


def test_a_closed_bilan_keeps_the_candidates_answers_as_they_were(
    client_as, world, phases
):
    # Closed as "Clore le bilan" leaves it (tests/retention/test_closing.py
    # closes it through the screen, once the synthèse is remis).
    answer(world.bilan, phases[1], complete=False)
    world.bilan.status = "termine"
    world.bilan.end_date = world.bilan.start_date
    world.bilan.save()
    candidate = client_as("candidat")
    html = candidate.get(phases[1].url).content.decode()
    assert 'id="phase-form"' not in html  # read only
    submission = PhaseSubmission.objects.get(bilan=world.bilan, phase=phases[1])
    response = candidate.post(
        f"/mes-reponses/phases/{phases[1].pk}/enregistrer/",
        {"version": str(submission.version)},
    )
    assert response.status_code == 409
    assert response.json()["error"] == "locked"
    assert PhaseSubmission.objects.get(pk=submission.pk).version == submission.version


def test_a_closed_bilans_phases_are_not_reopened(client_as, world, phases):
    """The candidate could not change anything: no "Rouvrir", no e-mail."""
    submission = answer(world.bilan, phases[0])
    world.bilan.status = "termine"
    world.bilan.save()
    client = client_as("conseiller")
    base = f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}"
    assert "Rouvrir la phase" not in client.get(f"/bilans/{world.bilan.pk}/").text
    assert "Rouvrir la phase" not in client.get(f"{base}/").text
    response = client.post(f"{base}/rouvrir/", follow=True)
    assert "Ce bilan est clos" in response.text
    submission.refresh_from_db()
    assert submission.status == PhaseSubmission.Status.TERMINEE
    assert mail.outbox == []
