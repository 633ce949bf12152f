"""{% questionnaires_for_candidate bilan %}: the questionnaires a candidate's
dashboard offers (none while the bilan is under way: no query then)."""

from django import template

from ..rules import pending_questionnaires

register = template.Library()


@register.inclusion_tag("questionnaires/candidate_callout.html")
def questionnaires_for_candidate(bilan):
    return {"questionnaires": pending_questionnaires(bilan)}
