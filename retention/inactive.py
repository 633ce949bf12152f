"""Accounts nobody uses any more (CNIL): a candidate with no login for
INACTIVE_WARNING_DAYS (23 months) is warned by e-mail, once; at
INACTIVE_PURGE_DAYS (24 months), if warned, their bilans are destroyed and their
account anonymised as any purge does. A login in between starts the count again.

Only candidates: the staff's accounts hold no bilan's content, and the bilans
they followed need them.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from users.emails import enqueue_email
from users.site_url import absolute_url

from .models import DestructionRecord, InactivityWarning
from .purge import purge_candidate


def _inactive_since(moment):
    """Active candidate accounts whose last login (or creation, never logged
    in) is before `moment`."""
    return (
        get_user_model()
        .objects.candidats()
        .filter(is_active=True)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=moment)
        .exclude(username__startswith="candidat-supprime-")
    )


def _warned_since_last_seen():
    return Q(inactivity_warning__warned_at__gte=F("last_seen"))


def _day_after(moment):
    """Midnight after `moment`'s day: delays count in days, whatever the hour
    each run starts at."""
    day = timezone.localdate(moment) + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def accounts_to_warn(now=None):
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.INACTIVE_WARNING_DAYS)
    return _inactive_since(since).exclude(_warned_since_last_seen()).order_by("pk")


def accounts_to_purge(now=None):
    """Inactive for INACTIVE_PURGE_DAYS and warned at least the difference
    between the two delays (in days) ago (the warning's promise is kept even when the
    command did not run on the day)."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.INACTIVE_PURGE_DAYS)
    notice = datetime.timedelta(
        days=settings.INACTIVE_PURGE_DAYS - settings.INACTIVE_WARNING_DAYS
    )
    return (
        _inactive_since(since)
        .filter(_warned_since_last_seen())
        .filter(inactivity_warning__warned_at__lt=_day_after(now - notice))
        .order_by("pk")
    )


def warn_account(user, *, now=None):
    now = now or timezone.now()
    purge_on = timezone.localdate(now) + datetime.timedelta(
        days=settings.INACTIVE_PURGE_DAYS - settings.INACTIVE_WARNING_DAYS
    )
    with transaction.atomic():
        InactivityWarning.objects.update_or_create(
            user=user, defaults={"warned_at": now}
        )
        if user.email:
            enqueue_email(
                "retention/emails/inactive_subject.txt",
                "retention/emails/inactive_body.txt",
                {
                    "recipient_name": user.get_full_name() or user.username,
                    "purge_date": purge_on,
                    "login_url": absolute_url(reverse("users:login")),
                    "data_url": absolute_url(reverse("retention:personal_data")),
                },
                user.email,
            )


def run_inactive(*, run, now=None, dry_run=False, report=print):
    """Warn, then purge, inactive candidates; returns (warned, purged)."""
    now = now or timezone.now()
    warned = purged = 0
    for user in accounts_to_warn(now).iterator(chunk_size=500):
        report(
            f"Compte n° {user.pk} : inactif, "
            + ("à prévenir" if dry_run else "prévenu")
        )
        if not dry_run:
            warn_account(user, now=now)
        warned += 1
    for user in accounts_to_purge(now).iterator(chunk_size=500):
        report(
            f"Compte n° {user.pk} : inactif, "
            + ("à supprimer" if dry_run else "supprimé")
        )
        if not dry_run:
            purge_candidate(user, run=run, reason=DestructionRecord.Reason.INACTIVE)
        purged += 1
    return warned, purged
