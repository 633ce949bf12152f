"""Rendez-vous of a bilan: plan, move, cancel. One function per rule.

Only the bilan's conseiller plans, moves and cancels. A conseiller cannot hold
two rendez-vous at the same time: the check runs under a row lock on all their
bilans, so that two plannings at once (two tabs, two hosts) cannot both pass it.
The candidate is e-mailed the invitation, its update or its cancellation once
the transaction is committed.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..calendar import send_rendezvous_email
from ..hours import HoursCapExceeded, check_within_cap
from ..models import Bilan, RendezVous
from ..rendezvous_overview import LONGEST
from ..templatetags.french_dates import french_datetime


class RendezVousError(Exception):
    """Base of the reasons a rendez-vous cannot be planned or changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotTheConseiller(RendezVousError):
    """Only the bilan's conseiller plans, moves and cancels its rendez-vous."""


class Conflict(RendezVousError):
    """The conseiller already holds a rendez-vous at that time."""


class NotPlanned(RendezVousError):
    """Only a planned rendez-vous moves or is cancelled."""


class OverHours(RendezVousError):
    """A bilan lasts at most BILAN_MAX_HOURS (24 h, L6313-4) in all."""


def _check_hours(bilan, duration_minutes, *, exclude=None):
    """Under the bilan's lock (taken by _check_free): refuse going past the cap."""
    try:
        check_within_cap(bilan, duration_minutes, exclude=exclude)
    except HoursCapExceeded as error:
        raise OverHours(str(error)) from None


def _check_conseiller(bilan, user):
    if bilan.conseiller_id != user.pk:
        raise NotTheConseiller(_("Seul le conseiller du bilan gère ses rendez-vous."))


def _check_free(conseiller_id, starts_at, duration_minutes, *, exclude=None):
    """Lock the conseiller's bilans, then refuse an overlapping rendez-vous."""
    list(
        Bilan.objects.select_for_update()
        .filter(conseiller_id=conseiller_id)
        .values_list("pk", flat=True)
    )
    ends_at = starts_at + datetime.timedelta(minutes=duration_minutes)
    candidates = RendezVous.objects.filter(
        bilan__conseiller_id=conseiller_id,
        starts_at__lt=ends_at,
        starts_at__gt=starts_at - LONGEST,
    ).exclude(status__in=[RendezVous.Status.ANNULE, RendezVous.Status.ABSENT])
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    for other in candidates.select_related("bilan__candidate"):
        if other.ends_at > starts_at:
            raise Conflict(
                _(
                    "Vous avez déjà un rendez-vous à ce moment-là : %(kind)s "
                    "le %(when)s. Choisissez un autre créneau."
                )
                % {
                    "kind": other.get_kind_display().lower(),
                    "when": french_datetime(other.starts_at),
                }
            )


def plan_rendezvous(
    bilan,
    *,
    by,
    kind,
    starts_at,
    duration_minutes,
    modalite,
    place="",
    link="",
    note="",
    notify=True,
):
    """Plan a rendez-vous; the candidate receives the invitation (.ics)."""
    _check_conseiller(bilan, by)
    with transaction.atomic():
        _check_free(bilan.conseiller_id, starts_at, duration_minutes)
        _check_hours(bilan, duration_minutes)
        rendezvous = RendezVous.objects.create(
            bilan=bilan,
            kind=kind,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            modalite=modalite,
            place=place if modalite == RendezVous.Modalite.PRESENTIEL else "",
            link=link if modalite == RendezVous.Modalite.VISIO else "",
            note=note,
        )
        if notify:
            transaction.on_commit(lambda: send_rendezvous_email(rendezvous, "planned"))
    return rendezvous


def move_rendezvous(
    rendezvous, *, by, starts_at, duration_minutes, notify=True, **fields
):
    """Move (or change) a planned rendez-vous: same UID, SEQUENCE + 1; the
    candidate receives the update."""
    bilan = rendezvous.bilan
    _check_conseiller(bilan, by)
    with transaction.atomic():
        _check_free(
            bilan.conseiller_id, starts_at, duration_minutes, exclude=rendezvous
        )
        current = RendezVous.objects.select_for_update().get(pk=rendezvous.pk)
        if current.status != RendezVous.Status.PLANIFIE:
            raise NotPlanned(_("Ce rendez-vous n'est plus planifié."))
        _check_hours(bilan, duration_minutes, exclude=rendezvous)
        rendezvous.starts_at = starts_at
        rendezvous.duration_minutes = duration_minutes
        for name, value in fields.items():
            setattr(rendezvous, name, value)
        if rendezvous.modalite != RendezVous.Modalite.PRESENTIEL:
            rendezvous.place = ""
        if rendezvous.modalite != RendezVous.Modalite.VISIO:
            rendezvous.link = ""
        rendezvous.sequence = current.sequence + 1
        # A moved rendez-vous is reminded again the day before its new date.
        rendezvous.reminder_sent_at = None
        rendezvous.save()
        if notify:
            transaction.on_commit(lambda: send_rendezvous_email(rendezvous, "moved"))
    return rendezvous


def cancel_rendezvous(rendezvous, *, by, notify=True):
    """Cancel a planned rendez-vous; the candidate receives METHOD:CANCEL."""
    _check_conseiller(rendezvous.bilan, by)
    with transaction.atomic():
        current = RendezVous.objects.select_for_update().get(pk=rendezvous.pk)
        if current.status != RendezVous.Status.PLANIFIE:
            raise NotPlanned(_("Ce rendez-vous n'est plus planifié."))
        rendezvous.status = RendezVous.Status.ANNULE
        rendezvous.sequence = current.sequence + 1
        rendezvous.save(update_fields=["status", "sequence", "updated_at"])
        if notify:
            transaction.on_commit(
                lambda: send_rendezvous_email(rendezvous, "cancelled")
            )
    return rendezvous


def reminder_window(now):
    """Tomorrow, in Europe/Paris: the rendez-vous reminded by a run at `now`."""
    today = timezone.localtime(now).date()
    start = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )
    end = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=2), datetime.time())
    )
    return start, end


def send_due_reminders(*, now=None, batch_size=100):
    """E-mail the candidates whose rendez-vous is tomorrow; the number sent.

    Safe on several hosts at once: each batch is locked (SKIP LOCKED: another
    host takes the others) and marked `reminder_sent_at` in the same
    transaction, so that no rendez-vous is reminded twice; run again, it sends
    nothing more.
    """
    now = now or timezone.now()
    start, end = reminder_window(now)
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                RendezVous.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(
                    status=RendezVous.Status.PLANIFIE,
                    reminder_sent_at__isnull=True,
                    starts_at__gte=max(start, now),
                    starts_at__lt=end,
                )
                .select_related("bilan__candidate", "bilan__conseiller")
                .order_by("pk")[:batch_size]
            )
            if not batch:
                return sent
            for rendezvous in batch:
                rendezvous.reminder_sent_at = now
            RendezVous.objects.bulk_update(batch, ["reminder_sent_at"])
            for rendezvous in batch:
                transaction.on_commit(
                    lambda rendezvous=rendezvous: send_rendezvous_email(
                        rendezvous, "reminder"
                    )
                )
        sent += len(batch)
