"""Pages travel compressed to a browser that accepts it; downloads do not change."""

import gzip

from django.test import Client

import pytest

ACTIVITY = "/admin/activite/"


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(db):
    browser = Client()
    plain = browser.get("/connexion/")
    packed = browser.get("/connexion/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    page = gzip.decompress(packed.content).decode()
    assert "Connexion" in page
    assert len(packed.content) < len(plain.content) / 2


def test_an_error_page_is_compressed_like_any_page(db):
    response = Client().get("/cette-page-n-existe-pas/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 404
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_are_sent_as_they_are(client_as, export):
    response = client_as("admin").get(
        ACTIVITY, {"export": export}, HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response.status_code == 200
    assert "Content-Encoding" not in response
