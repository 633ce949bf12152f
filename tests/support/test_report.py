"""« Signaler un problème »: the footer's link, the form, what is sent and kept."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.test import Client

import pytest

from support.models import ProblemReport

FORM = "/signaler-un-probleme/"


def footer_link(html):
    """The href of the footer's « Signaler un problème » link (unescaped)."""
    match = re.search(r'href="([^"]*)">Signaler un problème</a>', html)
    assert match, "no « Signaler un problème » link"
    return unescape(match.group(1))


def field_value(html, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, f"no input {name}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return unescape(value.group(1)) if value else ""


def textarea(html, name):
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', html, re.S)
    assert match, f"no textarea {name}"
    return unescape(match.group(1)).strip()


@pytest.mark.parametrize(
    "who,url",
    [(None, "/connexion/?next=/tableau-de-bord/"), ("candidat", "/tableau-de-bord/")],
)
def test_every_page_s_footer_links_to_the_form_with_the_page(client, world, who, url):
    if who:
        client.force_login(getattr(world, who))
    link = footer_link(client.get(url).content.decode())
    parts = urlsplit(link)
    assert parts.path == FORM
    assert parse_qs(parts.query) == {"page": [url]}


def test_the_form_is_pre_filled_with_the_page_and_the_reference(client, world):
    client.force_login(world.candidat)
    response = client.get(
        FORM, {"page": "/bilans/1/phases/2/?onglet=a", "reference": "a1b2c3"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_value(html, "page_url") == "/bilans/1/phases/2/?onglet=a"
    assert field_value(html, "reference") == "a1b2c3"
    # A candidate's académie is known: neither asked.
    assert 'name="email"' not in html and 'name="academie"' not in html
    assert "académie de Montpellier" in html
    # The form's own footer link points at the same page, not at the form.
    assert parse_qs(urlsplit(footer_link(html)).query)["page"] == [
        "/bilans/1/phases/2/?onglet=a"
    ]


def test_without_the_link_the_page_comes_from_the_referer(client, db):
    html = client.get(
        FORM, HTTP_REFERER="http://testserver/essai/bogue/?x=1"
    ).content.decode()
    assert field_value(html, "page_url") == "/essai/bogue/?x=1"
    other = client.get(FORM, HTTP_REFERER="https://ailleurs.example/").content.decode()
    assert field_value(other, "page_url") == ""


def test_an_error_page_s_link_carries_its_reference(rf, db):
    from django.template.loader import render_to_string

    html = render_to_string("500.html", {"error_reference": "ref-42"})
    assert parse_qs(urlsplit(footer_link(html)).query) == {"reference": ["ref-42"]}


def test_a_candidate_reports_to_their_academie(
    client, world, django_capture_on_commit_callbacks
):
    world.montpellier.support_email = "support@ac-montpellier.fr"
    world.montpellier.save()
    client.force_login(world.candidat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            FORM,
            {
                "page_url": "/tableau-de-bord/",
                "error_message": "Erreur 500",
                "steps": "J'ai cliqué sur « Terminer la phase ».",
                "reference": "a1b2c3",
            },
            HTTP_USER_AGENT="Mozilla/5.0 Essai",
        )
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.academie == world.montpellier
    assert report.reporter == world.candidat
    assert report.reporter_email == world.candidat.email
    assert report.page_url == "/tableau-de-bord/"
    assert report.error_message == "Erreur 500"
    assert report.steps == "J'ai cliqué sur « Terminer la phase »."
    assert report.reference == "a1b2c3"
    assert report.user_agent == "Mozilla/5.0 Essai"
    (message,) = mail.outbox
    assert message.to == ["support@ac-montpellier.fr"]
    assert "académie de Montpellier" in message.subject and "a1b2c3" in message.subject
    assert "/tableau-de-bord/" in message.body
    assert "J'ai cliqué sur « Terminer la phase »." in message.body
    assert world.candidat.email in message.body
    assert f"/admin/signalements/inspect/{report.pk}/" in message.body

    thanks = client.get(response["Location"]).content.decode()
    assert "Merci : votre signalement est envoyé." in thanks
    assert 'href="/tableau-de-bord/"' in thanks


def test_an_anonymous_visitor_chooses_their_academie(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.SUPPORT_EMAIL = "support@service.example"
    html = client.get(FORM, {"page": "/connexion/"}).content.decode()
    assert "Votre adresse électronique" in html and "Votre académie" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            FORM,
            {
                "page_url": "/connexion/",
                "steps": "Je ne reçois pas le courriel de réinitialisation.",
                "email": "visiteur@exemple.fr",
                "academie": world.toulouse.pk,
            },
        )
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.academie == world.toulouse
    assert report.reporter is None
    assert report.reporter_email == "visiteur@exemple.fr"
    # Toulouse has no support address of its own: the service's.
    (message,) = mail.outbox
    assert message.to == ["support@service.example"]
    assert "visiteur@exemple.fr" in message.body
    assert (
        "Merci : votre signalement est envoyé."
        in client.get(response["Location"]).content.decode()
    )


def test_mistakes_answer_400_in_french_and_keep_what_was_typed(client, world):
    response = client.post(
        FORM,
        {
            "page_url": "javascript:alert(1)",
            "error_message": "Page blanche",
            "steps": "",
            "reference": "ref-9",
            "email": "pas une adresse",
            "academie": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Le signalement n'a pas été envoyé" in html
    assert "un chemin de ce site, qui commence par « / »" in unescape(html)
    assert "Décrivez ce que vous faisiez quand le problème est survenu" in unescape(
        html
    )
    assert "Saisissez une adresse électronique valide" in unescape(html)
    assert "Choisissez votre académie : son support vous répondra." in unescape(html)
    assert field_value(html, "page_url") == "javascript:alert(1)"
    assert textarea(html, "error_message") == "Page blanche"
    assert field_value(html, "reference") == "ref-9"
    assert field_value(html, "email") == "pas une adresse"
    assert not ProblemReport.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "address,valid",
    [
        ("/tableau-de-bord/", True),
        ("/bilans/3/phases/4/?a=1#b", True),
        ("https://monbilan.example/recherche/?q=x", True),
        ("http://127.0.0.1:8000/", True),
        ("//ailleurs.example/", False),
        ("ftp://ailleurs.example/", False),
        ("tableau-de-bord", False),
        ("/avec espace/", False),
        ("/" + "a" * 2000, False),
    ],
)
def test_the_page_address_is_a_path_of_the_site_or_an_http_url(
    client, world, address, valid
):
    client.force_login(world.conseiller)
    response = client.post(FORM, {"page_url": address, "steps": "Essai."})
    assert response.status_code == (302 if valid else 400)
    assert ProblemReport.objects.exists() is valid
    if valid:
        assert ProblemReport.objects.get().academie == world.montpellier


def test_the_form_checks_csrf(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        FORM,
        {
            "page_url": "/",
            "steps": "Essai.",
            "email": "a@exemple.fr",
            "academie": world.montpellier.pk,
        },
    )
    assert response.status_code == 403
    assert not ProblemReport.objects.exists()


def test_an_administrator_reports_for_their_own_academie(client, world):
    client.force_login(world.admin_toulouse)
    assert (
        client.post(FORM, {"page_url": "/admin/", "steps": "Essai."}).status_code == 302
    )
    assert ProblemReport.objects.get().academie == world.toulouse


def test_a_sixth_report_within_the_hour_answers_429_in_french(client, world):
    data = {
        "page_url": "/",
        "steps": "Essai.",
        "email": "a@exemple.fr",
        "academie": world.montpellier.pk,
    }
    # Mistakes cost nothing: only what was sent is counted.
    for _ in range(3):
        assert client.post(FORM, {**data, "steps": ""}).status_code == 400
    for _ in range(5):
        assert client.post(FORM, data).status_code == 302
    response = client.post(FORM, data)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    html = unescape(response.content.decode())
    assert "Trop de signalements" in html
    assert "attendez une heure avant d'en envoyer un nouveau" in html
    assert ProblemReport.objects.count() == 5
    # Another address is not held back.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(FORM, data).status_code == 302


def test_the_thanks_page_links_back_only_to_this_site(client, db):
    html = client.get(
        "/signaler-un-probleme/envoye/", {"page": "https://ailleurs.example/"}
    ).content.decode()
    assert 'href="https://ailleurs.example/"' not in html
    assert "Revenir à la page" not in html
    assert re.search(r'href="/">Page d.accueil</a>', html)


@pytest.mark.urls("tests.markup.pages")
def test_after_a_500_the_form_has_the_page_and_the_reference(world):
    client = Client(raise_request_exception=False)
    error = client.get("/essai/bogue/", HTTP_X_REQUEST_ID="ref-500-abc")
    assert error.status_code == 500
    link = footer_link(error.content.decode())
    assert parse_qs(urlsplit(link).query) == {"reference": ["ref-500-abc"]}
    # The error page renders without the request: the browser's Referer (the
    # failing page) gives the address.
    html = client.get(
        link, HTTP_REFERER="http://testserver/essai/bogue/"
    ).content.decode()
    assert field_value(html, "page_url") == "/essai/bogue/"
    assert field_value(html, "reference") == "ref-500-abc"
