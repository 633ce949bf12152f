"""From a page's footer to the thanks, in a real browser, by visible labels: an
anonymous visitor on the login page, then a candidate on their dashboard."""

import os
import re
from pathlib import Path

from django.core import mail

from playwright.sync_api import expect

from support.models import ProblemReport
from tests.e2e.helpers import E2E

pytestmark = E2E


def capture(page, name, reload=False):
    """Under SCREENSHOTS_DIR, the page at 1280 and 375 px, to be looked at;
    at both widths nothing scrolls sideways. The journey then goes on at the
    width it had. `reload` for the admin, whose menu settles on load (never
    after a POST: the browser would send it again)."""
    folder = os.environ.get("SCREENSHOTS_DIR")
    size = page.viewport_size
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        if reload:
            page.reload()
        assert page.evaluate(
            "document.documentElement.scrollWidth"
            " <= document.documentElement.clientWidth"
        ), f"{name} scrolls sideways at {width} px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=Path(folder) / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size(size)


def test_an_anonymous_visitor_reports_from_the_login_page(page, login, world):
    world.toulouse.support_email = "support@ac-toulouse.fr"
    world.toulouse.save()
    page.goto("/connexion/")
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Signaler un problème"
    ).click()
    expect(
        page.get_by_role("heading", name="Signaler un problème", level=1)
    ).to_be_visible()
    expect(page.get_by_label("Adresse de la page")).to_have_value("/connexion/")
    capture(page, "signaler-formulaire")

    # Sent without the steps: the errors say what is missing, the rest is kept.
    page.get_by_label("Message d'erreur affiché").fill("Identifiant inconnu")
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.get_by_text("Le signalement n'a pas été envoyé")).to_be_visible()
    expect(
        page.get_by_text("Décrivez ce que vous faisiez quand le problème est survenu")
    ).to_be_visible()
    expect(page.get_by_label("Message d'erreur affiché")).to_have_value(
        "Identifiant inconnu"
    )
    capture(page, "signaler-erreurs")

    page.get_by_label("Ce que vous faisiez").fill(
        "J'ai saisi mon identifiant puis cliqué sur « Se connecter »."
    )
    page.get_by_label("Votre adresse électronique").fill("visiteur@exemple.fr")
    page.get_by_label("Votre académie").select_option(label="Toulouse")
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.get_by_text("Merci : votre signalement est envoyé.")).to_be_visible()
    capture(page, "signaler-merci")

    report = ProblemReport.objects.get()
    assert report.academie == world.toulouse
    assert report.page_url == "/connexion/"
    assert report.error_message == "Identifiant inconnu"
    assert report.reporter is None and report.reporter_email == "visiteur@exemple.fr"
    assert "Chrom" in report.user_agent
    (message,) = mail.outbox
    assert message.to == ["support@ac-toulouse.fr"]

    page.get_by_role("link", name="Revenir à la page").click()
    expect(page.get_by_role("button", name="Se connecter")).to_be_visible()

    # Toulouse's administrator finds it under « Signalements ».
    login("admin.toulouse")
    page.goto("/admin/")
    page.get_by_role("link", name="Signalements").first.click()
    expect(page.get_by_role("heading", name="Signalements")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="visiteur@exemple.fr")
    expect(row).to_contain_text("/connexion/")
    capture(page, "signalements-liste", reload=True)
    row.get_by_role("link").first.click()
    expect(page.get_by_text("J'ai saisi mon identifiant")).to_be_visible()
    expect(page.get_by_text("Visiteur non connecté")).to_be_visible()
    capture(page, "signalement-detail", reload=True)


def test_a_candidate_reports_from_their_dashboard(page, login, world):
    login("candidat")
    page.goto("/tableau-de-bord/")
    page.get_by_role("contentinfo").get_by_role(
        "link", name="Signaler un problème"
    ).click()
    expect(page.get_by_label("Adresse de la page")).to_have_value("/tableau-de-bord/")
    expect(page.get_by_label("Votre adresse électronique")).to_have_count(0)
    expect(page.get_by_text("académie de Montpellier")).to_be_visible()
    page.get_by_label("Ce que vous faisiez").fill("La page ne s'affiche pas.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.get_by_text("Merci : votre signalement est envoyé.")).to_be_visible()
    report = ProblemReport.objects.get()
    assert report.reporter == world.candidat
    assert report.academie == world.montpellier
    page.get_by_role("link", name="Revenir à la page").click()
    expect(page).to_have_url(re.compile(r"/tableau-de-bord/$"))
