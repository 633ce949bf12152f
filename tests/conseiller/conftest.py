"""Helpers of the conseiller workspace's tests: answered phases, a reviewed bilan."""

from django.core.files.base import ContentFile

import pytest

from phases.management.commands.load_demo import demo_answers
from phases.models import SubmissionFile
from phases.rules.answers import complete_phase, save_draft
from phases.rules.threads import add_comment

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"


def answer(bilan, phase, *, complete=True):
    """The candidate answers a phase (its shipped questions), finished or not."""
    if complete:
        return complete_phase(
            bilan, phase, data=demo_answers(phase), expected_version=0, notify=False
        )
    return save_draft(bilan, phase, data=demo_answers(phase), expected_version=0)


def first_question(phase):
    return phase.questions()[0]


@pytest.fixture
def reviewed(world, phases):
    """The candidate finished phase 1 (with a file); the conseiller commented."""
    phase = phases[0]
    submission = answer(world.bilan, phase)
    block_id = first_question(phase).id
    stored = SubmissionFile(
        submission=submission,
        block_id=block_id,
        original_name="Mon CV.pdf",
        size=len(PDF),
        content_type="application/pdf",
    )
    stored.file.save("pdf", ContentFile(PDF), save=False)
    stored.save()
    post = add_comment(
        world.bilan,
        phase,
        block_id,
        author=world.conseiller,
        body="Pouvez-vous préciser ce point ?",
        notify=False,
    )
    world.phase = phase
    world.submission = submission
    world.block_id = block_id
    world.file = stored
    world.thread = post.thread
    return world
