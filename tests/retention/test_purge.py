"""The destruction on schedule: what goes, what stays, when, and nothing left."""

import datetime
import os
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import models
from django.db.models import Q
from django.urls import reverse

import pytest
import time_machine

from phases.models import (
    Bilan,
    BilanPhase,
    Consent,
    PhaseSubmission,
    Post,
    RendezVous,
    Thread,
)
from phases.reports.activity import activity_queryset, activity_rows
from phases.reports.statistics import by_conseiller, by_dabm, phase_statistics
from retention.models import DestructionRecord
from retention.purge import due_bilans, new_run, purge_bilan
from synthese.models import ShareLink, Synthese, SyntheseVersion
from users.storage import private_storage

from .purge_helpers import SECRETS, captured, fill, own_files

__all__ = ["own_files"]

CLOSED = datetime.date(2026, 1, 5)
DUE = CLOSED + datetime.timedelta(days=30)


@pytest.fixture
def filled(world, phases, own_files):
    stored = fill(world.bilan, phase=phases[0], closed_on=CLOSED, by=world.conseiller)
    return world.bilan, stored


def purge(*args):
    out = StringIO()
    with captured():
        call_command("purge_bilans", *args, stdout=out)
    return out.getvalue()


def leftovers(secrets):
    """(model, field) of every text column, in every table, holding a secret."""
    found = []
    for model in apps.get_models():
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        for field in fields:
            query = Q()
            for secret in secrets:
                query |= Q(**{f"{field.attname}__icontains": secret})
            if model._base_manager.filter(query).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def files_holding(secrets, *roots):
    found = []
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    body = handle.read().decode("utf-8", "replace")
                if any(s in name or s in body for s in secrets):
                    found.append(path)
    return found


def test_the_schedule_destroys_the_documents_and_keeps_the_counts(
    world, filled, phases
):
    bilan, stored = filled
    assert stored.storage.exists(stored.name)
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        output = purge()
    assert f"Bilan n° {bilan.pk}" in output
    bilan.refresh_from_db()
    assert bilan.purged_at is not None
    assert not stored.storage.exists(stored.name)
    submission = PhaseSubmission.objects.get(bilan=bilan)
    assert submission.answers == {} and submission.questions == {}
    assert submission.status == PhaseSubmission.Status.VALIDEE
    assert submission.completed_at is not None
    assert not submission.files.exists()
    assert not Thread.objects.filter(bilan=bilan).exists()
    synthese = Synthese.objects.get(bilan=bilan)
    assert synthese.texts() == dict.fromkeys(synthese.texts(), "")
    assert synthese.is_remis
    assert not SyntheseVersion.objects.filter(synthese=synthese).exists()
    assert not ShareLink.objects.filter(synthese=synthese).exists()
    assert Consent.objects.filter(bilan=bilan).exists()
    assert BilanPhase.objects.filter(bilan=bilan).count() == len(phases)

    record = DestructionRecord.objects.get(bilan_number=bilan.pk)
    assert record.dabm_id == bilan.dabm_id
    assert record.closed_on == CLOSED
    assert record.reason == DestructionRecord.Reason.SCHEDULE
    assert record.counts == {
        "answers": 1,
        "files": 1,
        "comments": 1,
        "messages": 1,
        "synthese_versions": 1,
        "observations": 1,
        "share_links": 1,
        "share_openings": 1,
        "rendezvous_notes": 1,
    }
    assert str(record.run) in output
    # The rendez-vous still counts its hours, without its place or note.
    (rendezvous,) = RendezVous.objects.filter(bilan=bilan)
    assert (rendezvous.place, rendezvous.note) == ("", "")
    assert rendezvous.actual_minutes == 60

    candidate = bilan.candidate
    candidate.refresh_from_db()
    assert candidate.username == f"candidat-supprime-{candidate.pk}"
    assert (candidate.first_name, candidate.last_name, candidate.email) == ("", "", "")
    assert not candidate.is_active and not candidate.has_usable_password()


