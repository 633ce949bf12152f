"""The remis document as a PDF, read back with pypdf: what it says, that it is
tagged (PDF/UA), in French, set in Marianne; and a French page, not an error,
when WeasyPrint cannot run."""

import io
import sys

from django.urls import reverse

import pytest
from pypdf import PdfReader

from synthese import rules
from synthese.pdf import render_pdf

from .conftest import TEXTS


def read(pdf_bytes):
    return PdfReader(io.BytesIO(pdf_bytes))


def text_of(reader):
    # Extraction joins lines with newlines; compare words, not layout.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_says_everything_the_regulation_asks(client, world, remis):
    client.force_login(world.candidat)
    response = client.get(reverse("synthese:pdf", kwargs={"bilan_id": remis.bilan_id}))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    reader = read(response.content)
    text = text_of(reader)
    candidate = world.candidat.get_full_name()
    for expected in (
        "Document de synthèse",
        f"Bilan de compétences de {candidate}",
        "Académie de Montpellier",
        "DABM) de Lunel",
        world.conseiller.get_full_name(),
        "Présentiel",
        "Dates du bilan",
        "Circonstances du bilan",
        "Compétences et aptitudes",
        "Projet professionnel et principales étapes",
        "Mme Martin souhaite faire le point",
        "un projet réaliste",
        "Rencontrer deux organismes",
        "Observations du bénéficiaire",
        "Je précise : plutôt à Sète.",
        "n'est communiqué à personne d'autre sans son accord",
        "L6313-4",
        "Page 1 sur",
    ):
        assert expected in text, expected
    # Both remis and submitted dates are written out in French.
    assert "Remis le" in text
    assert "soumise au bénéficiaire le" in text


def test_the_pdf_is_tagged_and_french(remis):
    reader = read(render_pdf(remis))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert bool(root["/MarkInfo"]["/Marked"])
    tree = root["/StructTreeRoot"].get_object()
    assert tree["/Type"] == "/StructTreeRoot"
    kinds = set()

    def walk(node, depth=0):
        node = node.get_object()
        if hasattr(node, "get") and node.get("/S"):
            kinds.add(str(node["/S"]))
        kids = node.get("/K") if hasattr(node, "get") else None
        if kids is None or depth > 40:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid, depth + 1)

    walk(tree)
    # Headings, paragraphs and lists are tagged as such.
    assert {"/H1", "/H2", "/P", "/L", "/LI"} <= kinds
    # The title is the document's, shown by readers (PDF/UA).
    assert "Document de synthèse" in reader.metadata.title
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Marianne" in font for font in fonts), fonts


def test_observations_on_earlier_versions_stay_in_the_pdf(submitted):
    """The candidate observed version 1, the conseiller revised and remitted
    version 2 at once: what the candidate said is still in the document."""
    bilan = submitted.synthese.bilan
    rules.save_observations(bilan, number=1, text="Plutôt à Sète.", notify=False)
    rules.save_draft(bilan, texts={**TEXTS, "project": "Revu."}, expected_version=1)
    rules.submit(bilan, notify=False)
    synthese = rules.deliver(bilan, notify=False)
    text = text_of(read(render_pdf(synthese)))
    assert "Sur la version 1, écrites le" in text
    assert "Plutôt à Sète." in text
    assert "version 2, soumise au bénéficiaire le" in text


def test_typed_html_stays_text_in_the_pdf(answered):
    rules.save_draft(
        answered,
        texts={**TEXTS, "competences": "<b>pas gras</b> & <i>ni italique</i>"},
        expected_version=0,
    )
    rules.submit(answered, notify=False)
    synthese = rules.deliver(answered, notify=False)
    text = text_of(read(render_pdf(synthese)))
    assert "<b>pas gras</b> & <i>ni italique</i>" in text


def test_six_pages_render(answered):
    """A long synthèse breaks over pages and keeps its sections' text."""
    paragraph = (
        "Le bénéficiaire a exploré plusieurs pistes avec méthode ; il a rencontré "
        "des professionnels, vérifié les conditions d'accès aux formations et "
        "confronté ses envies à la réalité du marché du travail local. "
    ) * 4
    texts = {
        name: "\n\n".join([paragraph] * 6 + ["- un point\n- un autre point"])
        for name in TEXTS
    }
    rules.save_draft(answered, texts=texts, expected_version=0)
    rules.submit(answered, notify=False)
    synthese = rules.deliver(answered, notify=False)
    reader = read(render_pdf(synthese))
    assert len(reader.pages) >= 4
    assert "un autre point" in text_of(reader)


def test_without_weasyprint_a_french_page_not_an_error(
    client, world, remis, monkeypatch
):
    """`make run` works without Pango: only the PDF is unavailable, said in
    French with a 503."""
    # Python refuses to import a module whose entry is None: as when the
    # package, or the Pango it loads, is missing.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    client.force_login(world.candidat)
    response = client.get(reverse("synthese:pdf", kwargs={"bilan_id": remis.bilan_id}))
    assert response.status_code == 503
    page = response.content.decode()
    assert "Document PDF momentanément indisponible" in page
    # The page itself still works.
    page = client.get(
        reverse("synthese:candidate", kwargs={"bilan_id": remis.bilan_id})
    )
    assert page.status_code == 200


@pytest.mark.parametrize("name", ["autre_candidat", "autre_conseiller", "admin"])
def test_nobody_else_gets_the_pdf(client, world, remis, name):
    client.force_login(getattr(world, name))
    response = client.get(reverse("synthese:pdf", kwargs={"bilan_id": remis.bilan_id}))
    assert response.status_code == 404


def test_no_pdf_before_it_is_remis(client, world, submitted):
    client.force_login(world.candidat)
    url = reverse("synthese:pdf", kwargs={"bilan_id": submitted.synthese.bilan_id})
    assert client.get(url).status_code == 404


def test_the_pdf_gives_the_hours_of_the_rendezvous_realises(remis):
    from phases.models import RendezVous
    from tests.rendezvous.emargement_helpers import rendezvous

    rendezvous(remis.bilan, minutes=90, status=RendezVous.Status.REALISE, actual=90)
    rendezvous(remis.bilan, days=-2, status=RendezVous.Status.ANNULE)
    text = text_of(read(render_pdf(remis)))
    assert "Heures du bilan 1 h 30" in text
