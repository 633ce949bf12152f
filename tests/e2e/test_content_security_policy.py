"""No page of the journeys breaks under the Content-Security-Policy (issue 10,
item 17): Chromium reports every violation on the console, and there is none on
the candidate's phase page (autosave included), the conseiller's pages, the
administrator's dashboard and reports, and the référent's page editor with its
preview panel."""

import re

from playwright.sync_api import expect

from .helpers import E2E, publish_body

pytestmark = E2E

BODY = [
    (
        "long_text",
        {"label": "Racontez votre parcours", "help_text": "", "required": False},
    ),
    ("yes_no", {"label": "Êtes-vous mobile ?", "help_text": "", "required": False}),
]


def watch_csp(page):
    """Collect what Chromium says when the policy blocks something."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert "content-security-policy" in response.headers, url
    page.wait_for_load_state("networkidle")


def test_candidate_phase_page_and_its_autosave(page, login, world, phases):
    violations = watch_csp(page)
    phase = publish_body(phases[0], BODY)
    login("candidat")
    for url in ("/", "/tableau-de-bord/", "/mon-compte/"):
        visit(page, url)
    visit(page, phase.url)
    story = page.get_by_label("Racontez votre parcours")
    story.click()
    story.press_sequentially("J'ai commencé comme apprenti.", delay=5)
    expect(page.get_by_role("status")).to_have_text(
        re.compile(r"Enregistré à \d\d:\d\d"), timeout=15_000
    )
    page.get_by_text("Oui", exact=True).first.click()
    assert violations == []


def test_conseiller_pages(page, login, world, phases):
    violations = watch_csp(page)
    login("conseiller")
    for url in (
        "/tableau-de-bord/",
        f"/bilans/{world.bilan.pk}/",
        f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/",
        f"/bilans/{world.bilan.pk}/messages/",
        "/candidats/ajouter/",
    ):
        visit(page, url)
    assert violations == []


def test_administrator_dashboard_and_reports(page, login, world, phases):
    violations = watch_csp(page)
    login("admin.montpellier")
    for url in (
        "/admin/",
        "/admin/activite/",
        "/admin/statistiques/",
        "/admin/conseillers/",
        "/admin/conseillers/new/",
    ):
        visit(page, url)
    assert violations == []


def test_referent_page_editor_and_preview(page, login, world, phases):
    violations = watch_csp(page)
    phase = phases[2]
    login("referent")
    visit(page, f"/admin/pages/{phase.pk}/edit/")
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("iframe").first
    first = phase.questions()[0].value["label"]
    expect(preview.get_by_text(first).first).to_be_visible()
    # Edit the title: the editor's scripts run (unsaved-changes watcher, preview
    # refresh) under the policy.
    page.get_by_placeholder("Titre de la page").fill(f"{phase.title} (modifié)")
    page.wait_for_timeout(1500)
    assert violations == []
