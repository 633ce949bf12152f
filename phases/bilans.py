"""Business rules about bilans: one function each, used by views, commands, tests."""

from django.db import transaction

from .models import Bilan, BilanPhase


@transaction.atomic
def create_bilan(*, candidate, conseiller, modalite, phases, **fields):
    """Open a bilan for a candidate with a conseiller, with the phases in order.

    The bilan belongs to the conseiller's DABM; the candidate joins that DABM too.
    """
    bilan = Bilan.objects.create(
        candidate=candidate,
        conseiller=conseiller,
        dabm=conseiller.dabm,
        modalite=modalite,
        **fields,
    )
    set_bilan_phases(bilan, phases)
    if candidate.dabm_id != conseiller.dabm_id:
        candidate.dabm = conseiller.dabm
        candidate.save()
    return bilan


@transaction.atomic
def set_bilan_phases(bilan, phases):
    """Make the bilan's selected phases exactly `phases`, in that order."""
    BilanPhase.objects.filter(bilan=bilan).delete()
    BilanPhase.objects.bulk_create(
        BilanPhase(bilan=bilan, phase=phase, position=position)
        for position, phase in enumerate(phases)
    )
