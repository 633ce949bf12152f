"""« Télécharger mes données »: everything the site stores about a person (RGPD,
articles 15 and 20), as a ZIP.

The archive holds `donnees.json` (the account, and for a candidate their bilans:
consent, answers with the questions as they were asked, comments, messages,
synthèse versions and observations), one PDF of the answers per phase, and the
files they uploaded (answers' attachments, avatar). A conseiller's or an
administrator's export holds their account only: what they wrote in a bilan is
the candidate's bilan, exported to the candidate.

Small archives are handed over at once; large ones are built by a task
(`retention.tasks`) into the private storage and reached through a signed link
that only their owner, logged in, opens for `ARCHIVE_LIFETIME`.
"""

import json
import posixpath
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files import File
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import get_valid_filename, slugify

from phases.documents import PdfUnavailable, font_urls, write_pdf
from phases.models import (
    Bilan,
    PhaseSubmission,
    Post,
    RendezVous,
    SubmissionFile,
    Thread,
)
from phases.questions.blocks import field_block_for
from questionnaires.models import QuestionnaireResponse
from synthese.models import SECTIONS, Synthese
from synthese.pdf import render_pdf
from synthese.text import answer_text
from users.storage import private_storage

#: Above this total size of uploaded files, the archive is built in the
#: background and e-mailed as a link: a request must not hold a worker while
#: tens of megabytes are read and compressed (override with the setting).
DIRECT_MAX_BYTES = 20 * 1024 * 1024
#: How long the e-mailed link opens the archive; the file is deleted after.
ARCHIVE_LIFETIME = timedelta(days=7)
ARCHIVE_FOLDER = "exports"
LINK_SALT = "retention.personal_data"


def direct_max_bytes():
    return getattr(settings, "PERSONAL_DATA_DIRECT_MAX_BYTES", DIRECT_MAX_BYTES)


def _iso(value):
    return value.isoformat() if value else None


def _rendezvous_data(user):
    """The rendez-vous of the person's bilans, with their émargement."""
    return [
        {
            "bilan": rdv.bilan_id,
            "type": str(rdv.get_kind_display()),
            "debut": _iso(rdv.starts_at),
            "duree_minutes": rdv.duration_minutes,
            "modalite": str(rdv.get_modalite_display()),
            "lieu": rdv.place,
            "lien": rdv.link,
            "note": rdv.note,
            "statut": str(rdv.get_status_display()),
            "duree_reelle_minutes": rdv.actual_minutes,
            "marque_le": _iso(rdv.marked_at),
            "presence_confirmee_le": _iso(rdv.confirmed_at),
        }
        for rdv in RendezVous.objects.filter(bilan__candidate=user).order_by(
            "starts_at"
        )
    ]


def _name(user):
    return user.get_full_name() or user.username


def candidate_bilans(user):
    """The bilans whose content is the person's: those where they are the
    candidate (a conseiller's export holds no candidate's content)."""
    return (
        Bilan.objects.filter(candidate=user)
        .select_related("conseiller", "dabm__academie")
        .order_by("created_at", "pk")
    )


def uploaded_size(user):
    """Bytes of the files the archive would copy: the figure that decides
    whether it is built in the background."""
    files = SubmissionFile.objects.filter(submission__bilan__candidate=user)
    total = files.aggregate(total=Sum("size"))["total"] or 0
    if user.avatar:
        try:
            total += user.avatar.size
        except OSError:
            pass  # a missing file is reported in the archive, not here
    return total


def is_large(user):
    return uploaded_size(user) > direct_max_bytes()


# --- What the site stores, as JSON-able data --------------------------------


def account_data(user):
    """The account's fields, never the password (not even its hash)."""
    return {
        "identifiant": user.username,
        "prenom": user.first_name,
        "nom": user.last_name,
        "adresse_electronique": user.email,
        "role": str(user.get_role_display()),
        "conseiller_referent": user.is_referent,
        "academie": str(user.academie) if user.academie_id else None,
        "dabm": str(user.dabm) if user.dabm_id else None,
        "compte_actif": user.is_active,
        "mot_de_passe_provisoire": user.must_change_password,
        "cree_le": _iso(user.date_joined),
        "derniere_connexion": _iso(user.last_login),
        "avatar": None,
    }


