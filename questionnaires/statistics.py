"""The questionnaires' figures on the administrators' statistics page.

Aggregates only, read in a fixed handful of queries whatever the number of
responses: how many were asked and answered (overall and per DABM), responses
per quarter, and for each counted question (choices, yes/no, each statement of
a grid) how many gave each answer, overall and per quarter. Free answers are
never shown. Any figure drawn from fewer than MIN_RESPONSES responses is shown
as « moins de 5 réponses », never as a number: with so few, a conseiller or an
administrator could tell who answered what.
"""

from collections import Counter, defaultdict

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from phases.models import Bilan
from phases.reports.statistics import bar_chart

from .models import FollowUp, QuestionnairePage, QuestionnaireResponse

MIN_RESPONSES = 5
QUARTERS = 4


def masked_label():
    return _("moins de 5 réponses")


def is_masked(responses):
    return responses < MIN_RESPONSES


def quarter_of(day):
    return (day.year, (day.month - 1) // 3 + 1)


def last_quarters(today, count=QUARTERS):
    """The last `count` quarters, the current one last, as (year, n)."""
    year, number = quarter_of(today)
    quarters = []
    for _index in range(count):
        quarters.append((year, number))
        year, number = (year, number - 1) if number > 1 else (year - 1, 4)
    return list(reversed(quarters))


def quarter_label(quarter):
    """« 1er trimestre 2026 », « 2e trimestre 2026 »…"""
    year, number = quarter
    if number == 1:
        return _("1er trimestre %(year)s") % {"year": year}
    return _("%(number)se trimestre %(year)s") % {"number": number, "year": year}


def _share(count, base):
    return round(100 * count / base) if base else 0


def option_cells(counter, options, base):
    """[{"option", "count", "percent"}] or None when masked (the statistics
    page and the Rapport d'activité)."""
    if is_masked(base):
        return None
    return [
        {
            "option": option,
            "count": counter[option],
            "percent": _share(counter[option], base),
        }
        for option in options
    ]


def _invited(kind, bilans):
    """{dabm id: bilans asked}: closed bilans for the satisfaction, followed-up
    ones for the six-month questionnaire."""
    if kind == QuestionnairePage.Kind.SATISFACTION:
        asked = bilans.filter(status=Bilan.Status.TERMINE)
    else:
        asked = bilans.filter(pk__in=FollowUp.objects.values("bilan_id"))
    return dict(asked.values_list("dabm_id").annotate(n=Count("id")).order_by())


def questionnaire_figures(user, page, *, today=None):
    """What the statistics page shows of one questionnaire, for `user`'s scope."""
    today = today or timezone.localdate()
    bilans = Bilan.objects.visible_to(user)
    quarters = last_quarters(today)
    invited = _invited(page.kind, bilans)
    dabm_names = dict(bilans.values_list("dabm_id", "dabm__name").distinct().order_by())
    questions = [
        (child, child.block.tally_rows(child.value)) for child in page.questions()
    ]
    questions = [(child, rows) for child, rows in questions if rows]

    per_dabm = Counter()
    per_quarter = Counter()
    # {(block id, row key): {"all": Counter, quarter: Counter}}, and the bases.
    counts = defaultdict(lambda: defaultdict(Counter))
    bases = defaultdict(Counter)
    rows = (
        QuestionnaireResponse.objects.filter(questionnaire=page, bilan__in=bilans)
        .values_list("answers", "submitted_at", "bilan__dabm_id")
        .order_by()
    )
    for answers, submitted_at, dabm_id in rows.iterator(chunk_size=2000):
        per_dabm[dabm_id] += 1
        quarter = quarter_of(timezone.localtime(submitted_at).date())
        per_quarter[quarter] += 1
        for child, _rows in questions:
            answer = answers.get(child.id)
            if answer is None:
                continue
            answered_rows = set()
            for row_key, option in child.block.tally(child.value, answer):
                counts[(child.id, row_key)]["all"][option] += 1
                counts[(child.id, row_key)][quarter][option] += 1
                answered_rows.add(row_key)
            for row_key in answered_rows:
                bases[(child.id, row_key)]["all"] += 1
                bases[(child.id, row_key)][quarter] += 1

    total = sum(per_dabm.values())
    rates = [
        _rate(dabm_names.get(dabm_id, ""), invited.get(dabm_id, 0), per_dabm[dabm_id])
        for dabm_id in sorted(
            set(invited) | set(per_dabm), key=lambda d: dabm_names.get(d, "")
        )
    ]
    over_time = [
        {
            "label": quarter_label(quarter),
            "responses": per_quarter[quarter],
            "masked": is_masked(per_quarter[quarter]),
        }
        for quarter in quarters
    ]
    shown = [row for row in over_time if not row["masked"]]
    result_questions = []
    for child, tally_rows in questions:
        for row_key, row_label, options in tally_rows:
            key = (child.id, row_key)
            base = bases[key]["all"]
            overall = option_cells(counts[key]["all"], options, base)
            periods = [
                {
                    "label": quarter_label(quarter),
                    "base": bases[key][quarter],
                    "cells": option_cells(
                        counts[key][quarter], options, bases[key][quarter]
                    ),
                }
                for quarter in quarters
            ]
            chart = None
            if overall is not None:
                chart = bar_chart(
                    [
                        {"label": cell["option"], "responses": cell["count"]}
                        for cell in overall
                    ],
                    ["responses"],
                    "label",
                )
            result_questions.append(
                {
                    "id": f"{child.id}-{row_key}" if row_key else child.id,
                    "label": str(child.value["label"]),
                    "statement": row_label,
                    "options": options,
                    "base": base,
                    "overall": overall,
                    "periods": periods,
                    "chart": chart,
                }
            )
    rated = [row for row in rates if row["rate"] is not None]
    return {
        "page": page,
        "total": _rate(_("Ensemble"), sum(invited.values()), total),
        "rates": rates,
        # Only the DABM whose rate is shown: a masked one has no bar.
        "rates_chart": bar_chart(rated, ["rate"], "label") if rated else None,
        "over_time": over_time,
        "over_time_chart": bar_chart(shown, ["responses"], "label") if shown else None,
        "questions": result_questions,
    }


def _rate(label, invited, responses):
    masked = is_masked(responses)
    return {
        "label": label,
        "invited": invited,
        "responses": None if masked else responses,
        "rate": None if masked or not invited else _share(responses, invited),
    }


def statistics_section(user):
    """The `monbilan_statistics_sections` hook: both questionnaires' figures."""
    pages = QuestionnairePage.objects.filter(
        kind__in=[
            QuestionnairePage.Kind.SATISFACTION,
            QuestionnairePage.Kind.SIX_MONTHS,
        ]
    ).order_by("kind")
    return {
        "template": "questionnaires/statistics_section.html",
        "context": {
            "questionnaires": [questionnaire_figures(user, page) for page in pages],
            "masked": masked_label(),
            "min_responses": MIN_RESPONSES,
        },
    }
