"""Inactive accounts: warned at 23 months without a login, removed at 24."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import pytest
import time_machine

from phases.models import PhaseSubmission
from retention.models import DestructionRecord, InactivityWarning
from users.models import User

from .purge_helpers import SECRETS, captured, fill, own_files

__all__ = ["own_files"]

LAST_LOGIN = datetime.datetime(2024, 1, 10, 9, tzinfo=datetime.UTC)


def at(days, hours=12):
    return time_machine.travel(LAST_LOGIN + datetime.timedelta(days=days, hours=hours))


def purge():
    out = StringIO()
    with captured():
        call_command("purge_bilans", stdout=out)
    return out.getvalue()


@pytest.fixture
def idle(world, phases, own_files):
    """The candidate's bilan still open, filled, their last login long ago; every
    other account logged in recently."""
    fill(
        world.bilan,
        phase=phases[0],
        closed_on=datetime.date(2024, 1, 1),
        by=world.conseiller,
    )
    world.bilan.__class__.objects.filter(pk=world.bilan.pk).update(end_date=None)
    User.objects.update(last_login=LAST_LOGIN + datetime.timedelta(days=800))
    User.objects.filter(pk=world.candidat.pk).update(last_login=LAST_LOGIN)
    return User.objects.get(pk=world.candidat.pk)


def test_warned_once_at_23_months_then_removed_at_24(world, idle, settings):
    assert (settings.INACTIVE_WARNING_DAYS, settings.INACTIVE_PURGE_DAYS) == (700, 730)
    with at(699):
        purge()
    assert mail.outbox == []
    with at(700):
        output = purge()
        purge()
    assert f"Compte n° {idle.pk} : inactif, prévenu" in output
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [SECRETS["email"]]
    assert reverse("users:login") in mail.outbox[0].body
    assert reverse("retention:personal_data") in mail.outbox[0].body
    assert InactivityWarning.objects.filter(user=idle).exists()
    with at(729):
        purge()
    idle.refresh_from_db()
    assert idle.is_active
    with at(730):
        purge()
    idle.refresh_from_db()
    assert idle.username == f"candidat-supprime-{idle.pk}"
    assert not idle.is_active and idle.email == ""
    assert PhaseSubmission.objects.get(bilan=world.bilan).answers == {}
    record = DestructionRecord.objects.get(bilan_number=world.bilan.pk)
    assert record.reason == DestructionRecord.Reason.INACTIVE
    # Nobody else was touched.
    assert User.objects.filter(is_active=False).count() == 1


def test_a_login_after_the_warning_starts_the_count_again(world, idle):
    with at(700):
        purge()
    User.objects.filter(pk=idle.pk).update(
        last_login=LAST_LOGIN + datetime.timedelta(days=710)
    )
    with at(730):
        purge()
    idle.refresh_from_db()
    assert idle.is_active and idle.username == SECRETS["username"]
    with at(710 + 700):
        purge()
    assert len(mail.outbox) == 2


def test_an_account_first_seen_at_24_months_is_warned_before_it_goes(world, idle):
    with at(800):
        purge()
    idle.refresh_from_db()
    assert idle.is_active
    assert len(mail.outbox) == 1
    with at(830):
        purge()
    idle.refresh_from_db()
    assert not idle.is_active


def test_the_delays_come_from_the_settings(world, idle, settings):
    settings.INACTIVE_WARNING_DAYS = 10
    settings.INACTIVE_PURGE_DAYS = 20
    with at(10):
        purge()
    with at(20):
        purge()
    idle.refresh_from_db()
    assert not idle.is_active
