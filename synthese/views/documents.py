"""The remis document as a PDF: for the bilan's two parties, and for whoever
holds one of the candidate's open share links."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from ..models import Synthese
from ..pdf import PdfUnavailable, pdf_filename, render_pdf
from ..rules import LinkClosed, record_opening, shared_synthese


def _pdf_response(synthese, *, attachment):
    response = HttpResponse(render_pdf(synthese), content_type="application/pdf")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{pdf_filename(synthese)}"'
    )
    # Nobody's cache keeps it, nobody's index lists it.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _unavailable(request):
    return render(request, "synthese/pdf_unavailable.html", status=503)


@login_required
def pdf(request, bilan_id):
    """ "Télécharger le document de synthèse (PDF)": the remis version, for the
    candidate and their conseiller only (404 for anyone else, and before it is
    remis)."""
    synthese = (
        Synthese.objects.visible_to(request.user)
        .filter(bilan_id=bilan_id, remis_at__isnull=False)
        .select_related(
            "final_version",
            "bilan__candidate",
            "bilan__conseiller",
            "bilan__dabm__academie",
        )
        .first()
    )
    if synthese is None:
        raise Http404
    try:
        return _pdf_response(synthese, attachment=True)
    except PdfUnavailable:
        return _unavailable(request)


def shared(request, token):
    """A share link: the remis PDF, without login, while the link is open; each
    opening is logged for the candidate to see."""
    try:
        link = shared_synthese(token)
    except LinkClosed:
        return render(request, "synthese/share_closed.html", status=410)
    try:
        response = _pdf_response(link.synthese, attachment=False)
    except PdfUnavailable:
        return _unavailable(request)
    record_opening(link)
    # The address holds the key: it is never passed on to another site.
    response["Referrer-Policy"] = "no-referrer"
    return response
