"""The émargement of a rendez-vous (D6313-3-1): once it has taken place, the
conseiller marks it « Réalisé » with its actual duration, or « Annulé » or
« Absent »; the candidate then confirms their presence on a réalisé one. Both
acts are dated and kept: the pair is what an auditor reads.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import RendezVous

MARKS = (
    RendezVous.Status.REALISE,
    RendezVous.Status.ANNULE,
    RendezVous.Status.ABSENT,
)


class EmargementError(Exception):
    """Base of the reasons an émargement is refused; its message is French."""


class NotYetHeld(EmargementError):
    def __init__(self):
        super().__init__(
            _("Ce rendez-vous n'a pas encore eu lieu : il ne peut pas être marqué.")
        )


class AlreadyConfirmed(EmargementError):
    def __init__(self):
        super().__init__(
            _("Le candidat a confirmé sa présence : ce rendez-vous ne change plus.")
        )


class InvalidMark(EmargementError):
    def __init__(self):
        super().__init__(_("Choisissez « Réalisé », « Annulé » ou « Absent »."))


class InvalidDuration(EmargementError):
    def __init__(self):
        super().__init__(
            _("Indiquez la durée réelle du rendez-vous réalisé, en minutes (1 à 1440).")
        )


class NotRealised(EmargementError):
    def __init__(self):
        super().__init__(
            _("Seul un rendez-vous réalisé peut être confirmé par le candidat.")
        )


class BilanClosed(EmargementError):
    def __init__(self):
        super().__init__(_("Ce bilan est clos : ses rendez-vous ne changent plus."))


def _locked(rendezvous):
    return (
        RendezVous.objects.select_for_update()
        .select_related("bilan")
        .get(pk=rendezvous.pk)
    )


@transaction.atomic
def mark_rendezvous(rendezvous, status, actual_minutes=None, *, now=None):
    """The conseiller's mark of a past rendez-vous. Marking again corrects it
    (and dates the correction) until the candidate has confirmed."""
    now = now or timezone.now()
    locked = _locked(rendezvous)
    if locked.bilan.status != locked.bilan.Status.EN_COURS:
        raise BilanClosed
    if status not in MARKS:
        raise InvalidMark
    if locked.starts_at > now:
        raise NotYetHeld
    if locked.confirmed_at:
        raise AlreadyConfirmed
    if status == RendezVous.Status.REALISE:
        if actual_minutes is None or not 0 < int(actual_minutes) <= 1440:
            raise InvalidDuration
        locked.actual_minutes = int(actual_minutes)
    else:
        locked.actual_minutes = None
    locked.status = status
    locked.marked_at = now
    locked.save(update_fields=["status", "actual_minutes", "marked_at", "updated_at"])
    return locked


@transaction.atomic
def confirm_presence(rendezvous, *, now=None):
    """The candidate's « Je confirme ma présence » on a réalisé rendez-vous.
    Confirming twice keeps the first date."""
    now = now or timezone.now()
    locked = _locked(rendezvous)
    if locked.status != RendezVous.Status.REALISE:
        raise NotRealised
    if not locked.confirmed_at:
        locked.confirmed_at = now
        locked.save(update_fields=["confirmed_at", "updated_at"])
    return locked
