"""Comments on answers and the bilan's messages, for its candidate and conseiller.

Both parties use the same URLs; `Bilan.objects.in_conversation_with` (and
`Thread.objects.visible_to`) answers 404 to anybody else, administrators included.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..emails import question_path
from ..models import Bilan, PhasePage, Thread
from ..rules.threads import (
    UnknownQuestion,
    add_comment,
    message_posts,
    open_threads,
    post_message,
    set_resolved,
)
from .forms import PostForm


def conversation_bilan(user, bilan_id):
    return get_object_or_404(
        Bilan.objects.in_conversation_with(user).select_related(
            "candidate", "conseiller"
        ),
        pk=bilan_id,
    )


@require_POST
@login_required
def comment(request, bilan_id, phase_id):
    """Write a comment under one answer (or answer one)."""
    bilan = conversation_bilan(request.user, bilan_id)
    phase = get_object_or_404(PhasePage.objects.selected_by(bilan), pk=phase_id)
    block_id = request.POST.get("block_id", "")
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            add_comment(
                bilan,
                phase,
                block_id,
                author=request.user,
                body=form.cleaned_data["body"],
            )
        except UnknownQuestion as error:
            raise Http404 from error
        messages.success(request, _("Votre commentaire est envoyé."))
    else:
        messages.error(request, _("Écrivez votre commentaire avant de l'envoyer."))
    return redirect(
        question_path(
            bilan, phase, block_id, for_candidate=request.user.pk == bilan.candidate_id
        )
    )


@require_POST
@login_required
def resolve(request, bilan_id, thread_id):
    """Mark a comment thread resolved, or open it again."""
    thread = get_object_or_404(
        Thread.objects.visible_to(request.user)
        .comments()
        .select_related("bilan", "phase"),
        pk=thread_id,
        bilan_id=bilan_id,
    )
    resolved = request.POST.get("resolved", "1") != "0"
    set_resolved(thread, by=request.user, resolved=resolved)
    if resolved:
        messages.success(request, _("Le fil de commentaires est marqué comme résolu."))
    else:
        messages.success(request, _("Le fil de commentaires est rouvert."))
    return redirect(
        question_path(
            thread.bilan,
            thread.phase,
            thread.block_id,
            for_candidate=request.user.pk == thread.bilan.candidate_id,
        )
    )


@login_required
def bilan_messages(request, bilan_id):
    """The bilan's message thread; opening it marks it read."""
    bilan = conversation_bilan(request.user, bilan_id)
    form = PostForm(request.POST or None, label=_("Votre message"))
    if request.method == "POST" and form.is_valid():
        post_message(bilan, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Votre message est envoyé."))
        return redirect(reverse("bilan_messages", args=[bilan.pk]) + "#dernier")
    shown_at = timezone.now()
    posts = message_posts(bilan, request.user)
    if posts:
        open_threads(request.user, [posts[0].thread], at=shown_at)
    is_candidate = request.user.pk == bilan.candidate_id
    return render(
        request,
        "phases/threads/bilan_messages.html",
        {
            "bilan": bilan,
            "posts": posts,
            "form": form,
            "other": bilan.conseiller if is_candidate else bilan.candidate,
            "is_candidate": is_candidate,
        },
    )
