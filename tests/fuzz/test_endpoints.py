"""Random POST bodies against the real views (autosave endpoint and phase page):
never a 500, and the stored answers are always valid ones."""

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from phases.content.install import body_from_content
from phases.models import PhasePage, PhaseSubmission
from tests.phases.conftest import QUESTIONS

from .strategies import assert_valid_answers, mutated_examples, post_data

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

ENDPOINT = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def fuzz_phase(world, phases):
    """The candidate's first phase, holding one question of every type."""
    page = PhasePage.objects.get(pk=phases[0].pk)
    page.body = body_from_content(QUESTIONS)
    page.save_revision().publish()
    return PhasePage.objects.get(pk=page.pk)


@pytest.fixture
def candidate(client, world):
    client.force_login(world.candidat)
    return client


def stored(world, phase):
    return PhaseSubmission.objects.filter(bilan=world.bilan, phase=phase).first()


def reopen(world, phase):
    PhaseSubmission.objects.filter(bilan=world.bilan, phase=phase).update(
        status=PhaseSubmission.Status.EN_COURS
    )


def current_version(world, phase):
    submission = stored(world, phase)
    return submission.version if submission else 0


@ENDPOINT
@given(data=st.data(), right_version=st.booleans())
def test_autosave_answers_cleanly_and_stores_only_valid_answers(
    data, right_version, candidate, world, fuzz_phase
):
    reopen(world, fuzz_phase)
    version = current_version(world, fuzz_phase) if right_version else None
    body = data.draw(
        post_data(fuzz_phase, version=version)
        | mutated_examples(fuzz_phase, version=version)
    )
    before = stored(world, fuzz_phase)
    response = candidate.post(
        f"/mes-reponses/phases/{fuzz_phase.pk}/enregistrer/", body
    )
    event(f"HTTP {response.status_code}")
    assert response.status_code in (200, 400, 409), response.status_code
    assert response["Content-Type"] == "application/json"
    after = stored(world, fuzz_phase)
    if response.status_code == 200:
        assert response.json()["version"] == after.version
    elif before is not None:
        # A refused save changes nothing.
        assert (after.answers, after.version) == (before.answers, before.version)
    if after is not None:
        assert_valid_answers(fuzz_phase, after.answers)


RAW_BODIES = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(str.encode),
    st.sampled_from(
        [
            b"{",
            b'{"version": 0, "q-x": [1, 2, {"a": null}]}',
            b"[" * 5000,
            b"version=0&version=1&version=%ZZ",
            b'--boundary\r\nContent-Disposition: form-data; name="version"\r\n\r\n',
            b"\xff\xfe\x00\x00",
        ]
    ),
)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=boundary",
        "multipart/form-data",
        "text/plain",
        "application/octet-stream",
    ]
)


@ENDPOINT
@given(body=RAW_BODIES, content_type=CONTENT_TYPES)
def test_autosave_refuses_malformed_bodies_without_a_500(
    body, content_type, candidate, world, fuzz_phase
):
    before = stored(world, fuzz_phase)
    response = candidate.generic(
        "POST",
        f"/mes-reponses/phases/{fuzz_phase.pk}/enregistrer/",
        body,
        content_type=content_type,
    )
    assert response.status_code in (200, 400, 409), response.status_code
    after = stored(world, fuzz_phase)
    if response.status_code != 200 and before is not None:
        assert (after.answers, after.version) == (before.answers, before.version)
    if after is not None:
        assert_valid_answers(fuzz_phase, after.answers)


@ENDPOINT
@given(data=st.data(), right_version=st.booleans())
def test_phase_page_posts_answer_cleanly_and_store_only_valid_answers(
    data, right_version, candidate, world, fuzz_phase
):
    reopen(world, fuzz_phase)
    version = current_version(world, fuzz_phase) if right_version else None
    body = data.draw(
        post_data(fuzz_phase, version=version)
        | mutated_examples(fuzz_phase, version=version)
    )
    response = candidate.post(fuzz_phase.url, body)
    event(f"HTTP {response.status_code}")
    assert response.status_code in (200, 302, 400, 409), response.status_code
    after = stored(world, fuzz_phase)
    if after is not None:
        complete = after.status in PhaseSubmission.DONE
        assert_valid_answers(fuzz_phase, after.answers, complete=complete)
