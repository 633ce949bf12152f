"""How a phase is shown: its body in order, each question with its field or answer."""

from django.utils import timezone

from .blocks import FieldBlock
from .conversations import comment_threads, open_threads


def page_items(phase, *, form=None, submission=None):
    """The body in order: content blocks as they are, questions with their field
    (form mode) or their rendered answer (read-only mode)."""
    bound = {}
    if form is not None:
        bound = {child.id: field for child, field in form.bound_questions()}
    items = []
    for child in phase.body:
        if not isinstance(child.block, FieldBlock):
            items.append({"child": child})
            continue
        item = {"child": child, "question": True, "field": bound.get(child.id)}
        if submission is not None:
            answer = submission.answers.get(child.id)
            if answer is not None:
                item["answer_html"] = child.block.render_answer(
                    child.block.snapshot(child.value), answer
                )
        items.append(item)
    return items


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
