"""The destruction of a bilan's working documents, written once.

Used by the schedule (`purge_bilans`, R6313-7: the documents go when the
retention period after closing ends), by the erasure an administrator runs at
the candidate's request, and by the removal of inactive accounts.

What goes: the answers and the questions they quoted, the uploaded files (from
the storage too, local or S3), the comments and messages, the synthèse's texts,
versions, observations and share links, and every journal entry's label or data
that named the candidate. What stays, without content: the bilan (dates, DABM,
conseiller, status), its selected phases, each phase's status and dates (the
Tableau d'activité and the statistics read those), the consent's date, and a
`DestructionRecord` saying how many of each kind went.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import ModelLogEntry

from phases.models import (
    Bilan,
    Consent,
    PhaseSubmission,
    Post,
    RendezVous,
    SubmissionFile,
    Thread,
)
from questionnaires.models import QuestionnaireResponse
from support.models import ProblemReport
from synthese.models import ShareLink, ShareOpening, Synthese, SyntheseVersion

from .models import DestructionRecord
from .personal_data import delete_archives

#: The categories of a record's counts, in the journal's order.
CATEGORIES = (
    "answers",
    "files",
    "comments",
    "messages",
    "synthese_versions",
    "observations",
    "share_links",
    "share_openings",
    "rendezvous_notes",
)


def new_run():
    """A run's identifier, shared by the records it writes."""
    return uuid.uuid4()


def due_bilans(today=None):
    """Bilans whose destruction date has come and which are not purged yet.

    destruction_date() is computed in Python (it is the one place that says
    when); the database narrows to closed, unpurged bilans closed at least
    BILAN_RETENTION_DAYS ago, the earliest any of them can be due.
    """
    today = today or timezone.localdate()
    earliest = today - datetime.timedelta(days=settings.BILAN_RETENTION_DAYS)
    candidates = (
        Bilan.objects.filter(
            purged_at__isnull=True, end_date__isnull=False, end_date__lte=earliest
        )
        .order_by("pk")
        .only("id", "end_date", "keep_documents_days")
    )
    for bilan in candidates.iterator(chunk_size=2000):
        if bilan.destruction_date() <= today:
            yield bilan.pk


def _delete_files_after_commit(files):
    """Remove the stored files once the rows are gone for good: a rolled-back
    purge leaves both in place."""
    pending = [(field.storage, field.name) for field in files if field]

    def delete():
        for storage, name in pending:
            storage.delete(name)

    transaction.on_commit(delete)


def _scrub_log_entries(model, ids, label):
    """Journal entries about these objects keep their action and date, not
    the label (a name, a title) nor the data they were written with."""
    if not ids:
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids]
    ).update(label=label, data={})


def destroy_bilan(bilan, *, run, reason, now=None):
    """Destroy one bilan's documents; returns its DestructionRecord.

    The caller holds the bilan's row locked inside a transaction (see
    `purge_bilan`), so that two runs never destroy the same bilan twice.
    """
    now = now or timezone.now()
    counts = dict.fromkeys(CATEGORIES, 0)

    submissions = PhaseSubmission.objects.filter(bilan=bilan)
    files = SubmissionFile.objects.filter(submission__bilan=bilan)
    file_rows = list(files.only("id", "file"))
    counts["files"] = len(file_rows)
    _scrub_log_entries(SubmissionFile, [row.pk for row in file_rows], "")
    _delete_files_after_commit([row.file for row in file_rows])
    files.delete()
    counts["answers"] = submissions.exclude(answers={}).count()
    _scrub_log_entries(
        PhaseSubmission, list(submissions.values_list("pk", flat=True)), ""
    )
    submissions.update(answers={}, questions={})

    threads = Thread.objects.filter(bilan=bilan)
    posts = Post.objects.filter(thread__bilan=bilan)
    counts["comments"] = posts.filter(thread__phase__isnull=False).count()
    counts["messages"] = posts.filter(thread__phase__isnull=True).count()
    _scrub_log_entries(Post, list(posts.values_list("pk", flat=True)), "")
    _scrub_log_entries(Thread, list(threads.values_list("pk", flat=True)), "")
    posts.delete()
    threads.delete()

    synthese = Synthese.objects.filter(bilan=bilan).first()
    if synthese is not None:
        versions = SyntheseVersion.objects.filter(synthese=synthese)
        links = ShareLink.objects.filter(synthese=synthese)
        counts["synthese_versions"] = versions.count()
        counts["observations"] = versions.exclude(observations="").count()
        counts["share_links"] = links.count()
        counts["share_openings"] = ShareOpening.objects.filter(
            link__synthese=synthese
        ).count()
        _scrub_log_entries(
            SyntheseVersion, list(versions.values_list("pk", flat=True)), ""
        )
        _scrub_log_entries(ShareLink, list(links.values_list("pk", flat=True)), "")
        _scrub_log_entries(Synthese, [synthese.pk], "")
        # The draft keeps whether and when it was remis, not a word of it.
        Synthese.objects.filter(pk=synthese.pk).update(
            final_version=None, circumstances="", competences="", project=""
        )
        links.delete()
        versions.delete()

    # A rendez-vous keeps its kind, date, durations and émargement (the hours
    # and the statistics), not where it was held nor what was noted.
    rendezvous = RendezVous.objects.filter(bilan=bilan).exclude(
        note="", place="", link=""
    )
    counts["rendezvous_notes"] = rendezvous.count()
    _scrub_log_entries(
        RendezVous,
        list(RendezVous.objects.filter(bilan=bilan).values_list("pk", flat=True)),
        "",
    )
    rendezvous.update(note="", place="", link="")

    _scrub_log_entries(
        Consent,
        list(Consent.objects.filter(bilan=bilan).values_list("pk", flat=True)),
        "",
    )
    _scrub_log_entries(Bilan, [bilan.pk], f"Bilan n° {bilan.pk}")
    Bilan.objects.filter(pk=bilan.pk).update(purged_at=now)
    bilan.purged_at = now
    return DestructionRecord.objects.create(
        bilan_number=bilan.pk,
        dabm_id=bilan.dabm_id,
        closed_on=bilan.end_date,
        destroyed_at=now,
        reason=reason,
        counts=counts,
        run=run,
    )


