"""The conseiller's workspace: dashboard, "Ajouter un candidat", review of a bilan.

Thin views: the scoping querysets say what the user may see (404 otherwise), the
rules of `phases.rules` do the
work.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from users.accounts import invitation_refusal

from ..models import Bilan, PhasePage
from ..overview import BilanRow, bilan_overview, followed_bilans
from ..questions.display import page_items
from ..rendezvous_overview import rendezvous_of_bilan, rendezvous_of_user
from ..rules.answers import (
    BilanClosed,
    PhaseNotCompleted,
    PhaseNotReopenable,
    removed_answers,
    reopen_phase,
    submission_for,
    validate_phase,
)
from ..rules.bilans import (
    PhasesHaveAnswers,
    answered_phase_ids,
    create_candidate_with_bilan,
    update_bilan,
)
from ..rules.threads import show_threads
from ..templatetags.french_text import of_name
from .forms import (
    BilanForm,
    CandidateForm,
    DashboardFilterForm,
)

PAGE_SIZE = 20


def followed_bilan(user, bilan_id):
    """The bilan if the user is its conseiller; 404 for anyone else."""
    return get_object_or_404(
        Bilan.objects.followed_by(user).select_related("candidate", "dabm", "consent"),
        pk=bilan_id,
    )


def selected_phase(bilan, phase_id):
    """A published phase the bilan selects, or 404."""
    return get_object_or_404(PhasePage.objects.selected_by(bilan), pk=phase_id)


def answers_by_section(items):
    """The phase as its conseiller reads it: each question with its answer, under
    the section heading that groups it.

    The rest of the body (instructions, advice, images, videos) is written to the
    candidate ("écrivez avec vos mots…"): shown to the conseiller it reads as if
    addressed to them. The page links to the phase as the candidate sees it.
    """
    kept, heading = [], None
    for item in items:
        if item.get("question"):
            if heading is not None:
                kept.append(heading)
                heading = None
            kept.append(item)
        elif item["child"].block_type == "heading":
            heading = item  # kept only if a question follows it
    return kept


def dashboard_conseiller(request):
    """Tableau de bord of a conseiller: their candidates, filtered and paginated."""
    form = DashboardFilterForm(request.GET or None)
    bilans = followed_bilans(request.user, **form.filters())
    page = Paginator(bilans, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "phases/conseiller/dashboard.html",
        {
            "filter_form": form,
            "page_obj": page,
            "rows": [BilanRow(bilan) for bilan in page],
            "filtered": form.is_bound and any(form.filters().values()),
            "my_rendezvous": rendezvous_of_user(request.user),
        },
    )


@login_required
def add_candidate(request):
    """ "Ajouter un candidat": their account and their bilan with this conseiller."""
    if not request.user.is_conseiller:
        raise Http404
    form = CandidateForm(request.POST or None, conseiller=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            bilan = create_candidate_with_bilan(
                conseiller=request.user,
                username=data["username"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                modalite=data["modalite"],
                phases=list(data["phases"]),
                password=data["password1"],
                notify=data["notify"],
                request=request,
            )
        except IntegrityError:
            # Another conseiller took the identifiant or the address meanwhile.
            form.add_error(
                None,
                _(
                    "Cet identifiant de connexion ou cette adresse électronique vient "
                    "d'être utilisé par un autre compte : modifiez-les puis "
                    "réessayez."
                ),
            )
        else:
            candidate = bilan.candidate
            if data["notify"]:
                text = _(
                    "Le compte %(of_name)s est créé. Un courriel lui a été envoyé "
                    "pour choisir son mot de passe."
                )
            else:
                text = _(
                    "Le compte %(of_name)s est créé. Communiquez-lui son identifiant "
                    "et son mot de passe temporaire."
                )
            messages.success(request, text % {"of_name": of_name(candidate)})
            return redirect("bilan_detail", bilan_id=bilan.pk)
    return render(request, "phases/conseiller/add_candidate.html", {"form": form})


@login_required
def bilan_detail(request, bilan_id):
    """A candidate's bilan for their conseiller: phases, statuses, actions."""
    bilan = followed_bilan(request.user, bilan_id)
    return render(
        request,
        "phases/conseiller/bilan_detail.html",
        {
            "bilan": bilan,
            "candidate": bilan.candidate,
            # « Renvoyer l'invitation »: the rule of users.accounts, not the page's.
            "can_resend_invitation": invitation_refusal(bilan.candidate) is None,
            "bilan_rendezvous": rendezvous_of_bilan(bilan),
            **bilan_overview(bilan, request.user),
        },
    )


