"""The conseiller's "Tableau de bord": their candidates, filters, search, budget."""

import pytest

from phases.rules.bilans import create_bilan
from phases.rules.threads import add_comment, post_message
from tests.factories import UserFactory

from .conftest import answer, first_question

# + « Mes rendez-vous » (one query whatever their number).
DASHBOARD_BUDGET = 13


def rows(html):
    return html[html.index("<tbody>") : html.index("</tbody>")]


def test_only_their_candidates_with_progress_and_waiting_phases(
    client_as, world, phases
):
    answer(world.bilan, phases[0])
    answer(world.bilan, phases[1])
    answer(world.bilan, phases[2], complete=False)
    response = client_as("conseiller").get("/tableau-de-bord/")
    html = response.content.decode()
    table = rows(html)
    assert world.candidat.get_full_name() in table
    assert world.candidat.username in table
    assert "Présentiel" in table
    assert "Lunel" in table
    assert "2/10 phases terminées" in table
    assert '<progress class="monbilan-progress" max="10" value="2"' in table
    for phase in phases[:2]:
        assert f'href="/bilans/{world.bilan.pk}/phases/{phase.pk}/"' in table
    assert world.autre_candidat.get_full_name() not in html
    assert world.candidat_toulouse.get_full_name() not in html
    assert 'href="/candidats/ajouter/"' in html
    assert "Ajouter un candidat" in html
    # Only a référent gets the link to the CMS.
    assert "Modifier les phases et les pages du site" not in html
    referent = client_as("referent").get("/tableau-de-bord/").content.decode()
    assert "Modifier les phases et les pages du site" in referent
    assert world.candidat.get_full_name() not in referent


def test_a_validated_phase_counts_as_done_and_no_longer_waits(client_as, world, phases):
    answer(world.bilan, phases[0])
    client = client_as("conseiller")
    client.post(f"/bilans/{world.bilan.pk}/phases/{phases[0].pk}/valider/")
    table = rows(client.get("/tableau-de-bord/").content.decode())
    assert "1/10 phases terminées" in table
    assert f"/phases/{phases[0].pk}/" not in table


@pytest.fixture
def many(world, phases):
    """Four more candidates of the conseiller, with different situations."""
    made = {}
    for name, modalite, chosen in [
        ("alice", "distance", phases[:2]),
        ("bruno", "mixte", phases[2:5]),
        ("chloe", "presentiel", phases),
        ("damien", "distance", phases[5:]),
    ]:
        user = UserFactory(
            username=f"{name}.test",
            first_name=name.capitalize(),
            last_name="Testeur",
            dabm=world.lunel,
        )
        made[name] = create_bilan(
            candidate=user,
            conseiller=world.conseiller,
            modalite=modalite,
            phases=chosen,
        )
    answer(made["bruno"], phases[3])
    return made


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?modalite=distance", {"Alice", "Damien"}),
        ("?modalite=mixte", {"Bruno"}),
        ("?q=bruno.te", {"Bruno"}),
        ("?q=chloe+testeur", {"Chloe"}),
        ("?q=TESTEUR", {"Alice", "Bruno", "Chloe", "Damien"}),
        ("?awaiting=on", {"Bruno"}),
        ("?phase={phase0}", {"Alice", "Chloe", "CANDIDAT"}),
        ("?phase={phase3}&awaiting=on", {"Bruno"}),
        ("?phase={phase0}&awaiting=on", set()),
        ("?status=termine", {"Chloe"}),
    ],
)
def test_filters_and_search(client_as, world, phases, many, query, expected):
    many["chloe"].status = "termine"
    many["chloe"].save()
    query = query.format(phase0=phases[0].pk, phase3=phases[3].pk)
    html = client_as("conseiller").get(f"/tableau-de-bord/{query}").content.decode()
    names = {"Alice", "Bruno", "Chloe", "Damien"}
    shown = {name for name in names if f"{name} Testeur" in html}
    if world.candidat.get_full_name() in html:
        shown.add("CANDIDAT")
    assert shown == expected
    if not expected:
        assert "Aucun candidat ne correspond à ces filtres." in html


def test_pagination(client_as, world, phases, settings):
    for number in range(25):
        user = UserFactory(
            username=f"page{number:02d}", last_name=f"Zz{number:02d}", dabm=world.lunel
        )
        create_bilan(
            candidate=user, conseiller=world.conseiller, modalite="mixte", phases=[]
        )
    client = client_as("conseiller")
    first = client.get("/tableau-de-bord/").content.decode()
    assert "26 candidats" in first
    assert rows(first).count("<tr>") == 20
    assert "fr-pagination" in first
    second = client.get("/tableau-de-bord/?page=2").content.decode()
    assert rows(second).count("<tr>") == 6


def make_candidates(world, phases, count):
    for number in range(count):
        user = UserFactory(username=f"budget{number}", dabm=world.lunel)
        bilan = create_bilan(
            candidate=user,
            conseiller=world.conseiller,
            modalite="distance",
            phases=phases,
        )
        answer(bilan, phases[0])
        answer(bilan, phases[1], complete=False)
        post_message(bilan, author=user, body="Bonjour", notify=False)
        add_comment(
            bilan,
            phases[0],
            first_question(phases[0]).id,
            author=world.conseiller,
            body="À préciser",
            notify=False,
        )


@pytest.mark.parametrize("count", [5, 30])
def test_query_budget_does_not_grow_with_candidates(
    client_as, world, phases, django_assert_max_num_queries, count
):
    make_candidates(world, phases, count)
    client = client_as("conseiller")
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        response = client.get("/tableau-de-bord/")
    assert response.status_code == 200
    assert "1 non lu" in response.content.decode()
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        response = client.get(
            f"/tableau-de-bord/?q=budget&phase={phases[0].pk}&awaiting=on"
        )
    assert response.status_code == 200
