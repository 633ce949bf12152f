"""Passwords are hashed with Argon2id, and PBKDF2 hashes upgrade at the next login.

The test settings hash with MD5 for speed; these tests put back the production
list (monbilan/settings/base.py) with override_settings.
"""

from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings
from django.urls import reverse

import pytest

from monbilan.settings import base
from users.hashers import Argon2idOwaspHasher

from ..factories import PASSWORD, UserFactory

LOGIN_URL = reverse("users:login")

pytestmark = pytest.mark.django_db

production_hashers = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


def login(client, username, password=PASSWORD):
    return client.post(LOGIN_URL, {"username": username, "password": password})


def test_the_production_list_puts_argon2id_first_and_keeps_pbkdf2():
    assert base.PASSWORD_HASHERS[0] == "users.hashers.Argon2idOwaspHasher"
    assert (
        "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS[1:]
    )


@production_hashers
def test_a_new_password_is_argon2id_with_owasp_parameters_or_stronger():
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert isinstance(identify_hasher(encoded), Argon2idOwaspHasher)
    # OWASP's minimum: m=19 MiB, t=2, p=1.
    hasher = Argon2idOwaspHasher()
    assert hasher.memory_cost >= 19 * 1024
    assert hasher.time_cost >= 2
    assert hasher.parallelism >= 1
    assert check_password(PASSWORD, encoded)
    assert not check_password(PASSWORD + "x", encoded)


@production_hashers
def test_a_pbkdf2_hash_upgrades_to_argon2id_at_the_next_login(client):
    user = UserFactory(username="ancien.compte")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    assert user.password.startswith("pbkdf2_sha256$")

    response = login(client, "ancien.compte")
    assert response.status_code == 302
    assert response["Location"] == "/tableau-de-bord/"
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert check_password(PASSWORD, user.password)

    # And the new hash logs in as well.
    client.post(reverse("users:logout"))
    assert login(client, "ancien.compte").status_code == 302


@production_hashers
def test_a_failed_login_leaves_the_pbkdf2_hash_alone(client):
    user = UserFactory(username="ancien.compte")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    old = user.password

    response = login(client, "ancien.compte", "Pas-le-bon-mot-de-passe")
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.password == old


@production_hashers
def test_an_argon2_hash_with_djangos_defaults_is_redone_with_ours(client):
    # Django's Argon2PasswordHasher: t=2, m=100 MiB, p=8.
    user = UserFactory(username="argon.defaut")
    user.password = _django_default_argon2(PASSWORD)
    user.save(update_fields=["password"])
    assert "$m=102400,t=2,p=8$" in user.password

    assert login(client, "argon.defaut").status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def _django_default_argon2(password):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    hasher = Argon2PasswordHasher()
    return hasher.encode(password, hasher.salt())


@production_hashers
def test_a_hash_of_the_previous_release_t3_is_redone_at_t2(client):
    """Until 2026-12 the hasher made one more pass (t=3): those hashes still open
    the account, and are redone with today's parameters."""
    from django.contrib.auth.hashers import Argon2PasswordHasher

    class PreviousHasher(Argon2PasswordHasher):
        time_cost, memory_cost, parallelism = 3, 19 * 1024, 1

    user = UserFactory(username="hache.t3")
    user.password = PreviousHasher().encode(PASSWORD, PreviousHasher().salt())
    user.save(update_fields=["password"])
    assert "$m=19456,t=3,p=1$" in user.password

    assert login(client, "hache.t3").status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
