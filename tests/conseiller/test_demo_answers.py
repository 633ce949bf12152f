"""The demo candidates' answers tell one coherent story across the ten phases."""

import re

from phases.content.demo_story import story_data
from phases.management.commands.load_demo import demo_answers
from phases.questions.form import field_name
from phases.rules.answers import complete_phase


def texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def test_every_shipped_question_is_answered_by_the_story(phases):
    missing = [
        (phase.title, str(child.value["label"]))
        for phase in phases
        for child in phase.questions()
        if child.block_type != "file_upload"
        and story_data(field_name(child.id), child) is None
    ]
    assert not missing


def test_the_story_completes_every_phase_without_repeating_or_contradicting_itself(
    world, phases
):
    answers = {}
    for phase in phases:
        submission = complete_phase(
            world.bilan,
            phase,
            data=demo_answers(phase),
            expected_version=0,
            notify=False,
        )
        for child in phase.questions():
            if child.id in submission.answers:
                answers[str(child.value["label"])] = submission.answers[child.id]

    # No text given twice to two questions (the pool of five sentences did).
    sentences = {}
    for label, answer in answers.items():
        for text in texts(answer):
            if len(text) > 40:
                sentences.setdefault(text, []).append(label)
    assert not {text: labels for text, labels in sentences.items() if len(labels) > 1}

    # Twelve years in the current post: the number and every sentence agree.
    assert answers["Depuis combien d'années occupez-vous cette fonction ?"] == 12
    everything = " ".join(text for answer in answers.values() for text in texts(answer))
    assert "douze ans" in everything
    years = set(re.findall(r"\b(\d+|[a-zé]+) ans\b", everything))
    assert years <= {"douze", "six", "quelques", "deux", "trois"}, years
    # The target job and its date are the same wherever they are written.
    assert "CFC" in answers["Intitulé du projet retenu"]
    assert answers["À quelle date souhaitez-vous avoir concrétisé votre projet ?"] == (
        "2028-09-01"
    )
    assert "septembre 2028" in answers["Ce que je retiens de mon bilan"]
