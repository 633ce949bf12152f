"""The émargement by both parties: the conseiller marks a past rendez-vous, the
candidate confirms; both dated, refusals in French, scope by 404."""

import datetime
import io
import re

from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from phases.models import RendezVous
from phases.rules.emargement import (
    AlreadyConfirmed,
    InvalidDuration,
    NotRealised,
    NotYetHeld,
    confirm_presence,
    mark_rendezvous,
)

from .emargement_helpers import rendezvous

REALISE = RendezVous.Status.REALISE


def mark_url(item):
    return reverse("rendezvous_mark", args=[item.bilan_id, item.pk])


def test_mark_then_confirm_both_dated(client, world):
    item = rendezvous(world.bilan, minutes=90)
    client.force_login(world.conseiller)
    page = client.get(mark_url(item)).content.decode()
    assert "Réalisé" in page and "Annulé" in page and "Absent" in page
    before = timezone.now()
    response = client.post(mark_url(item), {"status": "realise", "actual_minutes": 75})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == REALISE and item.actual_minutes == 75
    assert item.marked_at >= before and item.confirmed_at is None

    client.force_login(world.candidat)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Je confirme ma présence" in page
    assert "Heures réalisées : 1 h 15 sur 24 h" in page
    response = client.post(reverse("rendezvous_confirm", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.confirmed_at >= item.marked_at
    page = client.get(reverse("dashboard")).content.decode()
    assert "Je confirme ma présence" not in page
    # Confirmed: the conseiller can no longer change it.
    client.force_login(world.conseiller)
    response = client.post(mark_url(item), {"status": "absent"})
    assert response.status_code == 200
    assert "a confirmé sa présence" in response.content.decode()
    item.refresh_from_db()
    assert item.status == REALISE


def test_refusals_are_typed_and_french(world):
    future = rendezvous(world.bilan, days=2)
    with pytest.raises(NotYetHeld, match="pas encore eu lieu"):
        mark_rendezvous(future, REALISE, 60)
    past = rendezvous(world.bilan)
    with pytest.raises(InvalidDuration, match="durée réelle"):
        mark_rendezvous(past, REALISE, None)
    with pytest.raises(NotRealised, match="Seul un rendez-vous réalisé"):
        confirm_presence(past)
    mark_rendezvous(past, RendezVous.Status.ABSENT)
    past.refresh_from_db()
    assert past.actual_minutes is None and past.marked_at
    with pytest.raises(NotRealised):
        confirm_presence(past)
    # Correcting the mark is allowed until the candidate confirms.
    mark_rendezvous(past, REALISE, 50)
    first = confirm_presence(past).confirmed_at
    later = timezone.now() + datetime.timedelta(hours=1)
    assert confirm_presence(past, now=later).confirmed_at == first
    with pytest.raises(AlreadyConfirmed):
        mark_rendezvous(past, RendezVous.Status.ANNULE)


def test_candidate_cannot_confirm_before_the_mark(client, world):
    item = rendezvous(world.bilan)
    client.force_login(world.candidat)
    response = client.post(reverse("rendezvous_confirm", args=[item.pk]), follow=True)
    assert "Seul un rendez-vous réalisé" in response.content.decode()
    item.refresh_from_db()
    assert item.confirmed_at is None


def test_scope_is_404(client, world):
    item = rendezvous(world.bilan, status=REALISE, actual=60)
    for user in (world.autre_conseiller, world.referent, world.admin, world.candidat):
        client.force_login(user)
        assert client.get(mark_url(item)).status_code == 404
        assert client.post(mark_url(item), {"status": "absent"}).status_code == 404
    for user in (world.autre_candidat, world.conseiller, world.admin):
        client.force_login(user)
        url = reverse("rendezvous_confirm", args=[item.pk])
        assert client.post(url).status_code == 404
    # The bilan in the URL must be the rendez-vous' own.
    client.force_login(world.conseiller)
    wrong = reverse("rendezvous_mark", args=[world.autre_bilan.pk, item.pk])
    assert client.get(wrong).status_code == 404
    item.refresh_from_db()
    assert item.confirmed_at is None and item.status == REALISE


def test_releve_pdf(client, world):
    done = rendezvous(world.bilan, status=REALISE, minutes=120, actual=105)
    confirm_presence(done)
    rendezvous(world.bilan, status=RendezVous.Status.ABSENT, days=-2)
    for user in (world.candidat, world.conseiller):
        client.force_login(user)
        response = client.get(reverse("rendezvous_releve", args=[world.bilan.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(response.content))
        assert reader.trailer["/Root"]["/Lang"] == "fr"
        text = re.sub(r"\s+", " ", "".join(p.extract_text() for p in reader.pages))
        assert "Relevé des rendez-vous" in text
        assert "Heures réalisées : 1 h 45 sur 24 h" in text
        assert "Réalisé" in text and "Absent" in text
        assert "105 min" in text
    client.force_login(world.autre_candidat)
    url = reverse("rendezvous_releve", args=[world.bilan.pk])
    assert client.get(url).status_code == 404
