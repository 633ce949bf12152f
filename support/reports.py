"""Sending a report: keep its copy, then e-mail the académie's support.

One function, called by the view and the tests alike (CONVENTIONS.md, "thin
views").
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from users.emails import enqueue_email
from users.site_url import absolute_url

from .models import ProblemReport

#: The longest user agent kept: enough to tell the browser and its version.
USER_AGENT_MAX_LENGTH = 500


def academie_of(user):
    """The académie a logged-in user reports for: a candidate's or a
    conseiller's through their DABM, an administrator's own; None for an
    anonymous visitor or a superuser, who choose one."""
    if not user.is_authenticated:
        return None
    if user.dabm_id:
        return user.dabm.academie
    return user.academie


def support_address(academie):
    """The académie's support address, or the service's when it has none."""
    return academie.support_email or settings.SUPPORT_EMAIL


def send_report(
    *,
    academie,
    page_url,
    steps,
    error_message="",
    reference="",
    reporter=None,
    reporter_email="",
    user_agent="",
    request=None,
):
    """Keep the report and queue its e-mail to the académie's support.

    The e-mail leaves once the copy is saved (on commit): the support never
    reads a report that the académie's listing does not have.
    """
    report = ProblemReport.objects.create(
        academie=academie,
        page_url=page_url,
        error_message=error_message,
        steps=steps,
        reference=reference,
        reporter=reporter,
        reporter_email=reporter_email,
        user_agent=user_agent[:USER_AGENT_MAX_LENGTH],
    )
    context = {
        "report": report,
        "reporter": reporter,
        "admin_url": absolute_url(
            reverse("signalements:inspect", args=[report.pk]), request
        ),
    }
    to = support_address(academie)
    transaction.on_commit(
        lambda: enqueue_email(
            "support/emails/report_subject.txt",
            "support/emails/report_body.txt",
            context,
            to,
        )
    )
    return report


def prune_reports(*, now=None, dry_run=False):
    """Delete the copies kept longer than PROBLEM_REPORT_RETENTION_DAYS; how many.

    A report holds an address, a message and a browser: personal data kept for
    the support's follow-up, not forever. `purge_bilans` calls this every day.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PROBLEM_REPORT_RETENTION_DAYS)
    expired = ProblemReport.objects.filter(created_at__lt=cutoff)
    if dry_run:
        return expired.count()
    deleted, _by_model = expired.delete()
    return deleted
