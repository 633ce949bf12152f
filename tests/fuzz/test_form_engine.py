"""Property tests of the form engine alone (no database): random pages, random
POST bodies. The form never raises, renders whatever it was sent, and what it
accepts is always a valid answer."""

import json

from django.utils.datastructures import MultiValueDict

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from phases.questions.form import PhaseForm

from .strategies import (
    assert_valid_answers,
    bodies,
    mutated_examples,
    page_with,
    post_data,
)

# Rendering a field reads the site settings (django-dsfr) from the database.
pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

FAST = settings(
    max_examples=80,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(data=st.data(), body=bodies(), draft=st.booleans())
def test_any_post_gives_a_valid_answer_or_a_form_error(data, body, draft):
    page = page_with(body)
    posted = MultiValueDict(data.draw(post_data(page)))
    form = PhaseForm(page, draft=draft, data=posted, files=MultiValueDict())
    event("valid" if form.is_valid() else "invalid")
    if form.is_valid():
        answers = {k: v for k, v in form.answers().items() if v is not None}
        json.dumps(answers)  # stored in a JSONField
        assert_valid_answers(page, answers, complete=not draft)
    else:
        assert form.errors
    # The page shows the form again, with its errors, whatever was posted.
    for _child, field in form.bound_questions():
        html = str(field.as_field_group())
        assert "<script>" not in html


@FAST
@given(data=st.data(), body=bodies())
def test_a_valid_answer_survives_the_round_trip(data, body):
    """What was accepted shows again as the form's initial data and is accepted
    again unchanged (a reload never alters or loses an answer)."""
    page = page_with(body)
    form = PhaseForm(page, data=MultiValueDict(data.draw(post_data(page))))
    if not form.is_valid():
        return
    answers = {k: v for k, v in form.answers().items() if v is not None}
    snapshots = {
        child.id: child.block.snapshot(child.value) for child in page.questions()
    }
    again = PhaseForm(page, answers=answers, snapshots=snapshots)
    for _child, field in again.bound_questions():
        str(field.as_field_group())
    for child in page.questions():
        if child.id in answers:
            initial = again.initial[f"q-{child.id}"]
            assert initial is not None


@FAST
@given(data=st.data(), body=bodies(), draft=st.booleans())
def test_nearly_right_answers_are_accepted_only_when_valid(data, body, draft):
    page = page_with(body)
    posted = MultiValueDict(data.draw(mutated_examples(page)))
    form = PhaseForm(page, draft=draft, data=posted, files=MultiValueDict())
    event("valid" if form.is_valid() else "invalid")
    if form.is_valid():
        answers = {k: v for k, v in form.answers().items() if v is not None}
        json.dumps(answers)
        assert_valid_answers(page, answers, complete=not draft)
