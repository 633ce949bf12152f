"""Two hosts running `send_follow_ups` at once follow each bilan up once.

On PostgreSQL only: SQLite has no row locks (SKIP LOCKED), and one writer at a
time anyway (the plain run is in test_follow_up.py)."""

import threading

from django.core import mail
from django.db import connection

import pytest

from questionnaires.followup import send_follow_ups
from questionnaires.models import FollowUp
from tests.factories import ConseillerFactory, UserFactory, bilan_for
from tests.retention.test_purge_concurrent import (  # noqa: F401 (fixtures)
    _restore_the_sessions_data,
    _tree_counts,
    in_thread,
)

from .helpers import close

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def test_two_simultaneous_runs_follow_each_bilan_up_once(phases, settings):
    settings.BILAN_FOLLOW_UP_DAYS = 180
    conseiller = ConseillerFactory()
    bilans = [
        close(bilan_for(UserFactory(dabm=conseiller.dabm), conseiller), days_ago=180)
        for _index in range(30)
    ]
    start = threading.Barrier(2)

    def one_run():
        start.wait(10)
        return send_follow_ups(batch_size=4)

    counts = []
    runs = [in_thread(one_run, counts) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    assert sum(counts) == len(bilans)
    assert FollowUp.objects.count() == len(bilans)
    to_candidates = [m for m in mail.outbox if "six mois" in m.subject]
    assert len(to_candidates) == len(bilans)
    assert len({m.to[0] for m in to_candidates}) == len(bilans)
