"""The phase page: the candidate's form, read-only states, previews and 404s."""

from django.core import mail

import pytest

from phases.models import PhaseSubmission

from .conftest import complete_data


def submission(world, phase):
    return PhaseSubmission.objects.filter(bilan=world.bilan, phase=phase).first()


def test_anonymous_visitors_are_sent_to_login(client, qphase):
    response = client.get(qphase.url)
    assert response.status_code == 302
    assert response["Location"] == f"/connexion/?next={qphase.url}"


def test_the_candidate_gets_the_form(client_as, qphase):
    response = client_as("candidat").get(qphase.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="phase-form"' in html
    assert "Enregistrer</button>" in html
    assert "J'ai terminé cette phase" in html
    assert 'name="version" value="0"' in html
    assert "Prenez votre temps." in html  # content blocks are shown too
    assert "js/autosave.js" in html


def test_saving_a_draft_needs_no_required_answer(client_as, world, qphase, q):
    client = client_as("candidat")
    response = client.post(
        qphase.url,
        {"version": "0", "action": "save", q.name("Votre métier actuel"): "Agent"},
    )
    assert response.status_code == 302
    saved = submission(world, qphase)
    assert saved.status == PhaseSubmission.Status.EN_COURS
    assert saved.answers == {q.id("Votre métier actuel"): "Agent"}
    assert saved.questions[q.id("Votre métier actuel")] == {
        "label": "Votre métier actuel",
        "type": "short_text",
    }
    assert saved.version == 1
    assert saved.started_at is not None
    page = client.get(qphase.url).content.decode()
    assert 'value="Agent"' in page
    assert "Vos réponses sont enregistrées." in page
    assert 'name="version" value="1"' in page


def test_completing_with_missing_answers_keeps_every_typed_value(
    client_as, world, qphase, q
):
    data = complete_data(q)
    data.pop(q.name("Votre métier actuel"))
    data[q.name("Années d'expérience")] = "99"
    response = client_as("candidat").post(qphase.url, {**data, "action": "complete"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Cette phase n'a pas pu être terminée" in html
    # A wrong format (99 > 50) cannot be kept, even as a draft: say so.
    assert "n'est pas encore enregistré" in html
    assert "Champ requis." in html
    assert "inférieure ou égale à 50" in html
    assert "J&#x27;ai travaillé quinze ans dans un lycée." in html
    assert 'value="99"' in html
    assert 'value="Lycée Jean Moulin"' in html
    assert submission(world, qphase) is None


def test_completing_with_missing_answers_keeps_them_as_a_draft(
    client_as, world, qphase, q
):
    """The phase is not terminée, what is missing is listed, nothing typed is lost."""
    data = complete_data(q)
    data.pop(q.name("Votre métier actuel"))
    response = client_as("candidat").post(qphase.url, {**data, "action": "complete"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Cette phase n'a pas pu être terminée" in html
    assert "Vos réponses sont enregistrées comme brouillon." in html
    assert "n'ont pas été enregistrées" not in html
    missing = (
        f'<a href="#question-{q.id("Votre métier actuel")}">Votre métier actuel</a>'
    )
    assert f"<li>{missing} : Champ requis.</li>" in html
    saved = submission(world, qphase)
    assert saved.status == PhaseSubmission.Status.EN_COURS
    assert saved.completed_at is None
    assert saved.answers[q.id("Racontez votre parcours")] == (
        "J'ai travaillé quinze ans dans un lycée."
    )
    assert q.id("Votre métier actuel") not in saved.answers
    # The page goes on from the saved draft: the next save is not a conflict.
    assert 'name="version" value="1"' in html


def test_completing_marks_the_phase_and_tells_the_conseiller(
    client_as, world, qphase, q, django_capture_on_commit_callbacks
):
    client = client_as("candidat")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(qphase.url, {**complete_data(q), "action": "complete"})
    assert response.status_code == 302
    assert response["Location"] == "/tableau-de-bord/"
    done = submission(world, qphase)
    assert done.status == PhaseSubmission.Status.TERMINEE
    assert done.completed_at is not None
    assert [m.to for m in mail.outbox] == [[world.conseiller.email]]
    body = mail.outbox[0].body
    assert qphase.title in body
    assert f"/bilans/{world.bilan.pk}/phases/{qphase.pk}/" in body
    assert "Secrétaire de direction" not in body  # a link, never the answers


def test_a_completed_phase_is_read_only(client_as, world, qphase, q):
    client = client_as("candidat")
    client.post(qphase.url, {**complete_data(q), "action": "complete"})
    html = client.get(qphase.url).content.decode()
    assert 'id="phase-form"' not in html
    assert "Vous avez terminé cette phase." in html
    assert "Secrétaire de direction" in html
    assert "<li>Créativité</li><li>Sécurité</li><li>Reconnaissance</li>" in html
    response = client.post(
        qphase.url,
        {"version": "1", "action": "save", q.name("Votre métier actuel"): "Autre"},
        follow=True,
    )
    assert "ne peuvent plus être modifiées" in response.content.decode()
    assert submission(world, qphase).answers[q.id("Votre métier actuel")] == (
        "Secrétaire de direction"
    )


def test_a_stale_tab_is_told_and_keeps_its_text(client_as, world, qphase, q):
    client = client_as("candidat")
    name = q.name("Votre métier actuel")
    client.post(qphase.url, {"version": "0", "action": "save", name: "Premier onglet"})
    response = client.post(
        qphase.url, {"version": "0", "action": "save", name: "Second onglet"}
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "modifiées dans un autre onglet ou une autre fenêtre" in html
    assert 'value="Second onglet"' in html
    # Saving again from here is a deliberate choice: the page now holds version 1.
    assert 'name="version" value="1"' in html
    assert submission(world, qphase).answers[q.id("Votre métier actuel")] == (
        "Premier onglet"
    )


def test_adding_table_rows_without_javascript(client_as, world, qphase, q):
    client = client_as("candidat")
    table = q.name("Vos expériences")
    response = client.post(
        qphase.url,
        {
            "version": "0",
            "action": f"add_row:{table}",
            f"{table}-rows": "3",
            f"{table}-0-0": "Secrétaire",
        },
    )
    assert response.status_code == 302
    assert f"?ajouter={q.id('Vos expériences')}" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert f'name="{table}-rows" value="3"' in html  # 1 filled + 2 blank
    assert 'value="Secrétaire"' in html
    assert submission(world, qphase).answers[q.id("Vos expériences")] == [
        ["Secrétaire", "", ""]
    ]


def test_a_phase_not_selected_answers_404(client_as, world, phases):
    # autre.candidat has phases 1 to 4 only.
    assert client_as("autre_candidat").get(phases[5].url).status_code == 404
    assert client_as("autre_candidat").get(phases[3].url).status_code == 200


def test_a_phase_page_never_shows_another_candidates_answers(client_as, qphase, q):
    client_as("candidat").post(
        qphase.url,
        {"version": "0", "action": "save", q.name("Votre métier actuel"): "Agent"},
    )
    html = client_as("autre_candidat").get(qphase.url).content.decode()
    assert 'value="Agent"' not in html
    assert 'name="version" value="0"' in html


@pytest.mark.parametrize(
    "role", ["conseiller", "referent", "autre_conseiller", "admin", "superuser"]
)
def test_staff_read_the_questions_without_any_answer(client_as, qphase, q, role):
    client_as("candidat").post(
        qphase.url,
        {"version": "0", "action": "save", q.name("Votre métier actuel"): "Agent"},
    )
    response = client_as(role).get(qphase.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aperçu : voici les questions de cette phase" in html
    assert "Votre métier actuel" in html
    assert "Agent" not in html
    assert 'id="phase-form"' not in html
    assert "J'ai terminé cette phase" not in html
    assert " disabled" in html


def test_the_conseiller_reads_their_candidates_answers(client_as, world, qphase, q):
    client_as("candidat").post(
        qphase.url,
        {"version": "0", "action": "save", q.name("Votre métier actuel"): "Agent"},
    )
    url = f"/bilans/{world.bilan.pk}/phases/{qphase.pk}/"
    response = client_as("conseiller").get(url)
    assert response.status_code == 200
    assert '<p class="monbilan-answer">Agent</p>' in response.content.decode()
    for role in ("autre_conseiller", "admin", "admin_toulouse", "autre_candidat"):
        assert client_as(role).get(url).status_code == 404, role


def test_unknown_bilan_or_phase_answers_404(client_as, world, phases):
    client = client_as("conseiller")
    assert client.get(f"/bilans/999999/phases/{phases[0].pk}/").status_code == 404
    # A phase the bilan does not select.
    url = f"/bilans/{world.autre_bilan.pk}/phases/{phases[6].pk}/"
    assert client_as("autre_conseiller").get(url).status_code == 404


def test_phase_addresses_route_to_live_phases_only(client_as, phases):
    """The phases index routes its children itself (one query): a draft phase and
    an unknown slug are 404 like anywhere else, deeper paths too."""
    client = client_as("referent")
    assert client.get(phases[0].url).status_code == 200
    index_url = phases[0].get_parent().url
    # The index has no page of its own: the dashboard lists the phases.
    response = client.get(index_url)
    assert (response.status_code, response["Location"]) == (302, "/tableau-de-bord/")
    assert client.get(f"{index_url}phase-inconnue/").status_code == 404
    assert client.get(f"{phases[0].url}plus-loin/").status_code == 404
    phases[0].unpublish()
    assert client.get(phases[0].url).status_code == 404
