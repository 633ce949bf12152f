"""The minimum of hours (BILAN_MIN_HOURS, off by default) warns at « Clore le
bilan » when the hours réalisées fall short; closing stays possible."""

from django.test.utils import override_settings
from django.urls import reverse

from phases.models import RendezVous

from ..retention.test_closing import remis
from .emargement_helpers import rendezvous

WARNING = "en dessous du minimum de 13 h"


def close_page(client, bilan):
    url = reverse("retention:close", kwargs={"bilan_id": bilan.pk})
    return client.get(url).content.decode()


def test_no_minimum_by_default_no_warning(client_as, world):
    page = close_page(client_as("conseiller"), world.bilan)
    assert "Heures en dessous du minimum" not in page


@override_settings(BILAN_MIN_HOURS=13)
def test_warning_below_the_minimum_then_gone(client_as, world):
    client = client_as("conseiller")
    remis(world.bilan)
    rendezvous(world.bilan, status=RendezVous.Status.REALISE, minutes=600, actual=600)
    page = close_page(client, world.bilan)
    assert "Heures réalisées : 10 h, " + WARNING in page
    # A warning, not a refusal: the button is there.
    assert '<button type="submit" class="fr-btn">Clore le bilan</button>' in page
    rendezvous(world.bilan, status=RendezVous.Status.REALISE, minutes=180, actual=180)
    assert WARNING not in close_page(client, world.bilan)
