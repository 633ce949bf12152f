"""The candidate's dashboard, and query budgets that do not grow with the data."""

import pytest

from phases.management.commands.load_demo import demo_answers
from phases.models import PhaseSubmission
from phases.questions.form import field_name
from phases.rules.answers import complete_phase, save_draft
from phases.rules.bilans import set_bilan_phases

# + « Mes rendez-vous » (one query whatever their number).
DASHBOARD_BUDGET = 10
# + the comment threads (one query) and, when some are unread, marking them read.
# A candidate's phase page: session, user, whether their bilan awaits consent
# (phases.consent_gate), Wagtail's routing (site, root and home pages, the phase
# read at once by the phases index, view restrictions), the bilan (with whether
# the phase has comments), the submission.
# Comments add two: their posts, and marking them read.
PHASE_PAGE_BUDGET = 12


def answer(bilan, phases, completed, drafted=0):
    for phase in phases[:completed]:
        complete_phase(
            bilan, phase, data=demo_answers(phase), expected_version=0, notify=False
        )
    for phase in phases[completed : completed + drafted]:
        save_draft(bilan, phase, data=demo_answers(phase), expected_version=0)


def test_the_dashboard_lists_the_phases_in_order_with_their_status(
    client_as, world, full_phases
):
    answer(world.bilan, full_phases, completed=2, drafted=1)
    html = client_as("candidat").get("/tableau-de-bord/").content.decode()
    assert "2 phases terminées sur 10" in html
    assert '<progress class="monbilan-progress fr-mb-3w" max="10" value="2"' in html
    positions = [
        html.index(phase.title.replace("'", "&#x27;")) for phase in full_phases
    ]
    assert positions == sorted(positions)
    assert html.count(">Terminée</p>") == 2
    assert html.count(">En cours</p>") == 1
    assert html.count(">Non commencée</p>") == 7
    assert f'href="{full_phases[0].url}"' in html
    assert world.conseiller.get_full_name() in html


def test_a_validated_phase_counts_as_done(client_as, world, phases):
    set_bilan_phases(world.bilan, phases[:3])
    PhaseSubmission.objects.create(
        bilan=world.bilan, phase=phases[1], status=PhaseSubmission.Status.VALIDEE
    )
    html = client_as("candidat").get("/tableau-de-bord/").content.decode()
    assert "1 phase terminée sur 3" in html
    assert ">Validée</p>" in html


def test_a_candidate_without_bilan(client, world):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="sans.bilan", dabm=world.lunel))
    html = client.get("/tableau-de-bord/").content.decode()
    assert "Votre bilan n&#x27;est pas encore ouvert" in html or (
        "Votre bilan n'est pas encore ouvert" in html
    )


@pytest.mark.parametrize(("count", "completed"), [(3, 1), (10, 10)])
def test_dashboard_query_budget(
    client_as, world, full_phases, django_assert_max_num_queries, count, completed
):
    set_bilan_phases(world.bilan, full_phases[:count])
    answer(world.bilan, full_phases[:count], completed=completed)
    client = client_as("candidat")
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        response = client.get("/tableau-de-bord/")
    assert response.status_code == 200


def _phase_with_most_questions(phases):
    return max(phases, key=lambda phase: len(phase.questions()))


@pytest.mark.parametrize("answered", [False, True])
def test_phase_page_query_budget(
    client_as, world, full_phases, django_assert_max_num_queries, answered
):
    phase = _phase_with_most_questions(full_phases)
    if answered:
        save_draft(world.bilan, phase, data=demo_answers(phase), expected_version=0)
        assert len(PhaseSubmission.objects.get().answers) >= 5
    client = client_as("candidat")
    with django_assert_max_num_queries(PHASE_PAGE_BUDGET):
        response = client.get(phase.url)
    assert response.status_code == 200


def test_phase_page_query_budget_small_phase(
    client_as, world, qphase, django_assert_max_num_queries
):
    client = client_as("candidat")
    with django_assert_max_num_queries(PHASE_PAGE_BUDGET):
        assert client.get(qphase.url).status_code == 200


def test_read_only_phase_query_budget(
    client_as, world, full_phases, django_assert_max_num_queries
):
    phase = full_phases[5]
    complete_phase(
        world.bilan, phase, data=demo_answers(phase), expected_version=0, notify=False
    )
    client = client_as("candidat")
    with django_assert_max_num_queries(PHASE_PAGE_BUDGET):
        html = client.get(phase.url).content.decode()
    assert "Vous avez terminé cette phase." in html
    first = phase.questions()[0]
    assert field_name(first.id) not in html
