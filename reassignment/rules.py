"""« Réaffecter les candidats »: a conseiller's bilans move to another conseiller
of the same académie, in one transaction.

Everything of a bilan hangs on the bilan (answers and files, comment and message
threads, rendez-vous and their émargement, the synthèse, its versions, the
candidate's observations and share links): changing `Bilan.conseiller` moves it
all, and nothing the old conseiller wrote is lost — their comments and messages
keep them as author, the synthèse keeps its text and versions, the rendez-vous
their émargement. What is per person is handed over:

- the bilan's DABM becomes the new conseiller's (a bilan belongs to its
  conseiller's DABM, as `create_bilan` decides), and so does the candidate
  account's, as when a bilan is created;
- the old conseiller's read markers on the bilan's threads become the new
  conseiller's: what the old one had read is not "unread" for the new one, and
  what the candidate wrote since stays unread for the new one to see.

Both conseillers and each candidate are told by e-mail (after the commit), and
the journal records the move on each candidate's account and on both
conseillers' accounts.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from phases.models import Bilan, ThreadRead
from users.models import User

from .emails import send_reassignment_emails

#: The journal's action codes (registered in wagtail_hooks).
CANDIDATE_REASSIGNED = "monbilan.bilan.reassigned"
CANDIDATES_HANDED_OVER = "monbilan.conseiller.candidates_handed_over"
CANDIDATES_RECEIVED = "monbilan.conseiller.candidates_received"


class ReassignmentRefused(Exception):
    """The move cannot be made as asked; the message says why, in French."""


def reassignable_bilans(conseiller):
    """The bilans a conseiller follows, as the reassignment page lists them."""
    return (
        Bilan.objects.filter(conseiller=conseiller)
        .select_related("candidate", "dabm")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def target_conseillers(conseiller):
    """Who may take over: the other active conseillers of the same académie,
    whatever their DABM, grouped by DABM."""
    return (
        User.objects.conseillers()
        .filter(
            is_active=True,
            academie_id=conseiller.academie_id,
            dabm__isnull=False,
        )
        .exclude(pk=conseiller.pk)
        .select_related("dabm")
        .order_by("dabm__name", "last_name", "first_name", "username")
    )


@transaction.atomic
def reassign_bilans(*, source, target, bilans, by):
    """Move `bilans` (bilans of `source`) to `target`; returns the moved bilans.

    Refused, with nothing changed, when no bilan is chosen, when the target is
    the source, is not an active conseiller of the same académie, has no DABM,
    or when a bilan is not (or no longer) the source's.
    """
    bilan_ids = sorted({bilan.pk for bilan in bilans})
    if not bilan_ids:
        raise ReassignmentRefused(_("Choisissez au moins un candidat à réaffecter."))
    if target.pk == source.pk:
        raise ReassignmentRefused(
            _("Choisissez un autre conseiller que celui qui suit déjà ces candidats.")
        )
    if not target_conseillers(source).filter(pk=target.pk).exists():
        raise ReassignmentRefused(
            _(
                "Ce conseiller ne peut pas recevoir ces candidats : choisissez un "
                "conseiller actif de la même académie."
            )
        )
    # Locked: a bilan moved meanwhile by someone else is not moved twice.
    moved = list(
        Bilan.objects.select_for_update()
        .filter(pk__in=bilan_ids, conseiller=source)
        .order_by("pk")
    )
    if len(moved) != len(bilan_ids):
        raise ReassignmentRefused(
            _(
                "Un des candidats choisis n'est plus suivi par ce conseiller : "
                "rechargez la page et recommencez."
            )
        )
    Bilan.objects.filter(pk__in=bilan_ids).update(
        conseiller=target, dabm=target.dabm_id
    )
    # One UPDATE: a candidate has no role group to sync (User.save), and the
    # académie goes with the DABM as User.save would set it.
    User.objects.filter(pk__in={bilan.candidate_id for bilan in moved}).exclude(
        dabm_id=target.dabm_id
    ).update(dabm_id=target.dabm_id, academie_id=target.academie_id)
    _hand_over_read_markers(source, target, bilan_ids)

    moved = list(reassignable_bilans(target).filter(pk__in=bilan_ids))
    names = sorted(str(bilan.candidate) for bilan in moved)
    for bilan in moved:
        log(
            instance=bilan.candidate,
            action=CANDIDATE_REASSIGNED,
            user=by,
            data={
                "bilan": bilan.pk,
                "from": str(source),
                "to": str(target),
            },
        )
    summary = {"count": len(moved), "candidates": names}
    log(
        instance=source,
        action=CANDIDATES_HANDED_OVER,
        user=by,
        data={**summary, "to": str(target)},
    )
    log(
        instance=target,
        action=CANDIDATES_RECEIVED,
        user=by,
        data={**summary, "from": str(source)},
    )
    transaction.on_commit(
        lambda: send_reassignment_emails(source=source, target=target, bilans=moved)
    )
    return moved


def _hand_over_read_markers(source, target, bilan_ids):
    """The source's read markers on these bilans' threads become the target's
    (a marker the target already had, from an earlier time they followed the
    bilan, keeps the later of the two dates)."""
    markers = ThreadRead.objects.filter(
        user=source, thread__bilan_id__in=bilan_ids
    ).only("thread_id", "last_read_at")
    theirs = {
        marker.thread_id: marker
        for marker in ThreadRead.objects.filter(
            user=target, thread__bilan_id__in=bilan_ids
        )
    }
    for marker in markers:
        existing = theirs.get(marker.thread_id)
        if existing is None:
            ThreadRead.objects.filter(pk=marker.pk).update(user=target)
        else:
            if marker.last_read_at > existing.last_read_at:
                existing.last_read_at = marker.last_read_at
                existing.save(update_fields=["last_read_at"])
            marker.delete()
