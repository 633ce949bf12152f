"""The e-mail of the closing: the bilan is closed, the keep question awaits."""

from django.urls import reverse

from questionnaires.content import installed_questionnaire
from questionnaires.models import QuestionnairePage
from users.emails import enqueue_email

# The link opens on the site the conseiller was using (the request being
# answered), or on SITE_URL outside any request.
from users.site_url import absolute_url


def _name(user):
    return user.get_full_name() or user.username


def notify_bilan_closed(bilan, *, days):
    """To the candidate: their bilan is closed; their dashboard asks whether to
    keep their documents for the follow-up interview, within `days` days; and
    the « Questionnaire de satisfaction » awaits them (when it is published)."""
    candidate = bilan.candidate
    if not candidate.email:
        return
    questionnaire = installed_questionnaire(QuestionnairePage.Kind.SATISFACTION)
    questionnaire_url = ""
    if questionnaire is not None and questionnaire.live:
        questionnaire_url = absolute_url(questionnaire.get_url())
    enqueue_email(
        "retention/emails/closing_subject.txt",
        "retention/emails/closing_body.txt",
        {
            "recipient_name": _name(candidate),
            "conseiller_name": _name(bilan.conseiller),
            "days": days,
            "url": absolute_url(reverse("dashboard")),
            "questionnaire_title": questionnaire.title if questionnaire_url else "",
            "questionnaire_url": questionnaire_url,
        },
        candidate.email,
    )
