from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import throttle
from .forms import LoginForm, MyAccountForm, PasswordResetForm, SetPasswordForm
from .models import User


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
