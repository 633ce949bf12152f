"""The rules of the document de synthèse: one function each.

Views, the autosave endpoint, commands and tests all go through these. Its life
cycle: a draft the conseiller writes (saved with a version number, so a stale tab
never overwrites newer text) → "Soumettre au candidat" freezes a version and tells
the candidate → the candidate's observations on it → revised and submitted again
as often as needed → "Remettre le document de synthèse" makes the last version
final → the candidate's "J'accuse réception". Only after that may the candidate
share it.
"""

import secrets

from django.db import transaction
from django.utils import timezone

from .emails import notify_observations, notify_remis, notify_submitted
from .models import (
    SECTION_NAMES,
    SHARE_LINK_LIFETIME,
    ShareLink,
    ShareOpening,
    Synthese,
    SyntheseVersion,
)
from .text import normalise

#: The sections a submitted version must fill: the third ("le cas échéant") may
#: stay empty when the bilan ends without a project.
REQUIRED_SECTIONS = ("circumstances", "competences")


class SyntheseError(Exception):
    """Base of the reasons a step of the synthèse cannot be taken."""


class Conflict(SyntheseError):
    """The draft changed since the page was loaded (another tab or window)."""

    def __init__(self, synthese):
        super().__init__("stale version")
        self.synthese = synthese


class AlreadyRemis(SyntheseError):
    """The document is remis: it is final, nothing in it changes any more."""


class MissingSections(SyntheseError):
    """A version cannot be submitted with these legal sections empty."""

    def __init__(self, sections):
        super().__init__("missing sections")
        self.sections = sections


class Unchanged(SyntheseError):
    """The draft is the version the candidate has already received."""


class NotSubmitted(SyntheseError):
    """Nothing has been submitted to the candidate yet."""


class DraftAhead(SyntheseError):
    """The draft changed since the last version: the candidate has not read it."""


class StaleVersion(SyntheseError):
    """Observations on a version that is no longer the latest."""


class NotRemis(SyntheseError):
    """The document is not remis yet."""


class LinkClosed(SyntheseError):
    """The share link does not exist, has expired or was revoked."""


def synthese_for(bilan):
    """The bilan's synthèse; an unsaved, empty one if none yet."""
    synthese = Synthese.objects.filter(bilan=bilan).first()
    if synthese is None:
        synthese = Synthese(bilan=bilan)
    synthese.bilan = bilan  # known already: no query
    return synthese


def latest_version(synthese):
    if synthese.pk is None:
        return None
    return synthese.versions.order_by("-number").first()


def _locked(bilan):
    # The row lock makes the version check and the write one step, even when
    # two tabs post at the same moment.
    synthese, _created = Synthese.objects.select_for_update().get_or_create(bilan=bilan)
    synthese.bilan = bilan
    return synthese


def _write(synthese, texts):
    for name in SECTION_NAMES:
        if name in texts:
            setattr(synthese, name, normalise(texts[name]))
    synthese.version += 1
    synthese.save()


@transaction.atomic
def save_draft(bilan, *, texts, expected_version):
    """Save the three sections as they are ("Enregistrer" and the autosave).

    Raises `Conflict` when `expected_version` is not the stored one,
    `AlreadyRemis` once the document is remis.
    """
    synthese = _locked(bilan)
    if synthese.is_remis:
        raise AlreadyRemis("remis")
    if expected_version != synthese.version:
        raise Conflict(synthese)
    _write(synthese, texts)
    return synthese


@transaction.atomic
def insert_quotation(bilan, *, section, quotation, texts, expected_version):
    """Save the draft, then add a quotation at the end of one section (the
    insert button without JavaScript; with it, the page does the same and its
    autosave saves the result)."""
    if section not in SECTION_NAMES:
        raise ValueError(section)
    synthese = save_draft(bilan, texts=texts, expected_version=expected_version)
    current = getattr(synthese, section)
    joined = f"{current}\n\n{quotation}" if current else quotation
    _write(synthese, {section: joined})
    return synthese


