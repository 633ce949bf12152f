"""Site search: site pages for everyone, a candidate's own phases for them only."""

import pytest

from home.models import ContentPage, HomePage
from phases.rules.bilans import set_bilan_phases


@pytest.fixture
def accessibilite(db):
    home = HomePage.objects.first()
    page = ContentPage(
        title="Accessibilité du service",
        slug="accessibilite",
        intro="<p>Déclaration d'accessibilité de Mon Bilan en Ligne.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def titles(response):
    return [result.title for result in response.context["page_obj"]]


def test_everyone_finds_the_site_pages(client, accessibilite):
    response = client.get("/recherche/", {"q": "accessibilité"})
    assert response.status_code == 200
    assert titles(response) == ["Accessibilité du service"]


def test_anonymous_visitors_never_find_a_phase(client, world):
    response = client.get("/recherche/", {"q": "Contexte de la demande"})
    assert "Contexte de la demande" not in titles(response)


def test_a_candidate_finds_their_own_phases_only(client_as, world, phases):
    set_bilan_phases(world.bilan, phases[:2])
    client = client_as("candidat")
    assert "Contexte de la demande" in titles(
        client.get("/recherche/", {"q": "Contexte"})
    )
    assert titles(client.get("/recherche/", {"q": "plan d'action"})) == []


def test_an_unselected_phase_stays_hidden(client_as, world, phases):
    # autre.candidat has phases 1 to 4.
    client = client_as("autre_candidat")
    assert titles(client.get("/recherche/", {"q": "Traits de personnalité"})) == []
    assert titles(client.get("/recherche/", {"q": "Retour historique"})) == [
        "Retour historique"
    ]


def test_an_empty_query_finds_nothing(client):
    response = client.get("/recherche/")
    assert response.status_code == 200
    assert titles(response) == []
