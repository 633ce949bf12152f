"""The candidate's answers beside the editor, each with its quotation.

Reading only, in three queries whatever the number of phases: the bilan's live
phases in order (their bodies give the questions), its submissions, and the
order of all phases (for each answer's likely section).
"""

from dataclasses import dataclass, field

from phases.models import BilanPhase, PhasePage, PhaseSubmission
from phases.questions.display import page_items
from phases.rules.answers import removed_answers

from .text import answer_text, quotation


@dataclass
class Answer:
    """One answer beside the editor. `text` is the phases' display of it read
    back as plain text: what the page shows in its narrow column (a wide table
    would scroll out of a keyboard's reach there) and what the quotation holds."""

    key: str
    question: str
    text: str
    quotation: str
    section: str = "competences"
    removed: bool = False


@dataclass
class PhaseAnswers:
    phase: object
    submission: PhaseSubmission
    answers: list = field(default_factory=list)


def answers_for_synthese(bilan):
    """The bilan's phases that have answers, in the bilan's order, each with its
    answered questions (and answers to questions since removed)."""
    selected = BilanPhase.objects.filter(bilan=bilan, phase__live=True).select_related(
        "phase"
    )
    submissions = {
        submission.phase_id: submission
        for submission in PhaseSubmission.objects.filter(bilan=bilan)
    }
    order = list(PhasePage.objects.live().order_by("path").values_list("pk", flat=True))
    result = []
    for row in selected:
        phase = row.phase
        section = likely_section(order.index(phase.pk), len(order))
        submission = submissions.get(phase.pk)
        if submission is None or not submission.answers:
            continue
        submission.bilan = bilan  # known already: no query
        group = PhaseAnswers(phase, submission)
        for item in page_items(phase, submission=submission):
            if item.get("question") and item.get("answer_html"):
                label = str(item["child"].value["label"])
                group.answers.append(
                    _answer(phase, item["child"].id, label, item["answer_html"])
                )
        for item in removed_answers(phase, submission):
            label = str(item["snapshot"].get("label", ""))
            answer = _answer(phase, item["block_id"], label, item["answer_html"])
            answer.removed = True
            group.answers.append(answer)
        for answer in group.answers:
            answer.section = section
        if group.answers:
            result.append(group)
    return result


def likely_section(position, count):
    """The section an answer most likely feeds, from its phase's place in the
    bilan's course: the first fifth tells the circumstances (request, history),
    the last three tenths the project (environment, feasibility, plan), the rest
    the competences. Only the insert menu's first choice: the conseiller picks."""
    if position < round(count / 5):
        return "circumstances"
    if position >= count - round(count * 3 / 10):
        return "project"
    return "competences"


def _answer(phase, block_id, label, html):
    text = answer_text(html)
    return Answer(
        key=f"{phase.pk}-{block_id}",
        question=label,
        text=text,
        quotation=quotation(phase.title, label, text),
    )


def quotations(groups):
    """{answer key: quotation}: what the insert buttons add (json_script)."""
    return {
        answer.key: answer.quotation for group in groups for answer in group.answers
    }
