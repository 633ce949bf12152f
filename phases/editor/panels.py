"""What the phase page editor shows beside the fields: the questions answered.

`PhasePage.content_panels` names the panel, so this module imports no model: it
reads the answers through the page's reverse relation.
"""

from collections import Counter

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from ..questions.blocks import FieldBlock


def answered_questions(phase):
    """The questions of a phase that bilans answered, with how many did.

    [(label, count, in_page)]: the questions of the body being edited first, in
    its order, then those already removed from it (named as they were asked).
    Counts only: nobody reads an answer here.
    """
    if phase.pk is None:
        return []
    counts = Counter()
    asked = {}
    rows = phase.submissions.values_list("answers", "questions")
    for answers, questions in rows:
        for block_id, answer in (answers or {}).items():
            if answer in (None, "", [], {}):
                continue
            counts[block_id] += 1
            label = (questions or {}).get(block_id, {}).get("label")
            if label:
                asked.setdefault(block_id, label)
    if not counts:
        return []
    result = []
    in_page = set()
    for child in phase.body:
        if isinstance(child.block, FieldBlock) and counts.get(child.id):
            in_page.add(child.id)
            result.append((child.value["label"], counts[child.id], True))
    for block_id, count in counts.items():
        if block_id not in in_page:
            result.append((asked.get(block_id, _("Question retirée")), count, False))
    return result


class AnsweredQuestionsPanel(Panel):
    """Before a référent rewords or deletes a question, how many bilans answered it.

    The answers stay whatever the edit (keyed by the question's stable id, shown
    with the question as it was asked), but a reworded question no longer says
    what its candidates answered: the référent decides knowing it.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtailadmin/panels/answered_questions.html"

        @cached_property
        def answered(self):
            return answered_questions(self.instance)

        def is_shown(self):
            return bool(self.answered)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["answered"] = self.answered
            return context
