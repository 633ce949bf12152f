"""Comments on answers and messages of a bilan: one function per rule.

A comment thread belongs to one answer (bilan, phase, question block id); the
message thread to the bilan. Only the bilan's candidate and conseiller write and
read them (`Thread.objects.visible_to`). What a user has read is one row per
(user, thread), `ThreadRead.last_read_at`: everything written after it by the other
party is unread, which counts in one query for any number of threads.
"""

from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from ..emails import notify_new_post
from ..models import PhaseSubmission, Post, Thread, ThreadRead


class ConversationError(Exception):
    """Base of the reasons a comment or message cannot be written."""


class NotAParty(ConversationError):
    """Only the bilan's candidate and conseiller write in its threads."""


class UnknownQuestion(ConversationError):
    """The comment names no question of the phase (nor a removed, answered one)."""


def comment_targets(bilan, phase):
    """Block ids a comment may be attached to: the phase's questions, and the
    answered questions a référent has since removed."""
    targets = {child.id for child in phase.questions()}
    submission = PhaseSubmission.objects.filter(bilan=bilan, phase=phase).first()
    if submission is not None:
        targets.update(submission.answers)
    return targets


def add_comment(bilan, phase, block_id, *, author, body, notify=True):
    """Write under one answer; the other party is told by e-mail (a link only).

    A new comment on a resolved thread opens it again: there is something to
    talk about.
    """
    _check_party(bilan, author)
    if block_id not in comment_targets(bilan, phase):
        raise UnknownQuestion(block_id)
    with transaction.atomic():
        thread, _created = Thread.objects.get_or_create(
            bilan=bilan, phase=phase, block_id=block_id
        )
        return _post(thread, author, body, notify, reopen=True)


def post_message(bilan, *, author, body, notify=True):
    """Write in the bilan's message thread; the other party is told by e-mail."""
    _check_party(bilan, author)
    with transaction.atomic():
        thread, _created = Thread.objects.get_or_create(
            bilan=bilan, phase=None, block_id=""
        )
        return _post(thread, author, body, notify, reopen=False)


def _post(thread, author, body, notify, *, reopen):
    if reopen and thread.resolved_at is not None:
        thread.resolved_at = None
        thread.resolved_by = None
        thread.save(update_fields=["resolved_at", "resolved_by"])
    post = Post.objects.create(thread=thread, author=author, body=body.strip())
    # The author has read their own thread up to their post.
    mark_read(author, [thread.pk], at=post.created_at)
    if notify:
        transaction.on_commit(lambda: notify_new_post(post))
    return post


def set_resolved(thread, *, by, resolved=True):
    """Mark a comment thread resolved (or open it again)."""
    _check_party(thread.bilan, by)
    thread.resolved_at = timezone.now() if resolved else None
    thread.resolved_by = by if resolved else None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    return thread


def mark_read(user, thread_ids, *, at=None):
    """Record that `user` has read these threads up to `at` (now): one query."""
    if not thread_ids:
        return
    at = at or timezone.now()
    ThreadRead.objects.bulk_create(
        [
            ThreadRead(thread_id=thread_id, user=user, last_read_at=at)
            for thread_id in thread_ids
        ],
        update_conflicts=True,
        unique_fields=["thread", "user"],
        update_fields=["last_read_at"],
    )


def _is_party(bilan, user):
    parties = (bilan.candidate_id, bilan.conseiller_id)
    return user.is_authenticated and user.pk in parties


def _check_party(bilan, user):
    if not _is_party(bilan, user):
        raise NotAParty("not a party of this bilan")


def _posts_for(user, bilan, **filters):
    """The bilan's posts, oldest first, each flagged `is_unread` for the user.

    Only the bilan's two parties read them: anyone else gets none, without a
    query. The same rule as `Thread.objects.visible_to`, checked on the bilan in
    hand, so the query stays a plain filter (this runs on every phase page).
    """
    if not _is_party(bilan, user):
        return []
    read = ThreadRead.objects.filter(
        thread_id=OuterRef("thread_id"),
        user_id=user.pk,
        last_read_at__gte=OuterRef("created_at"),
    )
    posts = (
        Post.objects.filter(thread__bilan=bilan, **filters)
        .select_related("thread", "author")
        .annotate(seen=Exists(read))
        .order_by("created_at", "pk")
    )
    result = list(posts)
    for post in result:
        post.is_unread = post.author_id != user.pk and not post.seen
        post.is_mine = post.author_id == user.pk
    return result


def with_comment_flag(bilans, phase):
    """Annotate `has_comments` (any thread on this phase's answers) on a bilan
    queryset, so that `comment_threads` skips its query when there is none."""
    return bilans.annotate(
        has_comments=Exists(Thread.objects.filter(bilan=OuterRef("pk"), phase=phase))
    )


def comment_threads(bilan, phase, user):
    """{block id: thread} of one phase, each thread with `post_list` (one query,
    none for a bilan read through `with_comment_flag` that has no thread)."""
    threads = {}
    if not getattr(bilan, "has_comments", True):
        return threads
    for post in _posts_for(user, bilan, thread__phase=phase):
        thread = threads.setdefault(post.thread.block_id, post.thread)
        if not hasattr(thread, "post_list"):
            thread.post_list = []
        thread.post_list.append(post)
    for thread in threads.values():
        thread.unread_count = sum(1 for post in thread.post_list if post.is_unread)
    return threads


def message_posts(bilan, user):
    """The bilan's messages, oldest first, flagged unread or not (one query)."""
    posts = _posts_for(user, bilan, thread__phase__isnull=True)
    if posts:
        posts[0].thread.unread_count = sum(1 for post in posts if post.is_unread)
    return posts


def open_threads(user, threads, *, at):
    """Mark read the threads just shown that held unread posts (no query if none)."""
    mark_read(user, [thread.pk for thread in threads if thread.unread_count], at=at)


def unread_counts(bilan, user):
    """{phase id (None for messages): number of unread posts} (one query)."""
    rows = (
        Post.objects.visible_to(user)
        .unread_by(user)
        .filter(thread__bilan=bilan)
        .values("thread__phase_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["thread__phase_id"]: row["count"] for row in rows}


def attach_threads(items, removed, threads):
    """Put each comment thread with its question, current or removed."""
    for item in items:
        if item.get("question"):
            item["thread"] = threads.get(item["child"].id)
    for item in removed:
        item["thread"] = threads.get(item["block_id"])


def show_threads(user, bilan, phase, items, removed):
    """Put the phase's comment threads with their questions; showing them to
    `user` marks them read."""
    shown_at = timezone.now()
    threads = comment_threads(bilan, phase, user)
    attach_threads(items, removed, threads)
    open_threads(user, threads.values(), at=shown_at)
