"""The hours meter: réalisé rendez-vous add up, the 24 h cap refuses more."""

from django.test.utils import override_settings

import pytest

from phases import hours
from phases.hours import (
    HoursCapExceeded,
    check_within_cap,
    format_minutes,
    planned_minutes,
    realised_minutes,
    with_realised_minutes,
)
from phases.models import Bilan, RendezVous

from .emargement_helpers import rendezvous

REALISE = RendezVous.Status.REALISE


def test_status_values_spelled_in_hours_are_the_models():
    assert hours.REALISE == RendezVous.Status.REALISE
    assert hours.PLANIFIE == RendezVous.Status.PLANIFIE


def test_format():
    assert format_minutes(450) == "7 h 30"
    assert format_minutes(1440) == "24 h"
    assert format_minutes(0) == "0 h"
    assert format_minutes(65) == "1 h 05"


def test_realised_counts_actual_minutes_of_realise_only(world):
    rendezvous(world.bilan, status=REALISE, minutes=120, actual=90)
    rendezvous(world.bilan, status=REALISE, minutes=60, actual=30)
    rendezvous(world.bilan, status=RendezVous.Status.ABSENT, minutes=60)
    rendezvous(world.bilan, status=RendezVous.Status.ANNULE, minutes=60)
    rendezvous(world.bilan, days=3, minutes=180)
    assert realised_minutes(world.bilan) == 120
    # Planned: réalisé at their actual duration, planifié at theirs.
    assert planned_minutes(world.bilan) == 120 + 180
    annotated = with_realised_minutes(Bilan.objects.all()).get(pk=world.bilan.pk)
    assert annotated.realised_minutes == 120
    other = with_realised_minutes(Bilan.objects.all()).get(pk=world.autre_bilan.pk)
    assert other.realised_minutes == 0


def test_the_24_hour_cap(world):
    rendezvous(world.bilan, status=REALISE, minutes=600, actual=600)
    planned = rendezvous(world.bilan, days=2, minutes=780)
    # 10 h + 13 h = 23 h: one more hour fits, 61 minutes do not.
    check_within_cap(world.bilan, 60)
    with pytest.raises(HoursCapExceeded) as refused:
        check_within_cap(world.bilan, 61)
    assert "au-delà de la durée maximale de 24 h" in str(refused.value)
    # Moving the planned one: its own duration is not counted twice.
    check_within_cap(world.bilan, 840, exclude=planned)
    with pytest.raises(HoursCapExceeded):
        check_within_cap(world.bilan, 841, exclude=planned.pk)
    # Cancelled ones free their hours.
    planned.status = RendezVous.Status.ANNULE
    planned.save()
    check_within_cap(world.bilan, 840)


@override_settings(BILAN_MAX_HOURS=2)
def test_the_cap_is_a_setting(world):
    with pytest.raises(HoursCapExceeded):
        check_within_cap(world.bilan, 121)
