"""Erasure on request: "Supprimer définitivement ce candidat", and the journal."""

import datetime

from wagtail.models import ModelLogEntry

import pytest

from phases.models import PhaseSubmission
from retention.models import DestructionRecord
from users.models import User

from .purge_helpers import SECRETS, captured, fill, own_files

__all__ = ["own_files"]


def erase_url(candidate):
    return f"/admin/candidats/compte/{candidate.pk}/supprimer/"


@pytest.fixture
def filled(world, phases, own_files):
    fill(
        world.bilan,
        phase=phases[0],
        closed_on=datetime.date(2026, 1, 5),
        by=world.conseiller,
    )
    return User.objects.get(pk=world.candidat.pk)


def test_the_candidates_page_offers_it(client, world, filled):
    client.force_login(world.admin)
    page = client.get(f"/admin/candidats/compte/{filled.pk}/").content.decode()
    assert "Supprimer définitivement ce candidat" in page
    assert erase_url(filled) in page


def test_a_wrong_identifiant_erases_nothing(client, world, filled):
    client.force_login(world.admin)
    response = client.post(erase_url(filled), {"identifiant": "candidat"})
    assert response.status_code == 200
    assert "ne correspond pas" in response.content.decode()
    filled.refresh_from_db()
    assert filled.username == SECRETS["username"] and filled.is_active
    assert PhaseSubmission.objects.get(bilan=world.bilan).answers


@pytest.mark.parametrize("who", ["admin", "superuser"])
def test_typing_the_identifiant_erases_the_candidate(client, world, filled, who):
    client.force_login(getattr(world, who))
    page = client.get(erase_url(filled)).content.decode()
    assert SECRETS["username"] in page
    with captured():
        response = client.post(erase_url(filled), {"identifiant": SECRETS["username"]})
    assert response.status_code == 302
    filled.refresh_from_db()
    assert filled.username == f"candidat-supprime-{filled.pk}"
    assert not filled.is_active and filled.email == "" and filled.first_name == ""
    assert PhaseSubmission.objects.get(bilan=world.bilan).answers == {}
    record = DestructionRecord.objects.get(bilan_number=world.bilan.pk)
    assert record.reason == DestructionRecord.Reason.ERASURE
    entry = ModelLogEntry.objects.get(action="monbilan.candidate.erased")
    assert entry.user_id == getattr(world, who).pk
    assert SECRETS["last_name"] not in entry.label + str(entry.data)
    # The journal lists it without a name.
    journal = client.get("/admin/journal-des-destructions/").content.decode()
    assert f"{world.bilan.pk}" in journal and "Lunel" in journal
    assert "Effacement à la demande du candidat" in journal
    for secret in SECRETS.values():
        assert secret not in journal


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("candidat", 403),
        ("conseiller", 403),
        ("referent", 302),  # Wagtail refuses and returns to its home
        ("admin_toulouse", 404),
    ],
)
def test_refused_to_everyone_else(client, world, filled, who, status):
    client.force_login(getattr(world, who))
    for method in ("get", "post"):
        response = getattr(client, method)(
            erase_url(filled), {"identifiant": SECRETS["username"]}
        )
        assert response.status_code == status, (who, method)
    filled.refresh_from_db()
    assert filled.is_active and filled.username == SECRETS["username"]


def test_the_journal_is_the_academies_own(client, world, filled):
    with captured():
        client.force_login(world.admin)
        client.post(erase_url(filled), {"identifiant": SECRETS["username"]})
    client.force_login(world.admin_toulouse)
    journal = client.get("/admin/journal-des-destructions/")
    assert journal.status_code == 200
    assert "Lunel" not in journal.content.decode()
    client.force_login(world.conseiller)
    assert client.get("/admin/journal-des-destructions/").status_code == 403


def test_the_erased_candidates_downloaded_archives_go_too(client, world, filled):
    """The copies "Télécharger mes données" built for them are theirs too."""
    from retention.personal_data import store_archive
    from users.storage import private_storage

    archive = store_archive(filled)
    other = store_archive(world.conseiller)
    assert private_storage().exists(archive)
    client.force_login(world.admin)
    with captured():
        client.post(erase_url(filled), {"identifiant": SECRETS["username"]})
    assert not private_storage().exists(archive)
    assert private_storage().exists(other)
    private_storage().delete(other)


def test_the_journal_counts_in_good_french():
    """One of a kind is singular: « 1 fichier », not « 1 fichiers »."""
    from retention.views.admin import destroyed

    record = DestructionRecord(counts={"answers": 4, "files": 1, "comments": 0})
    assert destroyed(record) == "4 réponses, 1 fichier"
    assert destroyed(DestructionRecord(counts={"files": 0})) == "aucun document"
