"""A candidate whose bilan awaits consent (the shared fixtures give it by default)."""

import pytest

from phases.models import ConsentPage

from ..factories import UserFactory, bilan_for


@pytest.fixture
def awaiting(world, phases):
    """A new candidate of `world.conseiller`, their bilan without consent."""
    candidate = UserFactory(username="candidat.sans.accord", dabm=world.lunel)
    bilan = bilan_for(candidate, world.conseiller, phases[:3], consent=False)
    return bilan


@pytest.fixture
def consent_page(db):
    return ConsentPage.objects.live().get()
