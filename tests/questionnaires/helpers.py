"""Closed bilans and their answers to the questionnaires, for the tests."""

import datetime
import html as html_lib

from django.utils import timezone

from phases.models import Bilan
from questionnaires.content import installed_questionnaire
from questionnaires.models import QuestionnairePage, QuestionnaireResponse
from tests.factories import UserFactory, bilan_for

Kind = QuestionnairePage.Kind


def read(response):
    """The page's text as a person reads it (entities decoded)."""
    return html_lib.unescape(response.content.decode())


def close(bilan, *, days_ago=0):
    """The bilan closed `days_ago` days ago (the closing itself is tested in
    tests/retention/test_closing.py)."""
    end = timezone.localdate() - datetime.timedelta(days=days_ago)
    Bilan.objects.filter(pk=bilan.pk).update(
        status=Bilan.Status.TERMINE, end_date=end, start_date=min(bilan.start_date, end)
    )
    bilan.refresh_from_db()
    return bilan


def questionnaire(kind=Kind.SATISFACTION):
    return installed_questionnaire(kind)


def questions_by_type(page):
    """{type name: [question child, …]} of the page."""
    result = {}
    for child in page.questions():
        result.setdefault(child.block.type_name, []).append(child)
    return result


def full_answers(page, *, choice_index=0, text="Un accompagnement attentif."):
    """POST data answering every question of `page`: the `choice_index`-th choice
    of each choice question, the same degree for every statement of a grid."""
    data = {}
    for child in page.questions():
        name = f"q-{child.id}"
        block = child.block
        if block.type_name == "long_text":
            answer = text
        elif block.type_name == "yes_no":
            answer = "oui" if choice_index % 2 == 0 else "non"
        elif block.type_name == "likert":
            scale = [str(s) for s in child.value["scale"]]
            answer = {
                str(statement): scale[choice_index % len(scale)]
                for statement in child.value["statements"]
            }
        else:
            choices = [str(c) for c in child.value["choices"]]
            answer = choices[choice_index % len(choices)]
        data.update(block.answer_data(child.value, name, answer) or {})
    return data


def plant_responses(page, conseiller, count, *, choice_index=0, when=None, dabm=None):
    """`count` closed bilans of new candidates of `conseiller`, each with its
    answers to `page` given through the rules (as the page does)."""
    from questionnaires.rules import send_answers

    responses = []
    for _index in range(count):
        candidate = UserFactory(dabm=dabm or conseiller.dabm)
        bilan = close(bilan_for(candidate, conseiller))
        response = send_answers(
            bilan, page, data=full_answers(page, choice_index=choice_index)
        )
        if when is not None:
            QuestionnaireResponse.objects.filter(pk=response.pk).update(
                submitted_at=when
            )
        responses.append(response)
    return responses
