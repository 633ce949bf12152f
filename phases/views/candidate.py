"""Views of the bilan: dashboards, the phase page, its autosave, private files.

Thin on purpose: they read the request, ask the scoping querysets what the user may
see (404 otherwise), call the rules of `phases.rules` and render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from ..models import Bilan, PhasePage, SubmissionFile
from ..overview import bilan_overview
from ..questions.display import page_items
from ..questions.form import PhaseForm
from ..rendezvous_overview import rendezvous_of_user
from ..rules.answers import (
    Conflict,
    InvalidAnswers,
    PhaseLocked,
    complete_phase,
    removed_answers,
    save_draft,
    submission_for,
)
from ..rules.threads import show_threads, with_comment_flag
from .autosave import parse_version, refused, saved
from .conseiller import dashboard_conseiller

# Said by the autosave endpoint on a 409, and by its script when that answer has
# no message of its own.
CONFLICT = gettext_noop(
    "Vos réponses ont été modifiées dans un autre onglet ou une autre fenêtre. Pour "
    "ne rien écraser, cette page n'est plus enregistrée automatiquement ; votre "
    "saisie est conservée sur cet appareil. Rechargez la page pour reprendre la "
    "dernière version enregistrée."
)


def autosave_texts():
    """What static/js/autosave.js says, handed in by the phase page with
    `json_script`: the script holds no French of its own.

    `saved` keeps its `%(time)s` for the script, which knows the time.
    """
    return {
        "saving": _("Enregistrement en cours…"),
        "saved": _("Enregistré à %(time)s"),
        "restored": _("Votre saisie a été restaurée ; elle va être enregistrée."),
        "offline": _(
            "Connexion impossible : vos dernières réponses n'ont pas pu être "
            "enregistrées. Elles sont conservées sur cet appareil ; l'enregistrement "
            "reprendra à la prochaine modification."
        ),
        "failed": _(
            "L'enregistrement automatique a échoué. Vos réponses sont conservées sur "
            "cet appareil ; cliquez sur « Enregistrer » en bas de la page."
        ),
        "conflict": _(CONFLICT),
    }


@login_required
def dashboard(request):
    """Tableau de bord: each role lands on its own blocks.

    Administrators and superusers work in the Wagtail admin, whose home is their
    dashboard.
    """
    user = request.user
    if user.is_superuser or user.is_administrateur:
        return redirect("wagtailadmin_home")
    if user.is_conseiller:
        return dashboard_conseiller(request)
    bilan = (
        Bilan.objects.visible_to(user)
        .filter(candidate=user)
        .select_related("conseiller")
        .order_by("-created_at")
        .first()
    )
    context = {"bilan": bilan}
    if bilan is not None:
        context["my_rendezvous"] = rendezvous_of_user(user)
        context.update(bilan_overview(bilan, user))
    return render(request, "phases/candidate/dashboard.html", context)


def candidate_bilan(user, phase, *, for_display=False):
    """The candidate's bilan that selects this phase, or None.

    `for_display`: also tells whether the phase's answers have comments, so that
    a page without any reads no threads.
    """
    bilans = Bilan.objects.visible_to(user).filter(
        candidate=user, selected_phases__phase=phase
    )
    if for_display:
        bilans = with_comment_flag(bilans, phase)
    return bilans.order_by("-created_at").first()


def phase_page(request, phase):
    """A phase: content and form for its candidate, questions only for the staff."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_candidat:
        return _phase_preview(request, phase)
    bilan = candidate_bilan(user, phase, for_display=True)
    if bilan is None:
        raise Http404
    submission = submission_for(bilan, phase)
    context = {
        "page": phase,
        "bilan": bilan,
        "submission": submission,
        "comments": {"can_start": False, "can_resolve": False},
    }
    if not submission.is_editable:
        items = page_items(phase, submission=submission)
        removed = removed_answers(phase, submission)
        show_threads(user, bilan, phase, items, removed)
        context.update(mode="readonly", items=items, removed=removed)
        return render(request, PhasePage.template, context)

    status = 200
    extra_rows = {}
    version = submission.version
    if request.method == "POST":
        action = request.POST.get("action", "save")
        posted_version = parse_version(request.POST.get("version"))
        try:
            if action == "complete":
                complete_phase(
                    bilan,
                    phase,
                    data=request.POST,
                    files=request.FILES,
                    expected_version=posted_version,
                )
                messages.success(
                    request,
                    _(
                        "Vous avez terminé la phase « %(phase)s ». Votre conseiller "
                        "en est informé."
                    )
                    % {"phase": phase.title},
                )
                return redirect("dashboard")
            save_draft(
                bilan,
                phase,
                data=request.POST,
                files=request.FILES,
                expected_version=posted_version,
            )
        except InvalidAnswers as error:
            form = error.form
            status = 400
            context["error"] = "invalid"
            if action == "complete":
                # The phase cannot be terminée yet, but what was typed must not be
                # lost: it is kept as a draft whenever its formats are right.
                context["error"] = "not_completed"
                try:
                    saved = save_draft(
                        bilan,
                        phase,
                        data=request.POST,
                        files=request.FILES,
                        expected_version=posted_version,
                    )
                except (InvalidAnswers, Conflict):
                    context["draft_saved"] = False
                else:
                    context["draft_saved"] = True
                    version = saved.version
        except Conflict as error:
            # Keep every typed value on screen; saving again is now a deliberate
            # choice made after reading the message, never a silent overwrite.
            form = _form(phase, submission, request.POST, request.FILES, action)
            version = error.submission.version
            status = 409
            context["error"] = "conflict"
        except PhaseLocked:
            messages.error(
                request,
                _(
                    "Cette phase est terminée ou votre bilan est clos : vos "
                    "réponses ne peuvent plus être modifiées."
                ),
            )
            return redirect(phase.get_url(request))
        else:
            url = phase.get_url(request)
            if action.startswith("add_row:"):
                block_id = action.removeprefix("add_row:").removeprefix("q-")
                return redirect(f"{url}?ajouter={block_id}#question-{block_id}")
            messages.success(request, _("Vos réponses sont enregistrées."))
            return redirect(url)
        context["files_lost"] = bool(request.FILES) and not context.get("draft_saved")
    else:
        added = request.GET.get("ajouter")
        if added:
            extra_rows[added] = 2
        form = PhaseForm(
            phase,
            answers=submission.answers,
            snapshots=submission.questions,
            extra_rows=extra_rows,
        )
    items = page_items(phase, form=form)
    removed = removed_answers(phase, submission) if submission.pk else []
    show_threads(user, bilan, phase, items, removed)
    # The phase page is one big form: reply forms live after it (HTML forbids
    # nested forms) and their fields point to them with the `form` attribute.
    context["comments"]["detached"] = True
    context.update(
        mode="form",
        form=form,
        version=version,
        items=items,
        removed=removed,
        autosave_texts=autosave_texts(),
    )
    return render(request, PhasePage.template, context, status=status)


