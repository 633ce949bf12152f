"""Sharing belongs to the candidate alone: a link valid 30 days, revocable, each
opening logged and shown to them."""

import re
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from synthese import rules
from synthese.models import ShareLink, ShareOpening


def share_url(bilan_id):
    return reverse("synthese:share", kwargs={"bilan_id": bilan_id})


def page_url(bilan_id):
    return reverse("synthese:candidate", kwargs={"bilan_id": bilan_id})


def test_share_open_log_revoke(client, world, remis):
    client.force_login(world.candidat)
    page = client.get(page_url(remis.bilan_id)).content.decode()
    assert "Partager mon document de synthèse" in page
    before = timezone.now()
    response = client.post(share_url(remis.bilan_id))
    assert response.status_code == 302
    link = ShareLink.objects.get(synthese=remis)
    assert len(link.token) >= 40
    lifetime = link.expires_at - link.created_at
    assert lifetime == timedelta(days=30)
    assert link.created_at >= before

    # The candidate sees the address to copy.
    page = client.get(page_url(remis.bilan_id)).content.decode()
    address = re.search(r'type="url" value="([^"]+)"', page).group(1)
    assert address.endswith(f"/partage/{link.token}/")
    assert "Pas encore ouvert." in page

    # Anyone holding it opens the PDF, without logging in.
    stranger = Client()
    response = stranger.get(f"/partage/{link.token}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF-")
    stranger.get(f"/partage/{link.token}/")
    assert ShareOpening.objects.filter(link=link).count() == 2

    # Each opening is shown to the candidate.
    page = client.get(page_url(remis.bilan_id)).content.decode()
    assert "Ouvertures du lien" in page
    assert page.count("<li>le ") == 2

    # Revoked: the link opens nothing any more, and says so (410).
    response = client.post(
        reverse(
            "synthese:revoke", kwargs={"bilan_id": remis.bilan_id, "link_id": link.pk}
        )
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    response = stranger.get(f"/partage/{link.token}/")
    assert response.status_code == 410
    assert "Ce lien de partage n'est plus valable" in response.content.decode()
    assert ShareOpening.objects.filter(link=link).count() == 2  # not logged
    page = client.get(page_url(remis.bilan_id)).content.decode()
    assert "Révoqué le" in page
    assert f"/partage/{link.token}/" not in page


def test_an_expired_link_opens_nothing(world, remis):
    link = rules.share(remis.bilan)
    ShareLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = Client().get(f"/partage/{link.token}/")
    assert response.status_code == 410
    assert not ShareOpening.objects.exists()
    client = Client()
    client.force_login(world.candidat)
    page = client.get(page_url(remis.bilan_id)).content.decode()
    assert "Expiré" in page


def test_an_unknown_token_opens_nothing(db):
    assert Client().get("/partage/pas-un-jeton/").status_code == 410


def test_nothing_is_shared_before_it_is_remis(client, world, submitted):
    bilan_id = submitted.synthese.bilan_id
    client.force_login(world.candidat)
    assert (
        "Partager mon document" not in client.get(page_url(bilan_id)).content.decode()
    )
    client.post(share_url(bilan_id))
    assert not ShareLink.objects.exists()


@pytest.mark.parametrize(
    "name", ["conseiller", "autre_candidat", "autre_conseiller", "admin", "superuser"]
)
def test_only_the_candidate_shares_or_revokes(client, world, remis, name):
    link = rules.share(remis.bilan)
    client.force_login(getattr(world, name))
    assert client.post(share_url(remis.bilan_id)).status_code == 404
    revoke = reverse(
        "synthese:revoke", kwargs={"bilan_id": remis.bilan_id, "link_id": link.pk}
    )
    assert client.post(revoke).status_code == 404
    assert ShareLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_a_candidate_cannot_revoke_another_documents_link(client, world, remis):
    """The link id is checked against the bilan in the URL: the candidate's
    own bilan with someone else's link is 404."""
    from .conftest import TEXTS

    other = world.autre_bilan
    rules.save_draft(other, texts=TEXTS, expected_version=0)
    rules.submit(other, notify=False)
    rules.deliver(other, notify=False)
    foreign = rules.share(other)
    client.force_login(world.candidat)
    revoke = reverse(
        "synthese:revoke", kwargs={"bilan_id": remis.bilan_id, "link_id": foreign.pk}
    )
    assert client.post(revoke).status_code == 404
    foreign.refresh_from_db()
    assert foreign.revoked_at is None
