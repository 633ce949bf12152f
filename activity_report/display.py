"""What the report's page, its PDF and the public block show of its figures.

The figures are read from the report as frozen (`ActivityReport.figures`); only
the charts' geometry is drawn here, by the statistics' own `bar_chart`. A value
that is None was drawn from fewer than five bilans or responses: it shows as
« moins de 5 » and never makes a bar.
"""

from django.utils.translation import gettext as _

from phases.reports.statistics import bar_chart


def masked_text():
    return _("moins de 5")


def _chartable(rows, keys):
    return [row for row in rows if all(row.get(key) is not None for key in keys)]


def _group_rows(groups):
    """Headline figures as table rows: one line per figure, one column per group."""

    def line(label, values):
        return {"label": label, "values": values}

    def duration(group, key):
        value = (group["duration"] or {}).get(key)
        return None if value is None else value

    def hours(group):
        meetings = group["rendezvous"]
        return None if meetings is None else meetings["hours_display"]

    def meetings(group):
        value = group["rendezvous"]
        return None if value is None else value["number"]

    rows = [
        line(_("Bilans commencés"), [g["started"] for g in groups]),
        line(_("Bilans clos (terminés)"), [g["closed"] for g in groups]),
        line(_("Bilans abandonnés"), [g["abandoned"] for g in groups]),
        line(
            _("Durée médiane d'un bilan clos (jours)"),
            [duration(g, "median_days") for g in groups],
        ),
        line(
            _("Durée moyenne d'un bilan clos (jours)"),
            [duration(g, "mean_days") for g in groups],
        ),
        line(_("Rendez-vous réalisés"), [meetings(g) for g in groups]),
        line(_("Heures de rendez-vous réalisées"), [hours(g) for g in groups]),
    ]
    for index, modalite in enumerate(groups[0]["modalites"]):
        rows.append(
            line(
                _("Modalité : %(modalite)s") % {"modalite": modalite["label"]},
                [g["modalites"][index]["count"] for g in groups],
            )
        )
    return rows


def report_context(report):
    """The admin page's and the PDF's context: every figure, charts and tables."""
    figures = report.figures or {}
    groups = figures.get("groups", [])
    overall = groups[0] if groups else None
    phases = overall["phases"] if overall else []
    per_dabm = groups[1:]
    rendezvous_rows = [
        {
            "label": g["label"],
            "rendezvous": g["rendezvous"]["number"],
            "hours": g["rendezvous"]["hours"],
        }
        for g in per_dabm
        if g["rendezvous"] is not None
    ]
    questionnaires = []
    for questionnaire in figures.get("questionnaires", []):
        all_group = questionnaire["groups"][0]
        questions = []
        for index, question in enumerate(all_group["questions"]):
            chart = None
            if question["cells"]:
                chart = bar_chart(
                    [
                        {"label": cell["option"], "responses": cell["count"]}
                        for cell in question["cells"]
                    ],
                    ["responses"],
                    "label",
                )
            questions.append(
                {
                    **question,
                    "chart": chart,
                    "chart_id": f"graphique-{questionnaire['kind']}-{index}",
                    "by_group": [
                        {"label": g["label"], "base": g["questions"][index]["base"]}
                        for g in questionnaire["groups"]
                    ],
                }
            )
        questionnaires.append(
            {
                "title": questionnaire["title"],
                "responses": [
                    {"label": g["label"], "responses": g["responses"]}
                    for g in questionnaire["groups"]
                ],
                "questions": questions,
            }
        )
    chartable_phases = _chartable(phases, ["selected", "completed"])
    return {
        "report": report,
        "figures": figures,
        "groups": groups,
        "group_labels": [g["label"] for g in groups],
        "headline": _group_rows(groups) if groups else [],
        "phases": phases,
        "phases_chart": bar_chart(chartable_phases, ["selected", "completed"], "phase")
        if chartable_phases
        else None,
        "phases_by_group": [
            {
                "phase": phase["phase"],
                "values": [
                    {
                        "label": g["label"],
                        "selected": g["phases"][index]["selected"],
                        "completed": g["phases"][index]["completed"],
                    }
                    for g in groups
                ],
            }
            for index, phase in enumerate(phases)
        ],
        "rendezvous_chart": bar_chart(rendezvous_rows, ["rendezvous", "hours"], "label")
        if rendezvous_rows
        else None,
        "questionnaires": questionnaires,
        "masked": masked_text(),
    }


def public_context(report):
    """The public block's context: the same frozen figures, nothing under five,
    never a conseiller (the figures have none)."""
    context = report_context(report)
    return {
        "report": report,
        "figures": context["figures"],
        "group_labels": context["group_labels"],
        "headline": context["headline"],
        "questionnaires": context["questionnaires"],
        "masked": context["masked"],
    }
