"""How a phase is shown: its body in order, each question with its field or answer."""

from .blocks import FieldBlock


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
