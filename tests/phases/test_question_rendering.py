"""The question form's fast renderer writes exactly what the DSFR templates write.

`phases.questions.rendering.QuestionRenderer` renders the commonest field and
widget templates in Python (issue 16: they were two thirds of a phase page's CPU).
Here every question type, in every state a candidate can meet, is rendered once
by `PhaseForm` and once by the same form on Django's template renderer: the bytes
must be the same. A change to one of those templates breaks this test until
rendering.py follows it.
"""

from django.forms.renderers import TemplatesSetting

import pytest

from phases.questions.form import PhaseForm
from phases.questions.rendering import FIELD_GROUPS, WIDGETS

from .conftest import QUESTIONS, Questions, complete_data, set_body

# The types whose field group and widget the renderer writes itself.
FAST_TYPES = {
    "short_text",
    "long_text",
    "single_choice",
    "multiple_choice",
    "dropdown",
    "date",
    "number",
    "yes_no",
}
TRICKY = 'Aide « <em>utile</em> » & "citée" l\'été'


class TemplatePhaseForm(PhaseForm):
    """The same form, every field through the templates."""

    default_renderer = TemplatesSetting()


def both(phase, **kwargs):
    return PhaseForm(phase, **kwargs), TemplatePhaseForm(phase, **kwargs)


def assert_same_markup(fast, slow):
    for form in (fast, slow):
        if form.is_bound:
            form.is_valid()  # errors shown as a failed submission shows them
    fast_types = set()
    for (child, fast_field), (_child, slow_field) in zip(
        fast.bound_questions(), slow.bound_questions(), strict=True
    ):
        html = fast_field.as_field_group()
        assert html == slow_field.as_field_group(), child.block.type_name
        if child.block.type_name in FAST_TYPES:
            # The Python path really wrote it (not a fallback to the template).
            assert fast_field.template_name in FIELD_GROUPS
            widget = fast_field.field.widget
            assert widget.template_name in WIDGETS or hasattr(widget, "optgroups")
            fast_types.add(child.block.type_name)
    return fast_types


def invalid_data(q):
    """Answers in the wrong format for every type the renderer writes."""
    return {
        "version": "0",
        q.name("Votre métier actuel"): 'Un "métier" <script>alert(1)</script> & co',
        q.name("Racontez votre parcours"): "Ligne 1\n<b>Ligne 2</b> & 'fin'" * 30,
        q.name("Votre situation"): "Autre chose",
        q.name("Vos centres d'intérêt"): ["Lecture", "Cuisine"],
        q.name("Votre niveau de diplôme"): "Doctorat",
        q.name("Date de début souhaitée"): "le 31 février",
        q.name("Années d'expérience"): "beaucoup",
        q.name("Êtes-vous mobile ?"): "peut-être",
    }


@pytest.fixture
def tricky_phase(qphase):
    """Every question with a help text full of HTML's special characters, and the
    required ones made optional and the optional ones required."""
    body = []
    for block_type, value in QUESTIONS:
        if isinstance(value, dict) and "required" in value:
            value = {**value, "help_text": TRICKY, "required": not value["required"]}
        body.append((block_type, value))
    return set_body(qphase, body)


def test_empty_form(qphase):
    assert assert_same_markup(*both(qphase)) == FAST_TYPES


def test_answers_shown_again(qphase, q):
    answers = PhaseForm(qphase, data=complete_data(q))
    assert answers.is_valid(), answers.errors
    stored = answers.answers()
    assert assert_same_markup(*both(qphase, answers=stored)) == FAST_TYPES


def test_draft_posted_back(qphase, q):
    assert assert_same_markup(*both(qphase, data=complete_data(q))) == FAST_TYPES


def test_every_error_kept_with_what_was_typed(qphase, q):
    fast, slow = both(qphase, data=invalid_data(q))
    assert not fast.is_valid()
    assert {q.name(label) for label in ("Votre situation", "Années d'expérience")} <= (
        set(fast.errors)
    )
    assert assert_same_markup(fast, slow) == FAST_TYPES
    html = fast[q.name("Votre métier actuel")].as_field_group()
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_required_questions_left_unanswered(qphase, q):
    fast, slow = both(qphase, data={"version": "0"}, draft=False)
    assert not fast.is_valid()
    assert q.name("Votre métier actuel") in fast.errors
    assert assert_same_markup(fast, slow) == FAST_TYPES


def test_help_texts_and_optional_marks(tricky_phase):
    q = Questions(tricky_phase)
    assert assert_same_markup(*both(tricky_phase)) == FAST_TYPES
    assert (
        assert_same_markup(*both(tricky_phase, data={"version": "0"}, draft=False))
        == FAST_TYPES
    )
    assert assert_same_markup(*both(tricky_phase, data=invalid_data(q))) == FAST_TYPES
