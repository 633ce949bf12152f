"""The end of a bilan in other apps' pages.

`{% load retention_tags %}`:

- `{% keep_documents_question bilan %}` on the candidate's dashboard, once the
  bilan is closed: the question "Conserver mes documents pour l'entretien de
  suivi" while it is asked, then what was chosen and the destruction date.

It renders only for the bilan's candidate (the page has already scoped the
bilan; this is a second lock, costing no query).
"""

from django import template

from phases.models import Bilan

from ..closing import keep_choice_label, keep_question_deadline, keep_question_open
from ..forms import KeepDocumentsForm

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("retention/closing/keep_question.html", takes_context=True)
def keep_documents_question(context, bilan):
    user = _user(context)
    if (
        user is None
        or bilan is None
        or bilan.candidate_id != user.pk
        or bilan.status != Bilan.Status.TERMINE
    ):
        return {"show": False}
    asked = keep_question_open(bilan)
    return {
        "show": True,
        "bilan": bilan,
        "asked": asked,
        "form": KeepDocumentsForm() if asked else None,
        "deadline": keep_question_deadline(bilan),
        "chosen": keep_choice_label(bilan),
        "destruction_date": bilan.destruction_date(),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
