"""The e-mail of the closing: the bilan is closed, the keep question awaits."""

from django.urls import reverse

from users.emails import enqueue_email

# The link opens on the site the conseiller was using (the request being
# answered), or on SITE_URL outside any request.
from users.site_url import absolute_url


def _name(user):
    return user.get_full_name() or user.username


def notify_bilan_closed(bilan, *, days):
    """To the candidate: their bilan is closed; their dashboard asks whether to
    keep their documents for the follow-up interview, within `days` days."""
    candidate = bilan.candidate
    if not candidate.email:
        return
    enqueue_email(
        "retention/emails/closing_subject.txt",
        "retention/emails/closing_body.txt",
        {
            "recipient_name": _name(candidate),
            "conseiller_name": _name(bilan.conseiller),
            "days": days,
            "url": absolute_url(reverse("dashboard")),
        },
        candidate.email,
    )
