"""The scheduled commands (README, production): every host may run them all at
once, and a run straight after another does nothing more.

`purge_bilans`, `send_rendezvous_reminders` and `send_follow_ups` lock per row;
their two-concurrent-run tests are next to their rules
(tests/retention/test_purge_concurrent.py, tests/rendezvous/
test_reminders_concurrent.py, tests/questionnaires/test_follow_up_concurrent.py).
`prune_db_task_results` is django-tasks-db's own: its two-concurrent-run tests
are in test_scheduled_jobs_concurrent.py.
"""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from phases.models import Bilan, RendezVous
from questionnaires.models import FollowUp
from retention.models import DestructionRecord
from tests.factories import ConseillerFactory, UserFactory, bilan_for
from tests.questionnaires.helpers import close
from tests.retention.purge_helpers import captured, fill, own_files
from users.tasks import send_email

__all__ = ["own_files"]

PRUNE_LOGGER = "django_tasks_db.prune_db_task_results"
#: The retention the README gives the scheduled prune.
KEEP_DAYS = 14


@pytest.fixture
def db_tasks(settings):
    """The task results in the database, as in production (the test settings run
    each task at once and keep nothing)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def enqueue_emails(count):
    return [
        send_email.enqueue(subject="Sujet", body="Texte", to=["a@example.org"]).id
        for _ in range(count)
    ]


def finish(ids, *, days_ago, failed=False):
    """Each task claimed and finished as the worker does it, `days_ago` days ago,
    without running it: the worker's close_old_connections() would close this
    test's transaction (the concurrent tests run the real worker)."""
    for result in DBTaskResult.objects.filter(id__in=ids):
        result.claim("worker-test")
        if failed:
            result.set_failed(RuntimeError("Serveur de messagerie injoignable"))
        else:
            result.set_successful(None)
    DBTaskResult.objects.filter(id__in=ids).update(
        finished_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def remaining_ids():
    return {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}


def deleted_counts(caplog):
    """The number each prune run reported deleting, in order."""
    return [
        record.args[0]
        for record in caplog.records
        if record.name == PRUNE_LOGGER and record.msg.startswith("Deleted")
    ]


def prune():
    call_command("prune_db_task_results", f"--min-age-days={KEEP_DAYS}")


# --- Each command twice in a row: the second run does nothing (both databases) ---


@pytest.mark.django_db
def test_prune_twice_deletes_the_old_finished_results_then_nothing(db_tasks, caplog):
    old = enqueue_emails(3)
    old_failed = enqueue_emails(1)
    recent = enqueue_emails(2)
    waiting = enqueue_emails(1)
    finish(old, days_ago=KEEP_DAYS + 1)
    finish(old_failed, days_ago=KEEP_DAYS + 1, failed=True)
    finish(recent, days_ago=KEEP_DAYS - 1)
    DBTaskResult.objects.filter(id__in=waiting).update(
        enqueued_at=timezone.now() - datetime.timedelta(days=60)
    )
    assert DBTaskResult.objects.get(id=old_failed[0]).status == TaskResultStatus.FAILED
    prune()
    kept = {str(pk) for pk in recent + waiting}
    assert remaining_ids() == kept
    prune()
    assert remaining_ids() == kept
    assert deleted_counts(caplog) == [4, 0]


@pytest.mark.django_db
def test_purge_twice_destroys_and_warns_once(world, phases, own_files):
    fill(
        world.bilan,
        phase=phases[0],
        closed_on=datetime.date(2026, 1, 5),
        by=world.conseiller,
    )
    # Closed later: its documents go on 19 February, so it is warned on the 4th.
    Bilan.objects.filter(pk=world.autre_bilan.pk).update(
        status=Bilan.Status.TERMINE,
        start_date=datetime.date(2025, 11, 1),
        end_date=datetime.date(2026, 1, 20),
    )
    outputs = []
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        for _ in range(2):
            out = StringIO()
            with captured():
                call_command("purge_bilans", stdout=out)
            outputs.append(out.getvalue())
            if len(outputs) == 1:
                sent = len(mail.outbox)
    assert "1 candidat(s) prévenu(s), 1 bilan(s) détruit(s)" in outputs[0]
    assert (
        "0 candidat(s) prévenu(s), 0 bilan(s) détruit(s), "
        "0 compte(s) inactif(s) prévenu(s), 0 supprimé(s), "
        "0 archive(s) expirée(s) effacée(s)"
    ) in outputs[1]
    assert len(mail.outbox) == sent
    assert DestructionRecord.objects.filter(bilan_number=world.bilan.pk).count() == 1


@pytest.mark.django_db
def test_reminders_twice_remind_once(phases):
    paris = ZoneInfo("Europe/Paris")
    conseiller = ConseillerFactory()
    bilan = bilan_for(UserFactory(dabm=conseiller.dabm), conseiller, phases[:1])
    for hour in (9, 11):
        RendezVous.objects.create(
            bilan=bilan,
            kind=RendezVous.Kind.INVESTIGATION,
            starts_at=datetime.datetime(2026, 12, 2, hour, tzinfo=paris),
            duration_minutes=30,
            modalite=RendezVous.Modalite.TELEPHONE,
        )
    outputs = []
    with time_machine.travel(datetime.datetime(2026, 12, 1, 8, tzinfo=datetime.UTC)):
        for _ in range(2):
            out = StringIO()
            with captured():
                call_command("send_rendezvous_reminders", stdout=out)
            outputs.append(out.getvalue())
    assert "2 rappel(s) de rendez-vous envoyé(s)." in outputs[0]
    assert "0 rappel(s) de rendez-vous envoyé(s)." in outputs[1]
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_follow_ups_twice_follow_up_once(phases, settings):
    settings.BILAN_FOLLOW_UP_DAYS = 180
    conseiller = ConseillerFactory()
    bilan = close(
        bilan_for(UserFactory(dabm=conseiller.dabm), conseiller), days_ago=180
    )
    outputs = []
    for _ in range(2):
        out = StringIO()
        with captured():
            call_command("send_follow_ups", stdout=out)
        outputs.append(out.getvalue())
        if len(outputs) == 1:
            sent = len(mail.outbox)
    assert "1 suivi(s) à six mois envoyé(s)." in outputs[0]
    assert "0 suivi(s) à six mois envoyé(s)." in outputs[1]
    assert sent > 0
    assert len(mail.outbox) == sent
    assert FollowUp.objects.filter(bilan=bilan).count() == 1