def test_nothing_is_left_of_the_purged_bilan_anywhere(world, filled):
    bilan, stored = filled
    secrets = list(SECRETS.values()) + [
        f"{SECRETS['first_name']} {SECRETS['last_name']}"
    ]
    assert leftovers(secrets)  # the scan finds them before
    roots = [settings.MEDIA_ROOT, private_storage().location, stored.storage.location]
    assert files_holding(secrets, *roots)
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        purge()
    assert leftovers(secrets) == []
    assert files_holding(secrets, *roots) == []


def test_nothing_goes_before_its_day_and_a_second_run_does_nothing(world, filled):
    bilan, _stored = filled
    with time_machine.travel(datetime.datetime(2026, 2, 3, 12, tzinfo=datetime.UTC)):
        purge()
    bilan.refresh_from_db()
    assert bilan.purged_at is None
    assert PhaseSubmission.objects.get(bilan=bilan).answers
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        purge()
        purge()
    assert DestructionRecord.objects.filter(bilan_number=bilan.pk).count() == 1
    assert purge_bilan(bilan.pk, run=new_run()) is None


def test_a_bilan_kept_for_the_follow_up_goes_at_the_end_of_its_keep(world, filled):
    bilan, _stored = filled
    Bilan.objects.filter(pk=bilan.pk).update(keep_documents_days=365)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 6, tzinfo=datetime.UTC)):
        purge()
        assert list(due_bilans()) == []
    with time_machine.travel(datetime.datetime(2027, 1, 5, 6, tzinfo=datetime.UTC)):
        purge()
    bilan.refresh_from_db()
    assert bilan.purged_at is not None


def test_dry_run_lists_and_changes_nothing(world, filled):
    bilan, stored = filled
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        output = purge("--dry-run")
    assert f"Bilan n° {bilan.pk} : documents à détruire" in output
    assert "Simulation" in output
    bilan.refresh_from_db()
    assert bilan.purged_at is None and bilan.destruction_warned_at is None
    assert stored.storage.exists(stored.name)
    assert not DestructionRecord.objects.exists()
    assert Post.objects.filter(thread__bilan=bilan).count() == 2
    assert mail.outbox == []


def test_the_candidate_is_warned_once_fifteen_days_before(world, filled):
    bilan, _stored = filled
    with time_machine.travel(datetime.datetime(2026, 1, 19, 12, tzinfo=datetime.UTC)):
        purge()  # 16 days before
    assert mail.outbox == []
    with time_machine.travel(datetime.datetime(2026, 1, 20, 12, tzinfo=datetime.UTC)):
        purge()
        purge()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [SECRETS["email"]]
    assert "4 février 2026" in message.subject
    assert reverse("retention:personal_data") in message.body
    assert SECRETS["answer"] not in message.body
    bilan.refresh_from_db()
    assert bilan.destruction_warned_at is not None
    assert bilan.purged_at is None


def test_the_activity_table_and_statistics_are_unchanged_by_a_purge(world, filled):
    bilan, _stored = filled

    def snapshot():
        rows = [
            {k: v for k, v in row.items() if k != "candidate"}
            for row in activity_rows(activity_queryset(world.superuser))
        ]
        return (
            rows,
            phase_statistics(world.superuser),
            by_dabm(world.superuser),
            by_conseiller(world.superuser),
        )

    before = snapshot()
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        purge()
    assert snapshot() == before


def test_a_candidate_with_another_bilan_under_way_keeps_their_account(
    world, filled, phases
):
    from tests.factories import bilan_for

    bilan, _stored = filled
    other = bilan_for(bilan.candidate, world.conseiller, phases[:2])
    with time_machine.travel(datetime.datetime(2026, 2, 4, 6, tzinfo=datetime.UTC)):
        purge()
    bilan.candidate.refresh_from_db()
    assert bilan.candidate.username == SECRETS["username"]
    assert bilan.candidate.is_active
    other.refresh_from_db()
    assert other.purged_at is None


def test_the_due_date_is_read_at_today(world, filled):
    bilan, _stored = filled
    assert bilan.destruction_date() == DUE
    assert list(due_bilans(DUE - datetime.timedelta(days=1))) == []
    assert list(due_bilans(DUE)) == [bilan.pk]
