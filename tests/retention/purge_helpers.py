"""A bilan full of distinctive texts, closed, for the purge's tests."""

import datetime
import os

from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone

from wagtail.log_actions import log

import pytest

from phases.models import (
    Bilan,
    PhaseSubmission,
    Post,
    RendezVous,
    SubmissionFile,
    Thread,
)
from synthese.models import ShareLink, ShareOpening, Synthese, SyntheseVersion

#: Every text the filled bilan holds: none may remain anywhere after a purge.
SECRETS = {
    "first_name": "Zéphyrinette",
    "last_name": "Quasibrontë",
    "email": "zephyrinette.quasibronte@exemple.fr",
    "username": "zephyrinette.q",
    "answer": "Réponse-secrète-hippocampe",
    "question": "Question-posée-salamandre",
    "file_name": "cv-ornithorynque.pdf",
    "file_body": "contenu-du-fichier-pangolin",
    "comment": "Commentaire-axolotl",
    "message": "Message-okapi",
    "draft": "Brouillon-narval",
    "version": "Version-tatou",
    "observation": "Observation-quokka",
    "token": "jeton-de-partage-wombat",
    "rendezvous_note": "Note-de-rendez-vous-tapir",
    "rendezvous_place": "Salle-du-lamantin",
}


def fill(bilan, *, phase, closed_on, by):
    """Answers, a file, a comment, a message, a synthèse remise with an
    observation, a share link opened once, journal entries; then closed on
    `closed_on`. Returns the stored file (its storage and name)."""
    candidate = bilan.candidate
    candidate.first_name = SECRETS["first_name"]
    candidate.last_name = SECRETS["last_name"]
    candidate.email = SECRETS["email"]
    candidate.username = SECRETS["username"]
    candidate.save()
    now = timezone.now()
    submission = PhaseSubmission.objects.create(
        bilan=bilan,
        phase=phase,
        answers={"b1": SECRETS["answer"]},
        questions={"b1": {"label": SECRETS["question"], "type": "text"}},
        status=PhaseSubmission.Status.VALIDEE,
        started_at=now,
        completed_at=now,
        validated_at=now,
    )
    stored = SubmissionFile(
        submission=submission,
        block_id="b1",
        original_name=SECRETS["file_name"],
        size=len(SECRETS["file_body"]),
        content_type="application/pdf",
    )
    stored.file.save("x", ContentFile(SECRETS["file_body"].encode()), save=False)
    stored.save()
    comments = Thread.objects.create(bilan=bilan, phase=phase, block_id="b1")
    Post.objects.create(thread=comments, author=by, body=SECRETS["comment"])
    messages = Thread.objects.create(bilan=bilan)
    Post.objects.create(thread=messages, author=candidate, body=SECRETS["message"])
    synthese = Synthese.objects.create(
        bilan=bilan,
        circumstances=SECRETS["draft"],
        competences=SECRETS["draft"],
        project=SECRETS["draft"],
        remis_at=now,
    )
    version = SyntheseVersion.objects.create(
        synthese=synthese,
        number=1,
        circumstances=SECRETS["version"],
        competences=SECRETS["version"],
        project=SECRETS["version"],
        observations=SECRETS["observation"],
        observed_at=now,
    )
    Synthese.objects.filter(pk=synthese.pk).update(final_version=version)
    link = ShareLink.objects.create(synthese=synthese, token=SECRETS["token"])
    ShareOpening.objects.create(link=link)
    RendezVous.objects.create(
        bilan=bilan,
        kind=RendezVous.Kind.PRELIMINAIRE,
        starts_at=now - datetime.timedelta(days=90),
        duration_minutes=60,
        modalite=RendezVous.Modalite.PRESENTIEL,
        place=SECRETS["rendezvous_place"],
        note=SECRETS["rendezvous_note"],
        status=RendezVous.Status.REALISE,
        actual_minutes=60,
    )
    log(instance=candidate, action="wagtail.edit", user=by)
    log(
        instance=bilan, action="wagtail.edit", user=by, data={"note": SECRETS["answer"]}
    )
    log(instance=candidate, action="wagtail.edit", user=candidate)
    Bilan.objects.filter(pk=bilan.pk).update(
        end_date=closed_on,
        start_date=closed_on - datetime.timedelta(days=60),
        status=Bilan.Status.TERMINE,
    )
    bilan.refresh_from_db()
    return stored.file


def captured(execute=True):
    """`with captured():` runs what a commit queues (the files' removal, the
    e-mails), as on a server; the test's own transaction never commits."""
    return TestCase.captureOnCommitCallbacks(using="default", execute=execute)


def _stored_files():
    root = SubmissionFile._meta.get_field("file").storage.location
    return {
        os.path.join(folder, name)
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


@pytest.fixture
def own_files():
    """The files a test stores are removed after it (the storage folder is the
    session's), so that one test's scan never sees another's."""
    before = _stored_files()
    yield
    for path in _stored_files() - before:
        os.remove(path)
