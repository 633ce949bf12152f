"""axe-core (WCAG 2.0/2.1 A and AA) on every page the journeys visit.

No violation of impact "serious" or "critical" is accepted, except the known
defects listed in `tests/e2e/axe.py` (each with its fix; a listed defect that no
longer happens fails here, so the list cannot go stale).
"""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from playwright.sync_api import expect

from phases.content.install import shipped_content
from phases.models import PhaseSubmission
from phases.questions.blocks import FIELD_BLOCK_CLASSES
from tests.phases.conftest import QUESTIONS

from .axe import KNOWN_VIOLATIONS, blocking, describe, run_axe
from .helpers import E2E, log_in, png_bytes, publish_body

pytestmark = E2E

VIDEO_URL = "https://www.youtube.com/watch?v=exemple-monbilan"


class Audit:
    """Runs axe on each page visited and reports every problem at the end."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        self.keys = set()
        self.matched = set()

    def check(self, key):
        self.page.wait_for_load_state("load")
        self.keys.add(key)
        allowed = {rule for (page_key, rule) in KNOWN_VIOLATIONS if page_key == key}
        for violation in blocking(run_axe(self.page)):
            if violation["id"] in allowed:
                self.matched.add((key, violation["id"]))
            else:
                self.problems.append(
                    f"{key} ({urlsplit(self.page.url).path}):\n{describe([violation])}"
                )

    def visit(self, key, url):
        response = self.page.goto(url)
        assert response.status < 400, f"{url} answered {response.status}"
        self.check(key)

    def assert_clean(self):
        stale = {
            entry
            for entry in KNOWN_VIOLATIONS
            if entry[0] in self.keys and entry not in self.matched
        }
        assert not stale, (
            "Known violations that no longer happen: remove them from "
            f"KNOWN_VIOLATIONS: {sorted(stale)}"
        )
        assert not self.problems, "\n".join(self.problems)


def body_with_every_content_block():
    """Every question type (QUESTIONS) plus image, document and video blocks."""
    image = Image.objects.create(
        title="Schéma du bilan",
        file=ContentFile(png_bytes((120, 80)), name="schema-bilan.png"),
    )
    document = Document.objects.create(
        title="Guide du candidat",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide-candidat.pdf"),
    )
    # The embed is cached beforehand: the test never calls out to a video site.
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        html=(
            '<iframe title="Présentation du bilan de compétences" '
            'src="about:blank" width="560" height="315"></iframe>'
        ),
        type="video",
        provider_name="YouTube",
        title="Présentation du bilan de compétences",
    )
    return [
        *QUESTIONS,
        (
            "image",
            {
                "image": {
                    "image": image.pk,
                    "alt_text": "Les étapes du bilan",
                    "decorative": False,
                },
                "caption": "Les trois temps du bilan",
            },
        ),
        ("document", {"document": document.pk, "title": "Télécharger le guide"}),
        (
            "video",
            {
                "video": VIDEO_URL,
                "title": "Présentation du bilan de compétences",
                "transcription": "Bonjour, voici comment se déroule votre bilan.",
            },
        ),
    ]


def test_shipped_phases_and_the_extra_page_cover_every_block_type():
    shipped = {
        block_type
        for content in shipped_content().values()
        for block_type, _value in content["body"]
    }
    extra = {block_type for block_type, _value in QUESTIONS} | {
        "image",
        "document",
        "video",
    }
    every = {cls.type_name for cls in FIELD_BLOCK_CLASSES} | {
        "heading",
        "paragraph",
        "image",
        "document",
        "video",
        "callout",
    }
    assert {cls.type_name for cls in FIELD_BLOCK_CLASSES} <= shipped
    assert every <= shipped | extra


def test_candidate_pages(page, world, phases):
    audit = Audit(page)
    audit.visit("connexion", "/connexion/")
    log_in(page, "candidat")
    audit.check("tableau de bord candidat")
    for number, phase in enumerate(phases, start=1):
        audit.visit(f"phase {number}", phase.url)

    # The extra page: every question type and the image, document and video blocks.
    extra = publish_body(phases[1], body_with_every_content_block())
    audit.visit("phase avec tous les blocs", extra.url)
    # The same page after a refused completion: error summary and field errors.
    page.get_by_role("button", name="J'ai terminé cette phase").click()
    expect(
        page.get_by_role("heading", name="Cette phase n'a pas pu être terminée")
    ).to_be_visible()
    audit.check("phase avec erreurs")

    # A finished phase, read-only, with its answers.
    PhaseSubmission.objects.create(
        bilan=world.bilan,
        phase=phases[2],
        status=PhaseSubmission.Status.TERMINEE,
        answers={phases[2].questions()[0].id: "Une réponse déjà envoyée."},
        completed_at=timezone.now(),
    )
    audit.visit("phase terminée", phases[2].url)
    audit.visit("mon compte", "/mon-compte/")
    # The error pages share one layout (templates/errors/): the 404 stands for it.
    assert page.goto("/cette-page-n-existe-pas/").status == 404
    audit.check("page non trouvée")
    audit.assert_clean()


def test_password_reset_pages(page, world):
    audit = Audit(page)
    audit.visit("mot de passe oublié", "/mot-de-passe/reinitialiser/")
    page.get_by_label("Adresse électronique").fill(world.candidat.email)
    page.get_by_role("button", name="Recevoir le lien").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vérifiez votre messagerie"
    )
    audit.check("lien envoyé")
    link = re.search(r"https?://\S+/mot-de-passe/nouveau/\S+/", mail.outbox[0].body)
    audit.visit("nouveau mot de passe", urlsplit(link.group(0)).path)
    # The form with its errors (two passwords that differ).
    page.get_by_role("textbox", name=re.compile(r"^Nouveau mot de passe")).fill(
        "Premier-essai-2026"
    )
    page.get_by_role(
        "textbox", name=re.compile(r"^Confirmation du nouveau mot de passe")
    ).fill("Second-essai-2026")
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    audit.check("nouveau mot de passe, erreurs")
    page.get_by_role("textbox", name=re.compile(r"^Nouveau mot de passe")).fill(
        "Premier-essai-2026"
    )
    page.get_by_role(
        "textbox", name=re.compile(r"^Confirmation du nouveau mot de passe")
    ).fill("Premier-essai-2026")
    page.get_by_role("button", name="Enregistrer le mot de passe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mot de passe enregistré")
    audit.check("mot de passe enregistré")
    audit.visit("lien expiré", urlsplit(link.group(0)).path)
    # A failed login shows its error.
    log_in(page, "candidat", "pas-le-bon-mot-de-passe")
    audit.check("connexion, erreur")
    audit.assert_clean()


def test_conseiller_pages(page, world, phases):
    audit = Audit(page)
    log_in(page, "conseiller")
    audit.check("tableau de bord conseiller")
    audit.visit("aperçu d'une phase", phases[0].url)
    audit.visit("mon compte conseiller", "/mon-compte/")
    audit.assert_clean()


def test_administrator_admin_pages(page, world, phases):
    audit = Audit(page)
    log_in(page, "admin.montpellier")
    audit.check("admin: accueil")
    for key, url in [
        ("admin: conseillers", "/admin/conseillers/"),
        ("admin: ajouter un conseiller", "/admin/conseillers/new/"),
        (
            "admin: modifier un conseiller",
            f"/admin/conseillers/edit/{world.conseiller.pk}/",
        ),
        ("admin: tableau d'activité", "/admin/activite/"),
        ("admin: candidats", "/admin/candidats/"),
        (
            "admin: compte d'un candidat",
            f"/admin/candidats/compte/{world.candidat.pk}/",
        ),
        ("admin: statistiques", "/admin/statistiques/"),
        ("admin: journal", "/admin/journal/"),
    ]:
        audit.visit(key, url)
    # "Ajouter un conseiller" with its errors.
    page.goto("/admin/conseillers/new/")
    page.get_by_role("button", name="Créer un nouveau compte").click()
    expect(page.locator(".error-message").first).to_be_visible()
    audit.check("admin: ajouter un conseiller, erreurs")
    audit.assert_clean()


def test_superuser_admin_pages(page, world, phases):
    audit = Audit(page)
    log_in(page, "root")
    for key, url in [
        ("superutilisateur: administrateurs", "/admin/administrateurs/"),
        ("superutilisateur: ajouter un administrateur", "/admin/administrateurs/new/"),
        (
            "superutilisateur: modifier un administrateur",
            f"/admin/administrateurs/edit/{world.admin.pk}/",
        ),
    ]:
        audit.visit(key, url)
    audit.assert_clean()


def test_the_audit_does_find_violations(page, live_server):
    """The check is live: a page with known defects fails it."""
    page.set_content(
        '<html lang="fr"><head><title>Essai</title></head><body><main>'
        '<h1>Essai</h1><img src="x.png"><input type="text">'
        '<p style="color:#777;background:#888">Texte peu contrasté</p>'
        "</main></body></html>"
    )
    found = {violation["id"] for violation in blocking(run_axe(page))}
    assert {"image-alt", "label", "color-contrast"} <= found
