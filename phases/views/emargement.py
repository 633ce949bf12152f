"""The émargement of the rendez-vous: the conseiller marks a past one, the
candidate confirms their presence, and both read the « Relevé des rendez-vous »
as a PDF. Only the bilan's two parties reach these pages (404 for anyone else).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from monbilan.forms import DsfrFormMixin

from ..documents import PdfUnavailable, font_urls, write_pdf
from ..hours import hours_summary
from ..models import Bilan, RendezVous
from ..rules.emargement import MARKS, EmargementError, confirm_presence, mark_rendezvous


class MarkForm(DsfrFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Ce rendez-vous a été"),
        choices=[(value, RendezVous.Status(value).label) for value in MARKS],
        widget=forms.RadioSelect,
    )
    actual_minutes = forms.IntegerField(
        label=gettext_lazy("Durée réelle, en minutes"),
        help_text=gettext_lazy("Seulement pour un rendez-vous réalisé."),
        min_value=1,
        max_value=1440,
        required=False,
    )


def _followed_rendezvous(user, bilan_id, pk):
    return get_object_or_404(
        RendezVous.objects.filter(bilan__conseiller_id=user.pk).select_related(
            "bilan", "bilan__candidate"
        ),
        bilan_id=bilan_id,
        pk=pk,
    )


@login_required
def mark(request, bilan_id, pk):
    """« Émargement » of one rendez-vous by the bilan's conseiller."""
    rendezvous = _followed_rendezvous(request.user, bilan_id, pk)
    initial = {
        "status": rendezvous.status if rendezvous.status in MARKS else "realise",
        "actual_minutes": rendezvous.actual_minutes or rendezvous.duration_minutes,
    }
    form = MarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mark_rendezvous(
                rendezvous,
                form.cleaned_data["status"],
                form.cleaned_data["actual_minutes"],
            )
        except EmargementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("L'émargement du rendez-vous est enregistré."))
            return redirect("bilan_detail", bilan_id)
    return render(
        request,
        "phases/emargement/mark.html",
        {
            "form": form,
            "rendezvous": rendezvous,
            "bilan": rendezvous.bilan,
            "candidate": rendezvous.bilan.candidate,
        },
    )


@login_required
@require_POST
def confirm(request, pk):
    """« Je confirme ma présence », by the bilan's candidate."""
    rendezvous = get_object_or_404(
        RendezVous.objects.filter(bilan__candidate_id=request.user.pk), pk=pk
    )
    try:
        confirm_presence(rendezvous)
    except EmargementError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Votre présence est confirmée."))
    return redirect("dashboard")


@login_required
def releve(request, bilan_id):
    """The « Relevé des rendez-vous » as a PDF, for the bilan's two parties."""
    bilan = get_object_or_404(
        Bilan.objects.filter(
            Q(candidate_id=request.user.pk) | Q(conseiller_id=request.user.pk)
        ).select_related("candidate", "conseiller", "dabm", "dabm__academie"),
        pk=bilan_id,
    )
    context = {
        "bilan": bilan,
        "candidate": bilan.candidate,
        "conseiller": bilan.conseiller,
        "dabm": bilan.dabm,
        "academie": bilan.dabm.academie,
        "rendezvous": list(bilan.rendezvous.order_by("starts_at")),
        "hours": hours_summary(bilan),
        "fonts": font_urls(),
        "made_at": timezone.now(),
    }
    try:
        pdf = write_pdf(
            render_to_string("phases/emargement/releve.html", context),
            render_to_string("phases/emargement/releve.css", context),
            fonts=context["fonts"],
        )
    except PdfUnavailable:
        return render(
            request,
            "phases/emargement/pdf_unavailable.html",
            {"bilan": bilan},
            status=503,
        )
    candidate = bilan.candidate
    name = slugify(f"{candidate.last_name} {candidate.first_name}") or candidate.pk
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="releve-des-rendez-vous-{name}.pdf"'
    )
    return response
