"""The Tableau d'activité's hours, start and last-activity columns, on screen,
in the CSV and in the XLSX; the start-date filter; flat query counts."""

import datetime
import io

from django.utils import timezone

from openpyxl import load_workbook

from phases.models import Bilan, RendezVous
from phases.rules.bilans import create_bilan

from ..admin.test_activity import ACTIVITY, read_csv
from ..factories import UserFactory
from .emargement_helpers import rendezvous

REALISE = RendezVous.Status.REALISE


def by_id(rows):
    return {row[0]: row for row in rows[1:]}


def test_new_columns_in_csv_and_xlsx(client_as, world, phases):
    rendezvous(world.bilan, status=REALISE, minutes=240, actual=240)
    rendezvous(world.bilan, status=REALISE, minutes=240, actual=210)
    rendezvous(world.bilan, status=RendezVous.Status.ABSENT)
    Bilan.objects.filter(pk=world.bilan.pk).update(start_date=datetime.date(2026, 9, 1))
    client = client_as("admin")
    today = f"{timezone.localdate():%d/%m/%Y}"
    csv_rows = by_id(read_csv(client.get(ACTIVITY, {"export": "csv"})))
    row = csv_rows[str(world.candidat.pk)]
    assert row[6:] == ["7 h 30", "01/09/2026", today]
    assert csv_rows[str(world.autre_candidat.pk)][6] == "0 h"
    response = client.get(ACTIVITY, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    xlsx = {row[0]: row for row in list(sheet.iter_rows(values_only=True))[1:]}
    assert list(xlsx[world.candidat.pk][6:]) == ["7 h 30", "01/09/2026", today]
    page = client.get(ACTIVITY).content.decode()
    assert "7 h 30" in page and "01/09/2026" in page


def test_start_date_filter(client_as, world):
    Bilan.objects.filter(pk=world.bilan.pk).update(start_date=datetime.date(2026, 1, 5))
    Bilan.objects.filter(pk=world.autre_bilan.pk).update(
        start_date=datetime.date(2026, 6, 5)
    )
    client = client_as("admin")
    rows = read_csv(
        client.get(
            ACTIVITY,
            {
                "export": "csv",
                "start_date_from": "2026-06-01",
                "start_date_to": "2026-06-30",
            },
        )
    )
    assert [row[0] for row in rows[1:]] == [str(world.autre_candidat.pk)]
    assert "Début du bilan" in client.get(ACTIVITY).content.decode()


def test_hours_do_not_multiply_with_filter_joins(client_as, world, phases):
    rendezvous(world.bilan, status=REALISE, minutes=60, actual=60)
    client = client_as("admin")
    # The "phase non terminée" filter joins the selected phases.
    rows = read_csv(
        client.get(ACTIVITY, {"export": "csv", "phase_non_terminee": phases[0].pk})
    )
    assert by_id(rows)[str(world.candidat.pk)][6] == "1 h"


def test_query_count_flat_with_rendezvous(
    client_as, world, phases, django_assert_max_num_queries
):
    client = client_as("admin")
    client.get(ACTIVITY)
    with django_assert_max_num_queries(30) as small:
        client.get(ACTIVITY)
    with django_assert_max_num_queries(12) as small_export:
        b"".join(client.get(ACTIVITY, {"export": "csv"}).streaming_content)
    for index in range(20):
        candidate = UserFactory(username=f"heures{index}", dabm=world.lunel)
        bilan = create_bilan(
            candidate=candidate,
            conseiller=world.conseiller,
            modalite="mixte",
            phases=[],
        )
        for _ in range(3):
            rendezvous(bilan, status=REALISE, actual=45)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert "2 h 15" in client.get(ACTIVITY).content.decode()
    with django_assert_max_num_queries(len(small_export.captured_queries)):
        b"".join(client.get(ACTIVITY, {"export": "csv"}).streaming_content)
