"""The autosave endpoint: CSRF, ownership, versions, malformed input."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest

from phases.models import PhaseSubmission, SubmissionFile

from .conftest import complete_data


def url(phase):
    return f"/mes-reponses/phases/{phase.pk}/enregistrer/"


@pytest.fixture
def csrf_client(world):
    """A logged-in candidate whose client enforces CSRF, like a browser."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.candidat)
    return client


def token_from(client, phase):
    client.get(phase.url)
    return client.cookies["csrftoken"].value


def test_autosave_refuses_a_post_without_csrf_token(csrf_client, world, qphase, q):
    response = csrf_client.post(
        url(qphase), {"version": "0", q.name("Votre métier actuel"): "Agent"}
    )
    assert response.status_code == 403
    assert not PhaseSubmission.objects.exists()


def test_autosave_saves_a_draft_and_returns_the_new_version(
    csrf_client, world, qphase, q
):
    token = token_from(csrf_client, qphase)
    response = csrf_client.post(
        url(qphase),
        {"version": "0", q.name("Votre métier actuel"): "Agent"},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert body["saved_at"]
    assert len(body["saved_at_display"]) == 5  # HH:MM
    saved = PhaseSubmission.objects.get(bilan=world.bilan, phase=qphase)
    assert saved.answers == {q.id("Votre métier actuel"): "Agent"}
    assert saved.status == PhaseSubmission.Status.EN_COURS


def test_autosave_is_post_only(client_as, qphase):
    assert client_as("candidat").get(url(qphase)).status_code == 405


def test_autosave_needs_a_logged_in_user(client, qphase):
    response = client.post(url(qphase), {"version": "0"})
    assert response.status_code == 401
    assert "reconnectez-vous" in response.json()["message"]


@pytest.mark.parametrize(
    "role", ["autre_candidat", "conseiller", "referent", "admin", "superuser"]
)
def test_autosave_only_for_the_candidate_of_the_phase(client_as, world, phases, role):
    # phases[5] is not selected for autre.candidat; staff never answer.
    response = client_as(role).post(url(phases[5]), {"version": "0"})
    assert response.status_code == 404
    assert not PhaseSubmission.objects.exists()


def test_autosave_unknown_phase_answers_404(client_as, world):
    assert (
        client_as("candidat")
        .post("/mes-reponses/phases/999999/enregistrer/", {"version": "0"})
        .status_code
        == 404
    )


def test_a_stale_version_is_a_conflict_and_overwrites_nothing(client_as, qphase, q):
    client = client_as("candidat")
    name = q.name("Votre métier actuel")
    assert (
        client.post(url(qphase), {"version": "0", name: "Onglet A"}).status_code == 200
    )
    response = client.post(url(qphase), {"version": "0", name: "Onglet B"})
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "conflict"
    assert body["version"] == 1
    assert "un autre onglet ou une autre fenêtre" in body["message"]
    saved = PhaseSubmission.objects.get()
    assert saved.answers[q.id("Votre métier actuel")] == "Onglet A"
    assert saved.version == 1
    # The up-to-date tab goes on.
    assert (
        client.post(url(qphase), {"version": "1", name: "Onglet A+"}).json()["version"]
        == 2
    )


@pytest.mark.parametrize("version", [None, "", "abc", "-1", "1.5"])
def test_a_missing_or_malformed_version_is_400(client_as, qphase, q, version):
    data = {q.name("Votre métier actuel"): "Agent"}
    if version is not None:
        data["version"] = version
    response = client_as("candidat").post(url(qphase), data)
    assert response.status_code == 400
    assert response.json()["message"] == (
        "La version du formulaire est absente ou invalide."
    )
    assert not PhaseSubmission.objects.exists()


def test_malformed_answers_are_400_with_french_messages(client_as, qphase, q):
    response = client_as("candidat").post(
        url(qphase),
        {
            "version": "0",
            q.name("Votre métier actuel"): "Agent",
            q.name("Années d'expérience"): "beaucoup",
            f"{q.name('Vos expériences')}-rows": "not a number",
        },
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid"
    assert "corrigez-les" in body["message"]
    assert list(body["errors"]) == [q.name("Années d'expérience")]
    assert "nombre entier" in body["errors"][q.name("Années d'expérience")][0]
    assert not PhaseSubmission.objects.exists()


def test_a_json_body_is_a_400_not_a_500(client_as, qphase):
    response = client_as("candidat").post(
        url(qphase), data='{"version": 0}', content_type="application/json"
    )
    assert response.status_code == 400


def test_a_completed_phase_is_not_autosaved(client_as, qphase, q):
    client = client_as("candidat")
    client.post(qphase.url, {**complete_data(q), "action": "complete"})
    response = client.post(
        url(qphase), {"version": "1", q.name("Votre métier actuel"): "Autre"}
    )
    assert response.status_code == 409
    assert response.json()["error"] == "locked"
    assert PhaseSubmission.objects.get().answers[q.id("Votre métier actuel")] == (
        "Secrétaire de direction"
    )


def test_files_are_not_autosaved(client_as, qphase, q):
    pdf = SimpleUploadedFile("cv.pdf", b"%PDF-1.4 test", "application/pdf")
    response = client_as("candidat").post(
        url(qphase), {"version": "0", q.name("Votre CV"): pdf}
    )
    assert response.status_code == 200
    assert not SubmissionFile.objects.exists()
    assert q.id("Votre CV") not in PhaseSubmission.objects.get().answers
