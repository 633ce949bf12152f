"""Dates on the site as French writes them: « 1er décembre 2026 », never
« 1 décembre » nor « 1 Déc »."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.template import Context, Template

from phases.management.commands.load_demo import demo_answers
from phases.models import PhaseSubmission, Post
from phases.questions.form import field_name
from phases.rules.answers import complete_phase
from phases.rules.threads import add_comment, post_message
from phases.templatetags.french_dates import french_date
from tests.conseiller.conftest import answer

PARIS = ZoneInfo("Europe/Paris")
FIRST = datetime.datetime(2026, 12, 1, 14, 5, tzinfo=PARIS)


def test_french_date():
    assert french_date(datetime.date(2026, 12, 1)) == "1er décembre 2026"
    assert french_date(datetime.date(2026, 3, 2)) == "2 mars 2026"
    assert french_date(FIRST, with_time=True) == "1er décembre 2026 à 14:05"
    # Stored in UTC, shown in the site's time zone: 23:30 UTC is the next day.
    late = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    assert french_date(late, with_time=True) == "1er décembre 2026 à 00:30"
    assert french_date(None) == ""


def test_date_fr_filter():
    template = Template(
        '{% load french_dates %}{{ day|date_fr }} | {{ moment|date_fr:"heure" }}'
    )
    text = template.render(Context({"day": FIRST.date(), "moment": FIRST}))
    assert text == "1er décembre 2026 | 1er décembre 2026 à 14:05"


def no_english_or_bare_first(page_html):
    """« 1 décembre », « 1 déc », « 1 Déc »: the forms French does not write."""
    return re.findall(r"\b1 (?:[Dd]éc|décembre)", page_html)


def test_conseiller_pages_write_the_first_of_the_month(client_as, world, phases):
    bilan = world.bilan
    bilan.start_date = FIRST.date()
    bilan.save()
    phase = phases[0]
    answer(bilan, phase)
    PhaseSubmission.objects.filter(bilan=bilan, phase=phase).update(
        completed_at=FIRST, updated_at=FIRST
    )
    block_id = phase.questions()[0].id
    add_comment(
        bilan, phase, block_id, author=world.conseiller, body="Précisez ?", notify=False
    )
    post_message(bilan, author=world.candidat, body="Bonjour", notify=False)
    Post.objects.update(created_at=FIRST)
    type(world.candidat).objects.filter(pk=world.candidat.pk).update(last_login=FIRST)
    client = client_as("conseiller")

    pages = {
        "bilan": client.get(f"/bilans/{bilan.pk}/").content.decode(),
        "phase": client.get(f"/bilans/{bilan.pk}/phases/{phase.pk}/").content.decode(),
        "messages": client.get(f"/bilans/{bilan.pk}/messages/").content.decode(),
        "tableau de bord": client.get("/tableau-de-bord/").content.decode(),
    }
    assert "Début du bilan : 1er décembre 2026" in pages["bilan"]
    assert "Phase terminée le 1er décembre 2026 à 14:05." in pages["phase"]
    assert "le 1er décembre 2026 à 14:05" in pages["phase"]  # the comment
    assert "le 1er décembre 2026 à 14:05" in pages["messages"]
    assert "1er décembre 2026 à 14:05" in pages["tableau de bord"]
    for name, page_html in pages.items():
        assert not no_english_or_bare_first(page_html), name


def test_a_date_answer_reads_in_french(client_as, world, phases):
    """The plan d'action's dates, as the conseiller and the candidate read them."""
    phase = phases[9]
    question = next(q for q in phase.questions() if q.block_type == "date")
    data = {**demo_answers(phase), field_name(question.id): "2027-02-01"}
    complete_phase(world.bilan, phase, data=data, expected_version=0, notify=False)
    page_html = (
        client_as("conseiller")
        .get(f"/bilans/{world.bilan.pk}/phases/{phase.pk}/")
        .content.decode()
    )
    assert "1er février 2027" in page_html
    assert "1 février 2027" not in page_html
