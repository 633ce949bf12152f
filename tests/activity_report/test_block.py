"""« Indicateurs de résultats »: a référent embeds a published report of their
académie on a site page; visitors read its public figures; a report unpublished
or deleted since leaves the page whole."""

import html as html_lib

from django.test import TestCase
from django.urls import reverse

import pytest

from home.models import ContentPage
from home.setup import install_site_pages

from .helpers import group, plant_bilans, read, report_for

pytestmark = pytest.mark.django_db

CHOOSE = "/admin/snippets/choose/activity_report/activityreport/"


def page_with(report):
    install_site_pages()
    page = ContentPage.objects.live().first()
    page.body = [("results_indicators", {"report": report})]
    # Wagtail indexes the page's references (« Utilisation ») once committed.
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return page


def chooser_text(response):
    """The chooser's modal (JSON) or its results (HTML), as read."""
    if response["Content-Type"].startswith("application/json"):
        return html_lib.unescape(response.json()["html"])
    return read(response)


def test_a_visitor_reads_the_public_figures(client, world):
    plant_bilans(world.conseiller, 6)
    report = report_for(world.montpellier, title="Indicateurs 2026")
    page = page_with(report)
    text = read(client.get(page.url))
    assert "Indicateurs de résultats" in text
    assert "Indicateurs 2026" in text
    assert "Bilans commencés" in text
    assert str(group(report.figures)["started"]) in text
    assert "moins de 5" in text  # Sète's figures, and the small ones
    for person in (world.conseiller, world.autre_conseiller, world.referent):
        assert person.last_name not in text


def test_an_unpublished_report_shows_nothing(client, world):
    report = report_for(world.montpellier, title="Indicateurs 2026")
    page = page_with(report)
    report.unpublish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Indicateurs 2026" not in read(response)


def test_a_deleted_report_leaves_the_page_whole(client, world):
    report = report_for(world.montpellier, title="Indicateurs 2026")
    page = page_with(report)
    report.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Indicateurs 2026" not in read(response)


def test_the_usage_view_lists_the_page(client_as, world):
    report = report_for(world.montpellier)
    page = page_with(report)
    usage_url = reverse("rapports_activite:usage", args=[report.pk])
    # An administrator edits no page: Wagtail names it « Private page » for them.
    assert client_as("admin").get(usage_url).status_code == 200
    assert page.title in read(client_as("superuser").get(usage_url))


def test_the_chooser_offers_only_published_reports_of_the_academie(client_as, world):
    report_for(world.montpellier, title="Publié de Montpellier")
    report_for(world.montpellier, title="Brouillon de Montpellier", live=False)
    toulouse = report_for(world.toulouse, title="Publié de Toulouse")
    client = client_as("referent")
    text = chooser_text(client.get(CHOOSE))
    assert "Publié de Montpellier" in text
    assert "Brouillon de Montpellier" not in text
    assert "Publié de Toulouse" not in text
    results = chooser_text(client.get(CHOOSE + "results/?q=Publié"))
    assert "Publié de Toulouse" not in results
    assert client.get(f"{CHOOSE}chosen/{toulouse.pk}/").status_code == 404


def test_a_superuser_chooses_any_published_report(client_as, world):
    report_for(world.toulouse, title="Publié de Toulouse")
    assert "Publié de Toulouse" in chooser_text(client_as("superuser").get(CHOOSE))
