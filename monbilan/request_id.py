"""Each request's identifier: in the X-Request-ID response header, in every log
line written while the request is served, and on the 500 and 503 pages.

The reverse proxy may send its own (nginx: `proxy_set_header X-Request-ID
$request_id;`): it is kept when it is sane, 1 to 64 characters among letters,
digits, ".", "_" and "-", so that the proxy's access log, the application's log
lines and the reference a user reads on an error page are the same string.
Anything else (too long, a line break, a quote…) is replaced by a new uuid4.

Written here rather than with django-guid: its validation accepts only UUIDs
(and keeps the header's spelling of one, braces or "urn:uuid:" included) or
anything at all; and it leaves the identifier set after the request.
"""

import logging
import re
import uuid
from contextvars import ContextVar

from django.core.signals import request_finished

HEADER = "X-Request-ID"
SANE = re.compile(r"[A-Za-z0-9._-]{1,64}")

_current = ContextVar("request_id", default=None)


def current_request_id():
    """The identifier of the request being served, or None outside a request."""
    return _current.get()


def request_id_from(value):
    """The proxy's identifier when it is sane, else a new one."""
    if value and SANE.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First of the middleware: everything after it logs with the identifier."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request.headers.get(HEADER))
        _current.set(request.request_id)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


def _forget(**kwargs):
    # Not at the end of the middleware: Django logs an error response ("Service
    # Unavailable: /sante/") after the middleware have returned it. The request
    # is finished when the server closes the response.
    _current.set(None)


request_finished.connect(_forget, dispatch_uid="monbilan.request_id.forget")


class RequestIdFilter(logging.Filter):
    """Gives every log record a `request_id` ("-" outside a request)."""

    def filter(self, record):
        record.request_id = _current.get() or "-"
        return True
