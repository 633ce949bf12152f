"""E-mails of the bilan: who is told what, with a link and never any content.

The text of answers, comments and messages stays on the site, behind the login
and the scoping: an e-mail only says that something happened and where to read
it. Every message leaves through the task queue (`users.tasks.send_email`).
"""

from django.urls import reverse

from users.emails import enqueue_email

# Links open on the site the person was using (the request being answered), or
# on SITE_URL outside any request; the task only receives the finished text.
from users.site_url import absolute_url


def phase_path(phase):
    """The phase page's path on its site, whatever the number of sites."""
    _site_id, _root, path = phase.get_url_parts()
    return path


def review_path(bilan_id, phase_id):
    return reverse("bilan_phase", kwargs={"bilan_id": bilan_id, "phase_id": phase_id})


def question_path(bilan, phase, block_id, *, for_candidate):
    """Where a party reads one answer's thread: the candidate on the phase page,
    the conseiller on the review page."""
    path = phase_path(phase) if for_candidate else review_path(bilan.pk, phase.pk)
    return f"{path}#question-{block_id}"


def _name(user):
    return user.get_full_name() or user.username


def _send(kind, recipient, context):
    if not recipient.email:
        return
    enqueue_email(
        f"phases/emails/{kind}_subject.txt",
        f"phases/emails/{kind}_body.txt",
        {"recipient": recipient, "recipient_name": _name(recipient), **context},
        recipient.email,
    )


def notify_phase_completed(submission):
    """To the conseiller: their candidate finished a phase."""
    bilan = submission.bilan
    _send(
        "phase_completed",
        bilan.conseiller,
        {
            "conseiller": bilan.conseiller,
            "candidate": bilan.candidate,
            "phase": submission.phase,
            "url": absolute_url(review_path(bilan.pk, submission.phase_id)),
        },
    )


def _tell_candidate_about_phase(kind, submission):
    bilan = submission.bilan
    _send(
        kind,
        bilan.candidate,
        {
            "conseiller_name": _name(bilan.conseiller),
            "phase": submission.phase,
            "url": absolute_url(phase_path(submission.phase)),
        },
    )


def notify_phase_validated(submission):
    """To the candidate: their conseiller validated a phase."""
    _tell_candidate_about_phase("phase_validated", submission)


def notify_phase_reopened(submission):
    """To the candidate: they may change their answers to a phase again."""
    _tell_candidate_about_phase("phase_reopened", submission)


def notify_new_post(post):
    """To the other party of the bilan: a new comment or message awaits them."""
    thread = post.thread
    bilan = thread.bilan
    to_candidate = post.author_id != bilan.candidate_id
    recipient = bilan.candidate if to_candidate else bilan.conseiller
    if thread.phase_id is None:
        kind = "new_message"
        path = reverse("bilan_messages", kwargs={"bilan_id": bilan.pk})
    else:
        kind = "new_comment"
        path = question_path(
            bilan, thread.phase, thread.block_id, for_candidate=to_candidate
        )
    _send(
        kind,
        recipient,
        {
            "author_name": _name(post.author),
            "to_candidate": to_candidate,
            "phase": thread.phase,
            "url": absolute_url(path),
        },
    )