@login_required
def edit_bilan(request, bilan_id):
    """Change the modalité and the phases of a bilan."""
    bilan = followed_bilan(request.user, bilan_id)
    form = BilanForm(request.POST or None, bilan=bilan)
    if request.method == "POST" and form.is_valid():
        try:
            update_bilan(
                bilan,
                modalite=form.cleaned_data["modalite"],
                phases=list(form.cleaned_data["phases"]),
            )
        except PhasesHaveAnswers as error:
            form.add_error(
                "phases",
                _(
                    "Ces phases contiennent déjà des réponses du candidat et ne "
                    "peuvent pas être retirées : %(phases)s. Cochez-les de nouveau "
                    "ou rouvrez d'abord la discussion avec le candidat."
                )
                % {"phases": ", ".join(f"« {phase.title} »" for phase in error.phases)},
            )
        else:
            messages.success(request, _("Le bilan est modifié."))
            return redirect("bilan_detail", bilan_id=bilan.pk)
    return render(
        request,
        "phases/conseiller/bilan_edit.html",
        {
            "bilan": bilan,
            "form": form,
            "answered": answered_phase_ids(bilan),
        },
    )


@login_required
def bilan_phase(request, bilan_id, phase_id):
    """A candidate's answers to one phase, read-only, with the comment threads,
    for their conseiller; "Valider la phase" and "Rouvrir la phase"."""
    bilan = followed_bilan(request.user, bilan_id)
    phase = selected_phase(bilan, phase_id)
    submission = submission_for(bilan, phase)
    items = answers_by_section(page_items(phase, submission=submission))
    removed = removed_answers(phase, submission)
    show_threads(request.user, bilan, phase, items, removed)
    return render(
        request,
        "phases/conseiller/bilan_phase.html",
        {
            "page": phase,
            "bilan": bilan,
            "submission": submission,
            "mode": "readonly",
            "items": items,
            "removed": removed,
            "comments": {"can_start": True, "can_resolve": True},
        },
    )


def _back(request, bilan, phase):
    target = request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(
        reverse("bilan_phase", kwargs={"bilan_id": bilan.pk, "phase_id": phase.pk})
    )


def _act_on_phase(request, bilan_id, phase_id, rule, success, refusals):
    """Apply a rule to a phase of a followed bilan and say how it went.

    refusals maps each exception the rule may raise to its French message; the
    messages may name the phase as %(phase)s.
    """
    bilan = followed_bilan(request.user, bilan_id)
    phase = selected_phase(bilan, phase_id)
    names = {"phase": phase.title}
    try:
        rule(bilan, phase)
    except tuple(refusals) as refusal:
        message = next(
            text for kind, text in refusals.items() if isinstance(refusal, kind)
        )
        messages.error(request, message % names)
    else:
        messages.success(request, success % names)
    return _back(request, bilan, phase)


@require_POST
@login_required
def validate(request, bilan_id, phase_id):
    """ "Valider la phase": terminée → validée; the candidate is told."""
    return _act_on_phase(
        request,
        bilan_id,
        phase_id,
        validate_phase,
        _("La phase « %(phase)s » est validée. Le candidat en est informé."),
        {
            PhaseNotCompleted: _(
                "La phase « %(phase)s » ne peut être validée qu'une fois terminée par "
                "le candidat."
            ),
        },
    )


@require_POST
@login_required
def reopen(request, bilan_id, phase_id):
    """ "Rouvrir la phase": the candidate may change their answers again."""
    return _act_on_phase(
        request,
        bilan_id,
        phase_id,
        reopen_phase,
        _(
            "La phase « %(phase)s » est rouverte : le candidat peut de nouveau "
            "modifier ses réponses. Il en est informé."
        ),
        {
            PhaseNotReopenable: _(
                "La phase « %(phase)s » n'est pas terminée : elle est déjà ouverte."
            ),
            BilanClosed: _(
                "Ce bilan est clos : ses phases restent telles qu'elles étaient à "
                "sa clôture et ne peuvent plus être rouvertes."
            ),
        },
    )
