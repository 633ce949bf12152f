"""Documents of the site as PDF: WeasyPrint renders an HTML page and its
stylesheet, tagged for assistive technologies (PDF/UA-1: structure tree,
/MarkInfo, the document's /Lang from `<html lang="fr">`), set in Marianne, the
State's typeface, taken from django-dsfr's own static files.

The synthèse (synthese.pdf), the candidate's data export (retention) and the
« Relevé des rendez-vous » (phases.views.emargement) are all written here.

WeasyPrint needs Pango from the system (README: Debian packages). Without it the
site still runs: the import fails only here, and `PdfUnavailable` lets the views
answer with a French page instead of an error.
"""

from pathlib import Path

from django.contrib.staticfiles import finders

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
