"""The conseiller closes a bilan and the candidate says how long to keep their
documents, in a real browser, by the visible labels, on a computer (1280 px) and
on a phone (375 px)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from phases.models import Bilan
from synthese import rules as synthese_rules

from ...e2e.helpers import E2E

pytestmark = E2E

TEXTS = {
    "circumstances": "Faire le point après douze ans de gestion administrative.",
    "competences": "Organisation, écoute, conduite de projets.",
    "project": "",
}


def no_sideways_scroll(page, name=None):
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), "the page scrolls sideways"
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder and name:  # `make screenshots`-style captures, to look at
        Path(folder).mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=Path(folder) / f"{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_clore_le_bilan_then_keep_the_documents(page, login, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    bilan = world.bilan
    login(world.conseiller.username)

    # Before the synthèse is remis: the page says what is missing.
    page.goto(f"/bilans/{bilan.pk}/")
    page.get_by_role("link", name="Clore le bilan").click()
    expect(page.get_by_role("heading", name="Clore le bilan", level=1)).to_be_visible()
    expect(page.get_by_text("n'est pas encore rédigé")).to_be_visible()
    expect(page.get_by_role("button", name="Clore le bilan")).to_have_count(0)
    no_sideways_scroll(page, "clore-le-bilan-refuse")

    synthese_rules.save_draft(bilan, texts=TEXTS, expected_version=0)
    synthese_rules.submit(bilan, notify=False)
    synthese_rules.deliver(bilan, notify=False)
    page.reload()
    page.get_by_role("button", name="Clore le bilan").click()
    expect(page.get_by_text("Le bilan est clos.")).to_be_visible()
    expect(page.get_by_role("link", name="Clore le bilan")).to_have_count(0)
    bilan.refresh_from_db()
    assert bilan.status == Bilan.Status.TERMINE

    # The candidate's dashboard asks; they choose 2 ans.
    page.context.clear_cookies()
    login(world.candidat.username)
    page.goto("/tableau-de-bord/")
    question = "Conserver mes documents pour l'entretien de suivi"
    expect(page.get_by_role("heading", name=question, level=2)).to_be_visible()
    expect(page.get_by_role("group", name=question)).to_be_visible()
    no_sideways_scroll(page, "conserver-mes-documents")
    # DSFR draws the radio on the label, which is what a person clicks.
    page.get_by_text("2 ans", exact=True).click()
    expect(page.get_by_label("2 ans", exact=True)).to_be_checked()
    page.get_by_role("button", name="Enregistrer mon choix").click()
    expect(page.get_by_text("Votre choix est enregistré.")).to_be_visible()
    expect(
        page.get_by_text("Vous avez choisi de conserver vos documents 2 ans")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Enregistrer mon choix")).to_have_count(0)
    bilan.refresh_from_db()
    assert bilan.keep_documents_days == 730
    assert bilan.keep_answered_at is not None
    no_sideways_scroll(page, "conserver-mes-documents-choisi")
