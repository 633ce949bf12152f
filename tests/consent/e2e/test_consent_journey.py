"""A candidate gives their consent in a real browser, by the visible labels, on a
computer (1280 px) and on a phone (375 px)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from phases.models import Consent, ConsentPage

from ...e2e.helpers import E2E

pytestmark = E2E

LABEL = (
    "J'ai lu ces informations et je donne mon accord pour réaliser ce bilan de "
    "compétences"
)
#: `SCREENSHOTS_DIR=… pytest tests/consent/e2e` keeps the captures to look at.
SCREENSHOTS_DIR = os.environ.get("SCREENSHOTS_DIR")


def capture(page, folder, name):
    path = Path(folder) / f"{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=path, full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_candidate_consents_before_anything_else(
    page, login, awaiting, width, tmp_path
):
    folder = SCREENSHOTS_DIR or tmp_path
    Path(folder).mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    login(awaiting.candidate.username)

    # Logging in lands on the consent page, whatever was asked.
    expect(
        page.get_by_role("heading", name="Votre accord pour ce bilan", level=1)
    ).to_be_visible()
    expect(
        page.get_by_role("heading", name="Conservation de vos données", level=2)
    ).to_be_visible()
    expect(page.get_by_text("détruits 30 jours après la clôture")).to_be_visible()
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), "the page scrolls sideways"
    capture(page, folder, "accord")

    # The dashboard and the phases wait for the consent.
    page.goto("/tableau-de-bord/")
    expect(
        page.get_by_role("heading", name="Votre accord pour ce bilan", level=1)
    ).to_be_visible()

    # Without the box ticked: an error, nothing stored.
    page.get_by_role("button", name="Donner mon accord").click()
    error = page.get_by_text("Pour commencer votre bilan, cochez la case")
    expect(error).to_be_visible()
    expect(page.get_by_label(LABEL)).not_to_be_checked()
    assert not Consent.objects.filter(bilan=awaiting).exists()
    capture(page, folder, "accord-erreur")

    # DSFR draws the box on the label, which is what a person clicks.
    page.get_by_text(LABEL).click()
    expect(page.get_by_label(LABEL)).to_be_checked()
    page.get_by_role("button", name="Donner mon accord").click()
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    expect(page.get_by_text("votre accord est enregistré")).to_be_visible()
    consent = Consent.objects.get(bilan=awaiting)
    assert consent.revision == ConsentPage.objects.get().live_revision
    capture(page, folder, "tableau-de-bord-apres-accord")

    # Their phases open now.
    first = awaiting.selected_phases.select_related("phase").first().phase
    page.get_by_role("link", name=first.title, exact=True).click()
    expect(page.get_by_role("heading", name=first.title, level=1)).to_be_visible()
