"""Each request's identifier: the proxy's X-Request-ID when sane, else a new one;
in the response header, in the log lines of the request, on the 500 and 503
pages; one JSON object per log line under the production settings."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client

import pytest

from monbilan.request_id import RequestIdFilter, current_request_id

NEW_ID = re.compile(r"[0-9a-f]{32}")
MISSING = "/cette-page-n-existe-pas/"


@pytest.fixture
def browser(db):
    return Client(raise_request_exception=False)


@pytest.fixture
def console():
    """What the configured console handler (settings.LOGGING) writes."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RequestIdFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


@pytest.fixture
def records(caplog):
    """The log records of the test, with the project's filter applied."""
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.WARNING)
    return caplog


def test_a_sane_identifier_of_the_proxy_is_kept(browser, records, console):
    response = browser.get(MISSING, HTTP_X_REQUEST_ID="nginx-4f2a.9_B")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "nginx-4f2a.9_B"
    # Django's "Not Found" line, written while the request was served.
    (record,) = [r for r in records.records if r.name == "django.request"]
    assert record.request_id == "nginx-4f2a.9_B"
    assert f"[nginx-4f2a.9_B] django.request: Not Found: {MISSING}" in (
        console.getvalue()
    )


@pytest.mark.parametrize(
    "hostile",
    ["a\nb", "x" * 65, "x" * 200, "<script>", "id avec espaces", "é"],
    ids=["line break", "65 chars", "200 chars", "markup", "spaces", "accent"],
)
def test_a_hostile_identifier_is_replaced(browser, records, hostile):
    response = browser.get(MISSING, HTTP_X_REQUEST_ID=hostile)
    assert NEW_ID.fullmatch(response["X-Request-ID"])
    (record,) = [r for r in records.records if r.name == "django.request"]
    assert record.request_id == response["X-Request-ID"]


def test_64_characters_are_kept(browser):
    assert browser.get(MISSING, HTTP_X_REQUEST_ID="a" * 64)["X-Request-ID"] == (
        "a" * 64
    )


def test_without_a_header_each_request_gets_its_own(browser, records):
    first = browser.get(MISSING)["X-Request-ID"]
    second = browser.get(MISSING)["X-Request-ID"]
    assert NEW_ID.fullmatch(first) and NEW_ID.fullmatch(second)
    assert first != second
    assert [r.request_id for r in records.records if r.name == "django.request"] == [
        first,
        second,
    ]


def test_outside_a_request_lines_have_none(browser, console):
    browser.get(MISSING, HTTP_X_REQUEST_ID="fini")
    assert current_request_id() is None
    logging.getLogger("monbilan").warning("Après la requête")
    assert "WARNING [-] monbilan: Après la requête" in console.getvalue()


@pytest.mark.urls("tests.test_error_pages")
def test_the_500_page_shows_the_reference_of_its_log_line(browser, records):
    response = browser.get("/essai/bogue/", HTTP_X_REQUEST_ID="essai-500")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "essai-500"
    assert "Référence de l'erreur : <code>essai-500</code>" in response.content.decode()
    (record,) = [r for r in records.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR
    assert record.request_id == "essai-500"


@pytest.mark.urls("tests.test_error_pages")
def test_a_generated_reference_is_the_one_of_the_header(browser):
    response = browser.get("/essai/bogue/")
    reference = response["X-Request-ID"]
    assert NEW_ID.fullmatch(reference)
    assert f"Référence de l'erreur : <code>{reference}</code>" in (
        response.content.decode()
    )


@pytest.mark.urls("tests.test_error_pages")
def test_the_503_page_and_the_json_answers_carry_the_reference(browser):
    page = browser.get("/essai/panne/", HTTP_X_REQUEST_ID="essai-503")
    assert page.status_code == 503
    assert "Référence de l'erreur : <code>essai-503</code>" in page.content.decode()
    for path, status in (("/essai/panne/", 503), ("/essai/bogue/", 500)):
        answer = browser.post(
            path, HTTP_ACCEPT="application/json", HTTP_X_REQUEST_ID="essai-json"
        )
        assert answer.status_code == status
        assert json.loads(answer.content)["reference"] == "essai-json"


def test_other_error_pages_show_no_reference(browser):
    assert "Référence de l'erreur" not in browser.get(MISSING).content.decode()


PRODUCTION_LOGS = """
import logging

import django

django.setup()
from django.http import HttpResponse
from django.test import RequestFactory

from monbilan.request_id import RequestIdMiddleware

log = logging.getLogger("monbilan.essai")


def view(request):
    log.warning("Une ligne : é")
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("Une erreur\\nsur deux lignes")
    return HttpResponse()


request = RequestFactory().get("/", HTTP_X_REQUEST_ID="essai-json")
RequestIdMiddleware(view)(request).close()
log.warning("Hors requête")
"""


def test_production_writes_one_json_object_per_line(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(settings.BASE_DIR),
        "DJANGO_SETTINGS_MODULE": "monbilan.settings.production",
        "SECRET_KEY": "essai",
        "ALLOWED_HOSTS": "testserver",
        "SITE_URL": "https://monbilan.exemple.fr",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'inutile.sqlite3'}",
    }
    script = tmp_path / "logs.py"
    script.write_text(PRODUCTION_LOGS)
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(script)],
        env=env,
        cwd=Path(settings.BASE_DIR),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines()]
    assert [(line["level"], line["message"], line["request_id"]) for line in lines] == [
        ("WARNING", "Une ligne : é", "essai-json"),
        ("ERROR", "Une erreur\nsur deux lignes", "essai-json"),
        ("WARNING", "Hors requête", "-"),
    ]
    assert all(line["logger"] == "monbilan.essai" for line in lines)
    assert "ZeroDivisionError" in lines[1]["exc_info"]
    assert lines[0]["time"].endswith("+00:00")
