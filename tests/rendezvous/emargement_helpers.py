"""Rendez-vous made directly for the émargement and hours tests."""

import datetime

from django.utils import timezone

from phases.models import RendezVous


def rendezvous(
    bilan,
    *,
    days=-1,
    minutes=60,
    status=RendezVous.Status.PLANIFIE,
    actual=None,
    kind=RendezVous.Kind.INVESTIGATION,
):
    return RendezVous.objects.create(
        bilan=bilan,
        kind=kind,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        duration_minutes=minutes,
        modalite=RendezVous.Modalite.PRESENTIEL,
        status=status,
        actual_minutes=actual,
        marked_at=timezone.now() if status != RendezVous.Status.PLANIFIE else None,
    )
