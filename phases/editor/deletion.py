"""What the page editor refuses: deleting a phase that bilans hold.

A phase a bilan selected, answered or commented holds that bilan's answers (the
database protects them: deleting it would fail). The refusal comes before
Wagtail's confirm page, so that nobody, superusers included, is asked to confirm
what cannot be done; `wagtail_hooks` registers it for one page and in bulk.
"""

from django.apps import apps
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page


def _models(*names):
    # The phase page names this package's panel in its editor, so this module
    # cannot import the models back; Django's registry gives their classes.
    return [apps.get_model("phases", name) for name in names]


def deletion_refusal(page):
    """Why a page cannot be deleted, in French, or None."""
    PhasePage, Bilan = _models("PhasePage", "Bilan")
    in_use = PhasePage.objects.descendant_of(page, inclusive=True).in_use()
    if not in_use.exists():
        return None
    count = (
        Bilan.objects.filter(
            Q(selected_phases__phase__in=in_use) | Q(submissions__phase__in=in_use)
        )
        .distinct()
        .count()
    )
    if isinstance(page.specific_deferred, PhasePage):
        text = ngettext(
            "La phase « %(title)s » ne peut pas être supprimée : %(count)s bilan "
            "l'utilise, et les réponses des candidats y sont attachées. Pour ne "
            "plus la proposer, dépubliez-la.",
            "La phase « %(title)s » ne peut pas être supprimée : %(count)s bilans "
            "l'utilisent, et les réponses des candidats y sont attachées. Pour ne "
            "plus la proposer, dépubliez-la.",
            count,
        )
    else:
        text = ngettext(
            "La page « %(title)s » ne peut pas être supprimée : elle contient des "
            "phases que %(count)s bilan utilise, et les réponses des candidats y "
            "sont attachées.",
            "La page « %(title)s » ne peut pas être supprimée : elle contient des "
            "phases que %(count)s bilans utilisent, et les réponses des candidats "
            "y sont attachées.",
            count,
        )
    return text % {"title": page.title, "count": count}


def keep_phases_in_use(request, page):
    """`before_delete_page`: back to where the référent was, with the reason."""
    refusal = deletion_refusal(page)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect(
        get_valid_next_url_from_request(request)
        or reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


def keep_phases_in_use_in_bulk(request, action_type, objects, action_view):
    """`before_bulk_action`: a bulk delete holding one such page deletes none."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    refusals = [r for r in map(deletion_refusal, objects) if r is not None]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(action_view.next_url)
