"""The footer's « Signaler un problème » link, carrying where the person is."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def report_problem_url(context):
    """The form's address with `page` (the current page) and, on an error page,
    `reference` (`error_reference`, the request's identifier).

    The 500 and 503 pages render without a request: the form then takes the
    page from the Referer the browser sends. On the form itself the link keeps
    the page it was opened for, instead of pointing at itself.
    """
    url = reverse("support:report")
    query = {}
    request = context.get("request")
    if request is not None:
        match = getattr(request, "resolver_match", None)
        if match is not None and match.namespace == "support":
            page = request.GET.get("page", "")
        else:
            page = request.get_full_path()
        if page:
            query["page"] = page
    reference = context.get("error_reference")
    if reference:
        query["reference"] = reference
    return f"{url}?{urlencode(query)}" if query else url