def ordered_answers(submission, page=None):
    """(block id, question snapshot, answer) in the page's order (the phase's,
    or `page`'s), then the answers to questions since removed from the page."""
    page = page or submission.phase
    order = [child.id for child in page.questions()]
    keys = [k for k in order if k in submission.answers]
    keys += [k for k in submission.answers if k not in order]
    result = []
    for key in keys:
        snapshot = submission.questions.get(key) or {"label": "", "type": ""}
        result.append((key, snapshot, submission.answers[key]))
    return result


def answer_html(snapshot, answer):
    return field_block_for(snapshot.get("type")).render_answer(snapshot, answer)


def _consent_data(bilan):
    consent = getattr(bilan, "consent", None)
    if consent is None:
        return None
    text = consent.text()
    return {
        "donne_le": _iso(consent.given_at),
        "version_du_texte": {
            "revision": consent.revision_id,
            "publiee_le": _iso(consent.revision.created_at),
        },
        "titre": text.title,
        "texte": strip_tags(str(text.body)),
    }


def _post_data(post):
    return {
        "auteur": _name(post.author),
        "ecrit_le": _iso(post.created_at),
        "texte": post.body,
    }


def _synthese_data(bilan):
    synthese = Synthese.objects.filter(bilan=bilan).first()
    if synthese is None:
        return None
    # The versions submitted to the candidate, not the conseiller's draft: the
    # draft is work in progress the candidate has not been given.
    return {
        "remis_le": _iso(synthese.remis_at),
        "reception_accusee_le": _iso(synthese.acknowledged_at),
        "version_remise": (
            synthese.final_version.number if synthese.final_version_id else None
        ),
        "versions": [
            {
                "numero": version.number,
                "soumise_le": _iso(version.submitted_at),
                "sections": {
                    str(heading): getattr(version, name)
                    for name, heading, _help in SECTIONS
                },
                "observations": version.observations,
                "observations_le": _iso(version.observed_at),
            }
            for version in synthese.versions.order_by("number")
        ],
    }


@dataclass
class Archive:
    """What goes into the ZIP: the JSON document, the PDFs to make, the files
    to copy ((storage file, name in the archive))."""

    data: dict
    submissions: list = field(default_factory=list)
    files: list = field(default_factory=list)
    # The remis documents de synthèse, as the candidate downloads them.
    syntheses: list = field(default_factory=list)


class _Names:
    """Names inside the archive, made safe and unique."""

    def __init__(self):
        self.used = set()

    def __call__(self, folder, name):
        base = get_valid_filename(posixpath.basename(name or "")) or "fichier"
        stem, dot, ext = base.rpartition(".")
        if not dot:
            stem, ext = base, ""
        candidate, n = base, 1
        while posixpath.join(folder, candidate) in self.used:
            n += 1
            candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
        path = posixpath.join(folder, candidate)
        self.used.add(path)
        return path


def collect(user):
    """Everything the site stores about `user`, and the files to copy."""
    names = _Names()
    account = account_data(user)
    archive = Archive(data={})
    if user.avatar:
        account["avatar"] = names(
            "fichiers", "avatar-" + posixpath.basename(user.avatar.name)
        )
        archive.files.append((user.avatar, account["avatar"]))
    bilans = []
    for bilan in candidate_bilans(user):
        bilans.append(_bilan_data(bilan, archive, names))
    archive.data = {
        "genere_le": _iso(timezone.now()),
        "site": settings.WAGTAIL_SITE_NAME,
        "compte": account,
        "bilans": bilans,
        "rendez_vous": _rendezvous_data(user),
        "questionnaires": _questionnaire_data(user),
    }
    return archive


def _questionnaire_data(user):
    """Their answers to the questionnaires: anonymous to the académie, but
    theirs, so in their data."""
    responses = (
        QuestionnaireResponse.objects.filter(bilan__candidate=user)
        .select_related("questionnaire")
        .order_by("submitted_at")
    )
    return [
        {
            "bilan": response.bilan_id,
            "questionnaire": response.questionnaire.title,
            "envoye_le": _iso(response.submitted_at),
            "reponses": [
                {
                    "question_id": key,
                    "question": snapshot,
                    "reponse": answer,
                    "reponse_en_texte": answer_text(answer_html(snapshot, answer)),
                }
                for key, snapshot, answer in ordered_answers(
                    response, response.questionnaire
                )
            ],
        }
        for response in responses
    ]


