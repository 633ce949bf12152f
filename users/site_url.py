"""The site's own address, for the links of e-mails.

An e-mail is written while a request is being answered (a comment posted, a phase
validated…), deep in a domain function that has no request to hand. The link must
open on the site the person was using, whatever host or port serves it, so the
request being answered is remembered here for the time of that request; outside
any request (commands, the task worker) the address is `settings.SITE_URL`.
"""

from contextvars import ContextVar

from django.conf import settings

_current_request = ContextVar("current_request", default=None)


class RememberRequestForLinks:
    """Middleware: make the request being answered known to `absolute_url`.

    A context variable, not a thread-local: each request (thread or task) sees
    its own, and it is reset when the response is returned.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def site_root(request=None):
    """`scheme://host[:port]` of the site, without a trailing slash.

    In production always SITE_URL (mandatory there): a proxy may hand the app
    server an internal Host, and an e-mail must never carry it. Elsewhere, from
    `request` (or the request being answered) when there is one, so the links open
    on whatever host and port serve the site (its host has passed ALLOWED_HOSTS);
    outside a request, SITE_URL.
    """
    request = request or _current_request.get()
    if request is not None and settings.SITE_URL_FROM_REQUEST:
        return f"{request.scheme}://{request.get_host()}"
    return settings.SITE_URL.rstrip("/")


def absolute_url(path, request=None):
    """The absolute address of `path` (which starts with "/") on the site."""
    return site_root(request) + path
