"""The figures of a « Rapport d'activité », computed in the database.

A fixed handful of aggregate queries whatever the number of bilans (a test
counts them for 6 and for 60 bilans): counts grouped by DABM, then added up for
the whole scope. Every figure drawn from fewer than `MIN_RESPONSES` (5) bilans or
responses is stored as None and shown as « moins de 5 »: with so few, a reader
could tell who is behind it. Nothing is ever grouped by conseiller, and no
answer's text is read: only the counted questions (choices, yes/no, grids) of the
questionnaires, as on the statistics page.

What the figures count, for a period from its first to its last day:

- bilans commencés: those whose start date falls in the period;
- bilans clos (terminés): closed with « Clore le bilan », end date in the period;
- bilans abandonnés: a bilan ended without « Clore le bilan », i.e. whose status
  is « Archivé » (the data model's only other way out of « En cours »), counted
  on its end date, or its last change when it has none, in the period;
- durée d'un bilan clos: from its start date to its end date, in days;
- phases sélectionnées: the phases chosen for the bilans commencés; phases
  terminées: phases completed (terminée or validée) during the period;
- heures de rendez-vous: the actual duration of the rendez-vous réalisés that
  took place during the period (`phases.hours`);
- modalités: the bilans commencés by modalité;
- questionnaires: the responses sent during the period.
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from phases.hours import REALISE, format_minutes
from phases.models import Bilan, BilanPhase, PhasePage, PhaseSubmission, RendezVous
from questionnaires.models import QuestionnairePage, QuestionnaireResponse
from questionnaires.statistics import (
    MIN_RESPONSES,
    is_masked,
    option_cells,
    quarter_label,
)
from users.models import Dabm

#: Bumped when the shape of the stored figures changes.
VERSION = 1
ALL = "all"


def abandon_definition():
    return _(
        "Un bilan abandonné est un bilan arrêté sans « Clore le bilan » : son "
        "statut est « Archivé ». Il est compté à sa date de fin, ou à sa dernière "
        "modification s'il n'en a pas."
    )


def period_label(report):
    start, end = report.period_bounds()
    if report.period_kind == report.PeriodKind.YEAR:
        return _("Année %(year)s") % {"year": report.year}
    if report.period_kind == report.PeriodKind.QUARTER:
        return quarter_label((report.year, report.quarter))
    return _("Du %(start)s au %(end)s") % {
        "start": date_format(start, "SHORT_DATE_FORMAT"),
        "end": date_format(end, "SHORT_DATE_FORMAT"),
    }


def shown(count):
    """The count itself, or None when it is drawn from fewer than five."""
    return None if is_masked(count) else count


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _median(histogram):
    """Median of a {value: how many} histogram."""
    total = sum(histogram.values())
    if not total:
        return None
    values = sorted(histogram)
    low_rank, high_rank = (total - 1) // 2, total // 2
    seen = 0
    low = high = None
    for value in values:
        seen += histogram[value]
        if low is None and seen > low_rank:
            low = value
        if seen > high_rank:
            high = value
            break
    return (low + high) / 2


def compute_figures(report):
    """The JSON-ready figures of `report`'s académie (or DABM) and period."""
    start, end = report.period_bounds()
    since, until = _aware(start), _aware(end + datetime.timedelta(days=1))
    bilans = Bilan.objects.filter(dabm__academie_id=report.academie_id)
    dabms = Dabm.objects.filter(academie_id=report.academie_id)
    if report.dabm_id:
        bilans = bilans.filter(dabm_id=report.dabm_id)
        dabms = dabms.filter(pk=report.dabm_id)
    dabm_names = dict(dabms.order_by("name").values_list("pk", "name"))

    started_q = Q(start_date__range=(start, end))
    closed_q = Q(status=Bilan.Status.TERMINE, end_date__range=(start, end))
    abandoned_q = Q(status=Bilan.Status.ARCHIVE) & (
        Q(end_date__range=(start, end))
        | Q(end_date__isnull=True, updated_at__gte=since, updated_at__lt=until)
    )
    modalites = list(Bilan.Modalite.choices)
    counts = {
        row["dabm_id"]: row
        for row in bilans.values("dabm_id")
        .annotate(
            started=Count("id", filter=started_q),
            closed=Count("id", filter=closed_q),
            abandoned=Count("id", filter=abandoned_q),
            **{
                f"modalite_{value}": Count("id", filter=started_q & Q(modalite=value))
                for value, _label in modalites
            },
        )
        .order_by()
    }
    # Durations as a histogram (days → how many bilans), so that the median
    # comes from the database's grouping, not from one row per bilan.
    durations = defaultdict(Counter)
    for dabm_id, duration, number in (
        bilans.filter(closed_q)
        .annotate(
            duration=ExpressionWrapper(
                F("end_date") - F("start_date"), output_field=DurationField()
            )
        )
        .values_list("dabm_id", "duration")
        .annotate(n=Count("id"))
        .order_by()
    ):
        days = duration.days if isinstance(duration, datetime.timedelta) else duration
        durations[dabm_id][days] += number
    rendezvous = {
        row["bilan__dabm_id"]: row
        for row in RendezVous.objects.filter(
            bilan__in=bilans,
            status=REALISE,
            starts_at__gte=since,
            starts_at__lt=until,
        )
        .values("bilan__dabm_id")
        .annotate(
            number=Count("id"),
            minutes=Sum("actual_minutes"),
            bilans=Count("bilan", distinct=True),
        )
        .order_by()
    }
    selected = defaultdict(Counter)
    for dabm_id, phase_id, number in (
        BilanPhase.objects.filter(bilan__in=bilans.filter(started_q))
        .values_list("bilan__dabm_id", "phase_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        selected[dabm_id][phase_id] += number
    completed = defaultdict(Counter)
    for dabm_id, phase_id, number in (
        PhaseSubmission.objects.filter(
            bilan__in=bilans,
            status__in=PhaseSubmission.DONE,
            completed_at__gte=since,
            completed_at__lt=until,
        )
        .values_list("bilan__dabm_id", "phase_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        completed[dabm_id][phase_id] += number
    phases = list(PhasePage.objects.live().order_by("path").values_list("pk", "title"))

    def group(label, dabm_ids):
        def total(key):
            return sum(counts.get(d, {}).get(key, 0) for d in dabm_ids)

        histogram = Counter()
        for d in dabm_ids:
            histogram.update(durations.get(d, {}))
        closed = sum(histogram.values())
        duration = None
        if not is_masked(closed):
            mean = sum(days * n for days, n in histogram.items()) / closed
            duration = {"median_days": _median(histogram), "mean_days": round(mean, 1)}
        meetings = {
            key: sum(rendezvous.get(d, {}).get(key) or 0 for d in dabm_ids)
            for key in ("number", "minutes", "bilans")
        }
        return {
            "label": label,
            "started": shown(total("started")),
            "closed": shown(total("closed")),
            "abandoned": shown(total("abandoned")),
            "duration": duration,
            "rendezvous": None
            if is_masked(meetings["bilans"])
            else {
                "number": meetings["number"],
                "minutes": meetings["minutes"],
                "hours": round(meetings["minutes"] / 60, 1),
                "hours_display": format_minutes(meetings["minutes"]),
            },
            "modalites": [
                {"label": str(text), "count": shown(total(f"modalite_{value}"))}
                for value, text in modalites
            ],
            "phases": [
                {
                    "phase": title,
                    "selected": shown(sum(selected[d][pk] for d in dabm_ids)),
                    "completed": shown(sum(completed[d][pk] for d in dabm_ids)),
                }
                for pk, title in phases
            ],
        }

    all_ids = list(dabm_names)
    groups = [group(_("Ensemble"), all_ids)]
    if not report.dabm_id:
        groups += [group(name, [pk]) for pk, name in dabm_names.items()]
    return {
        "version": VERSION,
        "scope": {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "dabm": report.dabm_id,
        },
        "period": period_label(report),
        "academie": report.academie.name,
        "dabm": dabm_names.get(report.dabm_id) if report.dabm_id else None,
        "min": MIN_RESPONSES,
        "abandon_definition": abandon_definition(),
        "groups": groups,
        "questionnaires": _questionnaires(bilans, since, until, dabm_names, report),
    }


def _questionnaires(bilans, since, until, dabm_names, report):
    """Satisfaction and six-month figures: per counted question, how many gave
    each answer, for the responses sent in the period; by DABM and in all.

    The question blocks count their answers themselves (`tally_rows`, `tally`),
    as `questionnaires.statistics.questionnaire_figures` has them do; that
    function is scoped to a user and to the last four quarters, a report to an
    académie and its own period, hence this loop over the same block API.
    """
    pages = QuestionnairePage.objects.filter(
        kind__in=[
            QuestionnairePage.Kind.SATISFACTION,
            QuestionnairePage.Kind.SIX_MONTHS,
        ]
    ).order_by("kind")
    return [
        _questionnaire(page, bilans, since, until, dabm_names, report) for page in pages
    ]


def _questionnaire(page, bilans, since, until, dabm_names, report):
    questions = [
        (child, child.block.tally_rows(child.value)) for child in page.questions()
    ]
    questions = [(child, rows) for child, rows in questions if rows]
    responses = Counter()
    counts = defaultdict(Counter)  # (dabm, block id, row key) → options
    bases = Counter()  # (dabm, block id, row key) → responses to that row
    rows = (
        QuestionnaireResponse.objects.filter(
            questionnaire=page,
            bilan__in=bilans,
            submitted_at__gte=since,
            submitted_at__lt=until,
        )
        .values_list("answers", "bilan__dabm_id")
        .order_by()
    )
    for answers, dabm_id in rows.iterator(chunk_size=2000):
        responses[dabm_id] += 1
        for child, _rows in questions:
            answer = answers.get(child.id)
            if answer is None:
                continue
            answered = set()
            for row_key, option in child.block.tally(child.value, answer):
                counts[(dabm_id, child.id, row_key)][option] += 1
                answered.add(row_key)
            for row_key in answered:
                bases[(dabm_id, child.id, row_key)] += 1

    def group(label, dabm_ids):
        items = []
        for child, tally_rows in questions:
            for row_key, row_label, options in tally_rows:
                counter, base = Counter(), 0
                for d in dabm_ids:
                    counter.update(counts.get((d, child.id, row_key), {}))
                    base += bases.get((d, child.id, row_key), 0)
                items.append(
                    {
                        "label": str(child.value["label"]),
                        "statement": str(row_label) if row_label else "",
                        "base": shown(base),
                        "cells": option_cells(counter, options, base),
                    }
                )
        return {
            "label": label,
            "responses": shown(sum(responses[d] for d in dabm_ids)),
            "questions": items,
        }

    all_ids = list(dabm_names)
    groups = [group(_("Ensemble"), all_ids)]
    if not report.dabm_id:
        groups += [group(name, [pk]) for pk, name in dabm_names.items()]
    return {"title": page.title, "kind": page.kind, "groups": groups}
