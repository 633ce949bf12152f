"""Académie administrators manage their conseillers in the Wagtail admin."""

import re

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from users.models import User

from ..factories import ConseillerFactory

INDEX = "/admin/conseillers/"
NEW = "/admin/conseillers/new/"
NEW_PASSWORD = "Un-mot-de-passe-provisoire-2026"


def edit_url(user):
    return f"/admin/conseillers/edit/{user.pk}/"


def creation_data(world, **overrides):
    data = {
        "notify": "on",
        "username": "nouveau.conseiller",
        "email": "nouveau.conseiller@exemple.fr",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "statut": "active",
        "first_name": "Nadia",
        "last_name": "Perrin",
        "dabm": world.lunel.pk,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_form_has_the_tutorial_wording(client_as):
    content = client_as("admin").get(NEW).content.decode()
    for text in [
        "Notifier l&#x27;utilisateur de la création de son nouveau compte",
        "Identifiant de connexion",
        "Courriel",
        "Mot de passe",
        "Bloqué",
        "Actif",
        "Conseiller référent",
        "Merci de prendre contact avec votre référent monbilanenligne",
        "Créer un nouveau compte",
    ]:
        assert text in content, text
    # DABM at the bottom, after the names; only the académie's DABMs offered.
    assert content.index('name="dabm"') > content.index('name="last_name"')
    assert "Lunel" in content and "Sète" in content
    assert ">Toulouse<" not in content


def test_create_with_notification_sends_a_set_password_link(client_as, world, client):
    response = client_as("admin").post(NEW, creation_data(world))
    assert response.status_code == 302
    user = User.objects.get(username="nouveau.conseiller")
    assert user.role == User.Role.CONSEILLER
    assert user.dabm == world.lunel
    assert user.academie == world.montpellier
    assert user.is_active and not user.is_referent
    assert user.check_password(NEW_PASSWORD)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouveau.conseiller@exemple.fr"]
    assert "nouveau.conseiller" in message.body
    link = re.search(r"https?://[^/\s]+(/mot-de-passe/nouveau/\S+/)", message.body)
    assert link
    # The new conseiller sets their own password through the link.
    client.logout()
    response = client.get(link.group(1), follow=True)
    assert response.context["validlink"] is True
    chosen = "Mon-propre-mot-de-passe-2026"
    client.post(
        response.redirect_chain[-1][0],
        {"new_password1": chosen, "new_password2": chosen},
    )
    user.refresh_from_db()
    assert user.check_password(chosen)
    assert ModelLogEntry.objects.filter(
        action="wagtail.create", object_id=str(user.pk), user=world.admin
    ).exists()


def test_create_without_notification_sends_nothing(client_as, world):
    client_as("admin").post(NEW, creation_data(world, notify=None))
    assert User.objects.filter(username="nouveau.conseiller").exists()
    assert mail.outbox == []


def test_create_blocked_referent(client_as, world, client):
    client_as("admin").post(
        NEW, creation_data(world, statut="blocked", is_referent="on", notify=None)
    )
    user = User.objects.get(username="nouveau.conseiller")
    assert not user.is_active
    assert user.is_referent
    client.logout()
    response = client.post(
        reverse("users:login"),
        {"username": "nouveau.conseiller", "password": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": "conseiller"}, "existe déjà"),
        ({"email": "CONSEILLER@exemple.fr"}, "déjà utilisée"),
        ({"password2": "Autre-chose-2026-xyz"}, "ne correspondent pas"),
        ({"password1": "court", "password2": "court"}, "trop court"),
        ({"dabm": None}, "Champ requis"),
    ],
)
def test_invalid_creation_keeps_input_and_saves_nothing(
    client_as, world, overrides, message
):
    count = User.objects.count()
    response = client_as("admin").post(NEW, creation_data(world, **overrides))
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'value="Perrin"' in content
    assert User.objects.count() == count
    assert mail.outbox == []


def test_dabm_of_another_academie_is_refused(client_as, world):
    toulouse_dabm = world.conseiller_toulouse.dabm
    response = client_as("admin").post(NEW, creation_data(world, dabm=toulouse_dabm.pk))
    assert response.status_code == 200
    assert not User.objects.filter(username="nouveau.conseiller").exists()


def test_listing_shows_only_the_academie_conseillers(client_as, world):
    content = client_as("admin").get(INDEX).content.decode()
    assert "conseiller" in content and "autre.conseiller" in content
    assert "referent" in content
    assert "conseiller.toulouse" not in content
    assert "Ajouter un conseiller" in content
    # Filter choices never name another académie's DABM.
    assert ">Toulouse<" not in content


def test_listing_filters_and_search(client_as, world):
    client = client_as("admin")
    content = client.get(INDEX, {"dabm": world.sete.pk}).content.decode()
    assert "autre.conseiller@exemple.fr" in content
    assert not re.search(r"\sconseiller@exemple\.fr", content)
    content = client.get(INDEX, {"is_referent": "true"}).content.decode()
    assert "referent@exemple.fr" in content
    assert "autre.conseiller@exemple.fr" not in content
    world.autre_conseiller.is_active = False
    world.autre_conseiller.save()
    content = client.get(INDEX, {"is_active": "0"}).content.decode()
    assert "autre.conseiller@exemple.fr" in content
    assert "referent@exemple.fr" not in content
    content = client.get(INDEX, {"q": world.conseiller.last_name}).content.decode()
    assert re.search(r"\sconseiller@exemple\.fr", content)


def test_listing_query_count_does_not_grow(
    client_as, world, django_assert_max_num_queries
):
    client = client_as("admin")
    client.get(INDEX)
    with django_assert_max_num_queries(20):
        client.get(INDEX)
    for _ in range(15):
        ConseillerFactory(dabm=world.lunel)
    with django_assert_max_num_queries(20):
        assert client.get(INDEX).status_code == 200


def test_other_academie_conseiller_is_404(client_as, world):
    client = client_as("admin")
    assert client.get(edit_url(world.conseiller_toulouse)).status_code == 404
    assert client.post(edit_url(world.conseiller_toulouse), {}).status_code == 404
    assert client.get(edit_url(world.candidat)).status_code == 404
    assert client.get(edit_url(world.conseiller)).status_code == 200


@pytest.mark.parametrize("role", ["conseiller", "referent", "candidat"])
def test_non_administrators_cannot_manage_conseillers(client_as, world, role):
    client = client_as(role)
    assert client.get(INDEX).status_code in (302, 403)
    client.post(NEW, creation_data(world))
    assert not User.objects.filter(username="nouveau.conseiller").exists()


def edit_data(user, **overrides):
    data = {
        "username": user.username,
        "email": user.email,
        "statut": "active" if user.is_active else "blocked",
        "first_name": user.first_name,
        "last_name": user.last_name,
        "dabm": user.dabm_id,
    }
    if user.is_referent:
        data["is_referent"] = "on"
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_blocking_and_promoting_take_effect_at_once_and_are_audited(
    client_as, world, client
):
    admin = client_as("admin")
    target = world.conseiller
    response = admin.post(edit_url(target), edit_data(target, is_referent="on"))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_referent
    assert target.groups.filter(name="Conseillers référents").exists()

    response = admin.post(edit_url(target), edit_data(target, statut="blocked"))
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.is_active
    assert not target.groups.exists()
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(target.pk)).values_list(
            "action", flat=True
        )
    )
    assert {"monbilan.account.referent_on", "monbilan.account.block"} <= actions
    # The history is readable by the académie's administrator.
    history = admin.get(f"/admin/conseillers/history/{target.pk}/")
    assert history.status_code == 200
    assert "Compte bloqué" in history.content.decode()
    # Another académie's administrator cannot read it.
    admin.force_login(world.admin_toulouse)
    assert admin.get(f"/admin/conseillers/history/{target.pk}/").status_code == 404


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _heading_and_crumbs(content):
    """The page's <title>, its <h1> and the text of Wagtail's breadcrumbs."""
    title = re.search(r"<title>(.*?)</title>", content, re.S).group(1)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S).group(1)
    crumbs = content.split('data-controller="w-breadcrumbs"', 1)[1]
    crumbs = crumbs.split("</ol>", 1)[0]
    return _text(title), _text(heading), _text(crumbs)


