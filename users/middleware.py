"""Requests the site answers before any view.

- A provisional password (chosen by whoever created the account, or reset by an
  administrator) is replaced by its owner before anything else.
- The Wagtail admin refuses, with a 403 page, the logged-in users it is not for.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied

#: What stays open meanwhile: the page where the password is changed, logging
#: out, and the reset link (by which an owner may choose one instead).
ALLOWED_URL_NAMES = {
    "users:account",
    "users:avatar",
    "users:logout",
    "users:password_reset",
    "users:password_reset_done",
    "users:password_reset_confirm",
    "users:password_reset_complete",
    # « Signaler un problème » must reach the support from anywhere.
    "support:report",
    "support:thanks",
}


class PasswordChangeRequired(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated and user.must_change_password):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_URL_NAMES:
            return None
        message = _(
            "Le mot de passe qui vous a été donné est provisoire : avant de "
            "continuer, choisissez votre propre mot de passe dans « Changer mon mot "
            "de passe »."
        )
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse(
                {"error": "password_change", "message": message}, status=403
            )
        messages.warning(request, message)
        return redirect(f"{reverse('users:account')}#mot-de-passe")


class AdminAccessDenied(MiddlewareMixin):
    """Logged-in users without access to the Wagtail admin get a 403 page.

    Wagtail sends whoever lacks `wagtailadmin.access_admin` to the login page; the
    site's login page sends a logged-in user back to `next`, that is to the admin
    again: an endless redirect for candidates and plain conseillers. They are
    logged in already, so the answer is "not for you", in the site's layout, with
    the way back to their Tableau de bord. Anonymous visitors still go to the
    login page, as Wagtail decides.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated):
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        if user.has_perm("wagtailadmin.access_admin"):
            return None
        return permission_denied(request, PermissionDenied())
