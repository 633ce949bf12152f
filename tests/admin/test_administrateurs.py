"""Superusers create and block the académies' administrators in the admin."""

import re

from django.core import mail
from django.test import Client

from wagtail.models import ModelLogEntry

from users.models import User

from .test_conseillers import _heading_and_crumbs

INDEX = "/admin/administrateurs/"
NEW = "/admin/administrateurs/new/"
PASSWORD = "Un-mot-de-passe-provisoire-2026"  # noqa: S105 (test data)


def edit_url(user):
    return f"/admin/administrateurs/edit/{user.pk}/"


def creation_data(world, **overrides):
    data = {
        "notify": "on",
        "username": "admin.montpellier.2",
        "email": "admin.montpellier.2@exemple.fr",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "statut": "active",
        "first_name": "Aline",
        "last_name": "Roux",
        "academie": world.montpellier.pk,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_superuser_creates_an_administrator_who_manages_their_academie(
    client_as, world
):
    root = client_as("superuser")
    title, heading, crumbs = _heading_and_crumbs(root.get(NEW).content.decode())
    assert heading == "Ajouter un administrateur académique"
    assert "Administrateurs académiques" in crumbs

    response = root.post(NEW, creation_data(world))
    assert response.status_code == 302
    created = User.objects.get(username="admin.montpellier.2")
    assert created.role == User.Role.ADMINISTRATEUR
    assert created.academie == world.montpellier
    assert created.groups.filter(name="Administrateurs académiques").exists()
    assert [m.to for m in mail.outbox] == [["admin.montpellier.2@exemple.fr"]]
    assert ModelLogEntry.objects.filter(
        object_id=str(created.pk), action="wagtail.create"
    ).exists()

    # The new administrator logs in and sees their académie's activity only.
    client = Client()
    client.post("/connexion/", {"username": created.username, "password": PASSWORD})
    # The password the superuser chose is provisional: first, their own.
    assert client.get("/admin/activite/")["Location"] == "/mon-compte/#mot-de-passe"
    own = "Son-propre-mot-de-passe-2026"
    client.post(
        "/mon-compte/",
        {
            "first_name": "Aline",
            "last_name": "Roux",
            "email": created.email,
            "current_password": PASSWORD,
            "new_password1": own,
            "new_password2": own,
        },
    )
    page = client.get("/admin/activite/")
    assert page.status_code == 200
    assert world.candidat.username in page.content.decode()
    assert world.candidat_toulouse.username not in page.content.decode()
    assert client.get(INDEX).status_code == 302  # not theirs to manage


def test_invalid_creation_keeps_input_and_saves_nothing(client_as, world):
    count = User.objects.count()
    response = client_as("superuser").post(
        NEW, creation_data(world, academie=None, password2="autre-chose")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Le compte n&#x27;a pas pu être créé" in content
    assert 'value="Roux"' in content
    assert User.objects.count() == count
    assert mail.outbox == []


def test_address_of_another_account_is_refused_whatever_its_case(client_as, world):
    response = client_as("superuser").post(
        NEW, creation_data(world, email="CONSEILLER@exemple.fr")
    )
    assert response.status_code == 200
    assert "Cette adresse électronique est déjà utilisée par un autre compte." in (
        response.content.decode()
    )
    assert not User.objects.filter(username="admin.montpellier.2").exists()


def test_listing_and_blocking(client_as, world):
    root = client_as("superuser")
    listing = root.get(INDEX).content.decode()
    assert "admin.montpellier" in listing and "admin.toulouse" in listing
    assert "conseiller.toulouse" not in listing

    target = world.admin_toulouse
    data = {
        "username": target.username,
        "email": target.email,
        "statut": "blocked",
        "first_name": target.first_name,
        "last_name": target.last_name,
        "academie": target.academie_id,
    }
    assert root.post(edit_url(target), data).status_code == 302
    target.refresh_from_db()
    assert not target.is_active
    assert not target.groups.exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(target.pk), action="monbilan.account.block"
    ).exists()


def test_other_accounts_are_not_administrators_here(client_as, world):
    root = client_as("superuser")
    for user in (world.conseiller, world.candidat, world.superuser):
        assert root.get(edit_url(user)).status_code == 404, user.username


def test_the_admin_home_is_the_tableau_de_bord_with_mon_compte(client_as, world):
    for role in ("admin", "referent", "superuser"):
        content = client_as(role).get("/admin/").content.decode()
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S).group(1)
        assert heading.strip() == "Tableau de bord", role
        # The admin's menu leads to the site's "Mon compte" (name, e-mail,
        # password, avatar): nothing else in the admin links there.
        assert "Mon compte" in content and "/mon-compte/" in content, role
        # The Wagtail editor guide is for those who edit pages.
        assert ("Guide de l'éditeur Wagtail" in content) == (role != "admin"), role
