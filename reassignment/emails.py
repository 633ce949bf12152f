"""The e-mails of a reassignment: each candidate, the new conseiller, the old one.

Names and links only, never anything of a bilan's content (users.emails). Links
are absolute (`users.site_url`): the request being answered, else SITE_URL.
"""

from django.urls import reverse

from users.emails import enqueue_email
from users.site_url import absolute_url


def _name(user):
    return user.get_full_name() or user.username


def send_reassignment_emails(*, source, target, bilans):
    """Tell each active candidate who their conseiller now is, the new conseiller
    which candidates they now follow (with a link to each bilan), and the old
    one which candidates went to whom.

    A blocked candidate cannot open the site: they are not written to; the old
    conseiller is, blocked or not (their e-mail has no link).
    """
    dashboard_url = absolute_url(reverse("dashboard"))
    for bilan in bilans:
        candidate = bilan.candidate
        if not (candidate.email and candidate.is_active):
            continue
        enqueue_email(
            "reassignment/emails/candidate_subject.txt",
            "reassignment/emails/candidate_body.txt",
            {
                "recipient_name": _name(candidate),
                "conseiller_name": _name(target),
                "conseiller_email": target.email,
                "previous_name": _name(source),
                "url": dashboard_url,
            },
            candidate.email,
        )
    candidates = [
        {
            "name": _name(bilan.candidate),
            "url": absolute_url(reverse("bilan_detail", args=[bilan.pk])),
        }
        for bilan in sorted(bilans, key=lambda b: _name(b.candidate).lower())
    ]
    context = {
        "count": len(candidates),
        "candidates": candidates,
        "source_name": _name(source),
        "target_name": _name(target),
    }
    if target.email:
        enqueue_email(
            "reassignment/emails/new_conseiller_subject.txt",
            "reassignment/emails/new_conseiller_body.txt",
            {**context, "recipient_name": _name(target), "url": dashboard_url},
            target.email,
        )
    if source.email:
        enqueue_email(
            "reassignment/emails/old_conseiller_subject.txt",
            "reassignment/emails/old_conseiller_body.txt",
            {**context, "recipient_name": _name(source)},
            source.email,
        )
