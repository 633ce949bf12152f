"""The remis document as a PDF: WeasyPrint renders a Django template.

Tagged for assistive technologies (PDF/UA-1: structure tree, /MarkInfo, the
document's /Lang from `<html lang="fr">`, its title shown), set in Marianne, the
State's typeface, taken from django-dsfr's own static files.

WeasyPrint needs Pango from the system (README: Debian packages). Without it the
site still runs: the import fails only here, and `PdfUnavailable` lets the views
answer with a French page instead of an error.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from .models import SECTIONS

FONTS = {
    "normal": "dsfr/dist/fonts/Marianne-Regular.woff2",
    "bold": "dsfr/dist/fonts/Marianne-Bold.woff2",
}


class PdfUnavailable(Exception):
    """WeasyPrint (or the Pango library it loads) is not installed."""


def _weasyprint():
    try:
        import weasyprint  # noqa: PLC0415 -- optional system dependency
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as error:
        # OSError: the package is there, but Pango's shared library is not.
        raise PdfUnavailable(str(error)) from error
    return weasyprint, FontConfiguration, URLFetcher


def font_urls():
    """{weight: file URL} of the Marianne files django-dsfr ships."""
    urls = {}
    for weight, name in FONTS.items():
        found = finders.find(name)
        if found:
            urls[weight] = Path(found).resolve().as_uri()
    return urls


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


def write_pdf(html, css, *, fonts):
    """Tagged PDF/UA-1 bytes of an HTML page and its stylesheet, in Marianne
    (`fonts`: `font_urls()`). Other documents of the site (the candidate's data
    export) are set the same way. Raises `PdfUnavailable`."""
    weasyprint, FontConfiguration, URLFetcher = _weasyprint()
    allowed = set(fonts.values())

    class FontsOnly(URLFetcher):
        """Nothing typed is HTML, so no URL in the document is anyone's; still,
        the renderer may read the font files and nothing else."""

        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"refused: {url}")
            return super().fetch(url, headers)

    font_config = FontConfiguration()
    fetcher = FontsOnly()
    stylesheet = weasyprint.CSS(
        string=css, font_config=font_config, url_fetcher=fetcher
    )
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        font_config=font_config,
    )


def pdf_filename(synthese):
    candidate = synthese.bilan.candidate
    name = slugify(f"{candidate.last_name} {candidate.first_name}") or candidate.pk
    return f"document-de-synthese-{name}.pdf"
