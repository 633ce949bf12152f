"""What a person sees on every page of every journey, at a phone's and a desk's width.

- At 375 px (a phone), no page scrolls sideways as a whole: a wide table scrolls
  inside its DSFR wrapper or becomes one card per row, and the columns a person
  needs ("Statut", "Phase terminée", the "Filtrer" button) stay on screen.
- At every width, the visible text (`innerText`, what CSS lets show) holds no
  template syntax: a `{# … #}` over several lines, or a tag the template engine did
  not read, is printed as it is and the markup checks never notice.

`make screenshots` runs this module with SCREENSHOTS_DIR set: each page visited is
also saved there as a full-page PNG, at both widths, for a person to look at.

The data is the demo's (`load_demo`): what a conseiller trying the site sees.
"""

import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from phases.management.commands.load_demo import DEMO_PASSWORD
from phases.models import Bilan, PhasePage
from phases.rules.threads import add_comment, post_message

from .helpers import E2E, log_in

pytestmark = E2E

PHONE, DESK = 375, 1280
TEMPLATE_SYNTAX = re.compile(r"\{#|#\}|\{%|%\}|\{\{|\}\}")
SCREENSHOTS_DIR = os.environ.get("SCREENSHOTS_DIR")


@pytest.fixture
def demo(live_server):
    """The demo's accounts and bilans, a comment under an answer and messages."""
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    bilan = Bilan.objects.get(candidate__username="candidat.lunel")
    first = bilan.selected_phases.select_related("phase").first().phase
    question = first.questions()[0]
    add_comment(
        bilan,
        first,
        question.id,
        author=bilan.conseiller,
        body="Pouvez-vous préciser depuis quand vous occupez ce poste ?",
        notify=False,
    )
    post_message(
        bilan,
        author=bilan.conseiller,
        body="Bonjour, notre prochain rendez-vous est fixé au 12 janvier à 14 h.",
        notify=False,
    )
    post_message(
        bilan,
        author=bilan.candidate,
        body="Merci, je serai présente.",
        notify=False,
    )
    return bilan


