"""The académie's activity: one row per bilan, progress and metadata only.

Shared by the "Tableau d'activité", its exports, the candidates listing and the
statistics. Nothing here reads the content of an answer: submissions are loaded
with their status only (Code du travail, L6313-4).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from django.db.models import DateTimeField, Max, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..hours import format_minutes, realised_annotation
from ..models import Bilan, BilanPhase, PhasePage, PhaseSubmission, Post, RendezVous


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
        # The bilan's id settles a candidate's two bilans: the CSV's order is
        # the same on both paths (Python and COPY).
        .order_by("-candidate_id", "-pk")
    )


def progress(bilan):
    done = {submission.phase_id for submission in bilan.done_list}
    selected = [item.phase_id for item in bilan.selected_list]
    return sum(1 for phase_id in selected if phase_id in done), len(selected)


# --- The "Tableau d'activité": its six columns and their rows ---------------------


class BilanActivity(NamedTuple):
    """What one row of the table says about a bilan, as plain values."""

    candidate_id: int
    dabm: str
    conseiller: str
    modalite: str
    #: Titles of the selected phases, in the bilan's order.
    phases: list[str]
    #: Titles of the completed ones (terminée or validée), in the same order.
    done: list[str]
    #: Minutes of the réalisé rendez-vous (their actual durations).
    realised_minutes: int = 0
    start_date: object = None
    #: The latest change to the bilan, its answers, messages or rendez-vous.
    last_activity: object = None


def short_date(value):
    """« 02/12/2026 », in local time; "" for no date: the same text on screen,
    in the CSV and in the XLSX."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%d/%m/%Y}"


def _latest(model, field, bilan_path):
    """The latest `field` of `model`'s rows of the outer bilan, as a subquery."""
    return Subquery(
        model.objects.filter(**{bilan_path: OuterRef("pk")})
        .order_by()
        .values(bilan_path)
        .annotate(latest=Max(field))
        .values("latest"),
        output_field=DateTimeField(),
    )


def last_activity_annotation():
    """The latest of the bilan's own change, its answers' changes, its messages
    and its rendez-vous' changes (each a subquery: no join multiplies rows)."""
    own = "updated_at"
    return Greatest(
        own,
        Coalesce(_latest(PhaseSubmission, "updated_at", "bilan"), own),
        Coalesce(_latest(Post, "created_at", "thread__bilan"), own),
        Coalesce(_latest(RendezVous, "updated_at", "bilan"), own),
        output_field=DateTimeField(),
    )


@dataclass(frozen=True)
class ActivityColumn:
    """One column of the table, the same on screen, in the CSV and in the XLSX."""

    name: str
    label: str
    value: Callable[[BilanActivity], object]
    #: Width in characters in the XLSX, so that the file opens readable.
    width: int
    #: Long lists wrap inside their cell in the XLSX instead of overflowing.
    wrap: bool = False


#: The columns of DESIGN.md §5, in their order. The identifiant stays an int, so
#: that Excel stores a number, not text.
ACTIVITY_COLUMNS = (
    ActivityColumn(
        "identifiant", _("Identifiant"), lambda row: row.candidate_id, width=12
    ),
    ActivityColumn("dabm", _("DABM"), lambda row: row.dabm, width=20),
    ActivityColumn("conseiller", _("Conseiller"), lambda row: row.conseiller, width=28),
    ActivityColumn("modalite", _("Modalité"), lambda row: row.modalite, width=14),
    ActivityColumn(
        "phases", _("Phases"), lambda row: ", ".join(row.phases), width=60, wrap=True
    ),
    ActivityColumn(
        "phase_terminee",
        _("Phase terminée"),
        lambda row: ", ".join(row.done),
        width=60,
        wrap=True,
    ),
    # Issue 14: after the six columns of DESIGN.md §5, in this order.
    ActivityColumn(
        "heures",
        _("Heures réalisées"),
        lambda row: format_minutes(row.realised_minutes),
        width=16,
    ),
    ActivityColumn(
        "debut", _("Début"), lambda row: short_date(row.start_date), width=12
    ),
    ActivityColumn(
        "derniere_activite",
        _("Dernière activité"),
        lambda row: short_date(row.last_activity),
        width=18,
    ),
)

EXPORT_CHUNK = 2000


def activity_rows(queryset):
    """The table's rows, {column name: value}, chunk by chunk.

    For the page on screen as for a 50,000-row export: plain values rather than
    model instances (an export must not build 50,000 bilans with their phase
    pages). Per chunk, two queries bring the selected and the completed phases as
    (bilan id, phase id) pairs.
    """
    titles = dict(PhasePage.objects.values_list("pk", "title"))
    modalites = dict(Bilan.Modalite.choices)
    values = (
        queryset.prefetch_related(None)
        .annotate(
            realised_minutes=realised_annotation(),
            last_activity=last_activity_annotation(),
        )
        .values_list(
            "pk",
            "candidate_id",
            "dabm__name",
            "conseiller__first_name",
            "conseiller__last_name",
            "conseiller__username",
            "modalite",
            "realised_minutes",
            "start_date",
            "last_activity",
        )
    )
    iterator = values.iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(islice(iterator, EXPORT_CHUNK)):
        ids = [row[0] for row in chunk]
        selected = defaultdict(list)
        for bilan_id, phase_id in (
            BilanPhase.objects.filter(bilan_id__in=ids)
            .order_by("bilan_id", "position", "pk")
            .values_list("bilan_id", "phase_id")
        ):
            selected[bilan_id].append(phase_id)
        done = set(
            PhaseSubmission.objects.filter(
                bilan_id__in=ids, status__in=PhaseSubmission.DONE
            ).values_list("bilan_id", "phase_id")
        )
        for (
            pk,
            candidate_id,
            dabm,
            first,
            last,
            username,
            modalite,
            realised,
            start_date,
            last_activity,
        ) in chunk:
            phases = selected[pk]
            row = BilanActivity(
                candidate_id=candidate_id,
                dabm=dabm,
                # As `User.__str__` says it, without loading the user.
                conseiller=f"{first} {last}".strip() or username,
                modalite=modalites.get(modalite, modalite),
                phases=[titles[p] for p in phases],
                done=[titles[p] for p in phases if (pk, p) in done],
                realised_minutes=realised or 0,
                start_date=start_date,
                last_activity=last_activity,
            )
            yield {column.name: column.value(row) for column in ACTIVITY_COLUMNS}
