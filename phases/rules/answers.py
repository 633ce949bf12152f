"""Business rules about a candidate's answers: one function each.

Views, the autosave endpoint, commands and tests all go through these, so that the
rules (versions, read-only phases, required questions, private files) hold
everywhere.
"""

from django.db import transaction
from django.utils import timezone

from ..emails import (
    notify_phase_completed,
    notify_phase_reopened,
    notify_phase_validated,
)
from ..models import PhaseSubmission, SubmissionFile
from ..questions.blocks import field_block_for
from ..questions.fields import UPLOAD_TYPES, upload_extension
from ..questions.form import PhaseForm


class SubmissionError(Exception):
    """Base of the reasons an answer cannot be saved."""


class Conflict(SubmissionError):
    """The answers changed since the page was loaded (another tab or window)."""

    def __init__(self, submission):
        super().__init__("stale version")
        self.submission = submission


class PhaseLocked(SubmissionError):
    """The phase is terminée or validée: its answers are read-only."""

    def __init__(self, submission):
        super().__init__("phase locked")
        self.submission = submission


class InvalidAnswers(SubmissionError):
    """Some answers have the wrong format, or required ones are missing."""

    def __init__(self, form):
        super().__init__("invalid answers")
        self.form = form


def submission_for(bilan, phase):
    """The bilan's answers to a phase; an unsaved, empty one if none yet."""
    submission = PhaseSubmission.objects.filter(bilan=bilan, phase=phase).first()
    if submission is None:
        return PhaseSubmission(bilan=bilan, phase=phase)
    submission.bilan = bilan  # known already: no query to check its status
    return submission


def save_draft(bilan, phase, *, data, files=None, expected_version):
    """Save the answers as they are ("Enregistrer" and the autosave).

    Formats are checked, required questions are not. Raises `Conflict` when
    `expected_version` is not the stored one, `PhaseLocked` on a finished phase,
    `InvalidAnswers` (with the bound form) on a malformed answer.
    """
    return _save(bilan, phase, data, files, expected_version, complete=False)


def complete_phase(bilan, phase, *, data, files=None, expected_version, notify=True):
    """Save the answers, check the required ones and mark the phase terminée.

    The conseiller receives an e-mail with a link (never the answers), unless
    `notify` is false (demo data).
    """
    submission = _save(bilan, phase, data, files, expected_version, complete=True)
    if notify:
        transaction.on_commit(lambda: notify_phase_completed(submission))
    return submission


@transaction.atomic
def _save(bilan, phase, data, files, expected_version, *, complete):
    # The row lock makes the version check and the write one step, even when two
    # tabs post at the same moment.
    submission, _created = PhaseSubmission.objects.select_for_update().get_or_create(
        bilan=bilan, phase=phase
    )
    submission.bilan = bilan
    if not submission.is_editable:
        raise PhaseLocked(submission)
    if expected_version != submission.version:
        raise Conflict(submission)
    form = PhaseForm(
        phase,
        answers=submission.answers,
        snapshots=submission.questions,
        draft=not complete,
        data=data,
        files=files,
    )
    if not form.is_valid():
        raise InvalidAnswers(form)

    answers = dict(submission.answers)
    questions = dict(submission.questions)
    children = {child.id: child for child in form.questions}
    # Only the page's current questions change: the answer to a question a
    # référent removed stays stored, with what it asked.
    for block_id, answer in form.answers().items():
        child = children[block_id]
        if answer is None:
            answers.pop(block_id, None)
        else:
            answers[block_id] = answer
            questions[block_id] = child.block.snapshot(child.value)
    for block_id, upload in form.uploads().items():
        child = children[block_id]
        stored = _store_upload(submission, block_id, upload)
        answers[block_id] = {
            "file": stored.pk,
            "name": stored.original_name,
            "size": stored.size,
        }
        questions[block_id] = child.block.snapshot(child.value)

    now = timezone.now()
    submission.answers = answers
    submission.questions = questions
    submission.version += 1
    submission.started_at = submission.started_at or now
    if complete:
        submission.status = PhaseSubmission.Status.TERMINEE
        submission.completed_at = now
    elif submission.status == PhaseSubmission.Status.NON_COMMENCEE:
        submission.status = PhaseSubmission.Status.EN_COURS
    submission.save()
    return submission


