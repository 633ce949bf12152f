"""/sante/, the health check the proxy polls: JSON on the database, the cache and
the storage; 503 when one of them is away (each broken for real: a database and
a Redis at a closed port, a storage folder that cannot be one)."""

import json
import socket

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client, override_settings

import pytest

from ..factories import UserFactory, bilan_for

ALL_OK = {"statut": "ok", "base_de_donnees": "ok", "cache": "ok", "stockage": "ok"}


def closed_port():
    """A port of 127.0.0.1 nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def browser(db):
    return Client()


@pytest.fixture
def database_away(db, tmp_path):
    """The default database, unreachable: a PostgreSQL at a closed port, or an
    SQLite file in a folder that does not exist."""
    real = connections[DEFAULT_DB_ALIAS]
    broken_settings = {**real.settings_dict}
    if real.vendor == "sqlite":
        broken_settings["NAME"] = str(tmp_path / "absent" / "base.sqlite3")
    else:
        broken_settings.update(HOST="127.0.0.1", PORT=str(closed_port()))
    broken = type(real)(broken_settings, alias=DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = broken
    yield
    broken.close()
    connections[DEFAULT_DB_ALIAS] = real


def health(client, **headers):
    response = client.get("/sante/", **headers)
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    return response, json.loads(response.content)


def test_everything_up_answers_200(browser):
    response, body = health(browser)
    assert response.status_code == 200
    assert body == ALL_OK


def test_head_answers_too_and_post_is_refused(browser):
    assert browser.head("/sante/").status_code == 200
    assert browser.post("/sante/").status_code == 405


def test_database_away_answers_503(browser, database_away):
    response, body = health(browser)
    assert response.status_code == 503
    assert body == {**ALL_OK, "statut": "erreur", "base_de_donnees": "erreur"}


def test_cache_away_answers_503(browser):
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    with override_settings(CACHES=redis):
        response, body = health(browser)
    assert response.status_code == 503
    assert body == {**ALL_OK, "statut": "erreur", "cache": "erreur"}
    assert "127.0.0.1" not in response.content.decode()  # nothing of the failure


def test_storage_away_answers_503(browser, tmp_path):
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("")
    storages = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "users.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder)},
        },
    }
    with override_settings(STORAGES=storages):
        response, body = health(browser)
    assert response.status_code == 503
    assert body == {**ALL_OK, "statut": "erreur", "stockage": "erreur"}


def test_a_new_servers_storage_folder_is_created_and_nothing_written(browser, tmp_path):
    location = tmp_path / "prive"
    storages = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "users.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(location)},
        },
    }
    with override_settings(STORAGES=storages):
        for _poll in range(3):
            assert health(browser)[1] == ALL_OK
    assert list(location.iterdir()) == []


def test_any_host_no_https_redirect_no_login(browser, settings):
    # The proxy polls each server at its own address, over plain HTTP.
    settings.ALLOWED_HOSTS = ["monbilan.exemple.fr"]
    settings.SECURE_SSL_REDIRECT = True
    response, body = health(browser, HTTP_HOST="127.0.0.1:8001")
    assert response.status_code == 200
    assert body == ALL_OK


def test_logged_in_users_the_gates_would_redirect_get_the_answer(
    browser, world, phases, django_assert_max_num_queries
):
    awaiting_consent = UserFactory(username="candidat.sans.accord", dabm=world.lunel)
    bilan_for(awaiting_consent, world.conseiller, phases[:3], consent=False)
    provisional = UserFactory(username="mot.de.passe.provisoire", dabm=world.lunel)
    provisional.must_change_password = True
    provisional.save()
    for user in (awaiting_consent, provisional):
        browser.force_login(user)
        # The dashboard is redirected (consent, password change)...
        assert browser.get("/tableau-de-bord/").status_code == 302
        # ...not the health check, which reads no session: one query, SELECT 1.
        with django_assert_max_num_queries(1):
            response, body = health(browser)
        assert response.status_code == 200
        assert body == ALL_OK


@pytest.fixture
def s3_server():
    """A real S3-compatible server on loopback (moto, as `make cluster` runs
    it); installed with cluster/requirements.txt."""
    server_module = pytest.importorskip("moto.server")
    import boto3

    server = server_module.ThreadedMotoServer(
        ip_address="127.0.0.1", port=0, verbose=False
    )
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="essai",
        aws_secret_access_key="essai",
    ).create_bucket(Bucket="monbilan")
    yield endpoint
    server.stop()


def s3_keys(endpoint):
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="essai",
        aws_secret_access_key="essai",
    )
    return client.list_objects_v2(Bucket="monbilan").get("Contents", [])


def s3_storages(endpoint, bucket):
    from botocore.config import Config

    return {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": "essai",
                "secret_key": "essai",
                "location": "private",
                # Fail at once, not after botocore's retries.
                "client_config": Config(retries={"max_attempts": 1}),
            },
        },
    }


def test_s3_storage_up_then_away(browser, s3_server):
    with override_settings(STORAGES=s3_storages(s3_server, "monbilan")):
        for _poll in range(3):
            assert health(browser)[1] == ALL_OK
    assert s3_keys(s3_server) == []  # nothing written
    # A bucket that is not there (a wrong S3_BUCKET), then no S3 at all.
    with override_settings(STORAGES=s3_storages(s3_server, "absent")):
        response, body = health(browser)
        assert response.status_code == 503
        assert body == {**ALL_OK, "statut": "erreur", "stockage": "erreur"}
    endpoint = f"http://127.0.0.1:{closed_port()}"
    with override_settings(STORAGES=s3_storages(endpoint, "monbilan")):
        assert health(browser)[1]["stockage"] == "erreur"
