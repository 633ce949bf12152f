import re
from html import unescape

from django.core import mail
from django.urls import reverse

import pytest

from users.models import User

from ..factories import PASSWORD

LOGIN_URL = reverse("users:login")


def login(client, username, password=PASSWORD):
    return client.post(LOGIN_URL, {"username": username, "password": password})


def test_login_page_has_the_contract_wording(client, db):
    response = client.get(LOGIN_URL)
    content = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Nom d'utilisateur" in content
    assert "Mot de passe" in content
    assert "Se connecter" in content
    assert "Réinitialiser votre mot de passe" in content
    # The service's name as the tutorial writes it, under the site's name.
    assert "Bilan de Compétences Ouvert à Distance" in content


def test_home_page_links_to_login(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Mon Bilan en Ligne" in response.content.decode()
    assert reverse("users:login") in response.content.decode()


@pytest.mark.parametrize(
    ("username", "expected"),
    [("candidat", "/tableau-de-bord/"), ("conseiller", "/tableau-de-bord/")],
)
def test_login_success_lands_on_dashboard(client, world, username, expected):
    response = login(client, username)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


@pytest.mark.parametrize("username", ["admin", "superuser"])
def test_administrators_land_in_the_wagtail_admin(client, world, username):
    user = getattr(world, username)
    client.post(LOGIN_URL, {"username": user.username, "password": PASSWORD})
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_login_failure_shows_a_french_error_and_keeps_the_username(client, world):
    response = login(client, "candidat", "mauvais-mot-de-passe")
    content = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Nom d'utilisateur ou mot de passe incorrect" in content
    assert 'value="candidat"' in content
    assert "_auth_user_id" not in client.session


def test_blocked_account_cannot_log_in(client, world):
    world.candidat.is_active = False
    world.candidat.save()
    response = login(client, "candidat")
    assert response.status_code == 200
    assert "Ce compte est bloqué" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_blocking_ends_an_open_session(client, world):
    client.force_login(world.conseiller)
    assert client.get(reverse("dashboard")).status_code == 200
    world.conseiller.is_active = False
    world.conseiller.save()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_wagtail_admin_login_goes_through_the_site_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/admin/pages/"


def test_logout_needs_post_and_ends_the_session(client, world):
    client.force_login(world.candidat)
    assert client.get(reverse("users:logout")).status_code == 405
    response = client.post(reverse("users:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_out(client, world):
    for _ in range(4):
        assert login(client, "candidat", "mauvais").status_code == 200
    # The fifth failure locks the account; then even the right password is refused.
    assert login(client, "candidat", "mauvais").status_code == 429
    response = login(client, "candidat")
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_covers_an_address_trying_many_accounts(client, world):
    # Looser than the limit per account (tests/users/test_throttling.py).
    for number in range(30):
        login(client, f"inconnu.{number}", "mauvais")
    assert login(client, "conseiller").status_code == 429


def test_a_success_resets_the_failure_count(client, world):
    for _ in range(4):
        login(client, "candidat", "mauvais")
    assert login(client, "candidat").status_code == 302
    client.post(reverse("users:logout"))
    for _ in range(4):
        login(client, "candidat", "mauvais")
    assert login(client, "candidat").status_code == 302


def _reset_link(message):
    match = re.search(r"https?://[^/\s]+(/mot-de-passe/nouveau/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_flow_with_one_time_link(client, world):
    response = client.post(
        reverse("users:password_reset"), {"email": "candidat@exemple.fr"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("users:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["candidat@exemple.fr"]
    assert "réinitialisation" in message.subject
    link = _reset_link(message)

    response = client.get(link, follow=True)
    assert response.context["validlink"] is True
    set_password_url = response.redirect_chain[-1][0]
    new_password = "Un-nouveau-mot-de-passe-2026"
    response = client.post(
        set_password_url,
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("users:password_reset_complete")

    assert login(client, "candidat", new_password).status_code == 302
    client.post(reverse("users:logout"))

    # The link served once; it is refused now.
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False
    assert "Ce lien n'est plus valable" in unescape(response.content.decode())


def test_password_reset_does_not_reveal_unknown_addresses(client, world):
    known = client.post(
        reverse("users:password_reset"), {"email": "candidat@exemple.fr"}
    )
    unknown = client.post(
        reverse("users:password_reset"), {"email": "personne@exemple.fr"}
    )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_password_reset_refuses_a_weak_password(client, world):
    client.post(reverse("users:password_reset"), {"email": "candidat@exemple.fr"})
    response = client.get(_reset_link(mail.outbox[0]), follow=True)
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": "123", "new_password2": "123"}
    )
    assert response.status_code == 200
    assert "trop court" in response.content.decode()
    user = User.objects.get(username="candidat")
    assert user.check_password(PASSWORD)


def test_an_account_never_activated_can_ask_for_a_new_link(client, world):
    """Created with "Notifier…" (no password), its three-day link expired: the
    reset form sends a new one, and the account can then log in."""
    from users.accounts import create_account

    create_account(
        role=User.Role.CANDIDAT,
        created_by=world.conseiller,
        username="nouveau.candidat",
        email="nouveau.candidat@exemple.fr",
        dabm=world.lunel,
        academie=world.montpellier,
    )
    assert not User.objects.get(username="nouveau.candidat").has_usable_password()
    client.post(
        reverse("users:password_reset"), {"email": "Nouveau.Candidat@exemple.fr"}
    )
    assert [message.to for message in mail.outbox] == [["nouveau.candidat@exemple.fr"]]
    response = client.get(_reset_link(mail.outbox[0]), follow=True)
    new_password = "Mon-premier-mot-de-passe-2026"
    client.post(
        response.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert login(client, "nouveau.candidat", new_password).status_code == 302


def test_a_blocked_account_gets_no_reset_link(client, world):
    world.candidat.is_active = False
    world.candidat.save()
    client.post(reverse("users:password_reset"), {"email": "candidat@exemple.fr"})
    assert mail.outbox == []
