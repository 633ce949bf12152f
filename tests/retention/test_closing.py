"""Closing a bilan (issue 13 §1): "Clore le bilan" once the synthèse is remis,
then the candidate's "Conserver mes documents pour l'entretien de suivi".

Through the screens: what the conseiller is told is missing, what closing
changes (status, end date, read-only phases, the e-mail and its link, the
journal), the candidate's choice and its 15-day window (time travel).
"""

import datetime
import html as html_lib

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
import time_machine

from phases.content.demo_answers import demo_answers
from phases.models import Bilan, PhaseSubmission
from phases.rules.answers import PhaseLocked, complete_phase, save_draft
from retention.closing import (
    BILAN_CLOSED,
    KEEP_ANSWERED,
    AlreadyClosed,
    KeepQuestionClosed,
    SyntheseNotRemis,
    close_bilan,
    record_keep_choice,
)
from synthese import rules as synthese_rules

TEXTS = {
    "circumstances": "Faire le point après douze ans de gestion administrative.",
    "competences": "Organisation, écoute, conduite de projets.",
    "project": "Formatrice pour adultes.",
}
#: A Tuesday, at noon in Paris: closing day in every test that travels. Sessions
#: last 8 hours: each test logs in again after each jump in time.
CLOSING_DAY = datetime.datetime(2027, 3, 2, 12, tzinfo=datetime.UTC)


def read(response):
    """The page's text as a person reads it (entities decoded)."""
    return html_lib.unescape(response.content.decode())


def captured(execute=True):
    """`with captured():` runs what a request's commit queues (the e-mails)."""
    return TestCase.captureOnCommitCallbacks(using="default", execute=execute)


def close_url(bilan):
    return reverse("retention:close", kwargs={"bilan_id": bilan.pk})


def keep_url(bilan):
    return reverse("retention:keep_documents", kwargs={"bilan_id": bilan.pk})


def remis(bilan):
    synthese_rules.save_draft(bilan, texts=TEXTS, expected_version=0)
    synthese_rules.submit(bilan, notify=False)
    synthese_rules.deliver(bilan, notify=False)


@pytest.fixture
def answered(world, phases):
    """Phase 1 terminée, phase 2 started: something to keep read-only."""
    complete_phase(
        world.bilan,
        phases[0],
        data=demo_answers(phases[0]),
        expected_version=0,
        notify=False,
    )
    save_draft(world.bilan, phases[1], data=demo_answers(phases[1]), expected_version=0)
    return world.bilan


@pytest.fixture
def closed(world, answered):
    """The bilan closed on CLOSING_DAY, its synthèse remis; no e-mail kept."""
    remis(answered)
    with time_machine.travel(CLOSING_DAY, tick=False):
        close_bilan(answered, by=world.conseiller, notify=False)
    answered.refresh_from_db()
    return answered


# --- The conseiller -------------------------------------------------------------


def test_the_bilan_page_offers_clore_le_bilan_only_while_en_cours(client_as, world):
    client = client_as("conseiller")
    html = read(client.get(reverse("bilan_detail", args=[world.bilan.pk])))
    assert "Clore le bilan" in html
    assert close_url(world.bilan) in html
    assert "Clôturer" not in html
    world.bilan.status = Bilan.Status.TERMINE
    world.bilan.end_date = world.bilan.start_date
    world.bilan.save()
    html = read(client.get(reverse("bilan_detail", args=[world.bilan.pk])))
    assert close_url(world.bilan) not in html


@pytest.mark.parametrize(
    ("step", "missing"),
    [
        ("none", "n'est pas encore rédigé"),
        ("draft", "n'a pas encore été soumis au candidat"),
        ("submitted", "n'est pas encore remis au candidat"),
    ],
)
def test_closing_is_refused_until_the_synthese_is_remis(
    client_as, world, answered, step, missing
):
    if step in ("draft", "submitted"):
        synthese_rules.save_draft(answered, texts=TEXTS, expected_version=0)
    if step == "submitted":
        synthese_rules.submit(answered, notify=False)
    client = client_as("conseiller")
    page = client.get(close_url(answered))
    assert page.status_code == 200
    assert missing in read(page)
    assert '<button type="submit" class="fr-btn">Clore le bilan' not in read(page)
    with captured():
        response = client.post(close_url(answered), follow=True)
    assert missing in read(response)
    answered.refresh_from_db()
    assert (answered.status, answered.end_date) == (Bilan.Status.EN_COURS, None)
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action=BILAN_CLOSED).exists()
    with pytest.raises(SyntheseNotRemis):
        close_bilan(answered, by=world.conseiller)


