"""The closing of a bilan: the conseiller's "Clore le bilan", the candidate's
answer to "Conserver mes documents pour l'entretien de suivi".

Thin views: the scoping querysets say who may see the bilan (404 otherwise),
`retention.closing` does the work.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from phases.models import Bilan

from ..closing import (
    KEEP_QUESTION_DAYS,
    AlreadyClosed,
    KeepQuestionClosed,
    SyntheseNotRemis,
    close_bilan,
    hours_warning,
    keep_question_deadline,
    keep_question_open,
    missing_for_closing,
    record_keep_choice,
)
from ..forms import KeepDocumentsForm


@login_required
def close(request, bilan_id):
    """ "Clore le bilan": what it does and, once the synthèse is remis, the
    button; otherwise what is missing."""
    bilan = get_object_or_404(
        Bilan.objects.followed_by(request.user).select_related("candidate"),
        pk=bilan_id,
    )
    if request.method == "POST":
        try:
            close_bilan(bilan, by=request.user)
        except AlreadyClosed:
            messages.info(request, _("Ce bilan est déjà clos."))
        except SyntheseNotRemis as refusal:
            messages.error(request, refusal.missing)
            return redirect("retention:close", bilan_id=bilan.pk)
        else:
            messages.success(
                request,
                _(
                    "Le bilan est clos. Le candidat en est informé par courriel et "
                    "peut choisir de conserver ses documents pour l'entretien de "
                    "suivi."
                ),
            )
        return redirect("bilan_detail", bilan_id=bilan.pk)
    return render(
        request,
        "retention/closing/close.html",
        {
            "bilan": bilan,
            "missing": missing_for_closing(bilan),
            "hours_warning": hours_warning(bilan),
            "days": KEEP_QUESTION_DAYS,
        },
    )


@login_required
def keep_documents(request, bilan_id):
    """The candidate's answer to the keep question (also on their dashboard)."""
    bilan = get_object_or_404(Bilan.objects.visible_to(request.user), pk=bilan_id)
    if bilan.candidate_id != request.user.pk:
        raise Http404
    if not keep_question_open(bilan):
        if request.method == "POST":
            messages.error(
                request,
                _(
                    "La question de la conservation de vos documents n'est plus "
                    "posée pour ce bilan."
                ),
            )
        return redirect("dashboard")
    form = KeepDocumentsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            record_keep_choice(bilan, days=form.cleaned_data["days"], by=request.user)
        except KeepQuestionClosed:
            messages.error(
                request,
                _(
                    "La question de la conservation de vos documents n'est plus "
                    "posée pour ce bilan."
                ),
            )
        else:
            messages.success(request, _("Votre choix est enregistré."))
        return redirect("dashboard")
    return render(
        request,
        "retention/closing/keep_page.html",
        {
            "bilan": bilan,
            "form": form,
            "deadline": keep_question_deadline(bilan),
        },
    )
