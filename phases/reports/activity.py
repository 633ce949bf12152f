"""The académie's activity: one row per bilan, progress and metadata only.

Shared by the "Tableau d'activité", its exports, the candidates listing and the
statistics. Nothing here reads the content of an answer: submissions are loaded
with their status only (Code du travail, L6313-4).
"""

from django.db.models import Prefetch

from ..models import Bilan, BilanPhase, PhaseSubmission


def activity_queryset(user):
    """Bilans the user supervises, with what every activity row needs.

    A fixed number of queries whatever the number of rows: the selected phases
    and the completed submissions come in one prefetch each.
    """
    return (
        Bilan.objects.visible_to(user)
        .select_related("candidate", "conseiller", "dabm")
        .prefetch_related(
            Prefetch(
                "selected_phases",
                queryset=BilanPhase.objects.select_related("phase").only(
                    "bilan_id", "position", "phase__id", "phase__title"
                ),
                to_attr="selected_list",
            ),
            Prefetch(
                "submissions",
                queryset=PhaseSubmission.objects.filter(
                    status__in=PhaseSubmission.DONE
                ).only("id", "bilan_id", "phase_id", "status"),
                to_attr="done_list",
            ),
        )
        .order_by("-candidate_id")
    )


def selected_titles(bilan):
    return [item.phase.title for item in bilan.selected_list]


def done_titles(bilan):
    """Completed phases (terminée or validée), in the bilan's order."""
    done = {submission.phase_id for submission in bilan.done_list}
    return [item.phase.title for item in bilan.selected_list if item.phase_id in done]


def progress(bilan):
    done = {submission.phase_id for submission in bilan.done_list}
    selected = [item.phase_id for item in bilan.selected_list]
    return sum(1 for phase_id in selected if phase_id in done), len(selected)
