"""The hours meter of a bilan: what its rendez-vous add up to.

Hours réalisées are the actual durations of the réalisé rendez-vous; hours
planned count the planned ones at their duration too, so that planning beyond
`BILAN_MAX_HOURS` (24 h, Code du travail L6313-4) is refused. Per bilan with
`realised_minutes` / `planned_minutes`, for a listing with the `realised_minutes`
annotation (one query, whatever the number of rows).
"""

from django.apps import apps
from django.conf import settings
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

# RendezVous.Status values, spelled here: the template tags of the bilan pages
# read this module, and `phases.models` imports the template tags (through the
# question blocks), so this module imports no model (tests check the values).
REALISE = "realise"
PLANIFIE = "planifie"


class HoursCapExceeded(Exception):
    """The rendez-vous would take the bilan beyond its maximum hours."""

    def __init__(self, planned, extra, cap):
        self.planned, self.extra, self.cap = planned, extra, cap
        super().__init__(
            _(
                "Ce rendez-vous porterait le bilan à %(total)s, au-delà de la "
                "durée maximale de %(cap)s."
            )
            % {"total": format_minutes(planned + extra), "cap": format_minutes(cap)}
        )


def max_minutes():
    return settings.BILAN_MAX_HOURS * 60


def min_minutes():
    """The minimum of hours réalisées in minutes, or 0 when there is none."""
    return (getattr(settings, "BILAN_MIN_HOURS", 0) or 0) * 60


def format_minutes(minutes):
    """« 7 h 30 », « 24 h », « 0 h »."""
    hours, rest = divmod(int(minutes or 0), 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def realised_annotation():
    """An expression for `.annotate()` on a Bilan queryset: the minutes of its
    réalisé rendez-vous (0 when none). A subquery, so that other joins of the
    listing (its filters) never multiply the sum."""
    rendezvous = apps.get_model("phases", "RendezVous")
    total = (
        rendezvous.objects.filter(bilan=OuterRef("pk"), status=REALISE)
        .order_by()
        .values("bilan")
        .annotate(total=Sum("actual_minutes"))
        .values("total")
    )
    return Coalesce(Subquery(total), Value(0), output_field=IntegerField())


def with_realised_minutes(queryset):
    """Bilans annotated with `realised_minutes`."""
    return queryset.annotate(realised_minutes=realised_annotation())


def realised_minutes(bilan):
    """Minutes of the bilan's réalisé rendez-vous (their actual durations)."""
    annotated = getattr(bilan, "realised_minutes", None)
    if annotated is not None:
        return annotated
    return (
        bilan.rendezvous.filter(status=REALISE).aggregate(total=Sum("actual_minutes"))[
            "total"
        ]
        or 0
    )


def planned_minutes(bilan, exclude=None):
    """Minutes the bilan's rendez-vous take: réalisé ones at their actual
    duration, planned ones at their planned duration; annulé and absent do not
    count. `exclude`: a rendez-vous (or its pk) left out, the one being moved."""
    rendezvous = bilan.rendezvous.filter(status__in=[PLANIFIE, REALISE])
    if exclude is not None:
        rendezvous = rendezvous.exclude(pk=getattr(exclude, "pk", exclude))
    total = rendezvous.aggregate(
        total=Sum(
            Case(
                When(
                    status=REALISE,
                    actual_minutes__isnull=False,
                    then=F("actual_minutes"),
                ),
                default=F("duration_minutes"),
                output_field=IntegerField(),
            )
        )
    )["total"]
    return total or 0


def check_within_cap(bilan, extra_minutes, exclude=None):
    """Refuse (`HoursCapExceeded`) `extra_minutes` more on the bilan when its
    rendez-vous would then pass `BILAN_MAX_HOURS`. Moving a rendez-vous: pass
    it as `exclude` and its new duration as `extra_minutes`."""
    planned = planned_minutes(bilan, exclude=exclude)
    cap = max_minutes()
    if planned + int(extra_minutes) > cap:
        raise HoursCapExceeded(planned, int(extra_minutes), cap)


def hours_summary(bilan, done=None):
    """What the hours line shows; `done`: the minutes réalisées when the caller
    has already read them."""
    if done is None:
        done = realised_minutes(bilan)
    minimum = min_minutes()
    return {
        "realised": format_minutes(done),
        "maximum": format_minutes(max_minutes()),
        "minimum": format_minutes(minimum) if minimum else None,
        "below_minimum": bool(minimum) and done < minimum,
    }
