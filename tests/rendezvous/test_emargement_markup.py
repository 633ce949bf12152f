"""The émargement's screens, filled, are valid HTML (Nu HTML Checker)."""

import pytest

from phases.models import RendezVous
from phases.rules.emargement import mark_rendezvous
from tests.markup.vnu import missing_tools, validate

from .emargement_helpers import rendezvous


@pytest.mark.django_db
def test_emargement_pages_are_valid_html(client_as, world, tmp_path):
    problem = missing_tools()
    assert not problem, problem
    done = rendezvous(world.bilan, days=-2)
    mark_rendezvous(done, RendezVous.Status.REALISE, 80)
    to_mark = rendezvous(world.bilan, days=-1)
    bilan = world.bilan.pk
    conseiller, pages = client_as("conseiller"), {}
    pages["bilan"] = conseiller.get(f"/bilans/{bilan}/").content.decode()
    url = f"/bilans/{bilan}/rendez-vous/{to_mark.pk}/emargement/"
    pages["mark"] = conseiller.get(url).content.decode()
    refused = conseiller.post(url, {"status": "realise", "actual_minutes": ""})
    pages["refused"] = refused.content.decode()
    # The refusal is said once.
    assert pages["refused"].count("Indiquez la durée réelle") == 1
    assert "Marquer ce rendez-vous" in pages["bilan"]
    assert "Heures réalisées : 1 h 20 sur 24 h" in pages["bilan"]
    pages["candidat"] = client_as("candidat").get("/tableau-de-bord/").content.decode()
    assert "Je confirme ma présence" in pages["candidat"]
    errors = validate(pages, tmp_path)
    assert not errors, errors