def test_closing_ends_the_bilan_today_read_only_with_an_email_and_a_journal_entry(
    client_as, world, phases, answered
):
    remis(answered)
    client = client_as("conseiller")
    assert "<button" in read(client.get(close_url(answered)))
    with time_machine.travel(CLOSING_DAY, tick=False), captured():
        client = client_as("conseiller")
        response = client.post(close_url(answered), follow=True)
    assert "Le bilan est clos" in read(response)
    answered.refresh_from_db()
    assert answered.status == Bilan.Status.TERMINE
    assert answered.end_date == datetime.date(2027, 3, 2)
    assert answered.keep_documents_days is None
    # The e-mail: to the candidate, with a link to their dashboard (the autouse
    # fixture follows it, logged in as them, and wants a 200).
    [message] = mail.outbox
    assert message.to == [world.candidat.email]
    assert "clos" in message.subject
    assert "http://testserver/tableau-de-bord/" in message.body
    assert "entretien de suivi" in message.body
    # The journal: on the candidate's account, by the conseiller, no content.
    entry = ModelLogEntry.objects.get(action=BILAN_CLOSED)
    assert entry.object_id == str(world.candidat.pk)
    assert entry.user_id == world.conseiller.pk
    assert entry.data["bilan"] == answered.pk
    assert "Bilan clos" in client_as("admin").get("/admin/journal/").text
    # Every phase is read-only, the started one as the finished one.
    candidate = client_as("candidat")  # back to today, logged in again
    for phase in phases[:3]:
        assert 'id="phase-form"' not in read(candidate.get(phase.url))
    submission = PhaseSubmission.objects.get(bilan=answered, phase=phases[1])
    response = candidate.post(
        f"/mes-reponses/phases/{phases[1].pk}/enregistrer/",
        {"version": str(submission.version)},
    )
    assert response.status_code == 409
    assert response.json()["error"] == "locked"
    with pytest.raises(PhaseLocked):
        save_draft(
            answered, phases[2], data=demo_answers(phases[2]), expected_version=0
        )
    assert not PhaseSubmission.objects.filter(bilan=answered, phase=phases[2]).exists()
    # "Rouvrir la phase" is refused too.
    client = client_as("conseiller")
    response = client.post(
        f"/bilans/{answered.pk}/phases/{phases[0].pk}/rouvrir/", follow=True
    )
    assert "Ce bilan est clos" in read(response)


def test_closing_twice_closes_once(client_as, world, closed):
    with pytest.raises(AlreadyClosed):
        close_bilan(closed, by=world.conseiller)
    client = client_as("conseiller")  # today: after the closing day's session
    with captured():
        response = client.post(close_url(closed), follow=True)
    assert "déjà clos" in read(response)
    assert mail.outbox == []
    assert ModelLogEntry.objects.filter(action=BILAN_CLOSED).count() == 1
    closed.refresh_from_db()
    assert closed.end_date == datetime.date(2027, 3, 2)


@pytest.mark.parametrize(
    "role",
    [
        "candidat",
        "autre_candidat",
        "autre_conseiller",
        "referent",
        "admin",
        "superuser",
    ],
)
def test_only_the_bilans_conseiller_closes_it(client_as, world, answered, role):
    remis(answered)
    client = client_as(role)
    assert client.get(close_url(answered)).status_code == 404
    assert client.post(close_url(answered)).status_code == 404
    answered.refresh_from_db()
    assert answered.status == Bilan.Status.EN_COURS


# --- The candidate --------------------------------------------------------------


def test_the_open_bilans_dashboard_asks_nothing(client_as, world):
    client = client_as("candidat")
    assert "Conserver mes documents" not in read(client.get("/tableau-de-bord/"))
    response = client.post(keep_url(world.bilan), {"days": "365"})
    assert response.status_code == 302
    world.bilan.refresh_from_db()
    assert world.bilan.keep_answered_at is None