class Seen:
    """Visits pages at both widths and collects every problem, reported at the end."""

    def __init__(self, page, role):
        self.page = page
        self.role = role
        self.problems = []

    def visit(self, key, url):
        for width in (DESK, PHONE):
            self.page.set_viewport_size({"width": width, "height": 900})
            response = self.page.goto(url)
            assert response.status < 400, f"{url} answered {response.status}"
            self.page.wait_for_load_state("load")
            self.look(key, width)

    def look(self, key, width):
        where = f"{self.role} · {key} ({urlsplit(self.page.url).path}) at {width} px"
        text = self.page.evaluate("document.body.innerText")
        for match in TEMPLATE_SYNTAX.finditer(text):
            start = max(0, match.start() - 40)
            self.problems.append(
                f"{where}: template syntax in the visible text: "
                f"{text[start : match.end() + 40]!r}"
            )
        if width == PHONE:
            scroll, client = self.page.evaluate(
                "[document.documentElement.scrollWidth,"
                " document.documentElement.clientWidth]"
            )
            if scroll > client:
                self.problems.append(
                    f"{where}: the page is {scroll} px wide and scrolls sideways "
                    f"(viewport {client} px); widest: {self.widest()}"
                )
        if SCREENSHOTS_DIR:
            folder = Path(SCREENSHOTS_DIR)
            folder.mkdir(parents=True, exist_ok=True)
            ascii_name = unicodedata.normalize("NFKD", f"{self.role} {key}")
            ascii_name = ascii_name.encode("ascii", "ignore").decode().lower()
            name = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
            self.screenshot(folder / f"{name}-{width}.png")

    def screenshot(self, path):
        """A full-page PNG, also of pages that scroll inside an element.

        The Wagtail admin scrolls its content inside an element, not the document,
        so a "full page" capture would stop at the window: the window is made as
        tall as the tallest scrolling content for the capture.
        """
        viewport = self.page.viewport_size
        height = self.page.evaluate(
            """() => Math.max(document.documentElement.scrollHeight,
                 ...[...document.querySelectorAll('*')]
                   .filter(el => /(auto|scroll)/.test(getComputedStyle(el).overflowY))
                   .map(el => el.scrollHeight))"""
        )
        if height > viewport["height"]:
            self.page.set_viewport_size({**viewport, "height": min(height, 12000)})
        self.page.screenshot(path=path, full_page=True)
        self.page.set_viewport_size(viewport)

    def widest(self):
        """The deepest elements sticking out on the right: where to look first."""
        return self.page.evaluate(
            """() => {
              const limit = document.documentElement.clientWidth;
              const clipped = (el) => {
                for (let up = el.parentElement; up; up = up.parentElement) {
                  if (getComputedStyle(up).overflowX !== 'visible' &&
                      up.getBoundingClientRect().right <= limit + 1) return true;
                }
                return false;
              };
              const out = [];
              for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                if (box.right > limit + 1 && box.width > 0 && !clipped(el) &&
                    ![...el.children].some(
                      c => c.getBoundingClientRect().right > limit + 1)) {
                  out.push(`${el.tagName.toLowerCase()}.${el.className}`
                    + ` → ${Math.round(box.right)} px`);
                }
              }
              return out.slice(0, 5).join('; ');
            }"""
        )

    def in_view(self, locator, what):
        """`locator` is on screen, not pushed out to the right (nor clipped)."""
        expect(locator).to_be_visible()
        box = locator.bounding_box()
        client = self.page.evaluate("document.documentElement.clientWidth")
        if box["x"] < 0 or box["x"] + box["width"] > client + 1:
            self.problems.append(
                f"{self.role} · {what} at {self.page.viewport_size['width']} px: "
                f"from {box['x']:.0f} to {box['x'] + box['width']:.0f} px, "
                f"the viewport is {client} px"
            )

    def reachable(self, locator, what):
        """`locator` is on screen, or inside a box that scrolls sideways to it
        (overflow-x auto or scroll, and wider inside than outside)."""
        scroller = locator.evaluate(
            """(el) => {
              for (let up = el.parentElement; up; up = up.parentElement) {
                const style = getComputedStyle(up);
                if (/(auto|scroll)/.test(style.overflowX) &&
                    up.scrollWidth > up.clientWidth) return true;
              }
              return false;
            }"""
        )
        if not scroller:
            self.in_view(locator, what)

    def unbroken_words(self, locator, what):
        """No word of `locator`'s text is broken over two lines: the cell is at
        least as wide as its longest word."""
        broken = locator.evaluate(
            """(el) => {
              const broken = [];
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (const match of node.data.matchAll(/\\S+/g)) {
                  const range = document.createRange();
                  range.setStart(node, match.index);
                  range.setEnd(node, match.index + match[0].length);
                  if (range.getClientRects().length > 1) broken.push(match[0]);
                }
              }
              return broken;
            }"""
        )
        if broken:
            width = locator.bounding_box()["width"]
            self.problems.append(
                f"{self.role} · {what} at {self.page.viewport_size['width']} px: "
                f"{', '.join(broken)} broken over lines in a {width:.0f} px cell"
            )

    def assert_clean(self):
        assert not self.problems, "\n".join(self.problems)


def test_visitor_pages(page, demo):
    seen = Seen(page, "visiteur")
    seen.visit("accueil", "/")
    seen.visit("connexion", "/connexion/")
    seen.visit("mot de passe oublié", "/mot-de-passe/reinitialiser/")
    seen.assert_clean()


def test_candidate_pages(page, demo):
    log_in(page, "candidat.lunel", DEMO_PASSWORD)
    seen = Seen(page, "candidat")
    seen.visit("tableau de bord", "/tableau-de-bord/")
    # The last page visited is the phone's: the status of every phase is on screen.
    for badge in page.locator("#contenu table .fr-badge").all():
        seen.in_view(badge, "Statut")
    phases = [row.phase for row in demo.selected_phases.select_related("phase")]
    for number, phase in enumerate(phases, start=1):
        seen.visit(f"phase {number}", phase.url)
    seen.visit("messages", f"/bilans/{demo.pk}/messages/")
    seen.visit("mon compte", "/mon-compte/")
    seen.assert_clean()


