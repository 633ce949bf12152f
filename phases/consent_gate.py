"""Consent before anything else: the middleware that holds a candidate at the door.

A bilan is carried out only with its beneficiary's consent (Code du travail,
L6313-4). A candidate whose bilan awaits it is taken to « Votre accord pour ce
bilan » from any page of the site (GET), and nothing they send is accepted
(any other method: 403, in JSON for the autosave), until they have consented.

What stays open meanwhile: the consent page itself, logging out, « Mon compte »
(where a provisional password is replaced first, `users.middleware`), the
password reset pages, and the site's public pages (home, legal notices, personal
data), which anyone may read and which a candidate may want to read before
agreeing. Static files are served before any middleware (WhiteNoise).
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from wagtail.models import Page

from home.models import PublicPageMixin

from .rules.consent import needs_consent

ALLOWED_URL_NAMES = {
    "consent",
    "users:login",
    "users:logout",
    "users:account",
    "users:avatar",
    "users:password_reset",
    "users:password_reset_done",
    "users:password_reset_confirm",
    "users:password_reset_complete",
    # « Signaler un problème » must reach the support from anywhere.
    "support:report",
    "support:thanks",
}
SAFE_METHODS = ("GET", "HEAD")


def _public_page(request, match):
    """Whether a Wagtail-served URL is one of the site's public pages."""
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    # Wagtail keeps the route on the request: serving the page reads it again free.
    page = Page.find_for_request(request, path)
    return page is not None and issubclass(page.specific_class, PublicPageMixin)


class ConsentRequired(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated and user.is_candidat):
            return None
        match = request.resolver_match
        if match is None or match.view_name in ALLOWED_URL_NAMES:
            return None
        if settings.MEDIA_URL and request.path_info.startswith(settings.MEDIA_URL):
            return None
        if not needs_consent(user):
            return None
        if match.view_name == "wagtail_serve" and _public_page(request, match):
            return None
        if request.method in SAFE_METHODS:
            return redirect("consent")
        message = _(
            "Votre accord pour ce bilan est nécessaire avant toute chose : rien "
            "n'a été enregistré."
        )
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": "consent", "message": message}, status=403)
        return TemplateResponse(
            request, "phases/candidate/consent_required.html", status=403
        ).render()