@pytest.mark.parametrize(
    ("days", "label"),
    [(183, "6 mois"), (365, "1 an"), (730, "2 ans"), (1095, "3 ans")],
)
def test_the_candidate_keeps_their_documents(client_as, world, closed, days, label):
    with time_machine.travel(CLOSING_DAY + datetime.timedelta(days=3), tick=False):
        client = client_as("candidat")
        html = read(client.get("/tableau-de-bord/"))
        assert "Conserver mes documents pour l'entretien de suivi" in html
        for text in ("6 mois", "1 an", "2 ans", "3 ans", "Ne pas conserver"):
            assert text in html
        assert 'type="radio"' in html
        assert "17 mars 2027" in html  # the last day to answer
        response = client.post(keep_url(closed), {"days": str(days)}, follow=True)
    assert "Votre choix est enregistré" in read(response)
    closed.refresh_from_db()
    assert closed.keep_documents_days == days
    assert closed.keep_answered_at == CLOSING_DAY + datetime.timedelta(days=3)
    destruction = datetime.date(2027, 3, 2) + datetime.timedelta(days=days)
    assert closed.destruction_date() == destruction
    html = read(response)
    assert f"conserver vos documents {label} pour l" in html
    assert 'type="radio"' not in html
    from phases.templatetags.french_dates import date_fr

    assert date_fr(destruction) in html
    entry = ModelLogEntry.objects.get(action=KEEP_ANSWERED)
    assert (entry.object_id, entry.data["days"]) == (str(world.candidat.pk), days)
    # Answered once: a second answer changes nothing.
    client = client_as("candidat")
    client.post(keep_url(closed), {"days": "0"})
    closed.refresh_from_db()
    assert closed.keep_documents_days == days
    with pytest.raises(KeepQuestionClosed):
        record_keep_choice(closed, days=0, by=world.candidat)


def test_ne_pas_conserver(client_as, world, closed, settings):
    with time_machine.travel(CLOSING_DAY, tick=False):
        client = client_as("candidat")
        response = client.post(keep_url(closed), {"days": "0"}, follow=True)
    closed.refresh_from_db()
    assert (closed.keep_documents_days, closed.keep_answered_at) == (0, CLOSING_DAY)
    default = datetime.date(2027, 3, 2) + datetime.timedelta(
        days=settings.BILAN_RETENTION_DAYS
    )
    assert closed.destruction_date() == default
    assert "Vous avez choisi de ne pas conserver vos documents" in read(response)


def test_an_answer_without_a_duration_says_what_to_do(client_as, closed):
    with time_machine.travel(CLOSING_DAY, tick=False):
        client = client_as("candidat")
        for data, error in (
            ({}, "Choisissez une durée de conservation"),
            ({"days": "99"}, "Sélectionnez un choix valide"),
        ):
            response = client.post(keep_url(closed), data)
            assert response.status_code == 200
            assert error in read(response)
            assert 'type="radio"' in read(response)
    closed.refresh_from_db()
    assert closed.keep_answered_at is None
    with pytest.raises(ValueError):
        record_keep_choice(closed, days=99, by=closed.candidate)


def test_the_question_lasts_15_days_then_nothing_is_kept_beyond_the_default(
    client_as, world, closed, settings
):
    last_day = datetime.datetime(2027, 3, 17, 21, tzinfo=datetime.UTC)  # 22 h Paris
    with time_machine.travel(last_day, tick=False):
        client = client_as("candidat")
        assert 'type="radio"' in read(client.get("/tableau-de-bord/"))
        assert client.get(keep_url(closed)).status_code == 200
    with time_machine.travel(datetime.datetime(2027, 3, 18, 8, tzinfo=datetime.UTC)):
        client = client_as("candidat")
        html = read(client.get("/tableau-de-bord/"))
        assert 'type="radio"' not in html
        assert "ne sont pas conservés pour l" in html
        response = client.post(keep_url(closed), {"days": "1095"}, follow=True)
        assert "n'est plus posée" in read(response)
        with pytest.raises(KeepQuestionClosed):
            record_keep_choice(closed, days=1095, by=world.candidat)
    closed.refresh_from_db()
    assert closed.keep_documents_days is None
    assert closed.destruction_date() == datetime.date(2027, 3, 2) + datetime.timedelta(
        days=settings.BILAN_RETENTION_DAYS
    )


@pytest.mark.parametrize(
    "role", ["autre_candidat", "conseiller", "autre_conseiller", "admin", "superuser"]
)
def test_only_the_bilans_candidate_answers(client_as, closed, role):
    with time_machine.travel(CLOSING_DAY, tick=False):
        client = client_as(role)
        assert client.get(keep_url(closed)).status_code == 404
        assert client.post(keep_url(closed), {"days": "365"}).status_code == 404
    closed.refresh_from_db()
    assert closed.keep_answered_at is None
