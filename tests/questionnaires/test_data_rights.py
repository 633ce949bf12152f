"""The questionnaires and the candidate's data rights (issue 14 joins issue 13):
« Télécharger mes données » holds their answers; an erasure deletes them; the
scheduled purge keeps them, anonymous once the account is."""

import pytest

from questionnaires.models import QuestionnaireResponse
from retention.models import DestructionRecord
from retention.personal_data import collect
from retention.purge import new_run, purge_bilan, purge_candidate

from .helpers import close, full_answers, questionnaire

pytestmark = pytest.mark.django_db

TEXT = "Plus de temps pour le projet de formation."


@pytest.fixture
def answered(world):
    close(world.bilan, days_ago=40)
    page = questionnaire()
    from questionnaires.rules import send_answers

    return send_answers(world.bilan, page, data=full_answers(page, text=TEXT))


def test_the_candidate_downloads_their_answers(world, answered):
    data = collect(world.candidat).data
    (entry,) = data["questionnaires"]
    assert entry["questionnaire"] == "Questionnaire de satisfaction"
    assert entry["bilan"] == world.bilan.pk
    assert TEXT in [row["reponse"] for row in entry["reponses"]]
    assert all(row["reponse_en_texte"] for row in entry["reponses"])
    assert collect(world.autre_candidat).data["questionnaires"] == []


def test_an_erasure_deletes_them(world, answered):
    purge_candidate(
        world.candidat, run=new_run(), reason=DestructionRecord.Reason.ERASURE
    )
    assert not QuestionnaireResponse.objects.exists()


def test_the_scheduled_purge_keeps_them_for_the_counts(world, answered):
    purge_bilan(world.bilan.pk, run=new_run())
    world.candidat.refresh_from_db()
    assert world.candidat.username.startswith("candidat-supprime-")
    assert QuestionnaireResponse.objects.get().bilan_id == world.bilan.pk
