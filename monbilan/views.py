"""The site's error pages: French, in the DSFR layout, and honest about outages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from .request_id import current_request_id

#: Seconds a client should wait before trying again when the database is away
#: (a PostgreSQL restart takes a few seconds; persistent connections recover
#: by themselves on the next request).
RETRY_AFTER = 30


def database_unavailable(exception):
    return isinstance(exception, OperationalError | InterfaceError)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: 503 + Retry-After when the database cannot be reached, else 500.

    Rendered without the request's context: the context processors read the
    database (user, site settings), which may be the very thing that failed.
    Callers that speak JSON (the autosave) get JSON, with a message they show.
    Both carry the request's identifier (monbilan/request_id.py), the one in
    the log line of the error: the page shows it as « Référence de l'erreur ».
    """
    unavailable = database_unavailable(sys.exc_info()[1])
    reference = current_request_id()
    status = 503 if unavailable else 500
    if "application/json" in request.headers.get("Accept", ""):
        if unavailable:
            message = _(
                "Le service est momentanément indisponible : vos réponses sont "
                "gardées sur cet appareil. Elles seront enregistrées à votre "
                "prochaine modification ; réessayez dans quelques instants."
            )
        else:
            message = _(
                "Une erreur inattendue a empêché l'enregistrement : vos réponses "
                "sont gardées sur cet appareil. Réessayez dans quelques instants."
            )
        response = JsonResponse(
            {
                "error": "unavailable" if unavailable else "server",
                "message": message,
                "reference": reference,
            },
            status=status,
        )
    else:
        template = "503.html" if unavailable else template_name
        response = HttpResponse(
            render_to_string(template, {"error_reference": reference}),
            status=status,
        )
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER)
    return response
