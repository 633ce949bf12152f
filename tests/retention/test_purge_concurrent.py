"""Two hosts running purge_bilans at the same moment never destroy a bilan twice.

On PostgreSQL only: SQLite has no row locks (SKIP LOCKED), and one writer at a
time anyway.
"""

import datetime
import threading
from io import StringIO

from django.core.management import call_command
from django.db import connection, connections, transaction

from wagtail.models import Page

import pytest
import time_machine

from phases.content.consent_page import install_consent_page
from phases.content.install import install_phases
from phases.models import Bilan, PhaseSubmission
from questionnaires.content import install_questionnaires
from retention.models import DestructionRecord
from retention.purge import new_run, purge_bilan
from tests.factories import ConseillerFactory, UserFactory, bilan_for

pytestmark = [
    # Committed rows, for the second connection to see; the migrations' rows
    # (root page, home page) come back at the start of each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]

NOW = datetime.datetime(2026, 3, 1, 6, tzinfo=datetime.UTC)


@pytest.fixture(scope="module", autouse=True)
def _restore_the_sessions_data(django_db_blocker):
    """After this module's last flush, the database as the session set it up
    (the phases, the consent page and the questionnaires), for the tests that
    come after."""
    yield
    with django_db_blocker.unblock():
        for conn in connections.all(initialized_only=True):
            serialized = getattr(conn, "_test_serialized_contents", None)
            if serialized:
                conn.creation.deserialize_db_from_string(serialized)
        Page.fix_tree(fix_paths=False)
        install_phases()
        install_consent_page()
        install_questionnaires()


@pytest.fixture(autouse=True)
def _tree_counts(transactional_db):
    # The serialized rollback re-saves the home page with its old child count.
    Page.fix_tree(fix_paths=False)


def closed_bilans(count, phases):
    conseiller = ConseillerFactory()
    bilans = []
    for _ in range(count):
        bilan = bilan_for(UserFactory(dabm=conseiller.dabm), conseiller, phases[:2])
        PhaseSubmission.objects.create(
            bilan=bilan, phase=phases[0], answers={"b": "texte"}, status="terminee"
        )
        bilans.append(bilan)
    Bilan.objects.filter(pk__in=[b.pk for b in bilans]).update(
        end_date=datetime.date(2026, 1, 5),
        start_date=datetime.date(2025, 11, 1),
        status=Bilan.Status.TERMINE,
    )
    return bilans


def in_thread(target, results):
    def run():
        try:
            results.append(target())
        finally:
            connections.close_all()

    return threading.Thread(target=run)


def test_a_bilan_locked_by_one_run_is_skipped_by_the_other(phases):
    (bilan,) = closed_bilans(1, phases)
    holding = threading.Event()
    release = threading.Event()

    def first_run():
        with transaction.atomic():
            Bilan.objects.select_for_update().get(pk=bilan.pk)
            holding.set()
            release.wait(10)
        return "released"

    results = []
    first = in_thread(first_run, results)
    first.start()
    assert holding.wait(10)
    # While the first host holds the row, the second goes on without waiting.
    assert purge_bilan(bilan.pk, run=new_run()) is None
    release.set()
    first.join(10)
    assert purge_bilan(bilan.pk, run=new_run()) is not None
    assert DestructionRecord.objects.filter(bilan_number=bilan.pk).count() == 1


def test_two_simultaneous_runs_destroy_each_bilan_once(phases):
    bilans = closed_bilans(12, phases)
    start = threading.Barrier(2)

    def one_run():
        start.wait(10)
        out = StringIO()
        with time_machine.travel(NOW):
            call_command("purge_bilans", stdout=out)
        return out.getvalue()

    outputs = []
    runs = [in_thread(one_run, outputs) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    assert len(outputs) == 2
    records = DestructionRecord.objects.filter(bilan_number__in=[b.pk for b in bilans])
    assert records.count() == len(bilans)
    assert sorted(records.values_list("bilan_number", flat=True)) == sorted(
        b.pk for b in bilans
    )
    assert not Bilan.objects.filter(
        pk__in=[b.pk for b in bilans], purged_at__isnull=True
    ).exists()
