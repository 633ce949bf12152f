"""« Signaler un problème »: the form every page's footer links to, and its thanks.

Open to everyone, anonymous visitors included (the login page offers it too):
CSRF as every form of the site, and a limit per address (SUPPORT_REPORT_RATE,
users.throttle) so that no script floods the support's mailbox.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from users.throttle import client_address, hit, is_over

from .forms import REFERENCE_MAX_LENGTH, ProblemReportForm
from .models import PAGE_URL_MAX_LENGTH
from .reports import academie_of, send_report

THROTTLE_GROUP = "support-report"


def came_from(request):
    """The page the person came from: the link's `page`, else the Referer when it
    is a page of this site (a browser that followed the link from an error page
    sends it); only ever a pre-filled value, checked again on sending."""
    page = request.GET.get("page", "")
    if not page:
        referer = request.headers.get("Referer", "")
        if url_has_allowed_host_and_scheme(
            referer,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            parts = urlsplit(referer)
            page = parts.path + (f"?{parts.query}" if parts.query else "")
    return page[:PAGE_URL_MAX_LENGTH]


def too_many_reports(request):
    response = render(
        request,
        "support/throttled.html",
        {
            "message": _(
                "Vous avez envoyé beaucoup de signalements en peu de temps : par "
                "sécurité, attendez une heure avant d'en envoyer un nouveau. Ceux "
                "que vous avez déjà envoyés sont bien arrivés au support."
            )
        },
        status=429,
    )
    response["Retry-After"] = "3600"
    return response


def report_problem(request):
    academie = academie_of(request.user)
    status = 200
    if request.method == "POST":
        rate = settings.SUPPORT_REPORT_RATE
        if is_over(request, THROTTLE_GROUP, client_address, rate):
            return too_many_reports(request)
        form = ProblemReportForm(request.POST, user=request.user, academie=academie)
        if form.is_valid():
            data = form.cleaned_data
            send_report(
                academie=form.report_academie(),
                page_url=data["page_url"],
                error_message=data["error_message"],
                steps=data["steps"],
                reference=data["reference"],
                reporter=request.user if request.user.is_authenticated else None,
                reporter_email=form.reporter_email(),
                user_agent=request.headers.get("User-Agent", ""),
                request=request,
            )
            # Counted once sent: a form sent back with mistakes costs nothing.
            hit(request, THROTTLE_GROUP, client_address, rate)
            thanks = reverse("support:thanks")
            return redirect(f"{thanks}?{urlencode({'page': data['page_url']})}")
        status = 400
    else:
        form = ProblemReportForm(
            user=request.user,
            academie=academie,
            initial={
                "page_url": came_from(request),
                "reference": request.GET.get("reference", "")[:REFERENCE_MAX_LENGTH],
            },
        )
    return render(
        request,
        "support/report_form.html",
        {"form": form, "academie": academie},
        status=status,
    )


def report_sent(request):
    """The thanks, with the way back to the page when it is one of this site."""
    page = request.GET.get("page", "")
    if not url_has_allowed_host_and_scheme(
        page, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        page = ""
    return render(request, "support/report_sent.html", {"back_url": page})