def test_screens_are_titled_as_the_tutorial_names_them(client_as, world):
    admin = client_as("admin")
    title, heading, crumbs = _heading_and_crumbs(admin.get(NEW).content.decode())
    assert heading == "Ajouter un conseiller"
    assert title.startswith("Ajouter un conseiller")
    assert "Conseillers" in crumbs and "Ajouter un conseiller" in crumbs
    assert "Utilisateurs" not in crumbs and "Nouvel" not in crumbs

    page = admin.get(edit_url(world.conseiller)).content.decode()
    title, heading, crumbs = _heading_and_crumbs(page)
    assert heading.startswith("Modifier le conseiller")
    assert "Conseillers" in crumbs and "Utilisateurs" not in crumbs

    title, heading, crumbs = _heading_and_crumbs(admin.get(INDEX).content.decode())
    assert heading.startswith("Conseillers")


def test_messages_speak_of_accounts_not_users(client_as, world):
    admin = client_as("admin")
    refused = admin.post(NEW, creation_data(world, email="pas-une-adresse"))
    assert "Le compte n&#x27;a pas pu être créé" in refused.content.decode()
    target = world.conseiller
    saved = admin.post(edit_url(target), edit_data(target), follow=True)
    assert f"Le compte de « {target} » a été modifié." in saved.content.decode()
    refused = admin.post(edit_url(target), edit_data(target, email="pas-une-adresse"))
    assert "Les modifications n&#x27;ont pas pu être enregistrées" in (
        refused.content.decode()
    )


def rows(content):
    return re.findall(r"<tr[^>]*>(.*?)</tr>", content, re.S)


def test_each_row_opens_the_conseiller_edit_screen(client_as, world):
    client = client_as("admin")
    content = client.get(INDEX).content.decode()
    row = next(r for r in rows(content) if "autre.conseiller@exemple.fr" in r)
    url = edit_url(world.autre_conseiller)
    # The name is the link, and the row's menu offers "Modifier".
    assert re.search(rf'<a[^>]+href="{url}"[^>]*>\s*{world.autre_conseiller}', row)
    assert "Modifier" in row
    edit = client.get(url).content.decode()
    for name in ("statut", "is_referent", "dabm"):
        assert f'name="{name}"' in edit


def test_the_referent_column_reads_oui_or_non(client_as, world):
    content = client_as("admin").get(INDEX).content.decode()
    referent = next(r for r in rows(content) if "referent@exemple.fr" in r)
    plain = next(r for r in rows(content) if "autre.conseiller@exemple.fr" in r)
    assert "Oui" in referent and "Non" in plain
    for row in (referent, plain):
        assert "True" not in row and "False" not in row