def submit(bilan, *, texts=None, expected_version=None, notify=True):
    """ "Soumettre au candidat": freeze the draft as a new version and tell the
    candidate by e-mail (a link, never the text).

    With `texts`, the draft is saved first (same checks as `save_draft`). Raises
    `MissingSections` when a required section is empty, `Unchanged` when the
    draft is the last submitted version, `AlreadyRemis` once remis.
    """
    if texts is not None:
        # Saved on its own: a version that cannot be submitted yet (a section
        # to complete) must not lose what was just typed.
        expected_version = save_draft(
            bilan, texts=texts, expected_version=expected_version
        ).version
    with transaction.atomic():
        synthese = _locked(bilan)
        if expected_version is not None and synthese.version != expected_version:
            raise Conflict(synthese)
        if synthese.is_remis:
            raise AlreadyRemis("remis")
        missing = [name for name in REQUIRED_SECTIONS if not getattr(synthese, name)]
        if missing:
            raise MissingSections(missing)
        last = latest_version(synthese)
        if last is not None and last.texts() == synthese.texts():
            raise Unchanged("unchanged")
        version = SyntheseVersion.objects.create(
            synthese=synthese,
            number=(last.number + 1) if last else 1,
            submitted_at=timezone.now(),
            **synthese.texts(),
        )
        if notify:
            transaction.on_commit(lambda: notify_submitted(bilan, version))
    return version


def save_observations(bilan, *, number, text, notify=True):
    """The candidate's "Mes observations" on the version they read.

    Only the latest version takes observations, and only until the document is
    remis: `StaleVersion` when a newer one was submitted meanwhile (the
    candidate has not read it), `AlreadyRemis` after. The conseiller is told.
    """
    with transaction.atomic():
        synthese = _locked(bilan)
        if synthese.is_remis:
            raise AlreadyRemis("remis")
        last = latest_version(synthese)
        if last is None:
            raise NotSubmitted("nothing submitted")
        if last.number != number:
            raise StaleVersion("stale")
        last.observations = normalise(text)
        last.observed_at = timezone.now() if last.observations else None
        last.save(update_fields=["observations", "observed_at"])
        if notify and last.observations:
            transaction.on_commit(lambda: notify_observations(bilan, last))
    return last


def deliver(bilan, *, notify=True):
    """ "Remettre le document de synthèse": the last version becomes final.

    Raises `NotSubmitted` when no version exists, `DraftAhead` when the draft
    changed since (submit it first: the candidate must have read what is
    remis), `AlreadyRemis` when it is remis already.
    """
    with transaction.atomic():
        synthese = _locked(bilan)
        if synthese.is_remis:
            raise AlreadyRemis("remis")
        last = latest_version(synthese)
        if last is None:
            raise NotSubmitted("nothing submitted")
        if last.texts() != synthese.texts():
            raise DraftAhead("draft ahead")
        synthese.final_version = last
        synthese.remis_at = timezone.now()
        synthese.save(update_fields=["final_version", "remis_at", "updated_at"])
        if notify:
            transaction.on_commit(lambda: notify_remis(bilan, synthese))
    return synthese


def acknowledge(bilan):
    """ "J'accuse réception": dated once; clicking again changes nothing."""
    with transaction.atomic():
        synthese = _locked(bilan)
        if not synthese.is_remis:
            raise NotRemis("not remis")
        if synthese.acknowledged_at is None:
            synthese.acknowledged_at = timezone.now()
            synthese.save(update_fields=["acknowledged_at", "updated_at"])
    return synthese


def share(bilan):
    """ "Partager mon document de synthèse": a new link, valid 30 days."""
    synthese = synthese_for(bilan)
    if not synthese.is_remis:
        raise NotRemis("not remis")
    now = timezone.now()
    return ShareLink.objects.create(
        synthese=synthese,
        token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + SHARE_LINK_LIFETIME,
    )


def revoke(bilan, link_id):
    """Close one of the bilan's share links now (idempotent); None if not theirs."""
    link = ShareLink.objects.filter(synthese__bilan=bilan, pk=link_id).first()
    if link is not None and link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def shared_synthese(token):
    """The share link of `token` with its remis synthèse, if it opens now.

    Raises `LinkClosed` for an unknown, expired or revoked link.
    """
    link = (
        ShareLink.objects.open_at(timezone.now())
        .select_related(
            "synthese__final_version",
            "synthese__bilan__candidate",
            "synthese__bilan__conseiller",
            "synthese__bilan__dabm__academie",
        )
        .filter(token=token, synthese__remis_at__isnull=False)
        .first()
    )
    if link is None:
        raise LinkClosed("closed")
    return link


def record_opening(link):
    """Log one opening of a share link: the candidate sees when it was used."""
    return ShareOpening.objects.create(link=link, opened_at=timezone.now())
