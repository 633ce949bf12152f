"""The « Questionnaire de satisfaction » as each person meets it (issue 14 §3):
offered on the candidate's dashboard once the bilan is closed, answered once
through the phases' form engine, then shown to them alone; the staff read its
questions, never anyone's answers."""

from urllib.parse import urlsplit

from django.core import mail

import pytest

from questionnaires.models import QuestionnaireResponse
from retention.emails.closing import notify_bilan_closed

from .helpers import Kind, close, full_answers, questionnaire, read

pytestmark = pytest.mark.django_db

SECRET = "Mon ancienne cheffe, Mme Dupont, ne voulait pas."


def test_both_questionnaires_are_installed_as_pages_of_the_site(world):
    satisfaction = questionnaire(Kind.SATISFACTION)
    six_months = questionnaire(Kind.SIX_MONTHS)
    assert satisfaction.title == "Questionnaire de satisfaction"
    assert six_months.title == "Où en êtes-vous six mois après votre bilan ?"
    assert satisfaction.live and six_months.live
    types = {child.block.type_name for child in satisfaction.questions()}
    assert {"single_choice", "likert", "yes_no", "long_text"} <= types
    # Anonymous answers: a questionnaire offers no file upload.
    assert "file_upload" not in dict(satisfaction.body.stream_block.child_blocks)


def test_a_candidate_whose_bilan_is_under_way_is_told_when_it_comes(client_as, world):
    page = questionnaire()
    response = client_as("candidat").get(page.url)
    assert response.status_code == 200
    assert "Ce questionnaire ne vous est pas encore proposé" in read(response)
    assert "Envoyer mes réponses" not in read(response)
    dashboard = read(client_as("candidat").get("/tableau-de-bord/"))
    assert "Répondre au questionnaire" not in dashboard


def test_at_closing_the_candidate_is_offered_it_answers_once_and_reads_it_back(
    client_as, world
):
    close(world.bilan)
    page = questionnaire()
    client = client_as("candidat")
    dashboard = read(client.get("/tableau-de-bord/"))
    assert "Questionnaire de satisfaction" in dashboard
    assert f'href="{page.url}"' in dashboard
    assert "Répondre au questionnaire" in dashboard

    form = read(client.get(page.url))
    assert "Envoyer mes réponses" in form
    assert "Dans l'ensemble, êtes-vous satisfait(e) de votre bilan" in form

    data = full_answers(page, text=SECRET)
    # A required question left out: refused, nothing stored, the text kept.
    required = next(child for child in page.questions() if child.value["required"])
    partial = {k: v for k, v in data.items() if not k.startswith(f"q-{required.id}")}
    refused = client.post(page.url, partial)
    assert refused.status_code == 400
    assert "Vos réponses n'ont pas été envoyées" in read(refused)
    assert SECRET in read(refused)
    assert not QuestionnaireResponse.objects.exists()

    sent = client.post(page.url, data, follow=True)
    assert sent.status_code == 200
    text = read(sent)
    assert "Merci ! Vos réponses sont envoyées. Elles restent anonymes." in text
    assert "Merci pour vos réponses" in text
    assert SECRET in text  # to the candidate, their own answers
    (stored,) = QuestionnaireResponse.objects.all()
    assert stored.bilan == world.bilan
    assert stored.answers[page.questions()[-1].id] == SECRET

    # Sent once: a second post (another tab) stores nothing more.
    again = client.post(page.url, full_answers(page, choice_index=1), follow=True)
    assert again.status_code == 200
    assert QuestionnaireResponse.objects.count() == 1
    assert "Répondre au questionnaire" not in read(client.get("/tableau-de-bord/"))


@pytest.mark.parametrize(
    "name", ["conseiller", "admin", "referent", "superuser", "autre_candidat"]
)
def test_nobody_else_reads_the_answers(client_as, world, name):
    close(world.bilan)
    close(world.autre_bilan)
    page = questionnaire()
    client_as("candidat").post(page.url, full_answers(page, text=SECRET))
    assert QuestionnaireResponse.objects.count() == 1
    client = client_as(name)
    pages = [page.url]
    if name == "conseiller":
        pages.append(f"/bilans/{world.bilan.pk}/")
    if name in ("admin", "superuser"):
        pages.append("/admin/statistiques/")
    if name == "autre_candidat":
        pages.append("/tableau-de-bord/")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in read(response), url
        assert "Mme Dupont" not in read(response), url


def test_the_staff_preview_the_questions_only(client_as, world):
    page = questionnaire()
    response = client_as("referent").get(page.url)
    assert response.status_code == 200
    text = read(response)
    assert "Aperçu : voici les questions de ce questionnaire" in text
    assert "Dans l'ensemble, êtes-vous satisfait(e) de votre bilan" in text
    assert "Envoyer mes réponses" not in text


def test_a_visitor_is_asked_to_log_in(client, world):
    response = client.get(questionnaire().url)
    assert response.status_code == 302
    assert "/connexion/" in response["Location"] or "login" in response["Location"]


def test_the_closing_email_links_to_the_questionnaire(client, world, mailoutbox):
    close(world.bilan)
    page = questionnaire()
    notify_bilan_closed(world.bilan, days=15)
    (message,) = [m for m in mail.outbox if m.to == [world.candidat.email]]
    assert "« Questionnaire de satisfaction »" in message.body
    link = next(line for line in message.body.splitlines() if line.endswith(page.url))
    client.force_login(world.candidat)
    response = client.get(urlsplit(link.strip()).path)
    assert response.status_code == 200
    assert "Envoyer mes réponses" in read(response)
