"""The site pages of every role, rendered as their users get them.

With answers, comments, messages, a file and form errors, so that every template
shows. Wagtail's own admin is Wagtail's markup and stays out; so does the userbar
it embeds in the site's pages for the staff. This module doubles as the URLconf
of the tests that use it (`@pytest.mark.urls("tests.markup.pages")`).
"""

import re

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.test import Client
from django.urls import path

from home.models import ContentPage
from home.setup import install_site_pages
from monbilan import urls as project_urls
from phases.management.commands.load_demo import demo_answers
from phases.models import Bilan, SubmissionFile
from phases.rules.answers import complete_phase, save_draft, validate_phase
from phases.rules.threads import add_comment, post_message
from questionnaires.content import installed_questionnaire
from questionnaires.models import FollowUp, QuestionnairePage
from questionnaires.rules import send_answers
from tests.questionnaires.helpers import full_answers

# The project's URLs and three views that fail the way real ones do, so that the
# 403, 500 and 503 pages render through the project's own handlers.


def _forbidden(request):
    raise PermissionDenied


def _bug(request):
    raise ValueError("a bug")


def _lost_database(request):
    raise OperationalError("connection refused")


urlpatterns = [
    path("essai/interdit/", _forbidden),
    path("essai/bogue/", _bug),
    path("essai/panne/", _lost_database),
    *project_urls.urlpatterns,
]
handler500 = project_urls.handler500

USERBAR = re.compile(
    r"<!-- Wagtail user bar embed code -->.*?<!-- end Wagtail user bar embed code -->",
    re.S,
)
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"


def answered_bilan(world, phases):
    """The candidate's bilan as it is mid-way: phases 1–4 terminées (phase 1
    validée, with a file and a comment thread), 5–7 started, 8–10 untouched; a
    message each way."""
    bilan = world.bilan
    for phase in phases[:4]:
        complete_phase(
            bilan, phase, data=demo_answers(phase), expected_version=0, notify=False
        )
    for phase in phases[4:7]:
        save_draft(bilan, phase, data=demo_answers(phase), expected_version=0)
    validate_phase(bilan, phases[0], notify=False)
    cv_question = next(
        child for child in phases[1].questions() if child.block_type == "file_upload"
    )
    stored = SubmissionFile(
        submission=bilan.submissions.get(phase=phases[1]),
        block_id=cv_question.id,
        original_name="Mon CV.pdf",
        size=len(PDF),
        content_type="application/pdf",
    )
    stored.file.save("cv", ContentFile(PDF), save=False)
    stored.save()
    for phase in (phases[0], phases[5]):
        block_id = phase.questions()[0].id
        add_comment(
            bilan,
            phase,
            block_id,
            author=world.conseiller,
            body="Pouvez-vous préciser ce point ?",
            notify=False,
        )
        add_comment(
            bilan,
            phase,
            block_id,
            author=world.candidat,
            body="Oui, je complète.",
            notify=False,
        )
    post_message(
        bilan, author=world.conseiller, body="Bonjour,\nà bientôt.", notify=False
    )
    post_message(bilan, author=world.candidat, body="Merci !", notify=False)
    return bilan


def get(client, url, pages, name, status=200):
    response = client.get(url)
    assert response.status_code == status, (name, url, response.status_code)
    pages[name] = response.content.decode()


def post(client, url, data, pages, name):
    """A form posted with mistakes: the page shows them (200 or 400)."""
    response = client.post(url, data)
    assert response.status_code in (200, 400), (name, url, response.status_code)
    pages[name] = response.content.decode()


