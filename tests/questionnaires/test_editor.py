"""The référents edit the questionnaires in Wagtail, with the phases' question
blocks; a questionnaire someone answered cannot be deleted, only unpublished;
rewording a question keeps the answers already given with what they asked."""

import pytest

from .helpers import close, full_answers, questionnaire, read

pytestmark = pytest.mark.django_db


def test_a_referent_opens_the_questionnaire_in_the_editor(client_as, world):
    page = questionnaire()
    response = client_as("referent").get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    text = read(response)
    assert "Questionnaire de satisfaction" in text
    # The phases' question blocks, without the file upload (anonymous answers).
    assert '"likert"' in text and '"single_choice"' in text
    assert '"file_upload"' not in text


def test_an_answered_questionnaire_cannot_be_deleted(client_as, world):
    from questionnaires.rules import send_answers

    page = questionnaire()
    superuser = client_as("superuser")
    assert superuser.get(f"/admin/pages/{page.pk}/delete/").status_code == 200
    close(world.bilan)
    send_answers(world.bilan, page, data=full_answers(page))
    refused = superuser.post(f"/admin/pages/{page.pk}/delete/")
    assert refused.status_code in (302, 403)
    page.refresh_from_db()
    assert page.pk and page.live


def test_a_reworded_question_keeps_what_was_asked(client_as, world):
    from questionnaires.models import QuestionnairePage
    from questionnaires.rules import send_answers

    page = questionnaire()
    close(world.bilan)
    send_answers(world.bilan, page, data=full_answers(page))
    first = page.questions()[0]
    edited = QuestionnairePage.objects.get(pk=page.pk)
    raw = list(edited.body.raw_data)
    raw[0] = {**raw[0], "value": {**raw[0]["value"], "label": "Au total, ça va ?"}}
    edited.body = raw  # the blocks keep their ids, as the editor keeps them
    edited.save_revision().publish()
    response = read(client_as("candidat").get(page.url))
    assert "Merci pour vos réponses" in response
    assert "Au total, ça va ?" in response
    assert first.id in [c.id for c in questionnaire().questions()]


def test_wagtail_s_preview_shows_the_questions_being_edited(rf, world):
    page = questionnaire()
    request = rf.get("/")
    request.user = world.referent
    response = page.serve_preview(request, page.default_preview_mode)
    text = read(response.render() or response)
    assert "Aperçu : voici les questions de ce questionnaire" in text
    assert "Dans l'ensemble, êtes-vous satisfait(e) de votre bilan" in text
    assert "Envoyer mes réponses" not in text
