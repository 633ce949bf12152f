"""E-mails of the synthèse: a step happened, here is the link; never its text."""

from django.urls import reverse

from users.emails import enqueue_email
from users.site_url import absolute_url


def _name(user):
    return user.get_full_name() or user.username


def _send(kind, recipient, context):
    if not recipient.email:
        return
    enqueue_email(
        f"synthese/emails/{kind}_subject.txt",
        f"synthese/emails/{kind}_body.txt",
        {"recipient_name": _name(recipient), **context},
        recipient.email,
    )


def candidate_url(bilan):
    return absolute_url(reverse("synthese:candidate", kwargs={"bilan_id": bilan.pk}))


def notify_submitted(bilan, version):
    """To the candidate: a version awaits their reading and observations."""
    _send(
        "submitted",
        bilan.candidate,
        {
            "conseiller_name": _name(bilan.conseiller),
            "number": version.number,
            "url": candidate_url(bilan),
        },
    )


def notify_observations(bilan, version):
    """To the conseiller: the candidate wrote observations on a version."""
    _send(
        "observations",
        bilan.conseiller,
        {
            "candidate_name": _name(bilan.candidate),
            "number": version.number,
            "url": absolute_url(
                reverse("synthese:editor", kwargs={"bilan_id": bilan.pk})
            ),
        },
    )


def notify_remis(bilan, synthese):
    """To the candidate: the document is remis, their PDF awaits them."""
    _send(
        "remis",
        bilan.candidate,
        {"conseiller_name": _name(bilan.conseiller), "url": candidate_url(bilan)},
    )