def _form(phase, submission, data, files, action):
    return PhaseForm(
        phase,
        answers=submission.answers,
        snapshots=submission.questions,
        draft=action != "complete",
        data=data,
        files=files,
    )


def _phase_preview(request, phase):
    """Conseillers, référents and administrators read the questions, never answers."""
    form = PhaseForm(phase)
    for field in form.fields.values():
        field.disabled = True
    return render(
        request,
        PhasePage.template,
        {
            "page": phase,
            "mode": "preview",
            "form": form,
            "items": page_items(phase, form=form),
        },
    )


@require_POST
def autosave(request, phase_id):
    """Save a draft while the candidate types; JSON in, JSON out.

    200 {version, saved_at}; 400 malformed; 401 logged out; 404 not theirs;
    409 stale version (another tab) or finished phase. Files wait for the
    explicit "Enregistrer".
    """
    user = request.user
    if not user.is_authenticated:
        return refused(
            "login",
            _(
                "Votre session a expiré : reconnectez-vous pour enregistrer vos "
                "réponses."
            ),
            status=401,
        )
    phase = get_object_or_404(PhasePage.objects.live(), pk=phase_id)
    bilan = candidate_bilan(user, phase)
    if bilan is None:
        raise Http404
    version = parse_version(request.POST.get("version"))
    if version is None:
        return refused(
            "malformed",
            _("La version du formulaire est absente ou invalide."),
            status=400,
        )
    try:
        submission = save_draft(
            bilan, phase, data=request.POST, files=None, expected_version=version
        )
    except Conflict as error:
        return refused(
            "conflict", _(CONFLICT), version=error.submission.version, status=409
        )
    except PhaseLocked:
        return refused(
            "locked",
            _(
                "Cette phase est terminée ou votre bilan est clos : vos réponses "
                "ne peuvent plus être modifiées."
            ),
            status=409,
        )
    except InvalidAnswers as error:
        form = error.form
        return refused(
            "invalid",
            _(
                "Certaines réponses ne sont pas au bon format : corrigez-les pour "
                "que l'enregistrement automatique reprenne."
            ),
            errors={
                name: [str(message) for message in messages_]
                for name, messages_ in form.errors.items()
            },
            status=400,
        )
    return saved(submission.version, submission.updated_at)


def submission_file(request, pk):
    """A candidate's uploaded file, for them and their conseiller only (else 404)."""
    stored = get_object_or_404(SubmissionFile.objects.visible_to(request.user), pk=pk)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
