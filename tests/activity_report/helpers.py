"""Bilans with dates and statuses, and reports, for the report's tests."""

import datetime
import html as html_lib

from phases.models import Bilan
from tests.factories import UserFactory, bilan_for

YEAR = 2026
IN_YEAR = datetime.date(YEAR, 3, 2)


def read(response):
    """The page's text as a person reads it (entities decoded)."""
    return html_lib.unescape(response.content.decode())


def plant_bilans(conseiller, count, *, start=IN_YEAR, end=None, status=None, **fields):
    """`count` bilans of new candidates of `conseiller` that started on `start`,
    closed (terminé) on `end` when given."""
    bilans = []
    for _index in range(count):
        candidate = UserFactory(dabm=conseiller.dabm)
        bilans.append(bilan_for(candidate, conseiller, **fields))
    update = {"start_date": start}
    if end is not None:
        update.update(end_date=end, status=Bilan.Status.TERMINE)
    if status is not None:
        update["status"] = status
    Bilan.objects.filter(pk__in=[b.pk for b in bilans]).update(**update)
    return bilans


def report_for(academie, *, title="Rapport 2026", live=True, **fields):
    from activity_report.models import ActivityReport

    report = ActivityReport.objects.create(
        title=title,
        academie=academie,
        period_kind=fields.pop("period_kind", ActivityReport.PeriodKind.YEAR),
        year=fields.pop("year", YEAR),
        live=live,
        **fields,
    )
    report.save_revision()
    return report


def group(figures, label="Ensemble"):
    return next(g for g in figures["groups"] if g["label"] == label)
