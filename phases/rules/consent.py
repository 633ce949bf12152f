"""The candidate's consent: given once per bilan, to the text live at that moment.

Nothing of a bilan is done before it (the gate, `phases.consent_gate`, sends the
candidate to the consent page first); `give_consent` records it with the exact
version of the text, and the académie's journal says it happened.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from ..content.consent_page import install_consent_page
from ..models import Bilan, Consent, ConsentPage

#: The journal's action (registered in `phases.wagtail_hooks`).
CONSENT_GIVEN = "monbilan.consent.given"


class ConsentTextUnavailable(Exception):
    """No published consent text: there is nothing to accept for now."""


def consent_text():
    """The consent page as published now.

    A site that has none yet (upgraded without running the installer) gets the
    default text, so that candidates are never locked out. A page a référent has
    unpublished is respected: nothing can be accepted until it is published again.
    """
    page = ConsentPage.objects.live().select_related("live_revision").first()
    if page is None:
        if ConsentPage.objects.exists():
            raise ConsentTextUnavailable
        page = install_consent_page()
        if page is None:  # not even a home page to put it under
            raise ConsentTextUnavailable
    return page


def bilans_awaiting_consent(user):
    """The user's bilans, as their candidate, that have no consent yet."""
    return Bilan.objects.filter(candidate_id=user.pk, consent__isnull=True)


def needs_consent(user):
    """Whether a logged-in candidate must consent before using the site."""
    return bool(
        user.is_authenticated
        and user.is_candidat
        and bilans_awaiting_consent(user).exists()
    )


@transaction.atomic
def give_consent(candidate, *, page=None):
    """The candidate consents to each of their bilans that awaits it.

    Stored with the date and time and the revision of the consent page live at
    that moment (`page`, else the published text); one entry in the journal per
    bilan. Returns the new consents (none when there was nothing to consent to,
    e.g. after a double click).
    """
    page = page or consent_text()
    revision = page.live_revision
    if revision is None:
        raise ConsentTextUnavailable
    # The candidate's bilans are locked before reading which await consent: a
    # second, simultaneous click waits here, then finds nothing left to do.
    list(Bilan.objects.select_for_update().filter(candidate=candidate).values("pk"))
    now = timezone.now()
    consents = [
        Consent.objects.create(bilan=bilan, revision=revision, given_at=now)
        for bilan in bilans_awaiting_consent(candidate).order_by("created_at")
    ]
    for consent in consents:
        log(
            instance=candidate,
            action=CONSENT_GIVEN,
            user=candidate,
            data={"bilan": consent.bilan_id, "revision": revision.pk},
        )
    return consents
