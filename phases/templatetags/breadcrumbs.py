"""The data of django-dsfr's `{% dsfr_breadcrumb %}`, written in the template.

The tag takes a dict (`links` of `{url, title}`, then `current`) that a template
cannot write literally; this builds it from title and URL pairs:

    {% url 'dashboard' as dashboard_url %}
    {% translate "Tableau de bord" as dashboard %}
    {% breadcrumb_trail dashboard dashboard_url current=page.title as trail %}
    {% dsfr_breadcrumb trail %}

The trail is the template's, not the view's: Wagtail's preview of a phase renders
its template with the page's own context, which no view of ours builds.
"""

from django import template

register = template.Library()


@register.simple_tag
def breadcrumb_trail(*titles_and_urls, current):
    """`{"links": [{"title": …, "url": …}, …], "current": …}`, links in order."""
    if len(titles_and_urls) % 2:
        raise template.TemplateSyntaxError(
            "breadcrumb_trail takes a title and a URL for each link."
        )
    pairs = zip(titles_and_urls[::2], titles_and_urls[1::2], strict=True)
    return {
        "links": [{"title": title, "url": url} for title, url in pairs],
        "current": current,
    }
