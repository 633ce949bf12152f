"""A conseiller référent renames a phase in the Wagtail admin; candidates see it."""

import re

from playwright.sync_api import expect

from phases.models import PhasePage, PhaseSubmission

from .helpers import E2E, log_in

pytestmark = E2E

NEW_TITLE = "Contexte et attentes de votre demande"


def test_referent_renames_a_phase_and_the_candidate_sees_it(
    page, login, context, world, phases
):
    phase = phases[0]
    login("referent")
    page.goto(f"/admin/pages/{phase.pk}/edit/")
    title = page.get_by_placeholder("Titre de la page")
    expect(title).to_have_value(phase.title)
    title.fill(NEW_TITLE)
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text(re.compile(r"a été publiée"))).to_be_visible()
    assert PhasePage.objects.get(pk=phase.pk).title == NEW_TITLE

    # The candidate, in another browser session.
    candidate = context.browser.new_context(base_url=context_base_url(page))
    try:
        other = candidate.new_page()
        log_in(other, "candidat")
        expect(other.get_by_role("link", name=NEW_TITLE, exact=True)).to_be_visible()
        expect(other.get_by_role("link", name=phase.title, exact=True)).to_have_count(0)
        other.get_by_role("link", name=NEW_TITLE, exact=True).click()
        expect(other.get_by_role("heading", name=NEW_TITLE, level=1)).to_be_visible()
    finally:
        candidate.close()


def context_base_url(page):
    match = re.match(r"^(https?://[^/]+)", page.url)
    return match.group(1)


def test_referent_previews_a_phase_with_its_questions(page, login, world, phases):
    """ "Aperçu" shows the phase as its candidates see it, and saves nothing."""
    phase = phases[2]
    first = phase.questions()[0].value["label"]
    login("referent")
    page.goto(f"/admin/pages/{phase.pk}/edit/")
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_text("Aperçu : voici la phase telle que")).to_be_visible()
    expect(preview.get_by_text(first).first).to_be_visible()
    for name in ("Enregistrer", "J'ai terminé cette phase"):
        expect(preview.get_by_role("button", name=name, exact=True)).to_be_disabled()
    assert not PhaseSubmission.objects.filter(phase=phase).exists()
