"""The candidate's "Votre document de synthèse": reading, observations,
acknowledgement, and the share links only they may make."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phases.models import Bilan
from phases.templatetags.french_dates import french_date
from users.site_url import absolute_url

from ..forms import ObservationsForm
from ..models import SECTIONS, ShareLink, ShareOpening
from ..rules import (
    AlreadyRemis,
    NotRemis,
    NotSubmitted,
    StaleVersion,
    acknowledge,
    revoke,
    save_observations,
    share,
    synthese_for,
)
from .conseiller import parse_version


def own_bilan(user, bilan_id):
    """The bilan if the user is its candidate; 404 for anyone else."""
    return get_object_or_404(
        Bilan.objects.in_conversation_with(user)
        .filter(candidate_id=user.pk)
        .select_related("conseiller"),
        pk=bilan_id,
    )


def _page_url(bilan, anchor=""):
    url = reverse("synthese:candidate", kwargs={"bilan_id": bilan.pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
def candidate_page(request, bilan_id):
    """ "Votre document de synthèse": the latest version, "Mes observations",
    the earlier versions; once remis, the PDF, "J'accuse réception" and
    "Partager mon document de synthèse"."""
    bilan = own_bilan(request.user, bilan_id)
    synthese = synthese_for(bilan)
    versions = list(synthese.versions.all()) if synthese.pk else []
    latest = versions[0] if versions else None
    status, error = 200, None
    form = None
    if latest is not None and not synthese.is_remis:
        form = ObservationsForm(initial={"observations": latest.observations})
    if request.method == "POST":
        form = ObservationsForm(request.POST)
        number = parse_version(request.POST.get("number"))
        if form.is_valid():
            try:
                save_observations(
                    bilan, number=number, text=form.cleaned_data["observations"]
                )
            except StaleVersion:
                # A newer version arrived meanwhile: the text stays on screen,
                # to be read again against what the conseiller now submits.
                status, error = 409, "stale"
            except (AlreadyRemis, NotSubmitted):
                messages.error(
                    request,
                    _(
                        "Ce document n'attend plus d'observations : il vous a déjà "
                        "été remis."
                    ),
                )
                return redirect(_page_url(bilan))
            else:
                messages.success(
                    request,
                    _(
                        "Vos observations sont enregistrées. Votre conseiller en "
                        "est informé."
                    )
                    if form.cleaned_data["observations"].strip()
                    else _("Vos observations sont enregistrées."),
                )
                return redirect(_page_url(bilan, "observations"))
        else:
            status, error = 400, "invalid"
    links = []
    if synthese.is_remis:
        links = list(
            ShareLink.objects.filter(synthese=synthese).prefetch_related(
                Prefetch("openings", queryset=ShareOpening.objects.all())
            )
        )
        for link in links:
            link.url = absolute_url(
                reverse("synthese:shared", kwargs={"token": link.token}), request
            )
    return render(
        request,
        "synthese/candidate.html",
        {
            "bilan": bilan,
            "synthese": synthese,
            "versions": versions,
            "latest": latest,
            "earlier": versions[1:],
            "final": synthese.final_version if synthese.is_remis else None,
            "sections": SECTIONS,
            "form": form,
            "error": error,
            "links": links,
            "now": timezone.now(),
        },
        status=status,
    )


@require_POST
@login_required
def acknowledge_receipt(request, bilan_id):
    """ "J'accuse réception" (dated once)."""
    bilan = own_bilan(request.user, bilan_id)
    try:
        synthese = acknowledge(bilan)
    except NotRemis:
        messages.error(
            request, _("Votre document de synthèse ne vous est pas encore remis.")
        )
    else:
        messages.success(
            request,
            _("Vous avez accusé réception de votre document de synthèse le %(date)s.")
            % {"date": _french(synthese.acknowledged_at)},
        )
    return redirect(_page_url(bilan))


@require_POST
@login_required
def share_document(request, bilan_id):
    """ "Partager mon document de synthèse": a new link, valid 30 days."""
    bilan = own_bilan(request.user, bilan_id)
    try:
        link = share(bilan)
    except NotRemis:
        messages.error(
            request,
            _(
                "Votre document de synthèse pourra être partagé une fois qu'il "
                "vous sera remis."
            ),
        )
        return redirect(_page_url(bilan))
    messages.success(
        request,
        _(
            "Le lien de partage est créé ; il est valable jusqu'au %(date)s. "
            "Copiez-le et transmettez-le à la personne de votre choix."
        )
        % {"date": _french(link.expires_at)},
    )
    return redirect(_page_url(bilan, f"lien-{link.pk}"))


@require_POST
@login_required
def revoke_link(request, bilan_id, link_id):
    """ "Révoquer ce lien": it opens nothing any more."""
    bilan = own_bilan(request.user, bilan_id)
    link = revoke(bilan, link_id)
    if link is None:
        raise Http404
    messages.success(
        request, _("Le lien de partage est révoqué : il n'ouvre plus votre document.")
    )
    return redirect(_page_url(bilan, "partages"))


def _french(moment):
    return french_date(moment, with_time=True)
