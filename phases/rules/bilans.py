"""Business rules about bilans: one function each, used by views, commands, tests."""

from django.db import transaction

from users.accounts import create_account
from users.emails import send_account_created_email
from users.models import User

from ..models import Bilan, BilanPhase, PhaseSubmission


class BilanError(Exception):
    """Base of the reasons a bilan cannot be changed as asked."""


class NoDabm(BilanError):
    """A conseiller without DABM cannot open bilans: the bilan belongs to one."""


class PhasesHaveAnswers(BilanError):
    """Removing these phases would hide answers the candidate already gave."""

    def __init__(self, phases):
        super().__init__("phases have answers")
        self.phases = phases


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


def create_candidate_with_bilan(
    *,
    conseiller,
    username,
    email,
    first_name,
    last_name,
    modalite,
    phases,
    password=None,
    notify=False,
    request=None,
):
    """ "Ajouter un candidat": the candidate's account and their bilan, or nothing.

    The account joins the conseiller's DABM. With `notify`, the candidate receives
    the one-time link to choose their password (the reset mechanism), once the
    account really exists (after the commit); without it, `password` is the
    temporary password the conseiller gives them.
    """
    if conseiller.dabm_id is None:
        raise NoDabm("conseiller without DABM")
    with transaction.atomic():
        candidate = create_account(
            role=User.Role.CANDIDAT,
            created_by=conseiller,
            password=None if notify else password,
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            dabm=conseiller.dabm,
        )
        bilan = create_bilan(
            candidate=candidate,
            conseiller=conseiller,
            modalite=modalite,
            phases=phases,
        )
        if notify:
            transaction.on_commit(
                lambda: send_account_created_email(request, candidate, conseiller)
            )
    return bilan


def answered_phase_ids(bilan):
    """Phases of the bilan in which the candidate has written something."""
    return {
        submission.phase_id
        for submission in PhaseSubmission.objects.filter(bilan=bilan).only(
            "phase_id", "status", "answers"
        )
        if submission.answers
        or submission.status != PhaseSubmission.Status.NON_COMMENCEE
    }


@transaction.atomic
def update_bilan(bilan, *, modalite, phases):
    """Change the modalité and the selected phases of a bilan.

    A phase holding answers cannot be removed without saying so: raises
    `PhasesHaveAnswers` with those phases, and nothing changes.
    """
    kept = {phase.pk for phase in phases}
    selected = list(bilan.selected_phases.select_related("phase"))
    answered = answered_phase_ids(bilan)
    refused = [
        row.phase
        for row in selected
        if row.phase_id not in kept and row.phase_id in answered
    ]
    if refused:
        raise PhasesHaveAnswers(refused)
    bilan.modalite = modalite
    bilan.save(update_fields=["modalite", "updated_at"])
    set_bilan_phases(bilan, phases)
    return bilan
