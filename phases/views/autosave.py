"""What an autosave endpoint answers, for every draft the site keeps while
someone types (a phase's answers, the document de synthèse): the JSON that
static/js/autosave.js reads.

200 {version, saved_at, saved_at_display}; a refusal {error, message, …} with
its status: 400 malformed or invalid, 401 logged out, 409 stale version
(another tab) or locked.
"""

from django.http import JsonResponse
from django.utils import timezone
from django.utils.formats import time_format


def parse_version(value):
    """The draft version a form was loaded with, or None if absent or invalid."""
    try:
        version = int(value)
    except (TypeError, ValueError):
        return None
    return version if version >= 0 else None


def refused(error, message, *, status, **extra):
    return JsonResponse(
        {"error": error, "message": str(message), **extra}, status=status
    )


def saved(version, updated_at):
    saved_at = timezone.localtime(updated_at)
    return JsonResponse(
        {
            "version": version,
            "saved_at": saved_at.isoformat(),
            "saved_at_display": time_format(saved_at, "H:i"),
        }
    )
