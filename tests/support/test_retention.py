"""The copies of « Signaler un problème » reports are kept a year, then deleted by
the daily `purge_bilans`."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from support.models import ProblemReport


def report(world, *, days_ago, steps):
    return ProblemReport.objects.create(
        academie=world.montpellier,
        page_url="/tableau-de-bord/",
        steps=steps,
        reporter_email="personne@example.org",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def purge(**options):
    out = StringIO()
    call_command("purge_bilans", stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_reports_older_than_the_retention_period_are_deleted(world, settings):
    settings.PROBLEM_REPORT_RETENTION_DAYS = 365
    old = report(world, days_ago=366, steps="Je ne trouvais plus mon bilan.")
    recent = report(world, days_ago=364, steps="La page a mis du temps.")

    dry = purge(dry_run=True)
    assert "1 signalement(s) de plus de 365 jours effacé(s)" in dry
    assert ProblemReport.objects.filter(pk=old.pk).exists()

    assert "1 signalement(s) de plus de 365 jours effacé(s)" in purge()
    assert not ProblemReport.objects.filter(pk=old.pk).exists()
    assert ProblemReport.objects.filter(pk=recent.pk).exists()
    # Run again the same day: nothing more goes.
    assert "0 signalement(s) de plus de 365 jours effacé(s)" in purge()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        assert "1 signalement(s)" in purge()
    assert not ProblemReport.objects.exists()


@pytest.mark.django_db
def test_the_period_is_a_setting(world, settings):
    settings.PROBLEM_REPORT_RETENTION_DAYS = 30
    report(world, days_ago=31, steps="Un signalement du mois dernier.")
    assert "1 signalement(s) de plus de 30 jours effacé(s)" in purge()