def neutral_username(user):
    return f"candidat-supprime-{user.pk}"


def anonymise_account(user):
    """Leave no name, address or picture on a candidate's account: a neutral
    identifiant, no password, inactive. The row stays so that the bilans it
    held still count in the statistics, without anyone behind them."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_tasks_db.models import DBTaskResult

    old_names = {user.username, user.email} - {""}
    full_name = user.get_full_name().strip()
    if user.avatar:
        _delete_files_after_commit([user.avatar])
    # The copies of their data they downloaded through "Télécharger mes données".
    user_id = user.pk
    transaction.on_commit(lambda: delete_archives(user_id))
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        _delete_files_after_commit([profile.avatar])
        profile.avatar = ""
        profile.save(update_fields=["avatar"])
    email = user.email
    user.username = neutral_username(user)
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.avatar = ""
    user.is_active = False
    user.set_unusable_password()
    get_user_model().objects.filter(pk=user.pk).update(
        username=user.username,
        first_name="",
        last_name="",
        email="",
        avatar="",
        is_active=False,
        password=user.password,
    )
    _scrub_log_entries(get_user_model(), [user.pk], user.username)
    # The candidate's own actions keep their date and kind, not their data; and
    # any other entry that quoted them (a search typed into a filter) forgets it.
    ModelLogEntry.objects.filter(user_id=user.pk).update(data={})
    quoted = Q()
    for text in old_names | ({full_name} - {""}):
        quoted |= Q(label__icontains=text) | Q(data__icontains=text)
    ModelLogEntry.objects.filter(quoted).update(label=user.username, data={})
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=old_names).delete()
    # What they wrote to the support, with their address.
    reports = Q(reporter_id=user.pk)
    if email:
        reports |= Q(reporter_email__iexact=email)
    ProblemReport.objects.filter(reports).delete()
    # E-mails queued or sent to them through the database queue name them.
    if email:
        DBTaskResult.objects.filter(
            task_path="users.tasks.send_email", args_kwargs__icontains=email
        ).delete()


def candidate_has_open_documents(candidate):
    return Bilan.objects.filter(candidate=candidate, purged_at__isnull=True).exists()


def purge_bilan(bilan_id, *, run, reason=DestructionRecord.Reason.SCHEDULE, now=None):
    """Destroy one bilan if nobody else is: the row is locked, or skipped when
    another run holds it (SKIP LOCKED), and re-read so that a bilan purged in
    the meantime is left alone. Returns the record, or None when skipped.

    The candidate's account is anonymised once none of their bilans keeps any
    document.
    """
    with transaction.atomic():
        bilan = (
            Bilan.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=bilan_id, purged_at__isnull=True)
            .first()
        )
        if bilan is None:
            return None
        record = destroy_bilan(bilan, run=run, reason=reason, now=now)
        candidate = get_user_model().objects.get(pk=bilan.candidate_id)
        if candidate.is_candidat and not candidate_has_open_documents(candidate):
            anonymise_account(candidate)
        return record


def purge_candidate(candidate, *, run, reason, now=None):
    """Destroy every bilan of a candidate, then anonymise the account (even
    when it never had a bilan). Returns the records written.

    An erasure also deletes their answers to the questionnaires, which the
    schedule keeps: once the account is anonymised they are no one's, and the
    académie counts them for Qualiopi (indicator 30).
    """
    if reason == DestructionRecord.Reason.ERASURE:
        QuestionnaireResponse.objects.filter(bilan__candidate=candidate).delete()
    records = []
    for bilan_id in Bilan.objects.filter(
        candidate=candidate, purged_at__isnull=True
    ).values_list("pk", flat=True):
        record = purge_bilan(bilan_id, run=run, reason=reason, now=now)
        if record is not None:
            records.append(record)
    with transaction.atomic():
        candidate = get_user_model().objects.select_for_update().get(pk=candidate.pk)
        if not candidate_has_open_documents(candidate):
            anonymise_account(candidate)
    return records
