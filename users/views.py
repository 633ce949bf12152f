from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin import messages as admin_messages

from . import throttle
from .accounts import (
    InvitationRefused,
    invitable_accounts,
    invitation_refusal,
    resend_invitation,
)
from .forms import LoginForm, MyAccountForm, PasswordResetForm, SetPasswordForm
from .models import User
from .permissions import is_academie_manager


class LoginView(auth_views.LoginView):
    template_name = "users/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        # django-axes locks an account and address pair; this is the looser
        # limit on the address alone (many accounts tried from one place).
        if throttle.login_address_locked(request):
            return throttle.lockout_response(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.count_login_failure(self.request)
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "users/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "users/emails/password_reset_body.txt"
    subject_template_name = "users/emails/password_reset_subject.txt"
    success_url = reverse_lazy("users:password_reset_done")

    def form_valid(self, form):
        # Throttled before any e-mail leaves; the answer is the same whether the
        # address has an account or not.
        if throttle.password_reset_throttled(self.request, form.cleaned_data["email"]):
            return throttle.too_many_resets_response(self.request)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "users/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "users/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("users:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "users/password_reset_complete.html"


@login_required
def account(request):
    """Mon compte: every logged-in user edits their own details here."""
    user = request.user
    old_avatar = user.avatar.name if user.avatar else ""
    if request.method == "POST":
        form = MyAccountForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            user = form.save()
            if old_avatar and old_avatar != (user.avatar.name or ""):
                user.avatar.storage.delete(old_avatar)
            if form.wants_password_change:
                # Keep this session open; every other session of the user ends.
                update_session_auth_hash(request, user)
            messages.success(request, _("Vos informations ont été enregistrées."))
            return redirect("users:account")
        # The form keeps what was typed; the page's header and the image shown
        # keep what is stored.
        user.refresh_from_db()
        messages.error(
            request,
            _(
                "Vos informations n'ont pas été enregistrées : "
                "corrigez les erreurs signalées."
            ),
        )
    else:
        form = MyAccountForm(instance=user)
    return render(request, "users/account.html", {"form": form})


@login_required
@require_GET
def avatar(request, pk):
    """Serve an avatar from private storage, to users allowed to see its owner."""
    owner = get_object_or_404(User.objects.visible_to(request.user), pk=pk)
    if not owner.avatar:
        raise Http404
    try:
        handle = owner.avatar.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle)
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- « Renvoyer l'invitation » -------------------------------------------------

RESEND_LABEL = _("Renvoyer l'invitation")


def _resent_message(account, withdrawn):
    text = _("Un nouveau lien a été envoyé à %(email)s ; l'ancien ne fonctionne plus.")
    if withdrawn:
        text = _(
            "Un nouveau lien a été envoyé à %(email)s ; l'ancien ne fonctionne plus, "
            "ni le mot de passe provisoire choisi à la création du compte."
        )
    return text % {"email": account.email}


def admin_account_url(account):
    """The account's own screen in the admin, where the resend starts."""
    if account.is_candidat:
        return reverse("candidate_account", args=[account.pk])
    if account.is_administrateur:
        return reverse("administrateurs:edit", args=[account.pk])
    return reverse("conseillers:edit", args=[account.pk])


def add_invitation_banner(request, account):
    """On an account's admin screen, while it never logged in: say so, with a
    "Renvoyer l'invitation" button that posts (Wagtail's `w-action` controller,
    as its own lock and unlock banners do)."""
    if invitation_refusal(account):
        return
    if account.has_usable_password():
        explanation = _(
            "Ce compte ne s'est encore jamais connecté. Renvoyer l'invitation envoie "
            "un nouveau lien pour choisir son mot de passe : le lien envoyé avant et "
            "le mot de passe provisoire choisi à la création ne fonctionneront plus."
        )
    else:
        explanation = _(
            "Ce compte ne s'est encore jamais connecté. Renvoyer l'invitation envoie "
            "un nouveau lien pour choisir son mot de passe : le lien envoyé avant ne "
            "fonctionnera plus."
        )
    admin_messages.info(
        request,
        format_html(
            '{} <span class="buttons"><button type="button" class="button '
            'button-small button-secondary" data-controller="w-action" '
            'data-action="w-action#post" data-w-action-url-value="{}">{}</button>'
            "</span>",
            explanation,
            reverse("resend_invitation", args=[account.pk]),
            RESEND_LABEL,
        ),
    )


@require_POST
def admin_resend_invitation(request, pk):
    """The admin's « Renvoyer l'invitation » (académie administrators and
    superusers; outside what they manage: 404)."""
    if not is_academie_manager(request.user):
        raise PermissionDenied
    account = get_object_or_404(invitable_accounts(request.user), pk=pk)
    try:
        withdrawn = resend_invitation(account, by=request.user, request=request)
    except InvitationRefused as refusal:
        admin_messages.error(request, str(refusal))
    else:
        admin_messages.success(request, _resent_message(account, withdrawn))
    return redirect(admin_account_url(account))


@login_required
@require_POST
def site_resend_invitation(request, pk):
    """A conseiller's « Renvoyer l'invitation » for one of their candidates, from
    the candidate's bilan page (`next`); any other account is a 404."""
    if not request.user.is_conseiller:
        raise Http404
    account = get_object_or_404(invitable_accounts(request.user), pk=pk)
    try:
        withdrawn = resend_invitation(account, by=request.user, request=request)
    except InvitationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _resent_message(account, withdrawn))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("dashboard")
    return redirect(target)
