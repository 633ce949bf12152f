"""An académie administrator moves a blocked conseiller's candidates to another
conseiller (« Réaffecter les candidats »), and sends an invitation again
(« Renvoyer l'invitation ») from the admin and from a conseiller's site; each
journey follows the links of the e-mails it sends, at 1280 and 375 px."""

import os
import re
from pathlib import Path

from django.core import mail

import pytest
from playwright.sync_api import expect

from users.accounts import create_account
from users.models import User

from .axe import check_page
from .helpers import E2E, log_in

pytestmark = E2E

WIDTHS = [1280, 375]
# `SCREENSHOTS_DIR=… pytest tests/e2e/test_reassign_and_resend.py` keeps a
# screenshot of each step there (as `make screenshots` does for the other pages).
SHOTS = os.environ.get("SCREENSHOTS_DIR")
LINK = re.compile(r"https?://[^\s]+")
NEW_PASSWORD = "Un-mot-de-passe-solide-2026"


def shoot(page, name, width):
    if SHOTS:
        page.wait_for_timeout(700)  # Wagtail's messages fade in
        folder = Path(SHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
        # What the screen shows first (Wagtail's messages stay at its top).
        page.screenshot(path=folder / f"{name}-{width}-haut.png")


def links(message):
    return LINK.findall(message.body)


def mail_to(address):
    return next(message for message in mail.outbox if message.to == [address])


@pytest.mark.parametrize("width", WIDTHS)
def test_reassigning_a_blocked_conseillers_candidates(
    page, login, world, browser, live_server, width
):
    page.set_viewport_size({"width": width, "height": 900})
    world.conseiller.is_active = False
    world.conseiller.save()
    login("admin.montpellier")

    page.goto("/admin/conseillers/")
    page.get_by_role("link", name=str(world.conseiller), exact=True).click()
    warning = page.get_by_text("Ce conseiller est bloqué et suit encore 1 bilan(s)")
    expect(warning).to_be_visible()
    shoot(page, "conseiller-bloque", width)
    page.get_by_role("link", name="Réaffecter les candidats").first.click()
    expect(
        page.get_by_role(
            "heading", name=f"Réaffecter les candidats de {world.conseiller}"
        )
    ).to_be_visible()
    check_page(page, "admin: réaffecter les candidats")

    # Nothing chosen: a French error, nothing moved, the target kept.
    page.get_by_label("Nouveau conseiller").select_option(
        label=f"{world.autre_conseiller} (autre.conseiller)"
    )
    page.get_by_role("button", name="Réaffecter les candidats").click()
    expect(
        page.get_by_text("Choisissez au moins un candidat à réaffecter")
    ).to_be_visible()
    expect(page.get_by_label("Nouveau conseiller")).to_have_value(
        str(world.autre_conseiller.pk)
    )
    shoot(page, "erreur", width)
    check_page(page, "admin: réaffecter les candidats, erreurs")

    page.get_by_label(str(world.candidat), exact=True).check()
    shoot(page, "choix", width)
    page.get_by_role("button", name="Réaffecter les candidats").click()
    expect(page.get_by_text("Candidats réaffectés à")).to_be_visible()
    shoot(page, "reaffecte", width)
    world.bilan.refresh_from_db()
    assert world.bilan.conseiller == world.autre_conseiller

    # The new conseiller follows the link of their e-mail to the bilan.
    message = mail_to(world.autre_conseiller.email)
    (bilan_link,) = [link for link in links(message) if "/bilans/" in link]
    other = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    try:
        conseiller_page = other.new_page()
        log_in(conseiller_page, "autre.conseiller")
        conseiller_page.goto(bilan_link)
        expect(
            conseiller_page.get_by_role("heading", level=1, name=re.compile("Bilan"))
        ).to_be_visible()
        shoot(conseiller_page, "nouveau-conseiller-bilan", width)
    finally:
        other.close()
    # The candidate was told too, with their dashboard's link.
    assert "votre conseiller a changé" in mail_to(world.candidat.email).subject


@pytest.mark.parametrize("width", WIDTHS)
def test_resending_an_invitation_from_the_admin(page, login, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    account = create_account(
        role=User.Role.CONSEILLER,
        created_by=world.admin,
        notify=True,
        username="nina.nouvelle",
        email="nina.nouvelle@exemple.fr",
        first_name="Nina",
        last_name="Nouvelle",
        dabm=world.lunel,
    )
    (old_link,) = [link for link in links(mail.outbox[0]) if "/nouveau/" in link]
    login("admin.montpellier")
    page.goto("/admin/conseillers/")
    page.get_by_role("link", name="Nina Nouvelle", exact=True).click()
    expect(
        page.get_by_text("Ce compte ne s'est encore jamais connecté")
    ).to_be_visible()
    check_page(page, "admin: conseiller jamais connecté")
    shoot(page, "invitation-banniere", width)
    page.get_by_role("button", name="Renvoyer l'invitation").click()
    expect(
        page.get_by_text("Un nouveau lien a été envoyé à nina.nouvelle@exemple.fr")
    ).to_be_visible()
    shoot(page, "invitation-renvoyee", width)

    new_message = mail.outbox[-1]
    assert new_message.to == ["nina.nouvelle@exemple.fr"]
    (new_link,) = [link for link in links(new_message) if "/nouveau/" in link]

    page.context.clear_cookies()
    page.goto(old_link)
    expect(page.get_by_text("Ce lien n'est plus valable")).to_be_visible()
    shoot(page, "ancien-lien", width)
    page.goto(new_link)
    page.get_by_role("textbox", name=re.compile(r"^Nouveau mot de passe")).fill(
        NEW_PASSWORD
    )
    page.get_by_role(
        "textbox", name=re.compile(r"^Confirmation du nouveau mot de passe")
    ).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(
        page.get_by_role("heading", name="Mot de passe enregistré", level=1)
    ).to_be_visible()
    log_in(page, "nina.nouvelle", NEW_PASSWORD)
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    account.refresh_from_db()
    assert account.last_login is not None


@pytest.mark.parametrize("width", WIDTHS)
def test_a_conseiller_resends_their_candidates_invitation(page, login, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    login("conseiller")
    page.goto(f"/bilans/{world.bilan.pk}/")
    expect(
        page.get_by_text("Ce candidat ne s'est encore jamais connecté")
    ).to_be_visible()
    check_page(page, "conseiller: bilan, renvoyer l'invitation")
    page.get_by_role("button", name="Renvoyer l'invitation").click()
    expect(
        page.get_by_text(f"Un nouveau lien a été envoyé à {world.candidat.email}")
    ).to_be_visible()
    shoot(page, "site-invitation-renvoyee", width)
    (message,) = mail.outbox
    assert message.to == [world.candidat.email]
