"""What each dashboard reads: the conseiller's listing of their bilans, and one
bilan's phases with their progress and unread counts, as the candidate's dashboard
and the conseiller's bilan page show them.

Reading only, in a fixed number of queries whatever the number of bilans; statuses
and counts, never the content of an answer.
"""

from dataclasses import dataclass

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

from .models import Bilan, BilanPhase, PhaseSubmission, Post
from .rules.threads import unread_counts


@dataclass
class PhaseProgress:
    phase: object
    submission: PhaseSubmission | None

    @property
    def status(self):
        if self.submission is None:
            return PhaseSubmission.Status.NON_COMMENCEE
        return PhaseSubmission.Status(self.submission.status)

    @property
    def is_done(self):
        return self.status in PhaseSubmission.DONE


def bilan_progress(bilan):
    """The bilan's selected phases in order, each with its submission (two queries)."""
    selected = (
        BilanPhase.objects.filter(bilan=bilan, phase__live=True)
        .select_related("phase")
        .defer("phase__body")
    )
    submissions = {
        submission.phase_id: submission
        for submission in PhaseSubmission.objects.filter(bilan=bilan).only(
            "id", "phase_id", "status", "completed_at", "updated_at", "bilan_id"
        )
    }
    for submission in submissions.values():
        submission.bilan = bilan  # known already: no query per row
    return [PhaseProgress(row.phase, submissions.get(row.phase_id)) for row in selected]


def bilan_overview(bilan, user):
    """What a bilan's page shows `user`: its phases in order with their status and
    unread comments, how many are done, and the unread messages (three queries)."""
    progress = bilan_progress(bilan)
    unread = unread_counts(bilan, user)
    for row in progress:
        row.unread = unread.get(row.phase.pk, 0)
    return {
        "progress": progress,
        "done_count": sum(1 for row in progress if row.is_done),
        "total_count": len(progress),
        "unread_messages": unread.get(None, 0),
    }


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
