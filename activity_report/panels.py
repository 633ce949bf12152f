"""The frozen figures in the report's edit form and in Wagtail's comparison of
its revisions: shown, never edited (only « Recalculer » changes them)."""

import functools

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.admin.compare import TextFieldComparison
from wagtail.admin.panels import Panel


def figures_text(figures):
    """The figures as lines of text, « Ensemble — Bilans commencés : 7 », for a
    comparison of two revisions."""
    from .display import _group_rows, masked_text

    groups = (figures or {}).get("groups", [])
    if not groups:
        return ""
    masked = masked_text()

    def shown(value):
        return masked if value is None else str(value)

    lines = [str(figures.get("period", ""))]
    labels = [group["label"] for group in groups]
    for row in _group_rows(groups):
        for label, value in zip(labels, row["values"], strict=True):
            lines.append(f"{label} — {row['label']} : {shown(value)}")
    for group in groups:
        for phase in group["phases"]:
            lines.append(
                _(
                    "%(group)s — %(phase)s : %(selected)s sélectionnées, "
                    "%(done)s terminées"
                )
                % {
                    "group": group["label"],
                    "phase": phase["phase"],
                    "selected": shown(phase["selected"]),
                    "done": shown(phase["completed"]),
                }
            )
    for questionnaire in figures.get("questionnaires", []):
        for group in questionnaire["groups"]:
            lines.append(
                f"{questionnaire['title']} — {group['label']} : "
                f"{shown(group['responses'])}"
            )
    return "\n".join(lines)


class FiguresComparison(TextFieldComparison):
    def __init__(self, field, obj_a, obj_b):
        super().__init__(field, obj_a, obj_b)
        self.val_a = figures_text(self.val_a)
        self.val_b = figures_text(self.val_b)

    def htmldiff(self):
        # One figure a line: the diff's HTML is escaped text, so a line break
        # can be put in safely.
        return mark_safe(super().htmldiff().replace("\n", "<br>"))  # noqa: S308


class FiguresPanel(Panel):
    """« Chiffres »: when they were computed, how to compute them again."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "activity_report/admin/figures_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = self.instance
            return context

        def get_comparison(self):
            field = self.panel.model._meta.get_field("figures")
            return [functools.partial(FiguresComparison, field)]
