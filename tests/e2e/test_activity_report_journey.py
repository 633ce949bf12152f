"""« Rapport d'activité », by visible labels: an administrator makes the 2026
report, sees its charts, publishes it and downloads its PDF; a référent embeds it
on a site page with « Indicateurs de résultats »; a visitor reads the figures."""

import os
import re
from pathlib import Path

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from activity_report.models import ActivityReport
from home.models import ContentPage
from home.setup import install_site_pages
from phases.models import PhaseSubmission
from tests.activity_report.helpers import plant_bilans

from .axe import check_page
from .helpers import E2E

pytestmark = E2E

TITLE = "Rapport d'activité 2026"

#: Where to keep screenshots of the screens, to look at them (none if unset).
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(SHOTS) / f"{name}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_report_made_published_embedded_and_read(
    page, login, context, world, phases, width, tmp_path
):
    page.set_viewport_size({"width": width, "height": 900})
    for bilan in plant_bilans(world.conseiller, 6, phases=phases):
        PhaseSubmission.objects.create(
            bilan=bilan,
            phase=phases[0],
            status=PhaseSubmission.Status.TERMINEE,
            completed_at=timezone.now(),
        )
    install_site_pages()
    target = ContentPage.objects.live().first()
    assert target is not None

    # The administrator makes the report of 2026.
    login("admin.montpellier")
    page.goto("/admin/")
    shot(page, f"00-admin-{width}")
    if width < 600:
        page.get_by_role("button", name="Afficher/masquer la barre latérale").click()
    page.get_by_role("link", name="Rapports d'activité").click()
    shot(page, f"01-listing-{width}")
    page.get_by_role("link", name=re.compile("Ajouter")).first.click()
    shot(page, f"02-add-{width}")
    page.get_by_role("textbox", name=re.compile("^Titre")).fill(TITLE)
    page.get_by_label("Année", exact=True).fill("2026")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    shot(page, f"03-saved-{width}")
    report = ActivityReport.objects.get()
    assert report.academie == world.montpellier

    # Its page, where saving leads: charts and tables.
    expect(page.get_by_role("heading", name="Bilans", exact=True)).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("phases sélectionnées"))
    expect(chart).to_be_visible()
    expect(page.get_by_role("rowheader", name="Bilans commencés")).to_be_visible()
    shot(page, f"04-report-{width}")
    check_page(page, "rapport-activite")
    # It is listed, and its title leads back to it.
    page.goto("/admin/rapports-activite/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name="Bilans", exact=True)).to_be_visible()

    # Published from its edit page.
    page.get_by_role("link", name="Modifier ou publier").click()
    expect(page.get_by_role("textbox", name=re.compile("^Titre"))).to_have_value(TITLE)
    shot(page, f"04b-edit-{width}")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    shot(page, f"05-published-{width}")
    report.refresh_from_db()
    assert report.live

    # The PDF.
    page.goto(f"/admin/rapports-activite/inspect/{report.pk}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le PDF").click()
    download = download_info.value
    path = tmp_path / "rapport.pdf"
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")

    # The référent embeds it on a page of the site.
    context.clear_cookies()
    login("referent")
    page.goto(f"/admin/pages/{target.pk}/edit/")
    page.get_by_role("button", name="Insérer un bloc").first.click()
    shot(page, f"06-block-picker-{width}")
    page.get_by_role("option", name=re.compile("Indicateurs de résultats")).click()
    shot(page, f"07-block-added-{width}")
    page.get_by_role("button", name="Choisir rapport d'activité").click()
    modal = page.get_by_role("dialog")
    expect(modal.get_by_role("link", name=TITLE)).to_be_visible()
    shot(page, f"08-chooser-{width}")
    modal.get_by_role("link", name=TITLE).click()
    expect(modal).to_be_hidden()
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text(re.compile(r"a été publiée"))).to_be_visible()
    shot(page, f"09-page-published-{width}")

    # A visitor, not logged in, reads the figures on the page.
    visitor = context.browser.new_context(
        base_url=re.match(r"^(https?://[^/]+)", page.url).group(1),
        locale="fr-FR",
        viewport={"width": width, "height": 900},
    )
    try:
        other = visitor.new_page()
        other.goto(ContentPage.objects.get(pk=target.pk).url)
        expect(
            other.get_by_role("heading", name="Indicateurs de résultats")
        ).to_be_visible()
        table = other.get_by_role("table", name="Bilans de compétences de la période")
        expect(table).to_contain_text(re.compile(r"Bilans commencés\s*8"))
        expect(table).to_contain_text("moins de 5")
        expect(other.get_by_text(world.conseiller.last_name)).to_have_count(0)
        other.get_by_role(
            "heading", name="Indicateurs de résultats"
        ).scroll_into_view_if_needed()
        shot(other, f"10-visitor-{width}")
        check_page(other, "indicateurs-de-resultats")
    finally:
        visitor.close()
