"""« Votre accord pour ce bilan »: the text, the form, what is stored and shown."""

import datetime
from html import unescape
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.template import Context, Template
from django.test import Client

from wagtail.models import ModelLogEntry, Revision

import pytest

from phases.models import Bilan, Consent, ConsentPage, PhaseSubmission
from phases.models.consent import duration_in_words

from ..factories import PASSWORD

URL = "/votre-accord/"
PARIS = ZoneInfo("Europe/Paris")
LABEL = (
    "J'ai lu ces informations et je donne mon accord pour réaliser ce bilan de "
    "compétences"
)


def html_of(response):
    return unescape(response.content.decode())


def publish(page, body):
    page = ConsentPage.objects.get(pk=page.pk)
    page.body = body
    page.save_revision().publish()
    return ConsentPage.objects.get(pk=page.pk)


def test_the_page_says_what_the_candidate_consents_to(client, awaiting):
    client.force_login(awaiting.candidate)
    html = html_of(client.get(URL))
    assert "<h1>Votre accord pour ce bilan</h1>" in html
    for words in (
        "À quoi sert un bilan de compétences",
        "La phase préliminaire",
        "La phase d'investigation",
        "La phase de conclusions",
        "secret professionnel",
        "Vous êtes le seul destinataire des résultats détaillés",
        "Refuser de donner votre accord n'a aucune conséquence pour vous",
        "Conservation de vos données",
        "détruits 30 jours après la clôture de votre bilan",
        "gardés 3 ans au plus",
        LABEL,
        "Donner mon accord",
    ):
        assert words in html, words


def test_the_durations_come_from_the_settings(client, awaiting, settings):
    settings.BILAN_RETENTION_DAYS = 45
    settings.BILAN_RETENTION_MAX_DAYS = 730
    client.force_login(awaiting.candidate)
    html = html_of(client.get(URL))
    assert "détruits 45 jours après la clôture" in html
    assert "gardés 2 ans au plus" in html


@pytest.mark.parametrize(
    ("days", "words"),
    [(0, "0 jour"), (1, "1 jour"), (30, "30 jours"), (365, "1 an"), (1095, "3 ans")],
)
def test_durations_in_words(days, words):
    assert duration_in_words(days) == words


def test_without_the_box_ticked_nothing_is_stored(client, awaiting):
    client.force_login(awaiting.candidate)
    response = client.post(URL, {})
    assert response.status_code == 200
    html = html_of(response)
    assert "Pour commencer votre bilan, cochez la case" in html
    assert 'name="accept" aria-invalid="true"' in html
    assert not Consent.objects.filter(bilan=awaiting).exists()
    assert not ModelLogEntry.objects.filter(
        action="monbilan.consent.given", object_id=str(awaiting.candidate_id)
    ).exists()
    assert client.get("/tableau-de-bord/")["Location"] == URL


def test_consent_is_stored_with_the_version_live_then(client, awaiting, consent_page):
    first = consent_page.live_revision
    client.force_login(awaiting.candidate)
    response = client.post(URL, {"accept": "on"})
    assert response["Location"] == "/tableau-de-bord/"
    dashboard = html_of(client.get("/tableau-de-bord/"))
    assert "votre accord est enregistré" in dashboard
    consent = Consent.objects.get(bilan=awaiting)
    assert consent.revision == first
    assert consent.given_at is not None

    # A référent rewrites the text: the consent still points to what was accepted.
    publish(consent_page, "<p>Un tout autre texte.</p>")
    consent.refresh_from_db()
    assert consent.revision == first
    assert "Un tout autre texte" not in str(consent.text().body)
    # The candidate reads again the version they accepted, with its date.
    html = html_of(client.get(URL))
    assert "Voici le texte que vous avez accepté" in html
    assert "Accord donné le" in html
    assert "La phase préliminaire" in html
    assert "Un tout autre texte" not in html
    assert LABEL not in html


def test_a_later_candidate_accepts_the_later_version(client, world, awaiting):
    page = publish(ConsentPage.objects.get(), "<p>Deuxième version.</p>")
    client.force_login(awaiting.candidate)
    assert "Deuxième version." in html_of(client.get(URL))
    client.post(URL, {"accept": "on"})
    assert Consent.objects.get(bilan=awaiting).revision == page.live_revision
    # world.candidat consented at set-up, to the first version.
    assert Consent.objects.get(bilan=world.bilan).revision != page.live_revision


def test_the_versions_accepted_are_never_purged(awaiting, consent_page, client):
    client.force_login(awaiting.candidate)
    client.post(URL, {"accept": "on"})
    accepted = Consent.objects.get(bilan=awaiting).revision
    for number in range(3):
        publish(consent_page, f"<p>Version {number}.</p>")
    call_command("purge_revisions", verbosity=0)
    assert Revision.objects.filter(pk=accepted.pk).exists()


def test_a_text_once_accepted_cannot_be_deleted(world, consent_page):
    # world.candidat consented at set-up.
    tester = consent_page.permissions_for_user(world.superuser)
    assert not tester.can_delete()


def test_a_double_click_stores_one_consent(client, awaiting):
    client.force_login(awaiting.candidate)
    client.post(URL, {"accept": "on"})
    second = client.post(URL, {"accept": "on"})
    assert second["Location"] == "/tableau-de-bord/"
    assert Consent.objects.filter(bilan=awaiting).count() == 1
    assert (
        ModelLogEntry.objects.filter(
            action="monbilan.consent.given", object_id=str(awaiting.candidate_id)
        ).count()
        == 1
    )


