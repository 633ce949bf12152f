"""« Heures réalisées : 7 h 30 sur 24 h » on every bilan page."""

from django.urls import reverse

from phases.models import RendezVous

from .emargement_helpers import rendezvous

REALISE = RendezVous.Status.REALISE


def test_hours_line_on_both_bilan_pages(client, world):
    rendezvous(world.bilan, status=REALISE, minutes=240, actual=240)
    rendezvous(world.bilan, status=REALISE, minutes=240, actual=210)
    client.force_login(world.conseiller)
    page = client.get(reverse("bilan_detail", args=[world.bilan.pk])).content.decode()
    assert "Heures réalisées : 7 h 30 sur 24 h" in page
    client.force_login(world.candidat)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Heures réalisées : 7 h 30 sur 24 h" in page
    # Another bilan's hours are its own.
    client.force_login(world.autre_candidat)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Heures réalisées : 0 h sur 24 h" in page
