"""A candidate whose bilan is closed answers the « Questionnaire de satisfaction »
from their dashboard, by visible labels, on a laptop and on a phone; their
administrator then finds only totals, masked under five responses."""

import os
from pathlib import Path

from playwright.sync_api import expect

from questionnaires.models import QuestionnaireResponse
from tests.e2e.helpers import E2E
from tests.e2e.test_accessibility import Audit
from tests.e2e.test_ten_phases import answer

from ..helpers import close, questionnaire

pytestmark = E2E

IMPROVE = "Des rendez-vous un peu plus longs en fin de bilan."


def test_the_candidate_answers_and_the_administrator_sees_totals(page, login, world):
    close(world.bilan)
    satisfaction = questionnaire()
    # axe-core on each screen of the journey, as tests/e2e/test_accessibility.py.
    audit = Audit(page)

    login("candidat")
    page.goto("/tableau-de-bord/")
    expect(
        page.get_by_role("heading", name="Questionnaire de satisfaction")
    ).to_be_visible()
    capture(page, "questionnaire-tableau-de-bord")
    audit.check("tableau de bord, bilan clos")
    page.get_by_role("link", name="Répondre au questionnaire").click()
    expect(
        page.get_by_role("heading", name="Questionnaire de satisfaction", level=1)
    ).to_be_visible()
    capture(page, "questionnaire-formulaire")
    audit.check("questionnaire de satisfaction")

    # Sent with a required question unanswered: refused, what was typed kept.
    improve = page.get_by_role("textbox", name="Que pourrions-nous améliorer ?")
    improve.fill(IMPROVE)
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Vos réponses n'ont pas été envoyées")).to_be_visible()
    expect(
        page.get_by_role("textbox", name="Que pourrions-nous améliorer ?")
    ).to_have_value(IMPROVE)
    assert not QuestionnaireResponse.objects.exists()
    audit.check("questionnaire avec erreurs")

    for child in satisfaction.questions():
        if child.block.type_name != "long_text":
            answer(page, child)
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(
        page.get_by_text("Merci ! Vos réponses sont envoyées. Elles restent anonymes.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Merci pour vos réponses")).to_be_visible()
    expect(page.get_by_text(IMPROVE)).to_be_visible()
    capture(page, "questionnaire-envoye")
    audit.check("questionnaire répondu")
    (response,) = QuestionnaireResponse.objects.all()
    assert IMPROVE in response.answers.values()

    page.goto("/tableau-de-bord/")
    expect(page.get_by_role("link", name="Répondre au questionnaire")).to_have_count(0)

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    login("admin.montpellier")
    page.goto("/admin/statistiques/")
    heading = page.get_by_role("heading", name="Questionnaire de satisfaction")
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible()
    expect(page.get_by_text("moins de 5 réponses").first).to_be_visible()
    assert IMPROVE not in page.content()
    capture(page, "questionnaire-statistiques")
    audit.check("statistiques avec les questionnaires")
    audit.assert_clean()
    if os.environ.get("SCREENSHOTS_DIR"):
        # The admin scrolls inside its own frame: a tall window on the section.
        page.set_viewport_size({"width": 1280, "height": 3000})
        heading.evaluate("element => element.scrollIntoView()")
        page.screenshot(
            path=Path(os.environ["SCREENSHOTS_DIR"]) / "questionnaire-statistiques.png"
        )


def capture(page, name):
    """Under SCREENSHOTS_DIR, the page at 1280 and 375 px, to be looked at; at
    both widths nothing scrolls sideways. The page is left at 1280 px."""
    folder = os.environ.get("SCREENSHOTS_DIR")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate(
            "document.documentElement.scrollWidth"
            " <= document.documentElement.clientWidth"
        ), f"{name} scrolls sideways at {width} px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=Path(folder) / f"{name}-{width}.png", full_page=True)
