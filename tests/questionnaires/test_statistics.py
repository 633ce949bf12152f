"""The questionnaires on the administrators' statistics page (issue 14 §3):
aggregates only, scoped to the académie, « moins de 5 réponses » in place of any
figure drawn from fewer, and a query count that does not grow with responses."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from questionnaires.statistics import questionnaire_figures
from tests.factories import ConseillerFactory

from .helpers import Kind, plant_responses, questionnaire, read

pytestmark = pytest.mark.django_db

STATS = "/admin/statistiques/"


def overall_question(figures):
    return next(
        q
        for q in figures["questions"]
        if q["label"].startswith("Dans l'ensemble, êtes-vous satisfait")
    )


def test_fewer_than_five_responses_show_no_figure(client_as, world):
    page = questionnaire()
    plant_responses(page, world.conseiller, 4)
    figures = questionnaire_figures(world.admin, page)
    assert figures["total"]["responses"] is None
    assert figures["total"]["rate"] is None
    assert overall_question(figures)["overall"] is None
    assert overall_question(figures)["chart"] is None
    text = read(client_as("admin").get(STATS))
    assert "Questionnaire de satisfaction" in text
    assert "moins de 5 réponses" in text
    # No count of the four anywhere: no "4 (100 %)", no rate.
    assert "(100 %)" not in text
    assert "100 %" not in text


def test_five_responses_show_the_counts_per_answer(client_as, world):
    page = questionnaire()
    plant_responses(page, world.conseiller, 3, choice_index=0)
    plant_responses(page, world.conseiller, 2, choice_index=1)
    figures = questionnaire_figures(world.admin, page)
    assert figures["total"]["responses"] == 5
    assert figures["total"]["invited"] == 5  # five closed bilans, all answered
    assert figures["total"]["rate"] == 100
    cells = {c["option"]: c["count"] for c in overall_question(figures)["overall"]}
    assert cells == {
        "Très satisfait(e)": 3,
        "Satisfait(e)": 2,
        "Peu satisfait(e)": 0,
        "Pas du tout satisfait(e)": 0,
    }
    # Each statement of the grid is counted on its own.
    grid = [q for q in figures["questions"] if q["statement"]]
    assert len(grid) == 5
    assert {c["option"]: c["count"] for c in grid[0]["overall"]}[
        "Pas du tout satisfait(e)"
    ] == 3
    # Over time: this quarter has the five; earlier quarters are masked.
    assert figures["over_time"][-1]["responses"] == 5
    assert figures["over_time"][0]["masked"]
    text = read(client_as("admin").get(STATS))
    assert "3 (60 %)" in text
    assert "2 (40 %)" in text
    assert "Taux de réponse" in text
    assert "Réponses par trimestre" in text


def test_a_dabm_with_fewer_than_five_is_masked_while_the_total_shows(world):
    page = questionnaire()
    plant_responses(page, world.conseiller, 5)  # Lunel
    plant_responses(page, world.autre_conseiller, 2)  # Sète
    figures = questionnaire_figures(world.admin, page)
    rates = {row["label"]: row for row in figures["rates"]}
    assert rates["Lunel"]["responses"] == 5
    assert rates["Sète"]["responses"] is None
    assert rates["Sète"]["invited"] == 2
    assert figures["total"]["responses"] == 7
    # The chart of the rates draws Lunel only: Sète's is not a number to show.
    assert [row["label"] for row in figures["rates_chart"]["rows"]] == ["Lunel"]


def test_another_academie_counts_nothing(world):
    page = questionnaire()
    plant_responses(page, world.conseiller_toulouse, 6)
    figures = questionnaire_figures(world.admin, page)
    assert figures["total"]["responses"] is None
    assert figures["total"]["invited"] == 0
    assert questionnaire_figures(world.admin_toulouse, page)["total"]["responses"] == 6


def test_the_six_month_situation_is_counted_the_same_way(world):
    page = questionnaire(Kind.SIX_MONTHS)
    plant_responses(page, world.conseiller, 5, choice_index=2)
    figures = questionnaire_figures(world.admin, page)
    situation = figures["questions"][0]
    assert (
        situation["label"] == "Quelle est aujourd'hui votre situation professionnelle ?"
    )
    counts = {c["option"]: c["count"] for c in situation["overall"]}
    assert counts["Dans un nouvel emploi ou un nouveau métier"] == 5


def test_responses_of_an_earlier_quarter_count_there(world):
    page = questionnaire()
    earlier = timezone.now() - datetime.timedelta(days=100)
    plant_responses(page, world.conseiller, 5, when=earlier)
    figures = questionnaire_figures(world.admin, page)
    shown = [row for row in figures["over_time"] if not row["masked"]]
    assert len(shown) == 1
    assert shown[0]["responses"] == 5
    assert figures["over_time"][-1]["masked"]


def test_the_page_reads_as_many_queries_for_6_and_for_40_responses(client_as, world):
    page = questionnaire()
    other = ConseillerFactory(dabm=world.sete)
    plant_responses(page, world.conseiller, 6)
    client = client_as("admin")
    client.get(STATS)  # warm the caches (site root, sessions)
    with CaptureQueriesContext(connection) as few:
        client.get(STATS)
    plant_responses(page, other, 34, choice_index=1)
    plant_responses(questionnaire(Kind.SIX_MONTHS), other, 10)
    with CaptureQueriesContext(connection) as many:
        response = client.get(STATS)
    assert response.status_code == 200
    assert len(many) == len(few)