def _bilan_data(bilan, archive, names):
    submissions = (
        PhaseSubmission.objects.filter(bilan=bilan)
        .select_related("phase")
        .prefetch_related("files")
        .order_by("phase__path")
    )
    threads = (
        Thread.objects.filter(bilan=bilan)
        .select_related("phase")
        .order_by("created_at", "pk")
    )
    posts = {}
    for post in Post.objects.filter(thread__bilan=bilan).select_related("author"):
        posts.setdefault(post.thread_id, []).append(_post_data(post))
    phases = []
    for submission in submissions:
        folder = posixpath.join("fichiers", slugify(submission.phase.title) or "phase")
        files = []
        for upload in submission.files.all():
            path = names(folder, upload.original_name)
            archive.files.append((upload.file, path))
            files.append(
                {
                    "question": upload.block_id,
                    "nom_d_origine": upload.original_name,
                    "taille": upload.size,
                    "type": upload.content_type,
                    "depose_le": _iso(upload.uploaded_at),
                    "fichier": path,
                }
            )
        pdf = None
        if submission.answers:
            pdf = names("reponses", f"{slugify(submission.phase.title)}.pdf")
            archive.submissions.append((submission, pdf))
        phases.append(
            {
                "phase": submission.phase.title,
                "statut": str(submission.get_status_display()),
                "commencee_le": _iso(submission.started_at),
                "modifiee_le": _iso(submission.updated_at),
                "terminee_le": _iso(submission.completed_at),
                "validee_le": _iso(submission.validated_at),
                "reponses": [
                    {
                        "question_id": key,
                        "question": snapshot,
                        "reponse": answer,
                        "reponse_en_texte": answer_text(answer_html(snapshot, answer)),
                    }
                    for key, snapshot, answer in ordered_answers(submission)
                ],
                "fichiers": files,
                "pdf": pdf,
            }
        )
    comments, messages = [], []
    for thread in threads:
        if thread.phase_id is None:
            messages.extend(posts.get(thread.pk, []))
            continue
        comments.append(
            {
                "phase": thread.phase.title,
                "question_id": thread.block_id,
                "resolu_le": _iso(thread.resolved_at),
                "messages": posts.get(thread.pk, []),
            }
        )
    data = {
        "identifiant": bilan.pk,
        "academie": str(bilan.dabm.academie),
        "dabm": str(bilan.dabm),
        "conseiller": _name(bilan.conseiller),
        "modalite": str(bilan.get_modalite_display()),
        "statut": str(bilan.get_status_display()),
        "date_de_debut": _iso(bilan.start_date),
        "date_de_fin": _iso(bilan.end_date),
        "cree_le": _iso(bilan.created_at),
        "phases_choisies": [
            row.phase.title
            for row in bilan.selected_phases.select_related("phase").order_by(
                "position"
            )
        ],
        "conservation_des_documents_jours": bilan.keep_documents_days,
        "conservation_repondue_le": _iso(bilan.keep_answered_at),
        "date_de_destruction": _iso(bilan.destruction_date()),
        "accord": _consent_data(bilan),
        "reponses_par_phase": phases,
        "commentaires": comments,
        "messages": messages,
        "document_de_synthese": _synthese_data(bilan),
    }
    synthese = Synthese.objects.filter(bilan=bilan, remis_at__isnull=False).first()
    if synthese is not None:
        path = names("", f"document-de-synthese-{bilan.pk}.pdf")
        archive.syntheses.append((synthese, path))
        data["document_de_synthese"]["pdf"] = path
    return data


# --- The PDFs and the ZIP ----------------------------------------------------


def answers_pdf(submission):
    """One phase's answers as a tagged PDF (/Lang fr), set as the synthèse is.
    Raises `PdfUnavailable`."""
    context = {
        "submission": submission,
        "phase": submission.phase,
        "bilan": submission.bilan,
        "candidate": submission.bilan.candidate,
        "answers": [
            {
                "question": str(snapshot.get("label", "")),
                "html": answer_html(snapshot, a),
            }
            for _key, snapshot, a in ordered_answers(submission)
        ],
        "fonts": font_urls(),
        "made_at": timezone.now(),
    }
    return write_pdf(
        render_to_string("retention/personal_data/answers_pdf.html", context),
        render_to_string("retention/personal_data/answers_pdf.css", context),
        fonts=context["fonts"],
    )


