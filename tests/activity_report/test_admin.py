"""The « Rapports d'activité » in the Wagtail admin: made, published, recomputed,
locked, compared; scoped by académie (404 elsewhere); exported as PDF and CSV."""

import csv
import io

from django.urls import reverse

from wagtail.models import Revision

import pytest
from pypdf import PdfReader

from activity_report.models import ActivityReport

from .helpers import YEAR, group, plant_bilans, read, report_for

pytestmark = pytest.mark.django_db

INDEX = "/admin/rapports-activite/"
ADD = "/admin/rapports-activite/add/"


def url(name, report):
    return reverse(f"rapports_activite:{name}", args=[report.pk])


def form_data(**fields):
    data = {
        "title": "Bilan d'activité 2026",
        "dabm": "",
        "period_kind": "annee",
        "year": str(YEAR),
        "quarter": "",
        "start_date": "",
        "end_date": "",
    }
    data.update(fields)
    return data


def test_an_administrator_makes_a_report_of_their_academie(client_as, world):
    plant_bilans(world.conseiller, 5)
    client = client_as("admin")
    page = read(client.get(ADD))
    # The académie is not theirs to choose.
    assert 'name="academie"' not in page
    assert "Toulouse" not in page  # no DABM of another académie offered
    response = client.post(ADD, form_data(academie=str(world.toulouse.pk)))
    assert response.status_code == 302
    report = ActivityReport.objects.get()
    # Saving leads to the report's page, its figures computed.
    assert response["Location"] == url("inspect", report)
    assert report.academie == world.montpellier
    assert not report.live
    assert group(report.figures)["started"] == 7
    assert report.revisions.count() == 1


def test_a_superuser_chooses_the_academie(client_as, world):
    client = client_as("superuser")
    assert 'name="academie"' in read(client.get(ADD))
    response = client.post(ADD, form_data(academie=str(world.toulouse.pk)))
    assert response.status_code == 302
    assert ActivityReport.objects.get().academie == world.toulouse


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": ""}, "Indiquez l'année du rapport, par exemple 2026."),
        ({"year": "1890"}, "Indiquez une année entre 2000 et 2100."),
        ({"period_kind": "trimestre"}, "Choisissez le trimestre du rapport."),
        (
            {
                "period_kind": "dates",
                "year": "",
                "start_date": "2026-06-30",
                "end_date": "2026-01-01",
            },
            "La date de fin doit être égale ou postérieure à la date de début.",
        ),
        (
            {"period_kind": "dates", "year": ""},
            "Indiquez la date de début de la période.",
        ),
    ],
)
def test_a_wrong_period_is_refused_in_french(client_as, world, fields, message):
    client = client_as("admin")
    response = client.post(ADD, form_data(title="Mon rapport", **fields))
    assert response.status_code == 200
    text = read(response)
    assert message in text
    assert 'value="Mon rapport"' in text  # what was typed stays
    assert not ActivityReport.objects.exists()


def test_a_dabm_of_another_academie_is_refused(client_as, world):
    client = client_as("admin")
    toulouse = world.conseiller_toulouse.dabm
    response = client.post(ADD, form_data(dabm=str(toulouse.pk)))
    assert response.status_code == 200
    assert not ActivityReport.objects.exists()


