"""`{{ value|figure }}`: a frozen figure, or « moins de 5 » when it was masked."""

from django import template
from django.utils.formats import number_format

from ..display import masked_text

register = template.Library()


@register.filter
def figure(value):
    if value is None:
        return masked_text()
    if isinstance(value, float):
        return number_format(value, decimal_pos=0 if value.is_integer() else 1)
    return value


@register.filter
def at(items, index):
    """`{{ labels|at:forloop.counter0 }}`: the item at that position."""
    try:
        return items[index]
    except (IndexError, TypeError):
        return ""
