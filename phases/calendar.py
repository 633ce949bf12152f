"""Rendez-vous invitations as iCalendar (.ics), e-mailed to the candidate.

One UID for a rendez-vous' whole life, SEQUENCE + 1 each time it moves
(RFC 5546): calendars update the event they already hold. Times are written in
Europe/Paris with its VTIMEZONE, so that any calendar shows the local hour.
"""

import datetime
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from icalendar import Calendar, Event, vCalAddress, vText

from users.site_url import absolute_url
from users.tasks import send_email

PARIS = ZoneInfo("Europe/Paris")
REQUEST = "REQUEST"
CANCEL = "CANCEL"


def event_uid(rendezvous):
    return f"{rendezvous.uid}@monbilan"


def _address(user, role):
    address = vCalAddress(f"mailto:{user.email}")
    address.params["cn"] = vText(user.get_full_name() or user.username)
    address.params["role"] = vText(role)
    return address


def invitation(rendezvous, *, method=REQUEST):
    """The .ics text of a rendez-vous: METHOD:REQUEST (new or moved) or CANCEL."""
    bilan = rendezvous.bilan
    calendar = Calendar()
    calendar.add("prodid", "-//Mon Bilan en Ligne//Rendez-vous//FR")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", event_uid(rendezvous))
    event.add("sequence", rendezvous.sequence)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", rendezvous.starts_at.astimezone(PARIS))
    event.add("dtend", rendezvous.ends_at.astimezone(PARIS))
    event.add("summary", rendezvous.get_kind_display())
    location = rendezvous.place or rendezvous.link
    if location:
        event.add("location", location)
    if rendezvous.link:
        event.add("url", rendezvous.link)
    description = [str(rendezvous.get_modalite_display())]
    if rendezvous.note:
        description.append(rendezvous.note)
    event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    if bilan.conseiller.email:
        event.add("organizer", _address(bilan.conseiller, "CHAIR"))
    if bilan.candidate.email:
        event.add("attendee", _address(bilan.candidate, "REQ-PARTICIPANT"))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def send_rendezvous_email(rendezvous, kind):
    """E-mail the candidate: `kind` is planned, moved, cancelled or reminder.

    The invitation and its changes carry the .ics (text/calendar; method=…); the
    reminder only a link to the dashboard.
    """
    candidate = rendezvous.bilan.candidate
    if not candidate.email:
        return
    context = {
        "rendezvous": rendezvous,
        "recipient_name": candidate.get_full_name() or candidate.username,
        "conseiller_name": rendezvous.bilan.conseiller.get_full_name()
        or rendezvous.bilan.conseiller.username,
        "url": absolute_url(reverse("dashboard")),
    }
    subject = "".join(
        render_to_string(
            f"phases/emails/rendezvous_{kind}_subject.txt", context
        ).splitlines()
    )
    body = render_to_string(f"phases/emails/rendezvous_{kind}_body.txt", context)
    attachments = []
    if kind != "reminder":
        method = CANCEL if kind == "cancelled" else REQUEST
        attachments.append(
            [
                "rendez-vous.ics",
                invitation(rendezvous, method=method),
                f"text/calendar; method={method}",
            ]
        )
    send_email.enqueue(
        subject=subject, body=body, to=[candidate.email], attachments=attachments
    )
