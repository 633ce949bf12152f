"""Figures on how the phases evolve, for an académie's administrators.

Counts and durations only, never answers. Each figure is a handful of aggregate
queries whatever the number of bilans.
"""

import datetime
import statistics
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..hours import REALISE, format_minutes
from ..models import Bilan, BilanPhase, PhasePage, PhaseSubmission


def _month_start(day):
    return day.replace(day=1)


def _previous_months(today, count):
    months = []
    month = _month_start(today)
    for _index in range(count):
        months.append(month)
        month = _month_start(month - datetime.timedelta(days=1))
    return list(reversed(months))


def phase_statistics(user):
    """Per phase, in order: selected, completed, validated and median days."""
    bilans = Bilan.objects.visible_to(user)
    selected = dict(
        BilanPhase.objects.filter(bilan__in=bilans)
        .values_list("phase_id")
        .annotate(n=Count("id"))
    )
    done_counts = {
        row["phase_id"]: row
        for row in PhaseSubmission.objects.filter(
            bilan__in=bilans, status__in=PhaseSubmission.DONE
        )
        .values("phase_id")
        .annotate(
            done=Count("id"),
            validated=Count("id", filter=Q(status=PhaseSubmission.Status.VALIDEE)),
        )
    }
    durations = defaultdict(list)
    rows = PhaseSubmission.objects.filter(
        bilan__in=bilans,
        status__in=PhaseSubmission.DONE,
        completed_at__isnull=False,
    ).values_list("phase_id", "completed_at", "bilan__start_date")
    for phase_id, completed_at, start_date in rows.iterator(chunk_size=2000):
        completed_day = timezone.localtime(completed_at).date()
        durations[phase_id].append(max((completed_day - start_date).days, 0))
    result = []
    for phase in PhasePage.objects.live().order_by("path").only("id", "title"):
        counts = done_counts.get(phase.id, {})
        days = durations.get(phase.id)
        result.append(
            {
                "phase": phase.title,
                "selected": selected.get(phase.id, 0),
                "completed": counts.get("done", 0),
                "validated": counts.get("validated", 0),
                "median_days": statistics.median(days) if days else None,
            }
        )
    return result


def monthly_completions(user, months=12):
    """Phases completed per month over the last `months` months (current included)."""
    today = timezone.localdate()
    month_list = _previous_months(today, months)
    since = timezone.make_aware(
        datetime.datetime.combine(month_list[0], datetime.time.min)
    )
    counts = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["n"]
        for row in PhaseSubmission.objects.filter(
            bilan__in=Bilan.objects.visible_to(user),
            status__in=PhaseSubmission.DONE,
            completed_at__gte=since,
        )
        .annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(n=Count("id"))
    }
    return [{"month": month, "completed": counts.get(month, 0)} for month in month_list]


def _grouped(user, group_field, label_fields):
    bilans = Bilan.objects.visible_to(user)
    rows = (
        bilans.values(group_field, *label_fields)
        .annotate(
            bilans=Count("id", distinct=True),
        )
        .order_by(*label_fields)
    )
    selected = dict(
        BilanPhase.objects.filter(bilan__in=bilans)
        .values_list(f"bilan__{group_field}")
        .annotate(n=Count("id"))
    )
    completed = dict(
        PhaseSubmission.objects.filter(
            bilan__in=bilans, status__in=PhaseSubmission.DONE
        )
        .values_list(f"bilan__{group_field}")
        .annotate(n=Count("id"))
    )
    result = []
    for row in rows:
        key = row[group_field]
        result.append(
            {
                "label": " ".join(str(row[f]) for f in label_fields).strip(),
                "bilans": row["bilans"],
                "selected": selected.get(key, 0),
                "completed": completed.get(key, 0),
            }
        )
    return result


def by_dabm(user):
    return _grouped(user, "dabm_id", ["dabm__name"])


def by_conseiller(user):
    return _grouped(
        user, "conseiller_id", ["conseiller__first_name", "conseiller__last_name"]
    )


def _rendezvous_grouped(user, group_field, label_fields):
    """Per DABM or conseiller of the visible bilans: rendez-vous réalisés and the
    hours they add up to (their actual durations). One query, whatever the
    number of rows."""
    realise = Q(rendezvous__status=REALISE)
    rows = (
        Bilan.objects.visible_to(user)
        .values(group_field, *label_fields)
        .annotate(
            realised=Count("rendezvous", filter=realise),
            minutes=Sum("rendezvous__actual_minutes", filter=realise),
        )
        .order_by(*label_fields, group_field)
    )
    return [
        {
            "label": " ".join(str(row[f]) for f in label_fields).strip(),
            "rendezvous": row["realised"],
            "minutes": row["minutes"] or 0,
            # The chart draws hours, one decimal; the table says « 7 h 30 ».
            "hours": round((row["minutes"] or 0) / 60, 1),
            "hours_display": format_minutes(row["minutes"] or 0),
        }
        for row in rows
    ]


def rendezvous_by_dabm(user):
    return _rendezvous_grouped(user, "dabm_id", ["dabm__name"])


def rendezvous_by_conseiller(user):
    return _rendezvous_grouped(
        user, "conseiller_id", ["conseiller__first_name", "conseiller__last_name"]
    )


# DSFR palette colours, contrasted enough against white (WCAG 1.4.11).
BAR_COLOURS = {
    "selected": "#6a6af4",
    "completed": "#18753c",
    "validated": "#b34000",
    "rendezvous": "#000091",
    "hours": "#a558a0",
}
# What each colour stands for, said under every chart that has several series
# (colour must not be the only way to tell them apart, WCAG 1.4.1).
SERIES_LABELS = {
    "selected": _("Phases sélectionnées"),
    "completed": _("Phases terminées"),
    "validated": _("Phases validées"),
    "rendezvous": _("Rendez-vous réalisés"),
    "hours": _("Heures réalisées"),
    "responses": _("Réponses"),
    "rate": _("Taux de réponse (%)"),
}


def bar_chart(rows, value_keys, label_key, width=600, bar_height=18, gap=10):
    """Geometry of a horizontal bar chart, drawn by an SVG template.

    Returns the rows with, for each value, its bar's x/width, plus the size of the
    drawing. Server-side: no script, readable by assistive technology through the
    table that always accompanies it.
    """
    label_width = 0  # labels sit above the bars, full width
    maximum = max((row[key] for row in rows for key in value_keys), default=0) or 1
    band = bar_height * len(value_keys) + gap + 16
    chart = []
    for index, row in enumerate(rows):
        top = index * band
        bars = []
        for position, key in enumerate(value_keys):
            value = row[key]
            bars.append(
                {
                    "key": key,
                    "colour": BAR_COLOURS.get(key, "#000091"),
                    "value": value,
                    "y": top + 16 + position * bar_height,
                    "width": int((width - 60) * value / maximum),
                    "x": label_width,
                }
            )
        chart.append({"label": row[label_key], "y": top + 12, "bars": bars})
    legend = [
        {"colour": BAR_COLOURS.get(key, "#000091"), "label": SERIES_LABELS[key]}
        for key in value_keys
    ]
    return {
        "rows": chart,
        "height": band * len(rows),
        "width": width,
        "legend": legend if len(value_keys) > 1 else [],
    }