def write_zip(user, destination):
    """Write the person's archive into the binary file `destination`."""
    archive = collect(user)
    missing = []
    pdf_unavailable = False
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as zf:
        for submission, path in archive.submissions:
            try:
                zf.writestr(path, answers_pdf(submission))
            except PdfUnavailable:
                pdf_unavailable = True
                break
        for synthese, path in [] if pdf_unavailable else archive.syntheses:
            try:
                zf.writestr(path, render_pdf(synthese))
            except PdfUnavailable:
                pdf_unavailable = True
        if pdf_unavailable:
            for phase in _all_phases(archive.data):
                phase["pdf"] = None
            for bilan in archive.data["bilans"]:
                if bilan["document_de_synthese"]:
                    bilan["document_de_synthese"]["pdf"] = None
        for stored, path in archive.files:
            try:
                with stored.open("rb") as source, zf.open(path, "w") as target:
                    for chunk in iter(lambda s=source: s.read(1024 * 1024), b""):
                        target.write(chunk)
            except OSError:
                missing.append(path)
        archive.data["fichiers_introuvables"] = missing
        zf.writestr(
            "donnees.json",
            json.dumps(archive.data, ensure_ascii=False, indent=2, default=str),
        )
        zf.writestr(
            "LISEZ-MOI.txt",
            render_to_string(
                "retention/personal_data/readme.txt",
                {"pdf_unavailable": pdf_unavailable, "missing": missing},
            ),
        )


def _all_phases(data):
    for bilan in data["bilans"]:
        yield from bilan["reponses_par_phase"]


def build_temporary_zip(user):
    """The archive in a temporary file (in memory while small), at its start."""
    spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    write_zip(user, spooled)
    spooled.seek(0)
    return spooled


def archive_filename(user=None, moment=None):
    moment = moment or timezone.localtime()
    return f"mes-donnees-mon-bilan-en-ligne-{moment:%Y-%m-%d}.zip"


# --- Archives built in the background ----------------------------------------


def _folder(user_id):
    return f"{ARCHIVE_FOLDER}/{user_id}"


def store_archive(user):
    """Build the archive into the private storage; returns its storage name."""
    prune_archives()
    with build_temporary_zip(user) as temporary:
        name = f"{_folder(user.pk)}/{uuid.uuid4().hex}.zip"
        return private_storage().save(name, File(temporary, name=name))


def make_token(user, name):
    return signing.dumps({"u": user.pk, "f": name}, salt=LINK_SALT, compress=True)


class ArchiveExpired(Exception):
    """The link is older than ARCHIVE_LIFETIME (its file is deleted)."""


class ArchiveNotFound(Exception):
    """Not a link of ours, not this person's, or its file is gone."""


def stored_archive(token, user):
    """The storage name of the archive `token` opens for `user`.

    Raises `ArchiveExpired` (410: the link is too old, its file is removed now
    if still there, or already pruned) or `ArchiveNotFound` (404: a forged link,
    or someone else's).
    """
    try:
        payload = signing.loads(
            token, salt=LINK_SALT, max_age=ARCHIVE_LIFETIME.total_seconds()
        )
    except signing.SignatureExpired:
        payload = signing.loads(token, salt=LINK_SALT)
        if payload.get("u") == user.pk:
            _delete(payload.get("f", ""), user.pk)
        raise ArchiveExpired from None
    except signing.BadSignature:
        raise ArchiveNotFound from None
    name = payload.get("f", "")
    if payload.get("u") != user.pk or not _is_own(name, user.pk):
        raise ArchiveNotFound
    if not private_storage().exists(name):
        raise ArchiveExpired  # pruned: for its owner, the link has run out
    return name


def _is_own(name, user_id):
    return name.startswith(_folder(user_id) + "/") and ".." not in name


def _delete(name, user_id):
    storage = private_storage()
    if _is_own(name, user_id) and storage.exists(name):
        storage.delete(name)


def delete_archives(user_id):
    """Delete every archive built for this person (their account is erased)."""
    storage = private_storage()
    folder = _folder(user_id)
    if not storage.exists(folder):
        return 0
    _folders, files = storage.listdir(folder)
    for name in files:
        storage.delete(f"{folder}/{name}")
    return len(files)


def prune_archives(now=None):
    """Delete the archives older than ARCHIVE_LIFETIME; returns how many.

    Run each time an archive is built, and from the retention commands."""
    storage = private_storage()
    limit = (now or timezone.now()) - ARCHIVE_LIFETIME
    if not storage.exists(ARCHIVE_FOLDER):
        return 0
    removed = 0
    folders, _files = storage.listdir(ARCHIVE_FOLDER)
    for folder in folders:
        _sub, files = storage.listdir(f"{ARCHIVE_FOLDER}/{folder}")
        for name in files:
            path = f"{ARCHIVE_FOLDER}/{folder}/{name}"
            if storage.get_modified_time(path) < limit:
                storage.delete(path)
                removed += 1
    return removed