def site_pages(world, phases):
    """{name: HTML} for every site page of every role."""
    install_site_pages()
    bilan = answered_bilan(world, phases)
    pages = {}

    anonymous = Client(raise_request_exception=False)
    get(anonymous, "/", pages, "accueil")
    for page in ContentPage.objects.live():
        get(anonymous, page.url, pages, f"page {page.slug}")
    get(anonymous, "/connexion/", pages, "connexion")
    post(
        anonymous,
        "/connexion/",
        {"username": "candidat", "password": "faux"},
        pages,
        "connexion (erreur)",
    )
    get(anonymous, "/mot-de-passe/reinitialiser/", pages, "réinitialisation")
    post(
        anonymous,
        "/mot-de-passe/reinitialiser/",
        {"email": "pas une adresse"},
        pages,
        "réinitialisation (erreur)",
    )
    get(anonymous, "/mot-de-passe/reinitialiser/envoye/", pages, "courriel envoyé")
    get(anonymous, "/mot-de-passe/nouveau/MQ/jeton/", pages, "lien invalide")
    get(anonymous, "/mot-de-passe/nouveau/termine/", pages, "mot de passe enregistré")
    get(anonymous, "/cette-page-n-existe-pas/", pages, "404", status=404)
    get(anonymous, "/essai/interdit/", pages, "403", status=403)
    get(anonymous, "/essai/bogue/", pages, "500", status=500)
    get(anonymous, "/essai/panne/", pages, "503", status=503)
    get(
        anonymous,
        "/signaler-un-probleme/?page=/connexion/",
        pages,
        "signaler un problème",
    )
    post(
        anonymous,
        "/signaler-un-probleme/",
        {"page_url": "pas une adresse", "email": "pas une adresse"},
        pages,
        "signaler un problème (erreurs)",
    )
    get(
        anonymous,
        "/signaler-un-probleme/envoye/?page=/connexion/",
        pages,
        "signalement envoyé",
    )

    candidat = Client()
    candidat.force_login(world.candidat)
    get(candidat, "/", pages, "candidat: accueil")
    get(candidat, "/tableau-de-bord/", pages, "candidat: tableau de bord")
    for number, phase in enumerate(phases, start=1):
        get(candidat, phase.url, pages, f"candidat: phase {number}")
    post(
        candidat,
        phases[7].url,
        {"action": "complete", "version": "0"},
        pages,
        "candidat: phase 8 (erreurs)",
    )
    get(candidat, "/mon-compte/", pages, "candidat: mon compte")
    post(
        candidat,
        "/mon-compte/",
        {"email": "pas une adresse", "new_password1": "a", "new_password2": "b"},
        pages,
        "candidat: mon compte (erreurs)",
    )
    get(candidat, "/mon-compte/mes-donnees/", pages, "candidat: mes données")
    get(candidat, f"/bilans/{bilan.pk}/messages/", pages, "candidat: messages")
    get(candidat, "/recherche/?q=phase", pages, "candidat: recherche")
    get(candidat, "/admin/", pages, "candidat: administration (403)", status=403)
    satisfaction = installed_questionnaire(QuestionnairePage.Kind.SATISFACTION)
    six_months = installed_questionnaire(QuestionnairePage.Kind.SIX_MONTHS)
    get(candidat, satisfaction.url, pages, "candidat: questionnaire (pas encore)")

    # A closed bilan: the dashboard offers the questionnaire, which is answered.
    closed = world.autre_bilan
    Bilan.objects.filter(pk=closed.pk).update(
        status=Bilan.Status.TERMINE, end_date=closed.start_date
    )
    FollowUp.objects.create(bilan=closed, sent_at=closed.created_at)
    ancien = Client()
    ancien.force_login(world.autre_candidat)
    get(ancien, "/tableau-de-bord/", pages, "candidat clos: tableau de bord")
    get(ancien, satisfaction.url, pages, "candidat clos: questionnaire")
    post(ancien, satisfaction.url, {}, pages, "candidat clos: questionnaire (erreurs)")
    send_answers(closed, satisfaction, data=full_answers(satisfaction))
    get(ancien, satisfaction.url, pages, "candidat clos: questionnaire (répondu)")
    get(ancien, six_months.url, pages, "candidat clos: questionnaire des six mois")

    for role in ("conseiller", "referent"):
        client = Client()
        client.force_login(getattr(world, role))
        get(client, "/tableau-de-bord/", pages, f"{role}: tableau de bord")
        get(client, "/candidats/ajouter/", pages, f"{role}: ajouter un candidat")
        post(
            client,
            "/candidats/ajouter/",
            {"username": "", "email": "pas une adresse"},
            pages,
            f"{role}: ajouter un candidat (erreurs)",
        )
        get(client, "/recherche/?q=phase", pages, f"{role}: recherche")
        get(client, "/mon-compte/", pages, f"{role}: mon compte")
        get(client, "/mon-compte/mes-donnees/", pages, f"{role}: mes données")
        get(client, phases[0].url, pages, f"{role}: aperçu d'une phase")
        get(client, satisfaction.url, pages, f"{role}: aperçu d'un questionnaire")

    # Administrators work in the Wagtail admin; their one site page is Mon compte.
    for role in ("admin", "superuser"):
        client = Client()
        client.force_login(getattr(world, role))
        get(client, "/mon-compte/", pages, f"{role}: mon compte")

    conseiller = Client()
    conseiller.force_login(world.conseiller)
    get(
        conseiller,
        "/tableau-de-bord/?q=inconnu",
        pages,
        "conseiller: tableau de bord (filtré)",
    )
    base = f"/bilans/{bilan.pk}/"
    get(conseiller, base, pages, "conseiller: bilan")
    get(conseiller, f"{base}modifier/", pages, "conseiller: modifier le bilan")
    get(conseiller, f"{base}clore/", pages, "conseiller: clore le bilan")
    get(conseiller, f"{base}messages/", pages, "conseiller: messages")
    for number, phase in enumerate(phases, start=1):
        url = f"{base}phases/{phase.pk}/"
        get(conseiller, url, pages, f"conseiller: phase {number}")
    return {name: USERBAR.sub("", html) for name, html in pages.items()}
