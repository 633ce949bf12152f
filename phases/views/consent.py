"""« Votre accord pour ce bilan »: the candidate reads the text and consents.

Until they have, the consent gate (`phases.consent_gate`) sends them here from
every page of their bilan. Staff may open it too, to read what candidates read.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monbilan.forms import DsfrForm

from ..models import Consent
from ..models.consent import retention_terms
from ..rules.consent import (
    ConsentTextUnavailable,
    bilans_awaiting_consent,
    consent_text,
    give_consent,
)


class ConsentForm(DsfrForm):
    accept = forms.BooleanField(
        label=gettext_lazy(
            "J'ai lu ces informations et je donne mon accord pour réaliser ce "
            "bilan de compétences"
        ),
        error_messages={
            "required": gettext_lazy(
                "Pour commencer votre bilan, cochez la case qui dit que vous avez "
                "lu ces informations et que vous donnez votre accord."
            )
        },
    )


@login_required
def consent(request):
    """The text and, for a candidate whose bilan awaits it, the consent form.

    Without the box ticked the form comes back with its error and nothing is
    stored; with it, the consent is recorded and the candidate goes to their
    Tableau de bord. A candidate who has consented reads the version they
    accepted, with its date.
    """
    user = request.user
    awaiting = user.is_candidat and bilans_awaiting_consent(user).exists()
    given = None
    if user.is_candidat and not awaiting:
        given = (
            Consent.objects.visible_to(user)
            .filter(bilan__candidate=user)
            .select_related("revision")
            .order_by("-given_at")
            .first()
        )
    try:
        page = consent_text()
    except ConsentTextUnavailable:
        page = None
    if request.method == "POST":
        if not awaiting:
            # Nothing (left) to consent to: a second click, or not a candidate.
            return redirect("dashboard")
        form = ConsentForm(request.POST)
        if form.is_valid() and page is not None:
            give_consent(user, page=page)
            messages.success(
                request,
                _(
                    "Merci : votre accord est enregistré. Vous pouvez commencer "
                    "votre bilan."
                ),
            )
            return redirect("dashboard")
    else:
        form = ConsentForm()
    context = {
        **retention_terms(),
        "text": given.text() if given is not None else page,
        "form": form if awaiting and page is not None else None,
        "given": given,
    }
    return render(request, "phases/candidate/consent.html", context)