def test_an_ordinary_save_keeps_the_figures(client_as, world):
    plant_bilans(world.conseiller, 5)
    report = report_for(world.montpellier)
    before = report.figures
    plant_bilans(world.conseiller, 9)
    client = client_as("admin")
    response = client.post(
        url("edit", report), form_data(title="Relu", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "Relu"
    assert report.figures == before
    assert str(group(before)["started"]) in read(client.get(url("inspect", report)))


def test_recalculer_makes_a_new_revision_the_old_one_comparable(client_as, world):
    plant_bilans(world.conseiller, 5)
    report = report_for(world.montpellier)
    first = report.latest_revision
    plant_bilans(world.conseiller, 9)
    client = client_as("admin")
    # Reading the report never recomputes it.
    client.get(url("inspect", report))
    assert report.revisions.count() == 1
    response = client.post(url("recompute", report))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.revisions.count() == 2
    latest = report.get_latest_revision_as_object()
    assert group(latest.figures)["started"] == 16
    # The old revision keeps its figures; the published row too, until published.
    assert group(Revision.objects.get(pk=first.pk).content["figures"])["started"] == 7
    assert group(report.figures)["started"] == 7
    assert report.has_unpublished_changes
    compare = reverse(
        "rapports_activite:revisions_compare",
        args=[report.pk, first.pk, report.latest_revision_id],
    )
    comparison = read(client.get(compare))
    # The figures are compared, as lines of text.
    assert "Ensemble — Bilans commencés : " in comparison
    assert '<span class="deletion">7<br>' in comparison
    assert '<span class="addition">16<br>' in comparison
    # The journal says so.
    history = read(client.get(url("history", report)))
    assert "Chiffres recalculés" in history


def test_recalculer_is_a_post(client_as, world):
    report = report_for(world.montpellier)
    assert client_as("admin").get(url("recompute", report)).status_code == 405


def test_a_locked_report_is_not_recomputed_by_another(client_as, world):
    report = report_for(world.montpellier)
    other = type(world.admin).objects.create_user(
        username="admin2.montpellier",
        role="administrateur",
        academie=world.montpellier,
    )
    client = client_as("admin")
    assert client.post(url("lock", report)).status_code == 302
    client.force_login(other)
    client.post(url("recompute", report))
    assert report.revisions.count() == 1


def test_other_academies_never_see_them(client_as, world):
    report = report_for(world.montpellier, title="Rapport de Montpellier")
    client = client_as("admin_toulouse")
    assert "Rapport de Montpellier" not in read(client.get(INDEX))
    assert "Rapport de Montpellier" not in read(client.get(INDEX + "?q=Montpellier"))
    for name in (
        "edit",
        "inspect",
        "delete",
        "history",
        "usage",
        "lock",
        "unlock",
        "unpublish",
        "pdf",
        "csv",
    ):
        assert client.get(url(name, report)).status_code == 404, name
    assert client.post(url("recompute", report)).status_code == 404
    assert "Rapport de Montpellier" in read(client_as("admin").get(INDEX))


@pytest.mark.parametrize("role", ["conseiller", "referent", "candidat"])
def test_conseillers_and_candidates_have_no_access(client, world, role):
    report = report_for(world.montpellier)
    client.force_login(getattr(world, role))
    assert client.get(INDEX).status_code in (302, 403)
    for name in ("inspect", "pdf", "csv", "edit"):
        assert client.get(url(name, report)).status_code in (302, 403, 404), name


def test_the_report_page_shows_charts_and_tables(client_as, world, phases):
    plant_bilans(world.conseiller, 6, phases=phases)
    report = report_for(world.montpellier)
    text = read(client_as("admin").get(url("inspect", report)))
    assert "<svg" in text
    assert "Bilans commencés" in text
    assert "moins de 5" in text  # Sète
    assert "Recalculer" in text
    assert world.conseiller.last_name not in text


def test_the_pdf_is_tagged_and_says_the_figures(client_as, world):
    plant_bilans(world.conseiller, 6)
    report = report_for(world.montpellier, title="Rapport annuel 2026")
    response = client_as("admin").get(url("pdf", report))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Rapport annuel 2026" in text
    assert "Bilans commencés" in text
    assert "moins de 5" in text
    assert world.conseiller.last_name not in text


def test_the_csv_has_every_figure_and_no_formula(client_as, world):
    plant_bilans(world.conseiller, 6)
    report = report_for(world.montpellier, title="=HYPERLINK(1)")
    response = client_as("admin").get(url("csv", report))
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0] == ["Rubrique", "Périmètre", "Indicateur", "Valeur"]
    assert rows[1][2] == "'=HYPERLINK(1)"
    values = {(r[1], r[2]): r[3] for r in rows[2:]}
    assert values[("Ensemble", "Bilans commencés")] == "8"
    assert values[("Sète", "Bilans commencés")] == "moins de 5"


def test_the_edit_page_offers_publier_once(client_as, world):
    report = report_for(world.montpellier, live=False)
    for role in ("admin", "superuser"):
        text = read(client_as(role).get(url("edit", report)))
        assert text.count('name="action-publish"') == 1, role


def test_an_administrator_publishes(client_as, world):
    report = report_for(world.montpellier, live=False)
    response = client_as("admin").post(
        url("edit", report), form_data(**{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.live


def listing_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(INDEX)  # warm: content types, the menu
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX).status_code == 200
    return len(queries)


def test_the_listing_reads_as_many_queries_for_2_and_for_12_reports(client_as, world):
    client = client_as("admin")
    for number in range(2):
        report_for(world.montpellier, title=f"Rapport {number}")
    few = listing_queries(client)
    for number in range(10):
        report_for(world.montpellier, title=f"Autre rapport {number}", live=False)
    assert listing_queries(client) == few
