"""Dates as French writes them: « 1er décembre 2026 », « 2 décembre 2026 à 14:05 ».

Django's French formats write the first of the month « 1 décembre » and its short
month names « déc. »; no format string gives the ordinal « 1er », hence this
filter, for every date the site shows (the Wagtail admin's own chrome aside).
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext as _

register = template.Library()


def french_date(value, *, with_time=False):
    """« 1er décembre 2026 » (a date or a datetime, shown in local time);
    `with_time` adds « à 14:05 » to a datetime. "" for no date."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = _("1er") if value.day == 1 else str(value.day)
    text = f"{day} {MONTHS[value.month]} {value.year}"
    if with_time and isinstance(value, datetime.datetime):
        text = _("%(date)s à %(time)s") % {"date": text, "time": f"{value:%H:%M}"}
    return text


@register.filter(expects_localtime=True)
def date_fr(value, arg=""):
    """`{{ value|date_fr }}` → « 1er décembre 2026 »;
    `{{ value|date_fr:"heure" }}` → « 1er décembre 2026 à 14:05 »."""
    if not isinstance(value, datetime.date):
        return value or ""
    return french_date(value, with_time=arg == "heure")


def french_datetime(value):
    """« mardi 8 décembre 2026 à 14 h 00 »: a rendez-vous' day and hour, in local
    time (Europe/Paris). "" for no date."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return _("%(weekday)s %(date)s à %(hour)s h %(minute)s") % {
        "weekday": WEEKDAYS[value.weekday()],
        "date": french_date(value),
        "hour": value.hour,
        "minute": f"{value.minute:02d}",
    }


@register.filter(expects_localtime=True)
def jour_heure_fr(value):
    """`{{ rendezvous.starts_at|jour_heure_fr }}`
    → « mardi 8 décembre 2026 à 14 h 00 »."""
    if not isinstance(value, datetime.datetime):
        return value or ""
    return french_datetime(value)