def _store_upload(submission, block_id, upload):
    """Keep a new file for a question, replacing (and deleting) the previous one."""
    previous = list(
        SubmissionFile.objects.filter(submission=submission, block_id=block_id)
    )
    extension = upload_extension(upload.name)
    stored = SubmissionFile(
        submission=submission,
        block_id=block_id,
        original_name=upload.name[-255:],
        size=upload.size,
        content_type=UPLOAD_TYPES[extension][0],
    )
    stored.file.save(f"{extension}", upload, save=False)
    stored.save()
    for old in previous:
        name, storage = old.file.name, old.file.storage
        old.delete()
        # The old file goes only once the new answer is committed.
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    return stored


class PhaseNotCompleted(SubmissionError):
    """Only a terminée phase can be validated."""


class PhaseNotReopenable(SubmissionError):
    """Only a terminée or validée phase can be reopened."""


class BilanClosed(SubmissionError):
    """A closed bilan is kept as it ended: its phases are not reopened."""


def validate_phase(bilan, phase, *, notify=True):
    """The conseiller validates a terminée phase; the candidate is told by e-mail.

    Raises `PhaseNotCompleted` when the phase is not terminée (not started, in
    progress, or already validée).
    """
    with transaction.atomic():
        submission = _locked_submission(bilan, phase)
        if submission is None or not submission.can_be_validated:
            raise PhaseNotCompleted("phase not completed")
        submission.status = PhaseSubmission.Status.VALIDEE
        submission.validated_at = timezone.now()
        submission.save(update_fields=["status", "validated_at", "updated_at"])
        if notify:
            transaction.on_commit(lambda: notify_phase_validated(submission))
    return submission


def reopen_phase(bilan, phase, *, notify=True):
    """The conseiller gives a finished phase back to the candidate (en cours).

    The answers stay as they are; the candidate may change them and finish the
    phase again. The candidate is told by e-mail. Raises `PhaseNotReopenable`
    when the phase is not terminée or validée, `BilanClosed` when the bilan is not
    en cours (the candidate could not change anything: see `is_editable`).
    """
    with transaction.atomic():
        submission = _locked_submission(bilan, phase)
        if submission is None or not submission.is_done:
            raise PhaseNotReopenable("phase not finished")
        if not submission.can_be_reopened:
            raise BilanClosed("bilan closed")
        submission.status = PhaseSubmission.Status.EN_COURS
        submission.completed_at = None
        submission.validated_at = None
        submission.save(
            update_fields=["status", "completed_at", "validated_at", "updated_at"]
        )
        if notify:
            transaction.on_commit(lambda: notify_phase_reopened(submission))
    return submission


def _locked_submission(bilan, phase):
    return (
        PhaseSubmission.objects.select_for_update(of=("self",))
        .filter(bilan=bilan, phase=phase)
        .select_related("bilan__candidate", "bilan__conseiller", "phase")
        .first()
    )


def removed_answers(phase, submission):
    """Answers to questions no longer on the page, each a dict with the question's
    `block_id`, its `snapshot` (what it asked) and the rendered `answer_html`."""
    current = {child.id for child in phase.questions()}
    result = []
    for block_id, answer in submission.answers.items():
        if block_id in current:
            continue
        snapshot = submission.questions.get(block_id) or {"label": "", "type": ""}
        block = field_block_for(snapshot.get("type"))
        result.append(
            {
                "block_id": block_id,
                "snapshot": snapshot,
                "answer_html": block.render_answer(snapshot, answer),
            }
        )
    return result
