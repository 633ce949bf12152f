"""A fresh candidate completes each of the ten shipped phases as a person would.

Only clicks on visible labels and typing into visible fields: no forced click, no
value set by script, no keyboard shortcut reaching a hidden input. A radio
or checkbox is answered by clicking its label (what DSFR draws and a person sees),
never its input, which DSFR hides: a label that does not show cannot be clicked
here, as it cannot be by a person. Then each phase is "Terminée" on the dashboard.
"""

import io
import re

from PIL import Image
from playwright.sync_api import expect

from phases.models import PhaseSubmission, SubmissionFile
from phases.questions.blocks import list_items

from .helpers import E2E, log_in

pytestmark = E2E

PHONE = {"width": 375, "height": 800}
MIN_TARGET = 24  # px, WCAG 2.2 2.5.8 (target size, minimum)


def click_label(scope, role, name):
    """Click the visible label of the radio or checkbox named `name`; return it."""
    control = scope.get_by_role(role, name=name, exact=True)
    label = scope.locator(f'label[for="{control.get_attribute("id")}"]')
    expect(label).to_be_visible()
    label.click()
    expect(control).to_be_checked()
    return label


def dot_darkness(label):
    """How dark the centre of the label's radio circle is (0 white, 255 black)."""
    shot = Image.open(io.BytesIO(label.screenshot())).convert("L")
    # The circle is the label's first 24 × 24 px; its dot is drawn in the centre.
    return 255 - shot.getpixel((12, 12))


def answer_likert(page, scope, value):
    points = [text for _key, text in list_items(value["scale"])]
    for index, (_key, statement) in enumerate(list_items(value["statements"])):
        name = f"{statement} : {points[index % len(points)]}"
        control = scope.get_by_role("radio", name=name, exact=True)
        label = scope.locator(f'label[for="{control.get_attribute("id")}"]')
        expect(label).to_be_visible()
        box = label.bounding_box()
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, (
            f"« {name} »: a {box['width']:.0f} × {box['height']:.0f} px target"
        )
        before = dot_darkness(label)
        label.click()
        expect(control).to_be_checked()
        # A person sees the choice: the circle's centre is filled once checked.
        page.mouse.move(0, 0)
        assert dot_darkness(label) > before + 60, f"« {name} » does not look checked"


def answer(page, child):
    """Answer one question of the page, through what it shows."""
    value, kind = child.value, child.block.type_name
    scope = page.locator(f"#question-{child.id}")
    label = re.compile("^" + re.escape(value["label"]))
    if kind in ("short_text", "long_text"):
        field = scope.get_by_role("textbox", name=label)
        expect(field).to_be_visible()
        field.fill(f"Ma réponse à « {value['label']} ».")
    elif kind == "number":
        field = scope.get_by_role("spinbutton", name=label)
        expect(field).to_be_visible()
        low, high = value.get("min_value"), value.get("max_value")
        number = max(low if low is not None else 0, min(3, high or 3))
        field.fill(str(number))
    elif kind == "date":
        field = scope.get_by_label(value["label"])
        expect(field).to_be_visible()
        field.fill("2026-03-16")
    elif kind == "single_choice":
        click_label(scope, "radio", list_items(value["choices"])[0][1])
    elif kind == "yes_no":
        click_label(scope, "radio", "Oui")
    elif kind == "multiple_choice":
        for _key, text in list_items(value["choices"])[:2]:
            click_label(scope, "checkbox", text)
    elif kind == "dropdown":
        field = scope.get_by_role("combobox", name=label)
        expect(field).to_be_visible()
        field.select_option(label=list_items(value["choices"])[0][1])
    elif kind == "ranking":
        for rank, (_key, item) in enumerate(list_items(value["items"]), start=1):
            field = scope.get_by_role("combobox", name=item, exact=True)
            expect(field).to_be_visible()
            field.select_option(label=str(rank))
    elif kind == "likert":
        answer_likert(page, scope, value)
    elif kind == "table":
        for _key, column in list_items(value["columns"]):
            field = scope.get_by_role("textbox", name=f"{column}, ligne 1", exact=True)
            expect(field).to_be_visible()
            field.fill(f"{column} : exemple")
    elif kind == "file_upload":
        field = scope.get_by_label(value["label"])
        # What a person sees is French, whatever the browser's language.
        expect(scope.get_by_text("Choisir un fichier", exact=True)).to_be_visible()
        expect(scope.get_by_text("Aucun fichier choisi", exact=True)).to_be_visible()
        with page.expect_file_chooser() as chooser:
            field.click()
        chooser.value.set_files(
            {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"}
        )
        expect(scope.get_by_text("cv.pdf", exact=True)).to_be_visible()
    else:
        raise AssertionError(f"no way to answer a {kind} question")


def test_a_fresh_candidate_completes_each_of_the_ten_phases(page, world, phases):
    assert len(phases) == 10
    assert not PhaseSubmission.objects.filter(bilan=world.bilan).exists()
    log_in(page, "candidat")
    for phase in phases:
        page.get_by_role("link", name=phase.title, exact=True).click()
        expect(page.get_by_role("heading", name=phase.title, level=1)).to_be_visible()
        for child in phase.questions():
            answer(page, child)
        page.get_by_role("button", name="J'ai terminé cette phase").click()
        expect(
            page.get_by_role("heading", name="Tableau de bord", level=1)
        ).to_be_visible()
        expect(
            page.get_by_text(f"Vous avez terminé la phase « {phase.title} »")
        ).to_be_visible()

    expect(page.locator("#progression")).to_have_text(
        re.compile(r"10 phases terminées sur 10")
    )
    for phase in phases:
        row = page.get_by_role("row").filter(
            has=page.get_by_role("link", name=phase.title, exact=True)
        )
        expect(row).to_contain_text("Terminée")
    assert set(
        PhaseSubmission.objects.filter(bilan=world.bilan).values_list(
            "status", flat=True
        )
    ) == {PhaseSubmission.Status.TERMINEE}
    # The CV chosen through the French button was kept.
    stored = SubmissionFile.objects.get(submission__bilan=world.bilan)
    assert stored.original_name == "cv.pdf"


def test_on_a_phone_each_statement_of_a_likert_grid_is_a_card(page, world, phases):
    """At 375 px the grid does not widen the page; each point is written."""
    page.set_viewport_size(PHONE)
    log_in(page, "candidat")
    phase = next(
        p
        for p in phases
        if any(child.block.type_name == "likert" for child in p.questions())
    )
    page.goto(phase.url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide"
    child = next(c for c in phase.questions() if c.block.type_name == "likert")
    scope = page.locator(f"#question-{child.id}")
    points = [text for _key, text in list_items(child.value["scale"])]
    _key, statement = list_items(child.value["statements"])[0]
    for point in points:
        # The point is written beside its radio: a person reads what they choose.
        label = click_label(scope, "radio", f"{statement} : {point}")
        expect(label).to_have_text(re.compile(re.escape(point)))
        box = label.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
