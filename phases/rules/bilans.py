"""Business rules about bilans: one function each, used by views, commands, tests."""

from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from users.accounts import create_account
from users.emails import send_account_created_email
from users.models import User

from ..models import Bilan, BilanPhase, PhaseSubmission, Post


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


def change_bilan_status(bilan, *, status, end_date=None):
    """Close a bilan (terminé or archivé, with its end date) or open it again."""
    if status == Bilan.Status.EN_COURS:
        end_date = None
    else:
        end_date = end_date or timezone.localdate()
    bilan.status = status
    bilan.end_date = end_date
    bilan.save(update_fields=["status", "end_date", "updated_at"])
    return bilan


def _count(queryset, bilan_field):
    """A per-bilan count as a subquery: joins would multiply each other's rows."""
    counted = (
        queryset.order_by().values(bilan_field).annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def followed_bilans(
    user, *, search="", modalite="", status="", phase=None, awaiting=False
):
    """The conseiller's "Tableau de bord" listing, filtered, in a fixed number of
    queries whatever the number of bilans.

    Each bilan carries `selected_list` (its live phases), `submission_list`
    (statuses only, never answers), `unread_messages`, `unread_comments` and
    `last_post_at`.
    """
    bilans = Bilan.objects.followed_by(user)
    if search:
        for word in search.split():
            bilans = bilans.filter(
                Q(candidate__username__icontains=word)
                | Q(candidate__first_name__icontains=word)
                | Q(candidate__last_name__icontains=word)
            )
    if modalite:
        bilans = bilans.filter(modalite=modalite)
    if status:
        bilans = bilans.filter(status=status)
    waiting = PhaseSubmission.objects.filter(
        bilan=OuterRef("pk"), status=PhaseSubmission.Status.TERMINEE
    )
    if phase is not None:
        bilans = bilans.filter(selected_phases__phase=phase)
        waiting = waiting.filter(phase=phase)
    if awaiting:
        bilans = bilans.filter(Exists(waiting))
    posts = Post.objects.filter(thread__bilan=OuterRef("pk"))
    unread = posts.unread_by(user)
    return (
        bilans.select_related("candidate", "dabm")
        .annotate(
            unread_messages=_count(
                unread.filter(thread__phase__isnull=True), "thread__bilan_id"
            ),
            unread_comments=_count(
                unread.filter(thread__phase__isnull=False), "thread__bilan_id"
            ),
            last_post_at=Subquery(
                posts.order_by()
                .values("thread__bilan_id")
                .annotate(last=Max("created_at"))
                .values("last")[:1]
            ),
        )
        .prefetch_related(
            Prefetch(
                "selected_phases",
                queryset=BilanPhase.objects.filter(phase__live=True)
                .select_related("phase")
                .only("bilan_id", "position", "phase__id", "phase__title"),
                to_attr="selected_list",
            ),
            Prefetch(
                "submissions",
                queryset=PhaseSubmission.objects.only(
                    "id", "bilan_id", "phase_id", "status", "updated_at"
                ),
                to_attr="submission_list",
            ),
        )
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


class BilanRow:
    """What one line of the conseiller's dashboard shows, from `followed_bilans`."""

    def __init__(self, bilan):
        self.bilan = bilan
        self.candidate = bilan.candidate
        statuses = {sub.phase_id: sub.status for sub in bilan.submission_list}
        selected = bilan.selected_list
        self.total = len(selected)
        self.done = sum(
            1 for row in selected if statuses.get(row.phase_id) in PhaseSubmission.DONE
        )
        self.awaiting = [
            row.phase
            for row in selected
            if statuses.get(row.phase_id) == PhaseSubmission.Status.TERMINEE
        ]
        moments = [sub.updated_at for sub in bilan.submission_list]
        moments += [bilan.last_post_at, bilan.candidate.last_login]
        moments = [moment for moment in moments if moment]
        self.last_activity = max(moments) if moments else None
        self.unread = bilan.unread_messages + bilan.unread_comments
