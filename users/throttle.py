"""Throttling of what a script could hammer: login, password reset, autosave.

Counted with django-ratelimit in Django's cache (Redis in production when
REDIS_URL is set), so that the limits hold across app servers. Login failures
per account and address pair are django-axes' (AXES_* settings); what this
module adds is a looser limit per address, whatever the account, and limits on
the reset form and on the autosave endpoint.

django_ratelimit is not in INSTALLED_APPS on purpose: its only use there is a
system check that refuses the local-memory cache of development and tests.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from axes.helpers import get_client_ip_address
from django_ratelimit.core import get_usage


def client_address(group, request):
    """The client's address as django-axes sees it (behind the proxy too)."""
    return get_client_ip_address(request) or ""


def user_key(group, request):
    return str(request.user.pk) if request.user.is_authenticated else ""


def hit(request, group, key, rate):
    """Count one more event; True when it is one too many for `rate`."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    return bool(usage and usage["should_limit"])


def is_over(request, group, key, rate):
    """True when `rate`'s count is reached already (counts nothing)."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=False)
    # should_limit means "over" (count > limit), for a count that includes the
    # request being checked; this one is not counted, so reaching is enough.
    return bool(usage and usage["count"] >= usage["limit"])


# --- Login: a looser limit per address --------------------------------------


def login_address_locked(request):
    """Too many failed logins from this address, whatever the accounts."""
    rate = settings.LOGIN_FAILURES_PER_ADDRESS
    return is_over(request, "login-address", client_address, rate)


def count_login_failure(request):
    hit(request, "login-address", client_address, settings.LOGIN_FAILURES_PER_ADDRESS)


def lockout_response(request):
    """The same French page as django-axes' lockout, status 429."""
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)


# --- Password reset: per address and per e-mail ------------------------------


def password_reset_throttled(request, email):
    """Count a reset request; True when its address or its e-mail sent too many.

    Both are counted, so that neither a script from one address nor many
    addresses aimed at one mailbox can flood anyone with e-mails.
    """
    by_address = hit(
        request, "reset-address", client_address, settings.PASSWORD_RESET_RATES["ip"]
    )
    by_email = hit(
        request,
        "reset-email",
        lambda group, request: email.strip().casefold(),
        settings.PASSWORD_RESET_RATES["email"],
    )
    return by_address or by_email


def too_many_resets_response(request):
    return render(
        request,
        "users/throttled.html",
        {
            "title": _("Trop de demandes de réinitialisation"),
            "message": _(
                "Trop de demandes de réinitialisation du mot de passe ont été "
                "faites en peu de temps. Par sécurité, attendez une heure avant "
                "d'en faire une nouvelle. Si vous avez déjà reçu un courriel, son "
                "lien reste valable."
            ),
        },
        status=429,
    )


# --- Autosave: per user, generous --------------------------------------------


def throttle_autosave(view):
    """Limit the autosave endpoint per user (AUTOSAVE_RATE), answering JSON.

    The limit is far above what a person typing sends (one save two seconds
    after the last keystroke); it only stops a script or a runaway page.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        # Anonymous requests go on to the view, which sends them to log in.
        if (
            request.method == "POST"
            and request.user.is_authenticated
            and hit(request, "autosave", user_key, settings.AUTOSAVE_RATE)
        ):
            response = JsonResponse(
                {
                    "error": "throttled",
                    "message": _(
                        "Trop d'enregistrements en peu de temps : l'enregistrement "
                        "automatique reprend dans une minute. Vos réponses sont "
                        "gardées dans ce navigateur en attendant."
                    ),
                },
                status=429,
            )
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return wrapped
