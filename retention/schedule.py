"""What `purge_bilans` does each day, in order: warn the candidates whose
documents go in BILAN_DESTRUCTION_WARNING_DAYS days, then destroy those whose
date has come (see `purge.py`). Nothing here runs inside a web request.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from phases.models import Bilan
from users.emails import enqueue_email
from users.site_url import absolute_url

from .purge import due_bilans, purge_bilan


def _name(user):
    return user.get_full_name() or user.username


def bilans_to_warn(today=None):
    """Closed, unpurged, unwarned bilans whose destruction is at most
    BILAN_DESTRUCTION_WARNING_DAYS away (and not past: those are purged)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.BILAN_DESTRUCTION_WARNING_DAYS)
    earliest = horizon - datetime.timedelta(days=settings.BILAN_RETENTION_DAYS)
    rows = (
        Bilan.objects.filter(
            purged_at__isnull=True,
            destruction_warned_at__isnull=True,
            end_date__isnull=False,
            end_date__lte=earliest,
        )
        .order_by("pk")
        .only("id", "end_date", "keep_documents_days")
    )
    for bilan in rows.iterator(chunk_size=2000):
        if today < bilan.destruction_date() <= horizon:
            yield bilan


def warn_candidate(bilan_id, *, now=None):
    """E-mail the candidate once that their documents go on that date, with the
    link to download their data and synthèse. True when this call sent it."""
    now = now or timezone.now()
    with transaction.atomic():
        # Marked first, in the same transaction: a second host finds it warned.
        if not Bilan.objects.filter(
            pk=bilan_id, destruction_warned_at__isnull=True
        ).update(destruction_warned_at=now):
            return False
        bilan = Bilan.objects.select_related("candidate").get(pk=bilan_id)
        candidate = bilan.candidate
        if candidate.email:
            enqueue_email(
                "retention/emails/warning_subject.txt",
                "retention/emails/warning_body.txt",
                {
                    "recipient_name": _name(candidate),
                    "destruction_date": bilan.destruction_date(),
                    "url": absolute_url(reverse("retention:personal_data")),
                },
                candidate.email,
            )
    return True


def run_schedule(*, run, today=None, dry_run=False, report=print):
    """Warn, then purge, the bilans whose day it is; returns (warned, purged)."""
    today = today or timezone.localdate()
    warned = purged = 0
    for bilan in bilans_to_warn(today):
        if dry_run:
            report(
                f"Bilan n° {bilan.pk} : candidat à prévenir, destruction le "
                f"{bilan.destruction_date():%d/%m/%Y}"
            )
            warned += 1
        elif warn_candidate(bilan.pk):
            report(f"Bilan n° {bilan.pk} : candidat prévenu")
            warned += 1
    for bilan_id in due_bilans(today):
        if dry_run:
            report(f"Bilan n° {bilan_id} : documents à détruire")
            purged += 1
            continue
        record = purge_bilan(bilan_id, run=run)
        if record is not None:
            total = sum(record.counts.values())
            report(f"Bilan n° {bilan_id} : {total} élément(s) détruit(s)")
            purged += 1
    return warned, purged
