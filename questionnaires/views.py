"""The questionnaire page as each person sees it.

A candidate whose closed bilan it is asked for fills it in once, then reads their
answers; a candidate not asked (yet) is told when it comes; the staff read its
questions, never anyone's answers. Served through Wagtail's `on_serve_page` hook
(`wagtail_hooks`), as the phases are: the page model cannot import this module.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phases.questions.display import page_items
from phases.questions.form import PhaseForm

from .models import QuestionnairePage
from .rules import (
    AlreadyAnswered,
    InvalidAnswers,
    bilan_asked,
    response_of,
    send_answers,
)


def serve_questionnaires(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, QuestionnairePage):
            return questionnaire_page(request, page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner


def questionnaire_page(request, page):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = {"page": page}
    if not user.is_candidat:
        return _preview(request, page, context)
    bilan = bilan_asked(user, page)
    if bilan is None:
        return render(request, page.template, {**context, "mode": "not_asked"})
    response = response_of(bilan, page)
    if response is not None:
        context.update(mode="answered", response=response)
        context["items"] = page_items(page, submission=response)
        return render(request, page.template, context)
    status = 200
    if request.method == "POST":
        try:
            send_answers(bilan, page, data=request.POST)
        except InvalidAnswers as error:
            form = error.form
            status = 400
            context["error"] = "invalid"
        except AlreadyAnswered:
            messages.info(
                request, _("Vos réponses à ce questionnaire sont déjà envoyées.")
            )
            return redirect(page.get_url(request))
        else:
            messages.success(
                request,
                _("Merci ! Vos réponses sont envoyées. Elles restent anonymes."),
            )
            return redirect(page.get_url(request))
    else:
        form = PhaseForm(page, draft=False)
    context.update(mode="form", form=form, items=page_items(page, form=form))
    return render(request, page.template, context, status=status)


def _preview(request, page, context):
    """Conseillers, référents and administrators read the questions only, as in
    Wagtail's « Aperçu » (`QuestionnairePage.get_preview_context`)."""
    context.update(page.get_preview_context(request, page.default_preview_mode))
    return render(request, page.template, context)
