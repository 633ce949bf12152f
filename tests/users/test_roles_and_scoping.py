from django.urls import reverse

import pytest

from users.models import User
from users.roles import ADMINISTRATEUR_GROUP, REFERENT_GROUP


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_referent_gets_page_editing_rights_and_loses_them(world):
    referent = world.referent
    assert group_names(referent) == {REFERENT_GROUP}
    assert referent.has_perm("wagtailadmin.access_admin")
    referent.is_referent = False
    referent.save()
    referent = User.objects.get(pk=referent.pk)  # fresh permission cache
    assert group_names(referent) == set()
    assert not referent.has_perm("wagtailadmin.access_admin")


def test_role_groups_follow_each_role(world):
    assert group_names(world.admin) == {ADMINISTRATEUR_GROUP}
    assert group_names(world.conseiller) == set()
    assert group_names(world.candidat) == set()
    assert group_names(world.superuser) == set()


def test_promoting_a_conseiller_gives_cms_access_at_once(client, world):
    client.force_login(world.conseiller)
    # Logged in, not for the admin: a 403 page (no redirect to the login page).
    assert client.get("/admin/pages/").status_code == 403
    world.conseiller.is_referent = True
    world.conseiller.save()
    assert client.get("/admin/pages/").status_code == 200


def test_blocking_a_referent_removes_their_cms_rights(world):
    world.referent.is_active = False
    world.referent.save()
    assert group_names(world.referent) == set()


def test_only_a_conseiller_can_be_referent(world):
    world.candidat.is_referent = True
    world.candidat.save()
    assert world.candidat.is_referent is False
    assert group_names(world.candidat) == set()


def test_dabm_decides_the_academie(world):
    world.candidat.dabm = world.sete
    world.candidat.academie = world.toulouse
    world.candidat.save()
    world.candidat.refresh_from_db()
    assert world.candidat.academie == world.montpellier


def visible_usernames(user):
    return set(User.objects.visible_to(user).values_list("username", flat=True))


def test_candidate_sees_only_themself(world):
    assert visible_usernames(world.candidat) == {"candidat"}


def test_conseiller_sees_themself_and_their_candidates(world):
    assert visible_usernames(world.conseiller) == {"conseiller", "candidat"}
    assert visible_usernames(world.autre_conseiller) == {
        "autre.conseiller",
        "autre.candidat",
    }


def test_administrator_sees_their_academie_only(world):
    assert visible_usernames(world.admin) == {
        "admin.montpellier",
        "conseiller",
        "autre.conseiller",
        "referent",
        "candidat",
        "autre.candidat",
    }
    assert visible_usernames(world.admin_toulouse) == {
        "admin.toulouse",
        "conseiller.toulouse",
        "candidat.toulouse",
    }


def test_superuser_sees_everyone(world):
    assert visible_usernames(world.superuser) == set(
        User.objects.values_list("username", flat=True)
    )


def test_blocked_or_anonymous_users_see_nobody(world):
    from django.contrib.auth.models import AnonymousUser

    assert visible_usernames(AnonymousUser()) == set()
    world.admin.is_active = False
    world.admin.save()
    assert visible_usernames(world.admin) == set()


@pytest.mark.parametrize(
    ("viewer", "owner", "status"),
    [
        ("candidat", "candidat", 404),  # no avatar yet
        ("autre_candidat", "candidat", 404),
        ("conseiller_toulouse", "candidat", 404),
        ("admin_toulouse", "candidat", 404),
    ],
)
def test_avatar_of_someone_out_of_scope_is_404(client, world, viewer, owner, status):
    client.force_login(getattr(world, viewer))
    url = reverse("users:avatar", args=[getattr(world, owner).pk])
    assert client.get(url).status_code == status


def test_academies_and_dabms_are_for_superusers_only(client, world):
    client.force_login(world.superuser)
    assert client.get("/admin/academies/").status_code == 200
    assert client.get("/admin/dabms/").status_code == 200
    response = client.post(
        "/admin/dabms/new/", {"academie": world.toulouse.pk, "name": "Albi"}
    )
    assert response.status_code == 302
    assert world.toulouse.dabms.filter(name="Albi").exists()
    for name in ["admin", "referent"]:
        client.force_login(getattr(world, name))
        assert client.get("/admin/dabms/").status_code == 302
        client.post(
            "/admin/dabms/new/", {"academie": world.toulouse.pk, "name": "Foix"}
        )
        assert not world.toulouse.dabms.filter(name="Foix").exists()
