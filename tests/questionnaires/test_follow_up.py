"""Six months after closing (issue 14 §3): `send_follow_ups` invites the
candidate to « Où en êtes-vous six mois après votre bilan ? » and reminds the
conseiller to plan an « Entretien de suivi »; once per bilan, whatever the
number of runs; the e-mails' links open the questionnaire and the bilan."""

import datetime
from io import StringIO
from urllib.parse import urlsplit

from django.core import mail
from django.core.management import call_command

import pytest

from questionnaires.followup import send_follow_ups
from questionnaires.models import FollowUp, QuestionnaireResponse
from retention.purge import anonymise_account

from .helpers import Kind, close, full_answers, questionnaire, read

pytestmark = pytest.mark.django_db


def links(message):
    return [
        urlsplit(line.strip()).path
        for line in message.body.splitlines()
        if line.strip().startswith("http")
    ]


def test_six_months_after_closing_both_are_written_to_once(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.BILAN_FOLLOW_UP_DAYS = 180
    close(world.bilan, days_ago=180)
    close(world.autre_bilan, days_ago=100)  # not yet
    close(world.bilan_toulouse, days_ago=400)  # long before the follow-up existed
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_ups", stdout=out)
    assert "1 suivi(s) à six mois envoyé(s)." in out.getvalue()
    assert FollowUp.objects.get().bilan == world.bilan

    (to_candidate,) = [m for m in mail.outbox if m.to == [world.candidat.email]]
    (to_conseiller,) = [m for m in mail.outbox if m.to == [world.conseiller.email]]
    assert len(mail.outbox) == 2
    assert to_candidate.subject == "Où en êtes-vous six mois après votre bilan ?"
    assert "Entretien de suivi" in to_conseiller.subject + to_conseiller.body
    assert "« Planifier un rendez-vous »" in to_conseiller.body

    # The candidate's link opens the questionnaire, which they answer.
    page = questionnaire(Kind.SIX_MONTHS)
    (link,) = links(to_candidate)
    assert link == page.url
    client.force_login(world.candidat)
    assert "Quelle est aujourd'hui votre situation professionnelle ?" in read(
        client.get(link)
    )
    assert "Où en êtes-vous six mois après votre bilan ?" in read(
        client.get("/tableau-de-bord/")
    )
    client.post(link, full_answers(page))
    assert QuestionnaireResponse.objects.filter(questionnaire=page).count() == 1

    # The conseiller's link opens the bilan, where the rendez-vous is planned.
    (link,) = links(to_conseiller)
    client.force_login(world.conseiller)
    assert "Planifier un rendez-vous" in read(client.get(link))

    # Run again (the next day, or a second host): nothing more.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_follow_ups() == 0
    assert mail.outbox == []


def test_the_delay_is_a_setting(world, settings):
    settings.BILAN_FOLLOW_UP_DAYS = 90
    close(world.autre_bilan, days_ago=100)
    assert send_follow_ups() == 1
    assert FollowUp.objects.get().bilan == world.autre_bilan


def test_before_six_months_the_questionnaire_is_not_asked(client_as, world):
    close(world.bilan, days_ago=20)
    page = questionnaire(Kind.SIX_MONTHS)
    response = client_as("candidat").get(page.url)
    assert "Ce questionnaire ne vous est pas encore proposé" in read(response)
    assert client_as("candidat").post(page.url, full_answers(page)).status_code == 200
    assert not QuestionnaireResponse.objects.exists()


def test_a_candidate_whose_account_is_gone_is_not_written_to(world, settings):
    settings.BILAN_FOLLOW_UP_DAYS = 180
    close(world.bilan, days_ago=181)
    anonymise_account(world.candidat)
    assert send_follow_ups() == 0
    assert mail.outbox == []


def test_an_unpublished_questionnaire_sends_nothing(world, settings):
    settings.BILAN_FOLLOW_UP_DAYS = 180
    close(world.bilan, days_ago=180)
    questionnaire(Kind.SIX_MONTHS).unpublish()
    assert send_follow_ups() == 0
    assert not FollowUp.objects.exists()


def test_a_run_in_the_morning_in_paris_reads_the_paris_day(world, settings):
    settings.BILAN_FOLLOW_UP_DAYS = 180
    bilan = close(world.bilan, days_ago=0)
    # 180 days after closing, at 00:30 in Paris (23:30 UTC the day before).
    end = bilan.end_date + datetime.timedelta(days=180)
    now = datetime.datetime.combine(end, datetime.time(23, 30), tzinfo=datetime.UTC)
    assert send_follow_ups(now=now - datetime.timedelta(days=1)) == 1
