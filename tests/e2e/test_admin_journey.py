"""An académie administrator in the Wagtail admin: add a conseiller, block another,
filter the "Tableau d'activité" by DABM and download its CSV."""

import csv
import io
import re
from pathlib import Path

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from phases.models import PhaseSubmission
from users.models import User

from .helpers import E2E

pytestmark = E2E

# The seed's six columns first and in order, then those of the hours (issue 14).
HEADER = [
    "Identifiant",
    "DABM",
    "Conseiller",
    "Modalité",
    "Phases",
    "Phase terminée",
    "Heures réalisées",
    "Début",
    "Dernière activité",
]
NEW_PASSWORD = "Un-mot-de-passe-solide-2026"


def test_administrator_adds_blocks_filters_and_exports(page, login, world, phases):
    PhaseSubmission.objects.create(
        bilan=world.bilan,
        phase=phases[0],
        status=PhaseSubmission.Status.TERMINEE,
        completed_at=timezone.now(),
    )
    login("admin.montpellier")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # Ajouter un conseiller, from the dashboard's button.
    page.get_by_role("link", name="Ajouter un conseiller").click()
    expect(
        page.get_by_label("Notifier l'utilisateur de la création de son nouveau compte")
    ).to_be_checked()
    page.get_by_label("Identifiant de connexion").fill("nouvelle.conseillere")
    page.get_by_label("Courriel").fill("nouvelle.conseillere@exemple.fr")
    page.get_by_role("textbox", name=re.compile(r"^Mot de passe")).fill(NEW_PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(NEW_PASSWORD)
    page.get_by_role("radio", name="Actif").check()
    expect(page.get_by_label("Conseiller référent")).not_to_be_checked()
    page.get_by_label("Prénom").fill("Inès")
    page.get_by_role("textbox", name=re.compile(r"^Nom\*?$")).fill("Garnier")
    page.get_by_label("DABM").select_option(label="Lunel")
    page.get_by_role("button", name="Créer un nouveau compte").click()
    expect(page.get_by_text("a été créé")).to_be_visible()

    created = User.objects.get(username="nouvelle.conseillere")
    assert created.role == User.Role.CONSEILLER
    assert created.dabm == world.lunel
    assert created.is_active and not created.is_referent
    assert created.check_password(NEW_PASSWORD)
    assert [message.to for message in mail.outbox] == [
        ["nouvelle.conseillere@exemple.fr"]
    ]

    # Block another conseiller.
    page.goto(f"/admin/conseillers/edit/{world.autre_conseiller.pk}/")
    page.get_by_role("radio", name="Bloqué").check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status").first).to_be_visible()
    world.autre_conseiller.refresh_from_db()
    assert not world.autre_conseiller.is_active

    # Tableau d'activité, filtered by DABM, then its CSV.
    page.goto("/admin/")
    page.get_by_role("link", name="Tableau d'activité").first.click()
    expect(
        page.get_by_role("heading", name="Tableau d'activité", level=1)
    ).to_be_visible()
    expect(page.get_by_text("2 bilans")).to_be_visible()
    page.get_by_role("button", name="Afficher les filtres").click()
    page.get_by_role("button", name="DABM", exact=True).click()
    page.get_by_label("DABM", exact=True).select_option(label="Lunel")
    expect(page.get_by_text("1 bilan", exact=True)).to_be_visible()
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("cell").nth(1)).to_have_text("Lunel")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == HEADER
    conseiller = world.conseiller
    assert [row[6] for row in table[1:]] == ["0 h"]  # no rendez-vous réalisé
    assert [row[:6] for row in table[1:]] == [
        [
            str(world.candidat.pk),
            "Lunel",
            f"{conseiller.first_name} {conseiller.last_name}",
            "Présentiel",
            ", ".join(page.title for page in phases),
            phases[0].title,
        ]
    ]


def test_a_candidate_opening_the_admin_is_shown_the_way_back(page, login, world):
    """No redirect loop: a French 403 page in the site's layout, then the
    candidate's own Tableau de bord."""
    login("candidat")
    response = page.goto("/admin/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Accès refusé", level=1)).to_be_visible()
    page.get_by_role("link", name="Tableau de bord").last.click()
    expect(page).to_have_url(re.compile(r"/tableau-de-bord/$"))