def test_conseiller_pages(page, demo):
    log_in(page, "conseiller.lunel", DEMO_PASSWORD)
    seen = Seen(page, "conseiller")
    seen.visit("tableau de bord", "/tableau-de-bord/")
    seen.visit("bilan", f"/bilans/{demo.pk}/")
    for badge in page.locator("#contenu table .fr-badge").all():
        seen.in_view(badge, "Statut")
    # "Valider la phase" and "Rouvrir la phase" say so: DSFR shows a small button
    # group's icon buttons as bare icons unless the group has its icons on the left.
    actions = page.get_by_role(
        "button", name=re.compile(r"^(Valider|Rouvrir) la phase")
    )
    assert actions.count()
    for button in actions.all():
        box = button.bounding_box()
        if box["width"] < 3 * box["height"]:
            seen.problems.append(
                f"conseiller · « {button.inner_text()} » shows as a bare icon "
                f"({box['width']:.0f} × {box['height']:.0f} px)"
            )
    phases = [row.phase for row in demo.selected_phases.select_related("phase")]
    for number in (1, 3, 4):  # terminée with a comment, en cours, non commencée
        seen.visit(
            f"bilan phase {number}",
            f"/bilans/{demo.pk}/phases/{phases[number - 1].pk}/",
        )
    seen.visit("messages", f"/bilans/{demo.pk}/messages/")
    seen.visit("modifier le bilan", f"/bilans/{demo.pk}/modifier/")
    seen.visit("ajouter un candidat", "/candidats/ajouter/")
    seen.visit("aperçu d'une phase", phases[3].url)
    seen.visit("aperçu d'une phase avec un fichier", phases[1].url)
    # The file question speaks French there too, whatever the browser's language.
    expect(page.get_by_text("Choisir un fichier", exact=True)).to_be_visible()
    seen.visit("mon compte", "/mon-compte/")
    seen.assert_clean()


def test_administrator_pages(page, demo):
    log_in(page, "admin.montpellier", DEMO_PASSWORD)
    seen = Seen(page, "administrateur")
    for key, url in [
        ("tableau de bord", "/admin/"),
        ("tableau d'activité", "/admin/activite/"),
        ("conseillers", "/admin/conseillers/"),
        ("ajouter un conseiller", "/admin/conseillers/new/"),
        ("candidats", "/admin/candidats/"),
        ("statistiques", "/admin/statistiques/"),
    ]:
        seen.visit(key, url)
    for width in (DESK, PHONE):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/admin/")
        for button in page.get_by_role("button", name="Filtrer").all():
            seen.in_view(button, "« Filtrer » du tableau de bord")
        for cell in page.locator('td[data-label="Phases terminées"]').all():
            seen.in_view(cell, "Phases terminées du tableau de bord")
        page.goto("/admin/activite/")
        # A column header at a desk; on a phone each row is a card naming it.
        for cell in page.locator('td[data-label="Phase terminée"]').all():
            seen.in_view(cell, "Phase terminée")
        # Each conseiller's name (the link to the account) reads as words, and
        # every candidate's "Statut du bilan" can be reached.
        page.goto("/admin/conseillers/")
        names = page.locator("table.listing tbody td.title")
        assert names.count()
        for cell in names.all():
            seen.unbroken_words(cell, "nom d'un conseiller")
        page.goto("/admin/candidats/")
        headers = page.locator("table.listing thead th").all_inner_texts()
        column = [text.strip() for text in headers].index("Statut du bilan") + 1
        statuses = page.locator(f"table.listing tbody td:nth-child({column})")
        assert statuses.count()
        for cell in statuses.all():
            seen.reachable(cell, "Statut du bilan des candidats")
        page.goto("/admin/statistiques/")
        median = "Délai médian depuis le début du bilan (jours)"
        for cell in page.locator(f'td[data-label="{median}"]').all():
            seen.in_view(cell, "délai médian des statistiques")
    seen.assert_clean()


def test_referent_pages(page, demo):
    log_in(page, "referent.sete", DEMO_PASSWORD)
    seen = Seen(page, "référent")
    seen.visit("tableau de bord", "/tableau-de-bord/")
    seen.visit("administration", "/admin/")
    likert = PhasePage.objects.get(
        title="Connaissance de soi 1 sur 3 : Valeurs relatives au travail"
    )
    seen.visit("éditeur de phase", f"/admin/pages/{likert.pk}/edit/")
    home = HomePage.objects.first()
    seen.visit("éditeur de page", f"/admin/pages/{home.pk}/edit/")
    seen.visit("pages", "/admin/pages/")
    seen.assert_clean()
