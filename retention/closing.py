"""Closing a bilan, and the candidate's choice to keep their documents.

"Clore le bilan" is the conseiller's last step, once the document de synthèse is
remis: the bilan ends today, every phase becomes read-only (`PhaseSubmission.
is_editable` reads the bilan's status), the candidate is told by e-mail and asked
on their dashboard whether to keep their documents for the follow-up interview
(R6313-7 of the Code du travail: three years at most, with their written
agreement). Without an answer within `KEEP_QUESTION_DAYS`, nothing is kept beyond
the default (`Bilan.destruction_date`).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from phases.hours import format_minutes, min_minutes, realised_minutes
from phases.models import Bilan
from synthese.status import synthese_status

from .emails.closing import notify_bilan_closed

#: The journal's actions (registered in `retention.wagtail_hooks`), logged on the
#: candidate's account like the consent: the académie's journal shows that the
#: bilan was closed and that the candidate answered, never anything of it.
BILAN_CLOSED = "monbilan.bilan.closed"
KEEP_ANSWERED = "monbilan.bilan.keep_documents"

#: How long after closing the candidate may answer the keep question.
KEEP_QUESTION_DAYS = 15

#: The durations offered, in days (Bilan.keep_documents_days), with their label.
KEEP_CHOICES = (
    (183, _("6 mois")),
    (365, _("1 an")),
    (730, _("2 ans")),
    (1095, _("3 ans")),
    (0, _("Ne pas conserver")),
)


class ClosingError(Exception):
    """Base of the reasons a bilan cannot be closed, or answered about, as asked."""


class AlreadyClosed(ClosingError):
    """The bilan is not en cours any more."""


class SyntheseNotRemis(ClosingError):
    """The document de synthèse is not remis yet: `missing` says what is lacking."""

    def __init__(self, missing):
        super().__init__("synthese not remis")
        self.missing = missing


class KeepQuestionClosed(ClosingError):
    """The keep question is not (or no longer) asked for this bilan."""


def missing_for_closing(bilan):
    """What the bilan lacks to be closed, as a French sentence; None when it may be.

    Read from the synthèse's dates only, never its text.
    """
    if bilan.status != Bilan.Status.EN_COURS:
        return _("Ce bilan est déjà clos.")
    status = synthese_status(bilan)
    if status is None:
        return _(
            "Le document de synthèse n'est pas encore rédigé : rédigez-le, "
            "soumettez-le au candidat puis remettez-le avant de clore le bilan."
        )
    if status.last_number is None:
        return _(
            "Le document de synthèse n'a pas encore été soumis au candidat : "
            "soumettez-le puis remettez-le avant de clore le bilan."
        )
    if status.remis_at is None:
        return _(
            "Le document de synthèse n'est pas encore remis au candidat : "
            "remettez-le (« Remettre le document de synthèse ») avant de clore le "
            "bilan."
        )
    return None


def hours_warning(bilan):
    """When BILAN_MIN_HOURS is set and the bilan's hours réalisées fall short, a
    French sentence for « Clore le bilan » (a warning: closing stays possible);
    None otherwise."""
    minimum = min_minutes()
    if not minimum:
        return None
    done = realised_minutes(bilan)
    if done >= minimum:
        return None
    return _(
        "Heures réalisées : %(done)s, en dessous du minimum de %(minimum)s prévu "
        "pour un bilan. Vérifiez l'émargement des rendez-vous avant de clore."
    ) % {"done": format_minutes(done), "minimum": format_minutes(minimum)}


def close_bilan(bilan, *, by, notify=True):
    """ "Clore le bilan": ends today, status terminé, phases read-only.

    Raises `AlreadyClosed` when the bilan is not en cours, `SyntheseNotRemis`
    (with what is missing) before the synthèse is remis. The candidate is
    e-mailed once the closing is committed; the journal records it.
    """
    with transaction.atomic():
        # The row lock makes the check and the write one step: two clicks (or
        # two tabs) close once, and send one e-mail.
        locked = (
            Bilan.objects.select_for_update(of=("self",))
            .select_related("candidate", "conseiller")
            .get(pk=bilan.pk)
        )
        if locked.status != Bilan.Status.EN_COURS:
            raise AlreadyClosed("already closed")
        missing = missing_for_closing(locked)
        if missing is not None:
            raise SyntheseNotRemis(missing)
        locked.status = Bilan.Status.TERMINE
        locked.end_date = max(timezone.localdate(), locked.start_date)
        locked.save(update_fields=["status", "end_date", "updated_at"])
        log(
            instance=locked.candidate,
            action=BILAN_CLOSED,
            user=by,
            data={"bilan": locked.pk, "end_date": locked.end_date.isoformat()},
        )
        if notify:
            transaction.on_commit(
                lambda: notify_bilan_closed(locked, days=KEEP_QUESTION_DAYS)
            )
    bilan.status, bilan.end_date = locked.status, locked.end_date
    return locked


def keep_question_deadline(bilan):
    """The last day the candidate may answer the keep question, or None."""
    if bilan.end_date is None:
        return None
    return bilan.end_date + datetime.timedelta(days=KEEP_QUESTION_DAYS)


def keep_question_open(bilan):
    """Whether the candidate is asked now whether to keep their documents."""
    deadline = keep_question_deadline(bilan)
    return (
        bilan.status == Bilan.Status.TERMINE
        and deadline is not None
        and bilan.keep_answered_at is None
        and bilan.purged_at is None
        and timezone.localdate() <= deadline
    )


def record_keep_choice(bilan, *, days, by):
    """The candidate's answer: keep their documents `days` days (0: not kept).

    Stored with its date and time, once: raises `KeepQuestionClosed` when the
    question is not asked (bilan not closed, already answered, past the 15 days)
    and `ValueError` for a duration that is not offered.
    """
    if days not in dict(KEEP_CHOICES):
        raise ValueError(f"not an offered duration: {days!r}")
    with transaction.atomic():
        locked = (
            Bilan.objects.select_for_update(of=("self",))
            .select_related("candidate")
            .get(pk=bilan.pk)
        )
        if not keep_question_open(locked):
            raise KeepQuestionClosed("keep question closed")
        locked.keep_documents_days = days
        locked.keep_answered_at = timezone.now()
        locked.save(
            update_fields=["keep_documents_days", "keep_answered_at", "updated_at"]
        )
        log(
            instance=locked.candidate,
            action=KEEP_ANSWERED,
            user=by,
            data={"bilan": locked.pk, "days": days},
        )
    bilan.keep_documents_days = locked.keep_documents_days
    bilan.keep_answered_at = locked.keep_answered_at
    return locked


def keep_choice_label(bilan):
    """The chosen duration's label ("1 an"…), or None before an answer."""
    if bilan.keep_answered_at is None:
        return None
    return dict(KEEP_CHOICES).get(bilan.keep_documents_days)
