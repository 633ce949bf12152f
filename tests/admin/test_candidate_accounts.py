"""The académie administrator blocks and unblocks a candidate's account."""

from django.test import Client

from wagtail.models import ModelLogEntry

from ..factories import PASSWORD


def account_url(user):
    return f"/admin/candidats/compte/{user.pk}/"


def can_log_in(user):
    response = Client().post(
        "/connexion/", {"username": user.username, "password": PASSWORD}
    )
    return response.status_code == 302


def test_listing_links_each_candidate_to_their_account_status(client_as, world):
    content = client_as("admin").get("/admin/candidats/").content.decode()
    assert "Compte" in content
    assert f'href="{account_url(world.candidat)}"' in content
    assert f'href="{account_url(world.candidat_toulouse)}"' not in content


def test_blocking_a_candidate_stops_their_logins_and_is_audited(client_as, world):
    admin = client_as("admin")
    page = admin.get(account_url(world.candidat)).content.decode()
    assert "Compte du candidat" in page and "Bloqué" in page and "Actif" in page

    response = admin.post(account_url(world.candidat), {"statut": "blocked"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/candidats/"
    world.candidat.refresh_from_db()
    assert not world.candidat.is_active
    assert not can_log_in(world.candidat)
    # The bilan and its answers stay; only the account is blocked.
    assert world.bilan.__class__.objects.filter(pk=world.bilan.pk).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(world.candidat.pk), action="monbilan.account.block"
    ).exists()

    admin.post(account_url(world.candidat), {"statut": "active"})
    world.candidat.refresh_from_db()
    assert world.candidat.is_active
    assert can_log_in(world.candidat)


def test_a_wrong_status_changes_nothing(client_as, world):
    response = client_as("admin").post(account_url(world.candidat), {"statut": "x"})
    assert response.status_code == 200
    world.candidat.refresh_from_db()
    assert world.candidat.is_active


def test_only_candidates_of_the_academie(client_as, world):
    admin = client_as("admin")
    for user in (world.candidat_toulouse, world.conseiller, world.admin):
        assert admin.get(account_url(user)).status_code == 404, user.username
