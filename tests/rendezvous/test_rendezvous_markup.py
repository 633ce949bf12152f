"""The rendez-vous screens and lists, filled, are valid HTML (Nu HTML Checker)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from phases.models import RendezVous
from phases.rules.rendezvous import plan_rendezvous
from tests.markup.vnu import missing_tools, validate

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.django_db
def test_rendezvous_pages_are_valid_html(client_as, world, tmp_path):
    problem = missing_tools()
    assert not problem, problem
    soon = datetime.datetime.now(PARIS).replace(microsecond=0) + datetime.timedelta(
        days=3
    )
    upcoming = plan_rendezvous(
        world.bilan,
        by=world.conseiller,
        kind=RendezVous.Kind.INVESTIGATION,
        starts_at=soon,
        duration_minutes=60,
        modalite=RendezVous.Modalite.VISIO,
        link="https://visio.example.org/a",
        note="Apportez votre CV.\nEt vos questions.",
        notify=False,
    )
    RendezVous.objects.create(
        bilan=world.bilan,
        kind=RendezVous.Kind.PRELIMINAIRE,
        starts_at=soon - datetime.timedelta(days=20),
        duration_minutes=90,
        modalite=RendezVous.Modalite.PRESENTIEL,
        place="Salle 3",
        status=RendezVous.Status.ANNULE,
    )
    bilan = world.bilan.pk
    conseiller, pages = client_as("conseiller"), {}
    for url in (
        "/tableau-de-bord/",
        f"/bilans/{bilan}/",
        f"/bilans/{bilan}/rendez-vous/planifier/",
        f"/bilans/{bilan}/rendez-vous/{upcoming.pk}/deplacer/",
        f"/bilans/{bilan}/rendez-vous/{upcoming.pk}/annuler/",
    ):
        pages[f"conseiller {url}"] = conseiller.get(url).content.decode()
    pages["refused"] = conseiller.post(
        f"/bilans/{bilan}/rendez-vous/planifier/", {"modalite": "visio"}
    ).content.decode()
    candidate = client_as("candidat")
    for url in ("/tableau-de-bord/", f"/mes-rendez-vous/{upcoming.pk}/autre-creneau/"):
        pages[f"candidat {url}"] = candidate.get(url).content.decode()
    other_slot = pages[f"candidat /mes-rendez-vous/{upcoming.pk}/autre-creneau/"]
    assert "Vos disponibilités" in other_slot
    assert "Mes rendez-vous" in pages["candidat /tableau-de-bord/"]
    assert "Mes rendez-vous" in pages["conseiller /tableau-de-bord/"]
    errors = validate(pages, tmp_path)
    assert not errors, errors
