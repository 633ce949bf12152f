"""Two hosts sending the rendez-vous reminders at once remind each one once.

On PostgreSQL only: SQLite has no row locks (SKIP LOCKED), and one writer at a
time anyway (the SQLite run of the same rule is in test_rendezvous.py).
"""

import datetime
import threading
from zoneinfo import ZoneInfo

from django.core import mail
from django.db import connection

import pytest

from phases.models import RendezVous
from phases.rules.rendezvous import send_due_reminders
from tests.factories import ConseillerFactory, UserFactory, bilan_for
from tests.retention.test_purge_concurrent import (  # noqa: F401 (fixtures)
    _restore_the_sessions_data,
    _tree_counts,
    in_thread,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 12, 1, 8, tzinfo=datetime.UTC)
TOMORROW = datetime.datetime(2026, 12, 2, 8, tzinfo=PARIS)


def test_two_simultaneous_runs_remind_each_rendezvous_once(phases):
    conseiller = ConseillerFactory()
    bilan = bilan_for(UserFactory(dabm=conseiller.dabm), conseiller, phases[:1])
    RendezVous.objects.bulk_create(
        RendezVous(
            bilan=bilan,
            kind=RendezVous.Kind.INVESTIGATION,
            starts_at=TOMORROW + datetime.timedelta(minutes=20 * n),
            duration_minutes=15,
            modalite=RendezVous.Modalite.TELEPHONE,
        )
        for n in range(30)
    )
    start = threading.Barrier(2)

    def one_run():
        start.wait(10)
        return send_due_reminders(now=NOW, batch_size=4)

    counts = []
    runs = [in_thread(one_run, counts) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    assert len(counts) == 2
    assert sum(counts) == 30
    assert len(mail.outbox) == 30
    assert not RendezVous.objects.filter(reminder_sent_at__isnull=True).exists()
    # A third run, later the same day: nothing more.
    assert send_due_reminders(now=NOW + datetime.timedelta(hours=2)) == 0
    assert len(mail.outbox) == 30
