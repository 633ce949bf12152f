"""The objects and requests of the access matrix (tests/access/test_matrix.py)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from PIL import Image

from activity_report.models import ActivityReport
from home.models import ContentPage
from home.setup import install_site_pages
from phases.models import ConsentPage, PhaseSubmission, RendezVous, SubmissionFile
from phases.rules.threads import add_comment
from retention.personal_data import make_token, store_archive

ROLES = [
    "anonymous",
    "candidat",
    "autre_candidat",
    "conseiller",
    "autre_conseiller",
    "referent",
    "admin",
    "admin_toulouse",
    "superuser",
]


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def objects(world, phases):
    """The candidate's bilan with one completed phase, a file, a thread, an avatar."""
    phase = phases[0]
    submission = PhaseSubmission.objects.create(
        bilan=world.bilan,
        phase=phase,
        status=PhaseSubmission.Status.TERMINEE,
        answers={},
        completed_at=timezone.now(),
    )
    document = SubmissionFile(
        submission=submission,
        block_id="b",
        original_name="cv.pdf",
        size=9,
        content_type="application/pdf",
    )
    document.file.save("cv", SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n"), save=False)
    document.save()
    block_id = next(iter(phase.questions())).id
    thread = add_comment(
        world.bilan,
        phase,
        block_id,
        author=world.conseiller,
        body="Pouvez-vous préciser ?",
        notify=False,
    ).thread
    world.candidat.avatar.save("a.png", SimpleUploadedFile("a.png", png()))
    install_site_pages()
    # A past rendez-vous marked réalisé: the émargement's pages act on it.
    emarge = RendezVous.objects.create(
        bilan=world.bilan,
        kind=RendezVous.Kind.PRELIMINAIRE,
        starts_at=timezone.now() - timezone.timedelta(days=1),
        duration_minutes=60,
        modalite=RendezVous.Modalite.PRESENTIEL,
        status=RendezVous.Status.REALISE,
        actual_minutes=60,
        marked_at=timezone.now(),
    )
    # A planned rendez-vous next week: moved, cancelled, another slot asked.
    planned = RendezVous.objects.create(
        bilan=world.bilan,
        kind=RendezVous.Kind.INVESTIGATION,
        starts_at=timezone.now() + timezone.timedelta(days=7),
        duration_minutes=60,
        modalite=RendezVous.Modalite.TELEPHONE,
    )
    # A published « Rapport d'activité » of Montpellier.
    report = ActivityReport.objects.create(
        title="Rapport 2026", academie=world.montpellier, year=2026, live=True
    )
    report.save_revision()
    return {
        "activity_report": report.pk,
        "activity_report_revision": report.latest_revision_id,
        "planned_rendezvous": planned.pk,
        "emargement_rendezvous": emarge.pk,
        "bilan": world.bilan.pk,
        "phase": phase.pk,
        "phase_url": phase.url,
        "phase_index_url": phases[0].get_parent().url,
        "content_page_url": ContentPage.objects.live().first().url,
        "consent_page_url": ConsentPage.objects.live().first().url,
        "block_id": block_id,
        "file": document.pk,
        "thread": thread.pk,
        "candidat": world.candidat.pk,
        "conseiller": world.conseiller.pk,
        "academie": world.montpellier.pk,
        "administrateur": world.admin.pk,
        "dabm": world.lunel.pk,
        # The link "Télécharger mes données" e-mails for a large archive.
        "archive_token": make_token(world.candidat, store_archive(world.candidat)),
    }


# Every URL the project defines, by name: (method, path built from the objects,
# POST data). Wagtail's own admin URLs are Wagtail's; the admin URLs the project
# adds (its viewsets and reports) are here.
def requests(o):
    bilan, phase = o["bilan"], o["phase"]
    return {
        "users:login": ("get", "/connexion/", None),
        "users:logout": ("post", "/deconnexion/", {}),
        "users:account": ("get", "/mon-compte/", None),
        "users:avatar": ("get", f"/mon-compte/avatar/{o['candidat']}/", None),
        "retention:personal_data": ("get", "/mon-compte/mes-donnees/", None),
        "retention:personal_data_download": (
            "get",
            f"/mon-compte/mes-donnees/archive/{o['archive_token']}/",
            None,
        ),
        "users:password_reset": ("get", "/mot-de-passe/reinitialiser/", None),
        "users:password_reset_done": (
            "get",
            "/mot-de-passe/reinitialiser/envoye/",
            None,
        ),
        "users:password_reset_confirm": (
            "get",
            "/mot-de-passe/nouveau/MQ/jeton-invalide/",
            None,
        ),
        "users:password_reset_complete": (
            "get",
            "/mot-de-passe/nouveau/termine/",
            None,
        ),
        "search": ("get", "/recherche/?q=phase", None),
        "dashboard": ("get", "/tableau-de-bord/", None),
        "phase_page": ("get", o["phase_url"], None),
        # One row per page type the project defines (served by Wagtail).
        "page:home.HomePage": ("get", "/", None),
        "page:home.ContentPage": ("get", o["content_page_url"], None),
        "page:phases.PhaseIndexPage": ("get", o["phase_index_url"], None),
        "page:phases.ConsentPage": ("get", o["consent_page_url"], None),
        "consent": ("get", "/votre-accord/", None),
        "phase_autosave": (
            "post",
            f"/mes-reponses/phases/{phase}/enregistrer/",
            {"version": "1"},
        ),
        "submission_file": ("get", f"/fichiers/{o['file']}/", None),
        "add_candidate": ("get", "/candidats/ajouter/", None),
        "bilan_detail": ("get", f"/bilans/{bilan}/", None),
        "bilan_edit": ("get", f"/bilans/{bilan}/modifier/", None),
        "rendezvous_plan": ("get", f"/bilans/{bilan}/rendez-vous/planifier/", None),
        "rendezvous_move": (
            "get",
            f"/bilans/{bilan}/rendez-vous/{o['planned_rendezvous']}/deplacer/",
            None,
        ),
        "rendezvous_cancel": (
            "get",
            f"/bilans/{bilan}/rendez-vous/{o['planned_rendezvous']}/annuler/",
            None,
        ),
        "rendezvous_other_slot": (
            "get",
            f"/mes-rendez-vous/{o['planned_rendezvous']}/autre-creneau/",
            None,
        ),
        "rendezvous_mark": (
            "get",
            f"/bilans/{bilan}/rendez-vous/{o['emargement_rendezvous']}/emargement/",
            None,
        ),
        "rendezvous_confirm": (
            "post",
            f"/rendez-vous/{o['emargement_rendezvous']}/confirmer/",
            {},
        ),
        "rendezvous_releve": ("get", f"/bilans/{bilan}/releve-des-rendez-vous/", None),
        "retention:close": ("get", f"/bilans/{bilan}/clore/", None),
        "retention:keep_documents": (
            "get",
            f"/bilans/{bilan}/conservation-des-documents/",
            None,
        ),
        "bilan_messages": ("get", f"/bilans/{bilan}/messages/", None),
        "bilan_phase": ("get", f"/bilans/{bilan}/phases/{phase}/", None),
        "phase_validate": ("post", f"/bilans/{bilan}/phases/{phase}/valider/", {}),
        "phase_reopen": ("post", f"/bilans/{bilan}/phases/{phase}/rouvrir/", {}),
        "bilan_comment": (
            "post",
            f"/bilans/{bilan}/phases/{phase}/commentaires/",
            {"block_id": o["block_id"], "body": "Une réponse."},
        ),
        "thread_resolve": (
            "post",
            f"/bilans/{bilan}/commentaires/{o['thread']}/resolu/",
            {},
        ),
        "activity_report": ("get", "/admin/activite/", None),
        "activity_report:csv": ("get", "/admin/activite/?export=csv", None),
        "activity_report:xlsx": ("get", "/admin/activite/?export=xlsx", None),
        "activity_report_results": ("get", "/admin/activite/resultats/", None),
        "statistics": ("get", "/admin/statistiques/", None),
        "audit_report": ("get", "/admin/journal/", None),
        "audit_report_results": ("get", "/admin/journal/resultats/", None),
        **viewset_requests("conseillers", o["conseiller"], copy=False),
        **viewset_requests("candidats", bilan, copy=False),
        "candidate_account": (
            "get",
            f"/admin/candidats/compte/{o['candidat']}/",
            None,
        ),
        "retention_erase_candidate": (
            "get",
            f"/admin/candidats/compte/{o['candidat']}/supprimer/",
            None,
        ),
        "reassign_candidates": (
            "get",
            f"/admin/conseillers/{o['conseiller']}/reaffecter/",
            None,
        ),
        "resend_invitation": (
            "post",
            f"/admin/comptes/{o['candidat']}/renvoyer-l-invitation/",
            {},
        ),
        "users:resend_invitation": (
            "post",
            f"/comptes/{o['candidat']}/renvoyer-l-invitation/",
            {"next": f"/bilans/{bilan}/"},
        ),
        "users_import_conseillers": ("get", "/admin/conseillers/importer/", None),
        "users_import_conseillers_template": (
            "get",
            "/admin/conseillers/importer/modele.csv",
            None,
        ),
        "users_import_conseillers_confirm": (
            "post",
            "/admin/conseillers/importer/confirmer/",
            {"token": "x"},
        ),
        "destructions:index": ("get", "/admin/journal-des-destructions/", None),
        "destructions:index_results": (
            "get",
            "/admin/journal-des-destructions/results/",
            None,
        ),
        **viewset_requests("academies", o["academie"]),
        **viewset_requests("dabms", o["dabm"]),
        **viewset_requests("administrateurs", o["administrateur"], copy=False),
        **activity_report_requests(o["activity_report"], o["activity_report_revision"]),
    }


#: The namespace of the « Indicateurs de résultats » block's chooser.
REPORT_CHOOSER = "wagtailsnippetchoosers_activity_report_activityreport"


def activity_report_requests(pk, revision):
    """The « Rapports d'activité » snippet's URLs, and its chooser's."""
    base = "/admin/rapports-activite/"
    history = f"{base}history/{pk}/revisions"
    chooser = "/admin/snippets/choose/activity_report/activityreport/"
    urls = {
        "list": ("get", base, None),
        "list_results": ("get", f"{base}results/", None),
        "add": ("get", f"{base}add/", None),
        "revisions_revert": ("get", f"{history}/{revision}/revert/", None),
        "revisions_compare": ("get", f"{history}/compare/earliest...latest/", None),
        "revisions_unschedule": ("get", f"{history}/{revision}/unschedule/", None),
        "recompute": ("post", f"{base}recalculer/{pk}/", {}),
    }
    for name, path in (
        ("edit", "edit"),
        ("delete", "delete"),
        ("usage", "usage"),
        ("history", "history"),
        ("history_results", "history-results"),
        ("inspect", "inspect"),
        ("unpublish", "unpublish"),
        ("lock", "lock"),
        ("unlock", "unlock"),
        ("pdf", "pdf"),
        ("csv", "csv"),
    ):
        urls[name] = ("get", f"{base}{path}/{pk}/", None)
    rows = {f"rapports_activite:{name}": row for name, row in urls.items()}
    rows.update(
        {
            f"{REPORT_CHOOSER}:choose": ("get", chooser, None),
            f"{REPORT_CHOOSER}:choose_results": ("get", f"{chooser}results/", None),
            f"{REPORT_CHOOSER}:chosen": ("get", f"{chooser}chosen/{pk}/", None),
            f"{REPORT_CHOOSER}:chosen_multiple": (
                "get",
                f"{chooser}chosen-multiple/?id={pk}",
                None,
            ),
        }
    )
    return rows


def viewset_requests(prefix, pk, copy=True):
    base = f"/admin/{prefix}/"
    urls = {
        f"{prefix}:index": ("get", base, None),
        f"{prefix}:index_results": ("get", f"{base}results/", None),
        f"{prefix}:add": ("get", f"{base}new/", None),
        f"{prefix}:edit": ("get", f"{base}edit/{pk}/", None),
        f"{prefix}:delete": ("get", f"{base}delete/{pk}/", None),
        f"{prefix}:history": ("get", f"{base}history/{pk}/", None),
        f"{prefix}:history_results": ("get", f"{base}history-results/{pk}/", None),
        f"{prefix}:usage": ("get", f"{base}usage/{pk}/", None),
    }
    if copy:
        urls[f"{prefix}:copy"] = ("get", f"{base}copy/{pk}/", None)
    return urls


def outcome(response):
    """A response as the matrix writes it: 200, login, admin, 302, 403, 404, 405."""
    code = response.status_code
    if code in (301, 302):
        location = response["Location"]
        if location.startswith("/connexion/"):
            return "login"
        if location.split("?")[0] == "/admin/":
            return "admin"  # Wagtail's "permission denied" lands on its home
        return 302
    return code
