"""The bilan domain's models, one module per concern.

Django, the migrations (`phases.models.submission_file_path`) and the rest of the
code import them from `phases.models`: every model is re-exported here.
"""

from .answers import (
    PhaseSubmission,
    PhaseSubmissionQuerySet,
    SubmissionFile,
    SubmissionFileQuerySet,
    submission_file_path,
)
from .bilans import Bilan, BilanPhase, BilanQuerySet
from .consent import Consent, ConsentPage, ConsentQuerySet
from .pages import PhaseIndexPage, PhasePage, PhasePageQuerySet
from .rendezvous import RendezVous, RendezVousQuerySet
from .threads import Post, PostQuerySet, Thread, ThreadQuerySet, ThreadRead

__all__ = [
    "Bilan",
    "BilanPhase",
    "BilanQuerySet",
    "Consent",
    "ConsentPage",
    "ConsentQuerySet",
    "PhaseIndexPage",
    "PhasePage",
    "PhasePageQuerySet",
    "PhaseSubmission",
    "PhaseSubmissionQuerySet",
    "Post",
    "RendezVous",
    "RendezVousQuerySet",
    "PostQuerySet",
    "SubmissionFile",
    "SubmissionFileQuerySet",
    "Thread",
    "ThreadQuerySet",
    "ThreadRead",
    "submission_file_path",
]
