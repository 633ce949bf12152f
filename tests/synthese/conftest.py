"""A bilan whose candidate has answered, and a synthèse to write."""

from django.test import TestCase

import pytest

from phases.content.demo_answers import demo_answers
from phases.rules.answers import complete_phase, save_draft
from synthese import rules

TEXTS = {
    "circumstances": (
        "Mme Martin souhaite faire le point après douze ans de gestion "
        "administrative.\n\nElle attend du bilan :\n- un projet réaliste\n"
        "- un plan d'action"
    ),
    "competences": "Organisation, écoute, conduite de projets.",
    "project": "Formatrice pour adultes.\n\n1. Rencontrer deux organismes\n2. Financer",
}


def captured(execute=True):
    """`with captured():` runs what a request's commit queues (the e-mails), as
    on a server; the test's own transaction never commits."""
    return TestCase.captureOnCommitCallbacks(using="default", execute=execute)


@pytest.fixture
def answered(world, phases):
    """The candidate's bilan (consented, as `world` makes them): phases 1–3
    terminées, 4 started, with demo answers."""
    for phase in phases[:3]:
        complete_phase(
            world.bilan,
            phase,
            data=demo_answers(phase),
            expected_version=0,
            notify=False,
        )
    save_draft(world.bilan, phases[3], data=demo_answers(phases[3]), expected_version=0)
    return world.bilan


@pytest.fixture
def submitted(answered):
    """Version 1 submitted to the candidate."""
    rules.save_draft(answered, texts=TEXTS, expected_version=0)
    return rules.submit(answered, notify=False)


@pytest.fixture
def remis(submitted):
    """Version 1 with observations, remis."""
    bilan = submitted.synthese.bilan
    rules.save_observations(
        bilan, number=1, text="Je précise : plutôt à Sète.", notify=False
    )
    rules.deliver(bilan, notify=False)
    return bilan.synthese
