"""An académie administrator imports conseillers from a CSV file: downloads the
modèle, fills it, sees the preview refuse a wrong row, fixes it, confirms, and
finds the new conseillers in the listing — on a desktop and on a phone."""

import csv
import io
import os
import re
from pathlib import Path

from django.core import mail

import pytest
from playwright.sync_api import expect

from users.models import User

from .helpers import E2E

pytestmark = E2E

#: Where to keep screenshots of the screens, to look at them (none if unset).
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(SHOTS) / f"{name}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_administrator_imports_conseillers(page, login, world, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    login("admin.montpellier")
    page.goto("/admin/conseillers/")
    page.get_by_role("link", name="Importer des conseillers").click()
    expect(page.get_by_label("Fichier CSV")).to_be_visible()
    shot(page, f"upload_{width}")

    # The modèle: the columns and one example row, in the académie's DABM.
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le modèle CSV").click()
    template = Path(download.value.path()).read_text(encoding="utf-8-sig")
    header, example = list(csv.reader(io.StringIO(template), delimiter=";"))
    assert header == ["identifiant", "courriel", "prénom", "nom", "DABM", "référent"]
    assert example[4] in ("Lunel", "Sète")

    # Filled as a spreadsheet would save it; one DABM is another académie's.
    def save(rows):
        path = tmp_path / "conseillers.csv"
        with path.open("w", encoding="cp1252", newline="") as file:
            writer = csv.writer(file, delimiter=";")
            writer.writerow(header)
            writer.writerows(rows)
        return path

    rows = [
        [
            "agnès.lefèvre",
            "agnes.lefevre@exemple.fr",
            "Agnès",
            "Lefèvre",
            "Lunel",
            "non",
        ],
        ["bruno.petit", "bruno.petit@exemple.fr", "Bruno", "Petit", "Toulouse", "oui"],
    ]
    page.get_by_label("Fichier CSV").set_input_files(save(rows))
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.get_by_text("1 ligne sur 2 a une erreur")).to_be_visible()
    error = page.get_by_text("DABM inconnu dans l'académie Montpellier")
    expect(error).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Importer"))).to_have_count(0)
    shot(page, f"preview_error_{width}")
    assert not User.objects.filter(username="agnès.lefèvre").exists()

    # Fixed, sent again, confirmed.
    rows[1][4] = "Sète"
    page.get_by_role("link", name="Déposer un autre fichier").click()
    page.get_by_label("Fichier CSV").set_input_files(save(rows))
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.get_by_text("sans erreur")).to_be_visible()
    shot(page, f"preview_ok_{width}")
    page.get_by_role("button", name="Importer les 2 conseillers").click()

    expect(page.get_by_text("2 conseillers ont été importés")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/conseillers/$"))
    expect(page.get_by_role("link", name="Agnès Lefèvre")).to_be_visible()
    expect(page.get_by_role("link", name="Bruno Petit")).to_be_visible()
    shot(page, f"listing_{width}")

    bruno = User.objects.get(username="bruno.petit")
    assert bruno.dabm == world.sete and bruno.is_referent
    # Each conseiller is invited; the administrator is told the import ended.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "admin.montpellier@exemple.fr",
        "agnes.lefevre@exemple.fr",
        "bruno.petit@exemple.fr",
    ]
