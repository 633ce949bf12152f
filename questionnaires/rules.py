"""Which questionnaire a candidate is asked now, and sending their answers.

The satisfaction questionnaire is asked once the bilan is closed; the six-month
one once its follow-up e-mail went (`FollowUp`). Each is answered once per bilan,
and the answers cannot be changed afterwards: they are counted as given.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from phases.models import Bilan
from phases.questions.form import PhaseForm

from .content import installed_questionnaire
from .models import FollowUp, QuestionnairePage, QuestionnaireResponse

Kind = QuestionnairePage.Kind


class QuestionnaireError(Exception):
    """Base of the reasons answers are not taken."""


class AlreadyAnswered(QuestionnaireError):
    """This bilan's answers to this questionnaire were sent already."""


class InvalidAnswers(QuestionnaireError):
    """Some answers are missing or have the wrong format: `form` says which."""

    def __init__(self, form):
        super().__init__("invalid answers")
        self.form = form


def closed_bilans(user):
    """The candidate's closed bilans, the latest first."""
    return (
        Bilan.objects.visible_to(user)
        .filter(candidate=user, status=Bilan.Status.TERMINE)
        .order_by("-end_date", "-pk")
    )


def bilan_asked(user, questionnaire):
    """The bilan for which `user` is asked (or was asked) `questionnaire`: their
    latest closed bilan, followed up for the six-month one; None otherwise."""
    if not user.is_authenticated or not user.is_candidat:
        return None
    bilans = closed_bilans(user)
    if questionnaire.kind == Kind.SIX_MONTHS:
        bilans = bilans.filter(follow_up__isnull=False)
    return bilans.first()


def response_of(bilan, questionnaire):
    return QuestionnaireResponse.objects.filter(
        bilan=bilan, questionnaire=questionnaire
    ).first()


def pending_questionnaires(bilan):
    """The live questionnaires this closed bilan's candidate has yet to answer,
    in the order they come: what their dashboard offers."""
    if bilan is None or bilan.status != Bilan.Status.TERMINE:
        return []
    kinds = [Kind.SATISFACTION]
    if FollowUp.objects.filter(bilan=bilan).exists():
        kinds.append(Kind.SIX_MONTHS)
    answered = set(
        QuestionnaireResponse.objects.filter(bilan=bilan).values_list(
            "questionnaire__kind", flat=True
        )
    )
    pages = []
    for kind in kinds:
        if kind in answered:
            continue
        page = installed_questionnaire(kind)
        if page is not None and page.live:
            pages.append(page)
    return pages


def send_answers(bilan, questionnaire, *, data):
    """Store the answers once, all required ones given. Raises `InvalidAnswers`
    (with the bound form) and `AlreadyAnswered`; nothing is stored then."""
    form = PhaseForm(questionnaire, draft=False, data=data)
    if not form.is_valid():
        raise InvalidAnswers(form)
    children = {child.id: child for child in form.questions}
    answers, questions = {}, {}
    for block_id, answer in form.answers().items():
        if answer is None:
            continue
        child = children[block_id]
        answers[block_id] = answer
        questions[block_id] = child.block.snapshot(child.value)
    try:
        with transaction.atomic():
            return QuestionnaireResponse.objects.create(
                questionnaire=questionnaire,
                bilan=bilan,
                answers=answers,
                questions=questions,
                submitted_at=timezone.now(),
            )
    except IntegrityError:
        raise AlreadyAnswered("already answered") from None
