"""Six months after closing: the candidate's questionnaire and the conseiller's
reminder to plan an « Entretien de suivi » (`send_follow_ups`, once a day).

A bilan is followed up once, BILAN_FOLLOW_UP_DAYS after it closed, when its
candidate can still be written to: a candidate who kept no documents has had
their account anonymised by then (`retention.purge`), and is not written to.
Bilans closed more than FOLLOW_UP_WINDOW_DAYS before that are left alone: a
scheduler that stopped for a while catches up, a site that adopts the follow-up
does not write to everyone it ever closed.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from phases.models import Bilan, RendezVous
from users.emails import enqueue_email
from users.site_url import absolute_url

from .content import installed_questionnaire
from .models import FollowUp, QuestionnairePage

FOLLOW_UP_WINDOW_DAYS = 30


def _name(user):
    return user.get_full_name() or user.username


def due_bilans(today):
    """Closed bilans whose follow-up day has come, not followed up yet."""
    last = today - datetime.timedelta(days=settings.BILAN_FOLLOW_UP_DAYS)
    first = last - datetime.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    return Bilan.objects.filter(
        status=Bilan.Status.TERMINE,
        end_date__gte=first,
        end_date__lte=last,
        follow_up__isnull=True,
        candidate__is_active=True,
    ).exclude(candidate__email="")


def _send(bilan, questionnaire):
    candidate, conseiller = bilan.candidate, bilan.conseiller
    enqueue_email(
        "questionnaires/emails/six_months_subject.txt",
        "questionnaires/emails/six_months_body.txt",
        {
            "recipient_name": _name(candidate),
            "conseiller_name": _name(conseiller) if conseiller else "",
            "url": absolute_url(questionnaire.get_url()),
        },
        candidate.email,
    )
    if conseiller is not None and conseiller.is_active and conseiller.email:
        enqueue_email(
            "questionnaires/emails/follow_up_conseiller_subject.txt",
            "questionnaires/emails/follow_up_conseiller_body.txt",
            {
                "recipient_name": _name(conseiller),
                "candidate_name": _name(candidate),
                "end_date": bilan.end_date,
                "kind": RendezVous.Kind.SUIVI.label,
                "url": absolute_url(reverse("bilan_detail", args=[bilan.pk])),
            },
            conseiller.email,
        )


def send_follow_ups(*, now=None, batch_size=100):
    """Follow up every due bilan once; the number followed up.

    Safe on several hosts at once: each batch of bilans is locked (SKIP LOCKED:
    another host takes the others) and its `FollowUp` rows written in the same
    transaction as the e-mails are queued, so that no bilan is followed up twice;
    run again, it sends nothing more. Without a live six-month questionnaire,
    nothing is sent (the référents unpublished it).
    """
    now = now or timezone.now()
    questionnaire = installed_questionnaire(QuestionnairePage.Kind.SIX_MONTHS)
    if questionnaire is None or not questionnaire.live:
        return 0
    today = timezone.localtime(now).date()
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                due_bilans(today)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("candidate", "conseiller")
                .order_by("pk")[:batch_size]
            )
            if not batch:
                return sent
            # Read again under the locks: a host that committed between this
            # query's snapshot and its locks followed some up already.
            done = set(
                FollowUp.objects.filter(bilan__in=batch).values_list(
                    "bilan_id", flat=True
                )
            )
            batch = [bilan for bilan in batch if bilan.pk not in done]
            FollowUp.objects.bulk_create(
                FollowUp(bilan=bilan, sent_at=now) for bilan in batch
            )
            for bilan in batch:
                transaction.on_commit(lambda bilan=bilan: _send(bilan, questionnaire))
        sent += len(batch)