def test_the_journal_records_it_without_content(client, world, awaiting):
    client.force_login(awaiting.candidate)
    client.post(URL, {"accept": "on"})
    entry = ModelLogEntry.objects.get(
        action="monbilan.consent.given", object_id=str(awaiting.candidate_id)
    )
    assert entry.user == awaiting.candidate
    assert entry.message == "Accord du candidat donné"
    consent = Consent.objects.get(bilan=awaiting)
    assert entry.data == {"bilan": awaiting.pk, "revision": consent.revision_id}
    # The académie's administrator sees that it happened, in their journal.
    client.force_login(world.admin)
    journal = html_of(client.get("/admin/journal/"))
    assert "Accord du candidat donné" in journal
    assert awaiting.candidate.get_full_name() in journal


def test_login_lands_on_the_consent_page_then_on_the_dashboard(awaiting):
    browser = Client()
    response = browser.post(
        "/connexion/",
        {"username": awaiting.candidate.username, "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == URL
    assert "Votre accord pour ce bilan" in html_of(response)
    response = browser.post(URL, {"accept": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == "/tableau-de-bord/"
    # At the next login, straight to the Tableau de bord.
    browser.logout()
    response = browser.post(
        "/connexion/",
        {"username": awaiting.candidate.username, "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/tableau-de-bord/"


def test_staff_read_the_text_without_the_form(client_as, awaiting):
    html = html_of(client_as("conseiller").get(URL))
    assert "La phase préliminaire" in html
    assert LABEL not in html
    assert client_as("conseiller").post(URL, {"accept": "on"}).status_code == 302
    assert not Consent.objects.filter(bilan=awaiting).exists()


def test_referents_edit_and_publish_the_text(world, consent_page):
    tester = consent_page.permissions_for_user(world.referent)
    assert tester.can_edit()
    assert tester.can_publish()
    assert not consent_page.permissions_for_user(world.conseiller).can_edit()


def test_an_unpublished_text_cannot_be_accepted(client, awaiting, consent_page):
    consent_page.unpublish()
    client.force_login(awaiting.candidate)
    html = html_of(client.get(URL))
    assert "Le texte de l'accord n'est pas disponible pour le moment" in html
    assert LABEL not in html
    client.post(URL, {"accept": "on"})
    assert not Consent.objects.filter(bilan=awaiting).exists()


def test_a_site_without_the_page_gets_the_default_text(client, awaiting):
    # A site upgraded without running the installer: no page, no consent yet.
    Consent.objects.all().delete()
    ConsentPage.objects.get().delete()
    client.force_login(awaiting.candidate)
    assert "La phase préliminaire" in html_of(client.get(URL))
    client.post(URL, {"accept": "on"})
    assert Consent.objects.get(bilan=awaiting).revision.content_object is not None


#: The line the conseiller's bilan page holds.
STATUS_LINE = Template(
    '{% include "phases/includes/consent_status.html" with consent=bilan.consent %}'
)


def test_the_conseiller_line(awaiting):
    bilan = Bilan.objects.select_related("consent").get(pk=awaiting.pk)
    assert STATUS_LINE.render(Context({"bilan": bilan})) == "Accord non encore donné"
    Consent.objects.create(
        bilan=awaiting,
        revision=ConsentPage.objects.get().live_revision,
        given_at=datetime.datetime(
            2026, 12, 3, 10, 12, tzinfo=ZoneInfo("Europe/Paris")
        ),
    )
    bilan = Bilan.objects.select_related("consent").get(pk=awaiting.pk)
    assert (
        STATUS_LINE.render(Context({"bilan": bilan}))
        == "Accord donné le 3 décembre 2026 à 10 h 12"
    )


def test_the_demo_candidates_with_answers_have_consented(db):
    call_command("load_demo", verbosity=0)
    answered = Bilan.objects.filter(submissions__isnull=False).distinct()
    assert answered.count() == 4
    for bilan in answered:
        first_answer = PhaseSubmission.objects.filter(bilan=bilan).earliest("pk")
        assert bilan.consent.given_at <= first_answer.updated_at


def test_the_page_is_valid_html(client, world, awaiting, tmp_path):
    from ..markup.vnu import missing_tools, validate

    problem = missing_tools()
    assert not problem, problem
    client.force_login(awaiting.candidate)
    pages = {
        "form": client.get(URL).content.decode(),
        "form with its error": client.post(URL, {}).content.decode(),
        "refused": client.post("/tableau-de-bord/").content.decode(),
    }
    client.post(URL, {"accept": "on"})
    pages["accepted"] = client.get(URL).content.decode()
    client.force_login(world.conseiller)
    pages["read by the conseiller"] = client.get(URL).content.decode()
    assert validate(pages, tmp_path) == {}


def test_the_conseillers_bilan_page_says_whether_consent_was_given(
    client, awaiting, world
):
    client.force_login(world.conseiller)
    page = f"/bilans/{awaiting.pk}/"
    assert "Accord non encore donné" in html_of(client.get(page))
    Consent.objects.create(
        bilan=awaiting,
        revision=ConsentPage.objects.get().live_revision,
        given_at=datetime.datetime(2026, 12, 3, 10, 12, tzinfo=PARIS),
    )
    html = html_of(client.get(page))
    assert "Accord donné le 3 décembre 2026 à 10 h 12" in html
    assert "Accord non encore donné" not in html
