"""The head of the site's DSFR tables, written once.

    {% load tables %}
    {% table_header "N°" "Phase" "Statut" %}
    {% table_header "Affirmation" widget.scale %}

Each argument is a column heading, or a list of them (a Likert scale, a table
question's columns). The headings are the French source texts, as in
`{% translate %}`, and are escaped.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def table_header(*columns):
    """`<thead>` with one `<th scope="col">` per heading."""
    headings = []
    for column in columns:
        if isinstance(column, (list, tuple)):
            headings += [str(heading) for heading in column]
        else:
            headings.append(gettext(column))
    cells = format_html_join("", '<th scope="col">{}</th>', ((h,) for h in headings))
    return format_html("<thead><tr>{}</tr></thead>", cells)


class TableFrameNode(template.Node):
    def __init__(self, classes, nodelist):
        self.classes = classes
        self.nodelist = nodelist

    def render(self, context):
        classes = self.classes.resolve(context)
        return format_html(
            '<div class="fr-table{}"><div class="fr-table__wrapper">'
            '<div class="fr-table__container"><div class="fr-table__content">'
            "{}</div></div></div></div>",
            f" {classes}" if classes else "",
            self.nodelist.render(context),
        )


@register.tag
def table_frame(parser, token):
    """The four DSFR boxes around a table, so that it scrolls or becomes cards:

    {% table_frame "fr-table--no-caption monbilan-answer" %}
      <table>…</table>
    {% endtable_frame %}
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            "table_frame takes one argument: the table's extra classes."
        )
    nodelist = parser.parse(("endtable_frame",))
    parser.delete_first_token()
    return TableFrameNode(parser.compile_filter(bits[1]), nodelist)
