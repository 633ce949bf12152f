"""Two hosts running `prune_db_task_results` at the same moment: each old task
result is deleted once, the others stay, and neither run raises.

The command is django-tasks-db's own: one DELETE of the finished task results
older than the retention. On PostgreSQL (READ COMMITTED), a second host's DELETE
waits for the rows the first one holds, then skips those it deleted: no lock of
ours is needed. On PostgreSQL only, like the other concurrent runs: SQLite has one
writer at a time.
"""

import datetime
import signal
import threading
import time

from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.retention.test_purge_concurrent import (  # noqa: F401 (fixtures)
    _restore_the_sessions_data,
    _tree_counts,
    in_thread,
)
from users.tasks import send_email

from .test_scheduled_jobs import (  # noqa: F401 (fixture)
    KEEP_DAYS,
    db_tasks,
    deleted_counts,
    enqueue_emails,
    prune,
    remaining_ids,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("db_tasks"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def run_worker():
    """The real worker, once through the queue; its signal handlers are the
    process's, so pytest's come back after it."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def old_and_kept_results(old_count):
    """`old_count` e-mails sent by the worker longer ago than the retention;
    those to keep: two sent yesterday and one still waiting. Returns (old, kept)."""
    old = enqueue_emails(old_count)
    recent = enqueue_emails(2)
    run_worker()
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert len(mail.outbox) == old_count + 2
    DBTaskResult.objects.filter(id__in=old).update(
        finished_at=timezone.now() - datetime.timedelta(days=KEEP_DAYS + 1)
    )
    DBTaskResult.objects.filter(id__in=recent).update(
        finished_at=timezone.now() - datetime.timedelta(days=1)
    )
    waiting = send_email.using(
        run_after=timezone.now() + datetime.timedelta(days=1)
    ).enqueue(subject="Sujet", body="Texte", to=["a@example.org"])
    return old, {str(pk) for pk in recent + [waiting.id]}


def two_prunes(while_running=None):
    """Two hosts' prunes started together; what their threads returned (nothing
    for a run that raised)."""
    start = threading.Barrier(2)

    def one_run():
        start.wait(10)
        prune()
        return "ok"

    outputs = []
    runs = [in_thread(one_run, outputs) for _ in range(2)]
    for run in runs:
        run.start()
    if while_running:
        while_running()
    for run in runs:
        run.join(60)
    return outputs


def test_two_simultaneous_prunes_delete_each_old_result_once(caplog):
    old, kept = old_and_kept_results(120)
    outputs = two_prunes()
    assert outputs == ["ok", "ok"]  # neither run raised
    assert remaining_ids() == kept
    counts = deleted_counts(caplog)
    assert len(counts) == 2
    assert sum(counts) == len(old)


def waiting_on_locks():
    """How many connections to this database wait for a lock held by another."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
            "WHERE NOT l.granted AND a.datname = current_database()"
        )
        return cursor.fetchone()[0]


def test_prunes_waiting_on_a_third_one_skip_the_rows_it_deleted(caplog):
    """The worst overlap, made certain: a third host has deleted the same rows
    and not yet committed; both other runs wait on them, then delete nothing more
    and raise nothing."""
    old, kept = old_and_kept_results(50)
    waited = []

    def commit_once_both_wait():
        deadline = time.monotonic() + 20
        while waiting_on_locks() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        waited.append(waiting_on_locks())
        transaction.commit()

    transaction.set_autocommit(False)
    try:
        prune()  # the third host's DELETE, not committed yet
        outputs = two_prunes(while_running=commit_once_both_wait)
    finally:
        transaction.set_autocommit(True)
    assert waited == [2]
    assert outputs == ["ok", "ok"]
    assert remaining_ids() == kept
    assert deleted_counts(caplog) == [len(old), 0, 0]
