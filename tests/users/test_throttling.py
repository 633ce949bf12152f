"""Throttling: login per account and address pair, a looser limit per address,
password reset and autosave (issue 10, item 16)."""

import json

from django.core import mail
from django.core.cache import cache
from django.test import Client

from ..factories import PASSWORD

LOGIN = "/connexion/"
RESET = "/mot-de-passe/reinitialiser/"
CENTRE = "192.0.2.10"  # a centre's shared address
ELSEWHERE = "198.51.100.7"


def login(username, password=PASSWORD, address=CENTRE):
    client = Client(REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password})


def test_failures_lock_one_account_from_one_address_only(world):
    for _ in range(5):
        login("candidat", "mauvais")
    locked = login("candidat")
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    # Everyone else behind the centre's address still logs in…
    assert login("conseiller").status_code == 302
    # …and so does the same account from elsewhere.
    assert login("candidat", address=ELSEWHERE).status_code == 302


def test_many_accounts_tried_from_one_address_lock_that_address(world, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = "8/15m"
    for number in range(8):
        assert login(f"inconnu.{number}", "mauvais").status_code == 200
    locked = login("conseiller")
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    assert login("conseiller", address=ELSEWHERE).status_code == 302


def test_the_default_address_limit_is_looser_than_the_pair_limit(world):
    """Twenty failures spread over accounts of one centre lock no one else."""
    for number in range(20):
        login(f"inconnu.{number}", "mauvais")
    assert login("conseiller").status_code == 302


def test_the_counters_live_in_the_shared_cache(world, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = "2/15m"
    login("inconnu.a", "mauvais")
    login("inconnu.b", "mauvais")
    assert login("conseiller").status_code == 429
    # Django's cache holds them (Redis in production): every app server sees them.
    cache.clear()
    assert login("conseiller").status_code == 302


def reset(email, address=CENTRE):
    return Client(REMOTE_ADDR=address).post(RESET, {"email": email})


def test_password_reset_is_throttled_per_email(world):
    for _ in range(3):
        assert reset(world.candidat.email).status_code == 302
    refused = reset(world.candidat.email, address=ELSEWHERE)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Trop de demandes de réinitialisation" in html
    assert len(mail.outbox) == 3
    # Another person's reset still works.
    assert reset(world.conseiller.email).status_code == 302


def test_password_reset_is_throttled_per_address(world, settings):
    settings.PASSWORD_RESET_RATES = {"ip": "2/h", "email": "3/h"}
    assert reset("a@exemple.fr").status_code == 302
    assert reset("b@exemple.fr").status_code == 302
    assert reset(world.candidat.email).status_code == 429
    assert mail.outbox == []
    assert reset(world.candidat.email, address=ELSEWHERE).status_code == 302


def test_autosave_is_throttled_per_user_with_a_french_json_answer(
    client_as, world, phases, settings
):
    settings.AUTOSAVE_RATE = "3/m"
    url = f"/mes-reponses/phases/{phases[0].pk}/enregistrer/"

    def autosave(client):
        return client.post(url, {"version": "0"}, HTTP_ACCEPT="application/json")

    client = client_as("candidat")
    for _ in range(3):
        assert autosave(client).status_code != 429
    refused = autosave(client)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    body = json.loads(refused.content)
    assert body["error"] == "throttled"
    assert "Trop d'enregistrements" in body["message"]
    # Per user: another candidate types on.
    other = Client()
    other.force_login(world.autre_candidat)
    other_url = f"/mes-reponses/phases/{phases[0].pk}/enregistrer/"
    response = other.post(other_url, {"version": "0"}, HTTP_ACCEPT="application/json")
    assert response.status_code != 429


def test_a_person_typing_never_meets_the_autosave_limit(client_as, phases):
    """One save every two seconds for five minutes (150) stays under the limit."""
    client = client_as("candidat")
    url = f"/mes-reponses/phases/{phases[0].pk}/enregistrer/"
    statuses = {
        client.post(url, {"version": "0"}, HTTP_ACCEPT="application/json").status_code
        for _ in range(150)
    }
    assert 429 not in statuses
