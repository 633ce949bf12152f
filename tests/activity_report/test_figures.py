"""The figures of a « Rapport d'activité »: what they count, frozen when the
report is made, masked under five, computed in a fixed number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from activity_report.figures import compute_figures
from activity_report.models import ActivityReport
from phases.models import Bilan, RendezVous
from tests.factories import ConseillerFactory
from tests.questionnaires.helpers import plant_responses, questionnaire

from .helpers import IN_YEAR, YEAR, group, plant_bilans, report_for

pytestmark = pytest.mark.django_db


def test_the_figures_count_the_period_by_dabm_and_in_all(world):
    # The world's two Montpellier bilans start today (December 2026).
    plant_bilans(world.conseiller, 5)  # Lunel
    plant_bilans(world.autre_conseiller, 6, end=datetime.date(YEAR, 4, 1))  # Sète
    plant_bilans(world.conseiller, 3, start=datetime.date(YEAR - 1, 6, 1))  # 2025
    plant_bilans(world.conseiller, 5, status=Bilan.Status.ARCHIVE)
    report = report_for(world.montpellier)
    figures = report.figures
    everything = group(figures)
    assert everything["started"] == 2 + 5 + 6 + 5
    assert everything["closed"] == 6
    assert everything["abandoned"] == 5
    # 30 days from 2 March to 1 April, for each of the six.
    assert everything["duration"] == {"median_days": 30, "mean_days": 30.0}
    assert group(figures, "Sète")["closed"] == 6
    # Lunel: 1 + 5 + 5 started, none closed: « moins de 5 » (None).
    lunel = group(figures, "Lunel")
    assert lunel["started"] == 11
    assert lunel["closed"] is None
    assert lunel["duration"] is None
    # Toulouse's bilan is not Montpellier's.
    assert [g["label"] for g in figures["groups"]] == ["Ensemble", "Lunel", "Sète"]
    presentiel = everything["modalites"][0]
    assert presentiel["count"] == everything["started"]


def test_the_phases_selected_and_done_per_phase(world, phases):
    from phases.models import PhaseSubmission

    bilans = plant_bilans(world.conseiller, 6, phases=phases[:2])
    for bilan in bilans:
        PhaseSubmission.objects.create(
            bilan=bilan,
            phase=phases[0],
            status=PhaseSubmission.Status.TERMINEE,
            completed_at=timezone.make_aware(datetime.datetime(YEAR, 5, 4, 10)),
        )
    figures = report_for(world.montpellier).figures
    first, second = group(figures)["phases"][:2]
    # The world's bilan has all ten phases, the other one four.
    assert first["selected"] == 6 + 2
    assert first["completed"] == 6
    assert second["selected"] == 8
    assert second["completed"] is None  # none: « moins de 5 »


def test_hours_of_rendezvous_realises(world):
    bilans = plant_bilans(world.conseiller, 5)
    for bilan in bilans:
        RendezVous.objects.create(
            bilan=bilan,
            kind=RendezVous.Kind.choices[0][0],
            starts_at=timezone.make_aware(datetime.datetime(YEAR, 3, 10, 9)),
            duration_minutes=90,
            actual_minutes=90,
            modalite=RendezVous.Modalite.choices[0][0],
            status=RendezVous.Status.REALISE,
        )
    meetings = group(report_for(world.montpellier).figures)["rendezvous"]
    assert meetings["number"] == 5
    assert meetings["minutes"] == 450
    assert meetings["hours_display"] == "7 h 30"


def test_under_five_is_stored_as_masked(world):
    # Two bilans in the académie (the world's): no count is stored.
    figures = report_for(world.montpellier).figures
    everything = group(figures)
    assert everything["started"] is None
    assert everything["rendezvous"] is None
    assert all(m["count"] is None for m in everything["modalites"])
    assert "2" not in str(everything["started"])


def test_satisfaction_per_question(world):
    page = questionnaire()
    plant_responses(page, world.conseiller, 5, choice_index=0)
    figures = report_for(world.montpellier, year=timezone.localdate().year).figures
    satisfaction = figures["questionnaires"][0]
    assert satisfaction["groups"][0]["responses"] == 5
    counted = [q for q in satisfaction["groups"][0]["questions"] if q["cells"]]
    assert counted
    assert counted[0]["cells"][0]["count"] == 5
    # Sète had none: masked.
    sete = next(g for g in satisfaction["groups"] if g["label"] == "Sète")
    assert sete["responses"] is None
    assert all(q["cells"] is None for q in sete["questions"])


def test_a_report_for_one_dabm(world):
    plant_bilans(world.autre_conseiller, 5)
    plant_bilans(world.conseiller, 7)
    figures = report_for(world.montpellier, dabm=world.sete).figures
    assert [g["label"] for g in figures["groups"]] == ["Ensemble"]
    assert group(figures)["started"] == 6  # five and the world's other bilan


def test_a_quarter_and_two_dates(world):
    plant_bilans(world.conseiller, 5, start=datetime.date(YEAR, 2, 10))
    plant_bilans(world.conseiller, 6, start=datetime.date(YEAR, 5, 10))
    first = report_for(
        world.montpellier, period_kind=ActivityReport.PeriodKind.QUARTER, quarter=1
    )
    assert first.period_bounds() == (
        datetime.date(YEAR, 1, 1),
        datetime.date(YEAR, 3, 31),
    )
    assert group(first.figures)["started"] == 5
    dates = report_for(
        world.montpellier,
        period_kind=ActivityReport.PeriodKind.DATES,
        year=None,
        start_date=datetime.date(YEAR, 5, 1),
        end_date=datetime.date(YEAR, 5, 31),
    )
    assert group(dates.figures)["started"] == 6
    assert dates.figures["period"] == "Du 01/05/2026 au 31/05/2026"


def test_the_figures_stay_frozen_against_later_activity(world):
    plant_bilans(world.conseiller, 5)
    report = report_for(world.montpellier)
    before = report.figures
    plant_bilans(world.conseiller, 10, end=IN_YEAR + datetime.timedelta(days=20))
    report.refresh_from_db()
    report.title = "Rapport 2026 (relu)"
    report.save()
    report.save_revision()
    report.refresh_from_db()
    assert report.figures == before
    assert report.get_latest_revision_as_object().figures == before


def count_queries(report):
    with CaptureQueriesContext(connection) as queries:
        compute_figures(report)
    return len(queries)


def test_the_queries_do_not_grow_with_the_bilans(world):
    page = questionnaire()
    report = report_for(world.montpellier, year=timezone.localdate().year)
    plant_bilans(world.conseiller, 6, end=datetime.date(YEAR, 6, 1))
    plant_responses(page, world.conseiller, 6)
    few = count_queries(report)
    other = ConseillerFactory(dabm=world.sete)
    plant_bilans(other, 60, end=datetime.date(YEAR, 6, 1))
    plant_responses(page, other, 54)
    assert group(compute_figures(report))["closed"] >= 60
    assert count_queries(report) == few
