"""Issue 17 in a browser, by visible labels, at 1280 and 375 px: an administrator
searches a name, blocks two conseillers at once, exports two candidates' rows;
the admin's sidebar carries the service's block marque."""

import csv
import io
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from users.models import User

from .helpers import E2E

pytestmark = E2E

# Looked at after a change (common rules: /tmp/shots/<name>/).
SHOTS = Path(tempfile.gettempdir()) / "shots" / "listings"
WIDTHS = [1280, 375]


def shoot(page, name, full_page=True):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=full_page)


def name(user, first, last):
    user.first_name, user.last_name = first, last
    user.save()


@pytest.fixture
def names(world):
    name(world.conseiller, "Hélène", "Martin")
    name(world.autre_conseiller, "Éloïse", "Durand")
    name(world.referent, "Paul", "Petit")
    name(world.conseiller_toulouse, "Hélène", "Toulousaine")
    name(world.candidat, "Noémie", "Béranger")
    name(world.autre_candidat, "Yanis", "Roux")
    return world


def at_width(page, width):
    page.set_viewport_size({"width": width, "height": 900})


@pytest.mark.parametrize("width", WIDTHS)
def test_search_then_block_two_conseillers(page, login, names, width):
    at_width(page, width)
    login("admin.montpellier")

    # The dashboard's block leads to the listing's search.
    block = page.get_by_role("search", name="Rechercher parmi les conseillers")
    block.get_by_label("Rechercher (nom, identifiant ou courriel)").fill("helene")
    block.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"/admin/conseillers/\?q=helene"))
    rows = page.locator("main tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Hélène Martin")
    expect(page.get_by_text("Hélène Toulousaine")).to_have_count(0)
    shoot(page, f"search_conseillers_{width}")

    # The listing's own search box: another name, without its accents.
    search = page.get_by_role("textbox", name="Terme de recherche")
    search.fill("eloise")
    search.press("Enter")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Éloïse Durand")
    search.fill("")
    search.press("Enter")
    expect(rows).to_have_count(3)

    page.get_by_role("checkbox", name="Sélectionner Hélène Martin").check()
    page.get_by_role("checkbox", name="Sélectionner Éloïse Durand").check()
    footer = page.get_by_role("region", name="Actions groupées")
    expect(footer).to_contain_text("2")
    # The screen as seen: the bar of actions is fixed to its bottom.
    shoot(page, f"selection_conseillers_{width}", full_page=False)
    footer.get_by_role(
        "link", name="Bloquer les comptes sélectionnés", exact=True
    ).click()

    expect(page.get_by_text("Bloquer ces comptes ?")).to_be_visible()
    expect(page.locator("main li")).to_have_text(["Éloïse Durand", "Hélène Martin"])
    shoot(page, f"confirm_block_{width}")
    page.get_by_role("button", name="Bloquer", exact=True).click()

    expect(page.get_by_text("2 comptes ont été bloqués.")).to_be_visible()
    for full_name in ("Hélène Martin", "Éloïse Durand"):
        row = rows.filter(has_text=full_name)
        expect(row.locator('td[data-label="Statut"]')).to_have_text("Bloqué")
    expect(
        rows.filter(has_text="Paul Petit").locator('td[data-label="Statut"]')
    ).to_have_text("Actif")
    shoot(page, f"blocked_conseillers_{width}")
    assert not User.objects.get(pk=names.conseiller.pk).is_active
    assert not User.objects.get(pk=names.autre_conseiller.pk).is_active
    assert User.objects.get(pk=names.conseiller_toulouse.pk).is_active


@pytest.mark.parametrize("width", WIDTHS)
def test_export_two_candidates(page, login, names, width):
    at_width(page, width)
    login("admin.montpellier")
    if width < 800:
        # On a phone the menu opens from its button first.
        page.get_by_role(
            "button", name="Afficher/masquer la barre latérale"
        ).first.click()
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Candidats", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Candidats")).to_be_visible()
    page.get_by_role("checkbox", name="Sélectionner Noémie Béranger").check()
    page.get_by_role("checkbox", name="Sélectionner Yanis Roux").check()
    shoot(page, f"selection_candidats_{width}", full_page=False)
    footer = page.get_by_role("region", name="Actions groupées")
    with page.expect_download() as download_info:
        footer.get_by_role(
            "link", name="Exporter les lignes sélectionnées au format CSV"
        ).click()
    download = download_info.value
    assert re.fullmatch(r"candidats-\d{4}-\d\d-\d\d\.csv", download.suggested_filename)
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Identifiant", "Nom", "Conseiller"]
    assert sorted(row[1] for row in rows[1:]) == ["Noémie Béranger", "Yanis Roux"]
    assert all(row[7] == "Actif" for row in rows[1:])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_sidebar_carries_the_block_marque(page, login, world, width):
    at_width(page, width)
    login("admin.montpellier")
    expect(page).to_have_title("Tableau de bord - Mon Bilan en Ligne")
    if width < 800:
        page.get_by_role(
            "button", name="Afficher/masquer la barre latérale"
        ).first.click()
    sidebar = page.get_by_role("complementary", name="Barre latérale")
    marque = sidebar.get_by_role("link", name="Tableau de bord")
    expect(marque).to_contain_text("République")
    expect(marque).to_contain_text("Mon Bilan en Ligne")
    expect(marque).to_be_visible()
    box = marque.bounding_box()
    assert box["width"] <= 200
    shoot(page, f"sidebar_expanded_{width}")
    if width >= 800:
        sidebar.get_by_role("button", name="Afficher/masquer la barre latérale").click()
        page.wait_for_timeout(300)
        box = marque.bounding_box()
        assert box["width"] <= 60
        shoot(page, f"sidebar_collapsed_{width}")
        # Put it back: the choice is remembered for the next tests.
        sidebar.get_by_role("button", name="Afficher/masquer la barre latérale").click()
