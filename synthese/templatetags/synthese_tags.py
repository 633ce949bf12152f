"""The synthèse in other apps' pages, and typed text shown safely.

`{% load synthese_tags %}`:

- `{% synthese_for_conseiller bilan %}` on the conseiller's bilan page: the
  link "Document de synthèse" and where it stands;
- `{% synthese_for_candidate bilan %}` on the candidate's dashboard: the card
  "Votre document de synthèse", once a version has been submitted to them;
- `{{ text|synthese_text }}`: paragraphs and lists of plain text, escaped;
  `{{ version|section_of:name }}`: one section's text.

Each tag renders only for its own party of the bilan (the page has already
scoped the bilan; this is a second lock, costing no query).
"""

from django import template

from ..models import SECTION_NAMES
from ..status import synthese_status
from ..text import text_to_html

register = template.Library()


@register.filter
def synthese_text(value):
    return text_to_html(value)


@register.filter
def section_of(document, name):
    """`{{ version|section_of:"competences" }}`: one section's text."""
    return getattr(document, name, "") if name in SECTION_NAMES else ""


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("synthese/includes/for_conseiller.html", takes_context=True)
def synthese_for_conseiller(context, bilan):
    user = _user(context)
    if user is None or bilan is None or bilan.conseiller_id != user.pk:
        return {"show": False}
    return {"show": True, "bilan": bilan, "status": synthese_status(bilan)}


@register.inclusion_tag("synthese/includes/for_candidate.html", takes_context=True)
def synthese_for_candidate(context, bilan):
    user = _user(context)
    if user is None or bilan is None or bilan.candidate_id != user.pk:
        return {"show": False}
    status = synthese_status(bilan)
    return {
        "show": status is not None and status.last_number is not None,
        "bilan": bilan,
        "status": status,
    }
