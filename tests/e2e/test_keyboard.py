"""A candidate completes a phase with the keyboard alone: Tab, Space, arrows,
Enter and typing; no mouse click anywhere."""

import re

from playwright.sync_api import expect

from phases.models import PhaseSubmission
from tests.phases.conftest import QUESTIONS

from .helpers import E2E, publish_body

pytestmark = E2E


def question(label, **changes):
    """A question of the shared test phase (tests/phases/conftest.py), changed."""
    block_type, value = next(
        (block_type, value)
        for block_type, value in QUESTIONS
        if isinstance(value, dict) and value.get("label") == label
    )
    return block_type, {**value, **changes}


# The kinds of inputs a keyboard moves through differently: text, radio buttons,
# checkboxes, yes/no, textarea. Every one required.
KEYBOARD_BODY = [
    ("heading", {"text": "Votre situation", "level": "h2"}),
    question("Votre métier actuel"),
    question("Votre situation"),
    question("Vos centres d'intérêt", required=True),
    question("Êtes-vous mobile ?"),
    question("Racontez votre parcours"),
]


def tab_to(page, locator, *, limit=150, backwards=False):
    """Press Tab (or Shift+Tab) until `locator` has the focus; fail past `limit`."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{locator} never received the focus with {key}")


def test_candidate_completes_a_phase_with_the_keyboard_alone(page, world, phases):
    phase = publish_body(phases[0], KEYBOARD_BODY)
    page.goto("/connexion/")
    # Every control is reached with Tab from the top of the page.
    tab_to(page, page.get_by_label("Nom d'utilisateur", exact=True))
    page.keyboard.type("candidat")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Mot de passe", exact=True)).to_be_focused()
    page.keyboard.type("Mot-de-passe-de-test-2026")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()

    tab_to(page, page.get_by_role("link", name=phase.title, exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=phase.title, level=1)).to_be_visible()

    tab_to(page, page.get_by_label("Votre métier actuel"))
    page.keyboard.type("Secrétaire de direction")
    # A radio group is one Tab stop; Space picks the focused option, arrows move.
    page.keyboard.press("Tab")
    expect(page.get_by_role("radio", name="En poste")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="En recherche d'emploi")).to_be_checked()
    # Checkboxes: one Tab stop each, Space ticks.
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="Lecture")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="Musique")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("radio", name="Oui")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Racontez votre parcours")).to_be_focused()
    page.keyboard.type("Quinze ans dans un lycée.")
    page.keyboard.press("Enter")  # a new line in a textarea, not a submission
    page.keyboard.type("Je veux maintenant former des adultes.")

    finish = page.get_by_role("button", name="J'ai terminé cette phase")
    tab_to(page, finish)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    expect(page.locator("#progression")).to_have_text(
        re.compile(r"^1 phase terminée sur 10$")
    )
    saved = PhaseSubmission.objects.get(bilan=world.bilan, phase=phase)
    assert saved.status == PhaseSubmission.Status.TERMINEE
    answers = {
        child.value["label"]: saved.answers[child.id] for child in phase.questions()
    }
    assert answers == {
        "Votre métier actuel": "Secrétaire de direction",
        "Votre situation": "En recherche d'emploi",
        "Vos centres d'intérêt": ["Lecture", "Musique"],
        "Êtes-vous mobile ?": "oui",
        "Racontez votre parcours": (
            "Quinze ans dans un lycée.\r\nJe veux maintenant former des adultes."
        ),
    }
