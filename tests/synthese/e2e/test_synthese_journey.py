"""The document de synthèse in a real browser, by its visible labels: the
conseiller writes and inserts an answer, submits; the candidate observes; the
conseiller revises, submits again and remits; the candidate downloads the PDF,
acknowledges receipt and shares it. axe-core checks each step's page at 1280 and
375 px; screenshots of them go to $SCREENSHOTS_DIR when it is set."""

import os
import re
from pathlib import Path

from playwright.sync_api import expect

from phases.rules.answers import complete_phase
from synthese.models import ShareOpening, Synthese
from tests.e2e.axe import check_page
from tests.e2e.helpers import E2E

from ..conftest import demo_answers

pytestmark = E2E

SCREENSHOTS_DIR = os.environ.get("SCREENSHOTS_DIR")
WIDTHS = (1280, 375)


def shoot(page, name):
    """Both widths: no serious axe-core violation, and on a phone nothing may
    scroll sideways."""
    viewport = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()  # laid out at this width from the start, as on a phone
        check_page(page, f"synthese-{name}-{width}")
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth,"
            " document.documentElement.clientWidth]"
        )
        assert scroll <= client, f"{name} scrolls sideways at {width} px"
        if SCREENSHOTS_DIR:
            folder = Path(SCREENSHOTS_DIR)
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=folder / f"synthese-{name}-{width}.png", full_page=True
            )
    page.set_viewport_size(viewport)


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def section(page, heading):
    # DSFR puts the hint inside the label: match the label's start.
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(heading)}"))


def test_synthese_from_draft_to_shared_link(page, login, world, phases, context):
    bilan = world.bilan
    for phase in phases[:2]:
        complete_phase(
            bilan, phase, data=demo_answers(phase), expected_version=0, notify=False
        )
    candidate_name = str(bilan.candidate)

    def open_editor():
        # Tableau de bord → the candidate's bilan → « Document de synthèse ».
        page.get_by_role("link", name="Tableau de bord").first.click()
        page.get_by_role("link", name=candidate_name, exact=True).click()
        page.get_by_role("link", name="Document de synthèse").click()

    def open_reading():
        # The candidate's Tableau de bord has the card once a version is submitted.
        page.get_by_role("link", name="Tableau de bord").first.click()
        page.get_by_role("link", name="Lire mon document de synthèse").click()

    # --- the conseiller writes, inserts an answer, the draft saves itself -------
    login("conseiller")
    open_editor()
    expect(
        page.get_by_role("heading", name="Document de synthèse", level=1)
    ).to_be_visible()
    section(page, "Circonstances du bilan").fill(
        "Demande à l'initiative de la candidate.\n\nSes attentes :\n- un projet"
    )
    section(page, "Compétences et aptitudes").fill("Organisation et écoute.")
    expect(page.get_by_role("status").filter(has_text="enregistré à")).to_be_visible()

    page.get_by_role("button", name=phases[1].title).click()  # its answers
    answer = page.locator(f"#reponses-{phases[1].pk} > div").first
    answer.get_by_label("Section où l'insérer").select_option(
        label="Projet professionnel et principales étapes"
    )
    answer.get_by_role("button", name=re.compile("^Insérer dans la synthèse")).click()
    project = section(page, "Projet professionnel et principales étapes")
    expect(project).to_have_value(re.compile(r"^Réponse du candidat à « "))
    expect(page.get_by_text("Réponse insérée à la fin de")).to_be_visible()
    project.press("End")
    project.type("\n\n- Se renseigner auprès de deux organismes")
    page.wait_for_function(
        "() => /enregistré à/.test(document.getElementById('autosave-status')"
        ".textContent)"
    )
    shoot(page, "editeur")

    page.get_by_role("button", name="Soumettre au candidat").click()
    expect(
        page.get_by_text("La version 1 du document de synthèse est soumise")
    ).to_be_visible()
    synthese = Synthese.objects.get(bilan=bilan)
    assert synthese.versions.get().project.endswith("deux organismes")
    log_out(page)

    # --- the candidate reads it and writes her observations --------------------
    login("candidat")
    open_reading()
    expect(
        page.get_by_role("heading", name="Votre document de synthèse", level=1)
    ).to_be_visible()
    expect(page.get_by_text("Organisation et écoute.")).to_be_visible()
    page.get_by_role("textbox", name=re.compile("^Mes observations")).fill(
        "Je préfère travailler à Sète."
    )
    page.get_by_role("button", name="Enregistrer mes observations").click()
    expect(page.get_by_text("Vos observations sont enregistrées")).to_be_visible()
    shoot(page, "candidat-observations")
    log_out(page)

    # --- the conseiller reads them, revises, resubmits, remits -----------------
    login("conseiller")
    open_editor()
    page.get_by_role("button", name=re.compile(r"^Version 1, soumise le")).click()
    expect(page.get_by_text("Je préfère travailler à Sète.")).to_be_visible()
    section(page, "Compétences et aptitudes").fill(
        "Organisation et écoute ; goût de la transmission."
    )
    page.get_by_role("button", name="Soumettre au candidat").click()
    expect(
        page.get_by_text("La version 2 du document de synthèse est soumise")
    ).to_be_visible()
    page.get_by_role("button", name="Remettre le document de synthèse").click()
    expect(
        page.get_by_text("Le document de synthèse est remis au candidat")
    ).to_be_visible()
    shoot(page, "editeur-remis")
    log_out(page)

    # --- the candidate downloads, acknowledges, shares --------------------------
    login("candidat")
    open_reading()
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Télécharger le document de synthèse (PDF)"
        ).click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    page.get_by_role("button", name="J'accuse réception").click()
    expect(page.get_by_text("Vous en avez accusé réception le")).to_be_visible()
    page.get_by_role("button", name="Partager mon document de synthèse").click()
    address = page.get_by_role(
        "textbox", name="Adresse du lien, à copier et à transmettre"
    ).input_value()
    # Someone without an account opens it.
    stranger = context.browser.new_context(base_url=page.url)
    response = stranger.request.get(address)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    stranger.close()
    assert ShareOpening.objects.count() == 1
    page.reload()
    expect(page.get_by_text("Ouvertures du lien")).to_be_visible()
    shoot(page, "candidat-remis")
    page.get_by_role("button", name=re.compile("^Révoquer ce lien")).click()
    expect(page.get_by_text("Le lien de partage est révoqué")).to_be_visible()
