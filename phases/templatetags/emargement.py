"""The hours line and the émargement panels of the bilan pages.

`{% hours_line bilan %}`: « Heures réalisées : 7 h 30 sur 24 h » (one query, none
when the bilan comes annotated with `realised_minutes`).
`{% emargement_for_conseiller bilan %}`: the hours line, the past rendez-vous
to mark, and the relevé. `{% emargement_for_candidate bilan %}`: the hours
line, « Je confirme ma présence » on the réalisé ones not yet confirmed, those
already confirmed, and the relevé. One query each: the hours are summed from the
rendez-vous they read (a réalisé one is always past: the émargement refuses a
future one).
"""

from django import template
from django.utils import timezone

from ..hours import REALISE, hours_summary

register = template.Library()


@register.inclusion_tag("phases/includes/hours.html")
def hours_line(bilan):
    return {"hours": hours_summary(bilan)}


@register.inclusion_tag("phases/emargement/conseiller_panel.html", takes_context=True)
def emargement_for_conseiller(context, bilan):
    past = list(
        bilan.rendezvous.filter(starts_at__lte=timezone.now()).order_by("-starts_at")
    )
    done = sum(r.actual_minutes or 0 for r in past if r.status == REALISE)
    return {
        "bilan": bilan,
        "past": past,
        "hours": hours_summary(bilan, done),
        "request": context.get("request"),
    }


@register.inclusion_tag("phases/emargement/candidate_panel.html", takes_context=True)
def emargement_for_candidate(context, bilan):
    realised = list(bilan.rendezvous.filter(status=REALISE).order_by("starts_at"))
    done = sum(r.actual_minutes or 0 for r in realised)
    return {
        "bilan": bilan,
        "to_confirm": [r for r in realised if not r.confirmed_at],
        "confirmed": [r for r in realised if r.confirmed_at],
        "hours": hours_summary(bilan, done),
        "csrf_token": context.get("csrf_token"),
    }
