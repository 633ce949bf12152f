"""Error pages: French, in the site's layout; a database outage answers 503."""

import json

from django.db import OperationalError
from django.test import Client
from django.urls import path

import pytest

from monbilan import urls as project_urls


def _lost_database(request):
    raise OperationalError("connection to server at 127.0.0.1 failed")


def _bug(request):
    raise ValueError("a bug")


# This module doubles as the URLconf of the tests below: the project's URLs, two
# views that fail the way real ones do, and the project's own handler500.
urlpatterns = [
    path("essai/panne/", _lost_database),
    path("essai/bogue/", _bug),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500


@pytest.fixture
def browser(db):
    return Client(raise_request_exception=False)


def test_unknown_address_gets_the_french_404_page(browser):
    response = browser.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html
    assert "Erreur 404" in html
    assert 'class="fr-footer"' in html


def test_another_candidates_bilan_is_the_same_404_page(client_as, world):
    response = client_as("candidat").get(f"/bilans/{world.autre_bilan.pk}/")
    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()


@pytest.mark.urls("tests.test_error_pages")
def test_database_outage_answers_503_with_retry_after(browser):
    response = browser.get("/essai/panne/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Service momentanément indisponible" in html
    assert "connection to server" not in html  # nothing technical leaks


@pytest.mark.urls("tests.test_error_pages")
def test_database_outage_answers_json_to_the_autosave(browser):
    response = browser.post("/essai/panne/", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = json.loads(response.content)
    assert body["error"] == "unavailable"
    assert "gardées sur cet appareil" in body["message"]


@pytest.mark.urls("tests.test_error_pages")
def test_other_errors_answer_500_in_french(browser):
    response = browser.get("/essai/bogue/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    html = response.content.decode()
    assert "Erreur inattendue" in html
    assert "a bug" not in html
    json_response = browser.get("/essai/bogue/", HTTP_ACCEPT="application/json")
    assert json_response.status_code == 500
    assert json.loads(json_response.content)["error"] == "server"
