"""A conseiller creates a candidate, who sets a password from the e-mail, answers,
and the two talk in a comment thread under the answer — in a real browser."""

import re

from django.core import mail

from playwright.sync_api import expect

from users.models import User

from .helpers import E2E, log_in, publish_body

pytestmark = E2E

QUESTION = "Qu'attendez-vous de ce bilan ?"
BODY = [
    ("paragraph", "<p>Prenez le temps de répondre avec vos mots.</p>"),
    ("long_text", {"label": QUESTION, "help_text": "", "required": True}),
]
NEW_PASSWORD = "Choisi-par-la-candidate-2026"


def log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def test_conseiller_creates_a_candidate_and_they_talk_under_an_answer(
    page, login, world, phases
):
    phase = publish_body(phases[0], BODY)

    # The conseiller creates the candidate, notified by e-mail.
    login("conseiller")
    page.get_by_role("link", name="Ajouter un candidat").click()
    expect(
        page.get_by_role("heading", name="Ajouter un candidat", level=1)
    ).to_be_visible()
    page.get_by_label("Identifiant de connexion").fill("zoe.martin")
    page.get_by_role("textbox", name="Courriel").fill("zoe.martin@exemple.fr")
    page.get_by_label("Prénom").fill("Zoé")
    page.get_by_label("Nom", exact=True).fill("Martin")
    page.get_by_text("A distance", exact=True).click()
    # Every published phase is checked by default.
    expect(page.get_by_label(phase.title)).to_be_checked()
    expect(
        page.get_by_label("Notifier l'utilisateur de la création de son nouveau compte")
    ).to_be_checked()
    page.get_by_role("button", name="Créer un nouveau compte").click()
    expect(page.get_by_role("heading", name="Bilan de Zoé Martin")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Un courriel lui a été envoyé")
    candidate = User.objects.get(username="zoe.martin")
    assert candidate.bilans.get().conseiller == world.conseiller

    # The candidate follows the e-mailed link and chooses a password.
    message = next(m for m in mail.outbox if m.to == ["zoe.martin@exemple.fr"])
    link = re.search(r"https?://[^/\s]+(/mot-de-passe/nouveau/\S+/)", message.body)
    assert link, message.body
    log_out(page)
    page.goto(link.group(1))
    # DSFR puts the hint inside the label: match the label's start.
    page.get_by_role("textbox", name=re.compile(r"^Nouveau mot de passe")).fill(
        NEW_PASSWORD
    )
    page.get_by_role(
        "textbox", name=re.compile(r"^Confirmation du nouveau mot de passe")
    ).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(
        page.get_by_text("Votre nouveau mot de passe est enregistré")
    ).to_be_visible()

    # She gives her consent to the bilan (her first visit), answers the first
    # question and saves.
    log_in(page, "zoe.martin", NEW_PASSWORD)
    page.get_by_text(
        "J'ai lu ces informations et je donne mon accord pour réaliser ce bilan "
        "de compétences"
    ).click()
    page.get_by_role("button", name="Donner mon accord").click()
    page.get_by_role("link", name=phase.title, exact=True).click()
    page.get_by_label(QUESTION).fill("Changer de métier sans repartir de zéro.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_label(QUESTION)).to_have_value(
        "Changer de métier sans repartir de zéro."
    )
    log_out(page)

    # The conseiller comments under that answer.
    login("conseiller")
    page.get_by_role("link", name="Zoé Martin").click()
    page.get_by_role("link", name=phase.title, exact=True).click()
    expect(page.get_by_text("Changer de métier sans repartir de zéro.")).to_be_visible()
    page.get_by_label("Ajouter un commentaire sur cette réponse").fill(
        "Quel métier vous attire ?"
    )
    page.get_by_role("button", name="Commenter").click()
    expect(page.get_by_text("Quel métier vous attire ?")).to_be_visible()
    log_out(page)

    # The candidate sees it right under her answer and replies.
    log_in(page, "zoe.martin", NEW_PASSWORD)
    page.get_by_role("link", name=phase.title, exact=True).click()
    thread = page.locator(".monbilan-thread")
    expect(thread).to_contain_text("Quel métier vous attire ?")
    page.get_by_label("Répondre à votre conseiller").fill("Formatrice pour adultes.")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.locator(".monbilan-thread")).to_contain_text("Formatrice pour adultes.")
    log_out(page)

    # The conseiller reads the reply beside the answer.
    login("conseiller")
    page.get_by_role("link", name="Zoé Martin").click()
    page.get_by_role("link", name=phase.title, exact=True).click()
    expect(page.locator(".monbilan-thread")).to_contain_text("Formatrice pour adultes.")
