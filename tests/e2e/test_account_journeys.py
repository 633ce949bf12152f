"""Every user: reset a forgotten password through the e-mailed link; "Mon compte"
with an avatar shown in the header."""

import re
from urllib.parse import urlsplit

from django.core import mail

from playwright.sync_api import expect

from users.models import User

from .helpers import E2E, log_in, png_bytes

pytestmark = E2E

NEW_PASSWORD = "Nouveau-mot-de-passe-2026"


def reset_link(message):
    match = re.search(r"https?://\S+/mot-de-passe/nouveau/\S+/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


def test_password_reset_through_the_emailed_link(page, world):
    page.goto("/connexion/")
    page.get_by_role("link", name="Réinitialiser votre mot de passe").click()
    expect(
        page.get_by_role("heading", name="Réinitialiser votre mot de passe", level=1)
    ).to_be_visible()
    page.get_by_label("Adresse électronique").fill(world.candidat.email)
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(
        page.get_by_role("heading", name="Vérifiez votre messagerie", level=1)
    ).to_be_visible()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.candidat.email]
    page.goto(reset_link(mail.outbox[0]))
    expect(
        page.get_by_role("heading", name="Choisir un nouveau mot de passe", level=1)
    ).to_be_visible()
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

    # The old password no longer opens the account; the new one does.
    log_in(page, "candidat")
    expect(page).to_have_url(re.compile(r"/connexion/"))
    log_in(page, "candidat", NEW_PASSWORD)
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()


def test_account_page_with_an_avatar_shown_in_the_header(page, login, world, tmp_path):
    avatar = tmp_path / "moi.png"
    avatar.write_bytes(png_bytes())
    login("conseiller")
    header = page.get_by_role("banner")
    expect(header.locator("img")).to_have_count(0)

    header.get_by_role("link", name="Mon compte").click()
    expect(page.get_by_role("heading", name="Mon compte", level=1)).to_be_visible()
    page.get_by_label("Prénom").fill("Matthieu")
    page.get_by_label("Image ou avatar").set_input_files(avatar)
    with page.expect_response(
        lambda r: urlsplit(r.url).path == "/mon-compte/" and r.request.method == "GET"
    ) as shown:
        page.get_by_role("button", name="Enregistrer").click()

    user = User.objects.get(pk=world.conseiller.pk)
    assert user.avatar and user.first_name == "Matthieu"
    assert shown.value.status == 200
    expect(page.get_by_text("Vos informations ont été enregistrées.")).to_be_visible()
    expect(page.get_by_alt_text("Votre image actuelle")).to_be_visible()
    image = (
        page.get_by_role("banner").get_by_role("link", name="Mon compte").locator("img")
    )
    expect(image).to_have_attribute("src", f"/mon-compte/avatar/{user.pk}/")
    # The image really loads (private storage, served by the avatar view).
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") == 32
