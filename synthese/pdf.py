"""The remis document as a PDF: WeasyPrint renders a Django template.

Tagged for assistive technologies (PDF/UA-1: structure tree, /MarkInfo, the
document's /Lang from `<html lang="fr">`, its title shown), set in Marianne, the
State's typeface, taken from django-dsfr's own static files.

WeasyPrint needs Pango from the system (README: Debian packages). Without it the
site still runs: the import fails only here, and `PdfUnavailable` lets the views
answer with a French page instead of an error.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from phases.documents import (  # noqa: F401 -- PdfUnavailable: the views catch it
    PdfUnavailable,
    font_urls,
    write_pdf,
)
from phases.hours import format_minutes, realised_minutes

from .models import SECTIONS


def document_context(synthese):
    """What the PDF shows: the bilan's parties and dates, the final version's
    three sections, and every observation the candidate wrote on any version (a
    revision may answer them; the document still keeps what they said)."""
    bilan = synthese.bilan
    version = synthese.final_version
    # An unsaved synthèse (the benchmark's) has its final version only.
    versions = synthese.versions.order_by("number") if synthese.pk else [version]
    return {
        "synthese": synthese,
        "bilan": bilan,
        "version": version,
        "candidate": bilan.candidate,
        "conseiller": bilan.conseiller,
        "dabm": bilan.dabm,
        "academie": bilan.dabm.academie,
        "sections": [
            {"name": name, "heading": heading, "text": getattr(version, name)}
            for name, heading, _help in SECTIONS
        ],
        "observed": [v for v in versions if v.observations],
        # The hours of the rendez-vous marked réalisé (the benchmark's unsaved
        # bilan has none).
        "hours": format_minutes(realised_minutes(bilan)) if bilan.pk else "",
        "fonts": font_urls(),
        "made_at": timezone.now(),
    }


def render_pdf(synthese):
    """The PDF bytes of a remis synthèse. Raises `PdfUnavailable`."""
    context = document_context(synthese)
    return write_pdf(
        render_to_string("synthese/pdf/document.html", context),
        render_to_string("synthese/pdf/document.css", context),
        fonts=context["fonts"],
    )


def pdf_filename(synthese):
    candidate = synthese.bilan.candidate
    name = slugify(f"{candidate.last_name} {candidate.first_name}") or candidate.pk
    return f"document-de-synthese-{name}.pdf"
