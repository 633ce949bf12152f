"""« Mes rendez-vous »: what a dashboard and a bilan page show, in one query.

The next rendez-vous first (soonest at the top), the past and cancelled ones
below (latest at the top). The same queries whatever their number; each list is
cut at LIMIT on the dashboards, the bilan page keeps them all.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from .models import RendezVous

LIMIT = 20
# No rendez-vous is longer (the form offers up to 4 hours): how far back a
# rendez-vous still under way may have started.
LONGEST = datetime.timedelta(hours=8)


@dataclass
class RendezVousList:
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.upcoming or self.past)


def _split(rows, now, limit):
    result = RendezVousList()
    for rendezvous in rows:
        if rendezvous.status == RendezVous.Status.PLANIFIE and rendezvous.ends_at > now:
            result.upcoming.append(rendezvous)
        else:
            result.past.append(rendezvous)
    result.past.reverse()
    if limit is not None:
        result.upcoming = result.upcoming[:limit]
        result.past = result.past[:limit]
    return result


def rendezvous_of_user(user, *, limit=LIMIT):
    """The rendez-vous of the bilans the user is a party of (candidate or
    conseiller): one query whatever their number."""
    rows = (
        RendezVous.objects.visible_to(user)
        .for_parties(user)
        .select_related("bilan__candidate", "bilan__conseiller")
    )
    now = timezone.now()
    upcoming = rows.filter(
        status=RendezVous.Status.PLANIFIE, starts_at__gte=now - LONGEST
    ).order_by("starts_at")
    past = rows.filter(
        Q(starts_at__lt=now) | ~Q(status=RendezVous.Status.PLANIFIE)
    ).order_by("-starts_at")
    # One query for both lists: the next ones and the latest past ones, each
    # cut in a subquery.
    shown = rows.filter(
        Q(pk__in=upcoming.values("pk")[:limit]) | Q(pk__in=past.values("pk")[:limit])
    ).order_by("starts_at", "pk")
    return _split(list(shown), now, limit)


def rendezvous_of_bilan(bilan):
    """All the rendez-vous of one bilan, for its page."""
    rows = RendezVous.objects.filter(bilan=bilan).select_related(
        "bilan__candidate", "bilan__conseiller"
    )
    return _split(list(rows.order_by("starts_at")), timezone.now(), None)
