"""Rendez-vous (issue 14 §1): planning, the .ics, conflicts, reminders, dashboards."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command

import pytest
import time_machine
from icalendar import Calendar

from phases.calendar import invitation
from phases.models import Post, RendezVous
from phases.rules.rendezvous import (
    Conflict,
    NotTheConseiller,
    OverHours,
    cancel_rendezvous,
    move_rendezvous,
    plan_rendezvous,
    send_due_reminders,
)
from phases.templatetags.french_dates import french_datetime
from tests.factories import UserFactory, bilan_for

PARIS = ZoneInfo("Europe/Paris")
# Tuesday 1 December 2026, 9:00 in Paris.
NOW = datetime.datetime(2026, 12, 1, 8, tzinfo=datetime.UTC)
TUESDAY_14H = datetime.datetime(2026, 12, 8, 14, tzinfo=PARIS)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def plan(world, starts_at=TUESDAY_14H, bilan=None, **fields):
    bilan = bilan or world.bilan
    values = {
        "kind": RendezVous.Kind.PRELIMINAIRE,
        "starts_at": starts_at,
        "duration_minutes": 60,
        "modalite": RendezVous.Modalite.PRESENTIEL,
        "place": "Salle 3, lycée Feuillade",
        **fields,
    }
    return plan_rendezvous(bilan, by=bilan.conseiller, **values)


def ics_of(message):
    (attachment,) = [
        part
        for part in message.message().walk()
        if part.get_content_type() == "text/calendar"
    ]
    return attachment, Calendar.from_ical(attachment.get_payload(decode=True))


def event_of(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def test_french_datetime_reads_as_french_writes_it():
    assert french_datetime(TUESDAY_14H) == "mardi 8 décembre 2026 à 14 h 00"
    assert (
        french_datetime(datetime.datetime(2026, 12, 1, 9, 5, tzinfo=PARIS))
        == "mardi 1er décembre 2026 à 9 h 05"
    )


def test_the_ics_parses_back_with_its_uid_sequence_method_and_paris_time(world):
    rendezvous = plan(world, notify=False)
    calendar = Calendar.from_ical(invitation(rendezvous))
    assert calendar["METHOD"] == "REQUEST"
    event = event_of(calendar)
    assert str(event["UID"]) == f"{rendezvous.uid}@monbilan"
    assert event["SEQUENCE"] == 0
    start = event.decoded("DTSTART")
    assert start == TUESDAY_14H
    assert str(start.tzinfo) == "Europe/Paris"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Paris"
    assert event.decoded("DTEND") - start == datetime.timedelta(hours=1)
    assert str(event["LOCATION"]) == "Salle 3, lycée Feuillade"


def test_planning_emails_the_candidate_an_invitation(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rendezvous = plan(world)
    (message,) = mail.outbox
    assert message.to == [world.candidat.email]
    assert "mardi 8 décembre 2026 à 14 h 00" in message.subject
    assert "Salle 3, lycée Feuillade" in message.body
    attachment, calendar = ics_of(message)
    assert attachment.get_param("method") == "REQUEST"
    assert str(event_of(calendar)["UID"]) == f"{rendezvous.uid}@monbilan"


def test_moving_keeps_the_uid_and_adds_one_to_the_sequence(
    world, django_capture_on_commit_callbacks
):
    rendezvous = plan(world, notify=False)
    later = TUESDAY_14H + datetime.timedelta(days=1, hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        move_rendezvous(
            rendezvous, by=world.conseiller, starts_at=later, duration_minutes=90
        )
    (message,) = mail.outbox
    attachment, calendar = ics_of(message)
    assert calendar["METHOD"] == "REQUEST"
    event = event_of(calendar)
    assert str(event["UID"]) == f"{rendezvous.uid}@monbilan"
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == later
    assert "mercredi 9 décembre 2026 à 16 h 00" in message.body


def test_cancelling_sends_method_cancel(world, django_capture_on_commit_callbacks):
    rendezvous = plan(world, notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_rendezvous(rendezvous, by=world.conseiller)
    rendezvous.refresh_from_db()
    assert rendezvous.status == RendezVous.Status.ANNULE
    (message,) = mail.outbox
    attachment, calendar = ics_of(message)
    assert attachment.get_param("method") == "CANCEL"
    assert calendar["METHOD"] == "CANCEL"
    event = event_of(calendar)
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_a_conseiller_cannot_hold_two_rendezvous_at_the_same_time(world, phases):
    plan(world, notify=False)
    other = bilan_for(UserFactory(dabm=world.lunel), world.conseiller, phases[:1])
    overlapping = TUESDAY_14H + datetime.timedelta(minutes=30)
    with pytest.raises(Conflict) as refused:
        plan(world, starts_at=overlapping, bilan=other, notify=False)
    assert "déjà un rendez-vous" in refused.value.message
    assert "mardi 8 décembre 2026 à 14 h 00" in refused.value.message
    # Right after the first one ends: free.
    plan(world, starts_at=TUESDAY_14H + datetime.timedelta(hours=1), bilan=other)
    # Another conseiller at the same time: their own calendar.
    plan(world, bilan=world.autre_bilan, notify=False)
    assert RendezVous.objects.count() == 3


def test_a_cancelled_rendezvous_frees_its_slot(world):
    rendezvous = plan(world, notify=False)
    cancel_rendezvous(rendezvous, by=world.conseiller, notify=False)
    plan(world, notify=False)


def test_only_the_bilans_conseiller_plans(world):
    with pytest.raises(NotTheConseiller):
        plan_rendezvous(
            world.bilan,
            by=world.autre_conseiller,
            kind=RendezVous.Kind.SUIVI,
            starts_at=TUESDAY_14H,
            duration_minutes=60,
            modalite=RendezVous.Modalite.TELEPHONE,
        )


def form_data(**overrides):
    return {
        "kind": "investigation",
        "date": "2026-12-08",
        "start": "14:00",
        "duration_minutes": "90",
        "modalite": "visio",
        "link": "https://visio.example.org/bilan",
        "note": "Apportez votre CV.",
        **overrides,
    }


def test_the_plan_form_plans_in_paris_time(
    client_as, world, django_capture_on_commit_callbacks
):
    client = client_as("conseiller")
    page = client.get(f"/bilans/{world.bilan.pk}/").content.decode()
    assert "Planifier un rendez-vous" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/bilans/{world.bilan.pk}/rendez-vous/planifier/", form_data()
        )
    assert response.status_code == 302
    rendezvous = RendezVous.objects.get()
    assert rendezvous.starts_at == TUESDAY_14H
    assert rendezvous.duration_minutes == 90
    assert rendezvous.link == "https://visio.example.org/bilan"
    assert len(mail.outbox) == 1
    page = client.get(f"/bilans/{world.bilan.pk}/").content.decode()
    assert "mardi 8 décembre 2026 à 14 h 00" in page


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"modalite": "presentiel", "place": ""}, "Indiquez le lieu"),
        ({"link": ""}, "Indiquez le lien de la visioconférence"),
        ({"link": "http://visio.example.org/"}, "doit commencer par https://"),
        ({"date": ""}, "Indiquez la date du rendez-vous."),
        ({"start": "25:00"}, "Indiquez une heure valide"),
    ],
)
def test_the_plan_form_refuses_in_french_and_saves_nothing(
    client_as, world, overrides, error
):
    client = client_as("conseiller")
    response = client.post(
        f"/bilans/{world.bilan.pk}/rendez-vous/planifier/", form_data(**overrides)
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not RendezVous.objects.exists()
    assert not mail.outbox


def test_the_plan_form_shows_a_conflict(client_as, world):
    plan(world, notify=False)
    client = client_as("conseiller")
    response = client.post(
        f"/bilans/{world.bilan.pk}/rendez-vous/planifier/",
        form_data(start="14:30"),
    )
    assert response.status_code == 200
    assert "Vous avez déjà un rendez-vous à ce moment-là" in response.content.decode()
    assert RendezVous.objects.count() == 1


def test_telephone_needs_neither_place_nor_link(client_as, world):
    client = client_as("conseiller")
    response = client.post(
        f"/bilans/{world.bilan.pk}/rendez-vous/planifier/",
        form_data(modalite="telephone", link="", place="ignored"),
    )
    assert response.status_code == 302
    rendezvous = RendezVous.objects.get()
    assert (rendezvous.place, rendezvous.link) == ("", "")


def test_move_and_cancel_screens(client_as, world):
    rendezvous = plan(world, notify=False)
    client = client_as("conseiller")
    base = f"/bilans/{world.bilan.pk}/rendez-vous/{rendezvous.pk}"
    page = client.get(f"{base}/deplacer/").content.decode()
    assert 'value="2026-12-08"' in page
    assert 'value="14:00"' in page
    response = client.post(
        f"{base}/deplacer/",
        form_data(modalite="presentiel", place="Salle 3", start="10:30"),
    )
    assert response.status_code == 302
    rendezvous.refresh_from_db()
    assert rendezvous.sequence == 1
    assert rendezvous.starts_at == datetime.datetime(2026, 12, 8, 10, 30, tzinfo=PARIS)
    assert "Annuler le rendez-vous" in client.get(f"{base}/annuler/").content.decode()
    assert client.post(f"{base}/annuler/").status_code == 302
    rendezvous.refresh_from_db()
    assert rendezvous.status == RendezVous.Status.ANNULE
    # A cancelled rendez-vous neither moves nor is cancelled again.
    assert client.get(f"{base}/deplacer/").status_code == 404


def test_other_parties_get_404(client_as, world):
    rendezvous = plan(world, notify=False)
    base = f"/bilans/{world.bilan.pk}/rendez-vous"
    for name in ("autre_conseiller", "candidat", "admin", "superuser"):
        client = client_as(name)
        assert client.get(f"{base}/planifier/").status_code == 404, name
        assert client.get(f"{base}/{rendezvous.pk}/deplacer/").status_code == 404
        assert client.post(f"{base}/{rendezvous.pk}/annuler/").status_code == 404
    for name in ("autre_candidat", "conseiller"):
        client = client_as(name)
        response = client.get(f"/mes-rendez-vous/{rendezvous.pk}/autre-creneau/")
        assert response.status_code == 404, name


def test_the_candidate_asks_for_another_slot_in_the_messages(client_as, world):
    rendezvous = plan(world, notify=False)
    client = client_as("candidat")
    dashboard = client.get("/tableau-de-bord/").content.decode()
    assert "Mes rendez-vous" in dashboard
    assert "mardi 8 décembre 2026 à 14 h 00" in dashboard
    assert "Demander un autre créneau" in dashboard
    response = client.post(
        f"/mes-rendez-vous/{rendezvous.pk}/autre-creneau/",
        {"body": "Plutôt le jeudi matin."},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/bilans/{world.bilan.pk}/messages/"
    post = Post.objects.get()
    assert post.author == world.candidat
    assert post.thread.bilan == world.bilan
    assert "Plutôt le jeudi matin." in post.body
    assert "mardi 8 décembre 2026 à 14 h 00" in post.body


def test_dashboards_list_next_first_and_past_below(client_as, world):
    plan(world, notify=False)
    past = plan(
        world,
        starts_at=datetime.datetime(2026, 11, 24, 9, tzinfo=PARIS),
        kind=RendezVous.Kind.SUIVI,
        notify=False,
    )
    RendezVous.objects.filter(pk=past.pk).update(status=RendezVous.Status.REALISE)
    for name in ("candidat", "conseiller"):
        page = client_as(name).get("/tableau-de-bord/").content.decode()
        upcoming = page.index("mardi 8 décembre 2026 à 14 h 00")
        earlier = page.index("mardi 24 novembre 2026 à 9 h 00")
        assert page.index("Mes rendez-vous") < upcoming < page.index("Passés") < earlier


def many_rendezvous(world, count):
    start = datetime.datetime(2026, 6, 1, 8, tzinfo=PARIS)
    RendezVous.objects.bulk_create(
        RendezVous(
            bilan=world.bilan,
            kind=RendezVous.Kind.INVESTIGATION,
            starts_at=start + datetime.timedelta(hours=3 * n),
            duration_minutes=60,
            modalite=RendezVous.Modalite.TELEPHONE,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("name", ["candidat", "conseiller"])
def test_dashboard_queries_do_not_grow_with_rendezvous(
    client_as, world, name, django_assert_num_queries
):
    client = client_as(name)
    many_rendezvous(world, 3)
    client.get("/tableau-de-bord/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/tableau-de-bord/")
    many_rendezvous(world, 1000)
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get("/tableau-de-bord/").content.decode()
    assert page.count("fr-badge--sm fr-badge--no-icon") <= 20 + 5


def test_reminders_go_the_day_before_once(world, django_capture_on_commit_callbacks):
    wednesday = datetime.datetime(2026, 12, 2, 10, tzinfo=PARIS)
    tomorrow = plan(world, starts_at=wednesday, notify=False)
    plan(world, starts_at=TUESDAY_14H, notify=False)  # next week: not yet
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
    (message,) = mail.outbox
    assert message.to == [world.candidat.email]
    assert "Rappel" in message.subject
    assert "mercredi 2 décembre 2026 à 10 h 00" in message.subject
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at == NOW
    # Idempotent: a second run (or a second host after the first) sends nothing.
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_rendezvous_reminders", stdout=out)
    assert "0 rappel(s)" in out.getvalue()
    assert len(mail.outbox) == 1


def test_a_moved_rendezvous_is_reminded_again(world):
    rendezvous = plan(
        world, starts_at=datetime.datetime(2026, 12, 2, 10, tzinfo=PARIS), notify=False
    )
    assert send_due_reminders() == 1
    move_rendezvous(
        rendezvous,
        by=world.conseiller,
        starts_at=datetime.datetime(2026, 12, 2, 15, tzinfo=PARIS),
        duration_minutes=60,
        notify=False,
    )
    assert send_due_reminders() == 1
    cancel_rendezvous(rendezvous, by=world.conseiller, notify=False)
    RendezVous.objects.update(reminder_sent_at=None)
    assert send_due_reminders() == 0


def test_planning_beyond_24_hours_in_all_is_refused(client_as, world):
    """L6313-4: a bilan lasts 24 hours at most; planning and moving say so."""
    long = plan(
        world,
        starts_at=TUESDAY_14H - datetime.timedelta(days=7),
        duration_minutes=23 * 60,
        notify=False,
    )
    with pytest.raises(OverHours) as refused:
        plan(world, duration_minutes=90, notify=False)
    assert "au-delà de la durée maximale de 24 h" in refused.value.message
    plan(world, duration_minutes=60, notify=False)  # exactly 24 h: allowed
    with pytest.raises(OverHours):
        move_rendezvous(
            long,
            by=world.conseiller,
            starts_at=long.starts_at,
            duration_minutes=23 * 60 + 1,
            notify=False,
        )
    long.refresh_from_db()
    assert long.duration_minutes == 23 * 60 and long.sequence == 0
    response = client_as("conseiller").post(
        f"/bilans/{world.bilan.pk}/rendez-vous/planifier/",
        form_data(date="2026-12-09", duration_minutes="30"),
    )
    assert response.status_code == 200
    assert "au-delà de la durée maximale de 24 h" in response.content.decode()
    assert RendezVous.objects.count() == 2
