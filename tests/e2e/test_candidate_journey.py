"""A candidate fills a phase in a real browser: autosave, reload, completion."""

import re

from playwright.sync_api import expect

from phases.models import PhaseSubmission

from .helpers import E2E, publish_body

pytestmark = E2E

STORY = (
    "J'ai été gestionnaire dans un lycée pendant douze ans.\n"
    "Je voudrais maintenant former des adultes."
)
JOURNEY_BODY = [
    ("heading", {"text": "Votre parcours", "level": "h2"}),
    (
        "long_text",
        {"label": "Racontez votre parcours", "help_text": "", "required": True},
    ),
    (
        "short_text",
        {"label": "Votre métier actuel", "help_text": "", "required": True},
    ),
    ("yes_no", {"label": "Êtes-vous mobile ?", "help_text": "", "required": False}),
]


def test_candidate_fills_saves_reloads_and_completes_a_phase(
    page, login, world, phases
):
    phase = publish_body(phases[0], JOURNEY_BODY)
    login("candidat")
    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    expect(page.locator("#progression")).to_have_text(
        re.compile(r"^0 phases? terminées? sur 10$")
    )

    page.get_by_role("link", name=phase.title, exact=True).click()
    expect(page.get_by_role("heading", name=phase.title, level=1)).to_be_visible()

    story = page.get_by_label("Racontez votre parcours")
    story.click()
    story.press_sequentially(STORY[:40], delay=5)
    story.fill(STORY)
    # The autosave announces itself in the aria-live status region.
    expect(page.get_by_role("status")).to_have_text(
        re.compile(r"Enregistré à \d\d:\d\d"), timeout=15_000
    )
    saved = PhaseSubmission.objects.get(bilan=world.bilan, phase=phase)
    assert STORY.replace("\n", "\r\n") in saved.answers.values() or STORY in (
        saved.answers.values()
    )
    assert saved.status == PhaseSubmission.Status.EN_COURS

    page.reload()
    expect(page.get_by_label("Racontez votre parcours")).to_have_value(STORY)

    # A required question left empty: the phase is not completed, the text stays.
    page.get_by_role("button", name="J'ai terminé cette phase").click()
    expect(
        page.get_by_role("heading", name="Cette phase n'a pas pu être terminée")
    ).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Votre métier actuel")
    expect(page.get_by_role("alert")).to_contain_text("enregistrées comme brouillon")
    expect(page.get_by_label("Racontez votre parcours")).to_have_value(STORY)
    saved.refresh_from_db()
    assert saved.status == PhaseSubmission.Status.EN_COURS

    page.get_by_label("Votre métier actuel").fill("Gestionnaire administrative")
    page.get_by_role("button", name="J'ai terminé cette phase").click()

    expect(page.get_by_role("heading", name="Tableau de bord", level=1)).to_be_visible()
    expect(page.locator("#progression")).to_have_text(
        re.compile(r"1 phase terminée sur 10")
    )
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=phase.title))
    expect(row).to_contain_text("Terminée")
    saved.refresh_from_db()
    assert saved.status == PhaseSubmission.Status.TERMINEE
    assert saved.answers[phase.questions()[1].id] == "Gestionnaire administrative"


def test_offline_answers_are_kept_on_the_device_and_restored(
    page, login, world, phases
):
    """The autosave's French texts come from the page (json_script), not the
    script: offline, restored, saved."""
    phase = publish_body(phases[0], JOURNEY_BODY)
    login("candidat")
    page.get_by_role("link", name=phase.title, exact=True).click()
    # The deferred autosave script listens once the page has loaded: typing
    # before that is not watched (a person cannot type that fast).
    page.wait_for_load_state()
    status = page.get_by_role("status")

    page.context.set_offline(True)
    page.get_by_label("Votre métier actuel").fill("Gestionnaire administrative")
    expect(status).to_have_text(
        re.compile(r"^Connexion impossible : vos dernières réponses"), timeout=15_000
    )
    assert not PhaseSubmission.objects.filter(bilan=world.bilan, phase=phase).exists()

    page.context.set_offline(False)
    page.reload()
    expect(page.get_by_label("Votre métier actuel")).to_have_value("")
    page.get_by_role("button", name="Restaurer").click()
    expect(page.get_by_label("Votre métier actuel")).to_have_value(
        "Gestionnaire administrative"
    )
    expect(status).to_have_text(
        "Votre saisie a été restaurée ; elle va être enregistrée."
    )
    expect(status).to_have_text(re.compile(r"^Enregistré à \d\d:\d\d$"), timeout=15_000)
    saved = PhaseSubmission.objects.get(bilan=world.bilan, phase=phase)
    assert "Gestionnaire administrative" in saved.answers.values()
