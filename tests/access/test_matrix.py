"""One table: every URL the project defines × every role → the exact outcome.

The URL list comes from the resolver, so a new URL without a row fails this test.
Outcomes: 200; "login" (sent to the login page); 403 (a logged-in user the
Wagtail admin is not for: a page that says so, with a link to their dashboard);
"admin" (Wagtail refuses and returns to its home); 302 (an action done, then
redirected); 401 (JSON endpoint, not logged in); 404 (outside the scope: the
object does not exist for this user); 409 (autosave of a stale version: allowed,
but nothing overwritten).

Roles, for the candidate "candidat" of "conseiller" (DABM Lunel, Montpellier):
an other candidate and an other conseiller of the académie, a référent who is not
this bilan's conseiller, the académie's administrator, Toulouse's administrator,
a superuser.
"""

from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from .matrix import REPORT_CHOOSER, ROLES, objects, outcome, requests

# The project's namespaces and admin URL names; everything else under /admin/ is
# Wagtail's own.
PROJECT_NAMESPACES = {
    "users",
    "conseillers",
    "candidats",
    "academies",
    "dabms",
    "administrateurs",
    "rapports_activite",
}
PROJECT_ADMIN_NAMES = {
    "activity_report",
    "activity_report_results",
    "statistics",
    "audit_report",
    "audit_report_results",
}
PROJECT_MODULES = (
    "users.",
    "phases.",
    "home.",
    "search.",
    "synthese.",
    "retention.",
    "reassignment.",
    "activity_report.",
    "monbilan.",
)

# Columns: anonymous, candidat, autre_candidat, conseiller, autre_conseiller,
# referent, admin, admin_toulouse, superuser.
EXPECTED = {
    "users:login": "200 302 302 302 302 302 302 302 302",
    "users:logout": "302 302 302 302 302 302 302 302 302",
    "users:account": "L   200 200 200 200 200 200 200 200",
    "users:avatar": "L   200 404 200 404 404 200 404 200",
    # Anyone's own data; the e-mailed archive is the candidate's alone.
    "retention:personal_data": "L   200 200 200 200 200 200 200 200",
    "retention:personal_data_download": "L   200 404 404 404 404 404 404 404",
    "users:password_reset": "200 200 200 200 200 200 200 200 200",
    "users:password_reset_done": "200 200 200 200 200 200 200 200 200",
    "users:password_reset_confirm": "200 200 200 200 200 200 200 200 200",
    "users:password_reset_complete": "200 200 200 200 200 200 200 200 200",
    "search": "200 200 200 200 200 200 200 200 200",
    "dashboard": "L   200 200 200 200 200 A   A   A",
    # The phase page: its candidates fill it (the other candidate selected it
    # too), staff read the questions only.
    "phase_page": "L   200 200 200 200 200 200 200 200",
    # The site's pages are public; the phases index leads to the dashboard.
    "page:home.HomePage": "200 200 200 200 200 200 200 200 200",
    "page:home.ContentPage": "200 200 200 200 200 200 200 200 200",
    "page:phases.PhaseIndexPage": "302 302 302 302 302 302 302 302 302",
    # « Votre accord pour ce bilan »: its text is read by all, its form is the
    # candidates' (tests/consent: what a candidate without consent may open).
    "page:phases.ConsentPage": "L   200 200 200 200 200 200 200 200",
    "consent": "L   200 200 200 200 200 200 200 200",
    # 409: the stale version is refused for the owner; others' phases are 404.
    "phase_autosave": "401 409 409 404 404 404 404 404 404",
    "submission_file": "404 200 404 200 404 404 404 404 200",
    "add_candidate": "L   404 404 200 200 200 404 404 404",
    "bilan_detail": "L   404 404 200 404 404 404 404 404",
    "bilan_edit": "L   404 404 200 404 404 404 404 404",
    # "Clore le bilan": its conseiller only; the keep question: its candidate only
    # (302: the bilan is en cours, the dashboard asks nothing yet).
    "retention:close": "L   404 404 200 404 404 404 404 404",
    "retention:keep_documents": "L   302 404 404 404 404 404 404 404",
    # Rendez-vous: only the bilan's conseiller plans, moves, cancels; only its
    # candidate asks for another slot.
    "rendezvous_plan": "L   404 404 200 404 404 404 404 404",
    "rendezvous_move": "L   404 404 200 404 404 404 404 404",
    "rendezvous_cancel": "L   404 404 200 404 404 404 404 404",
    "rendezvous_other_slot": "L   200 404 404 404 404 404 404 404",
    "bilan_messages": "L   200 404 200 404 404 404 404 404",
    # The émargement: the conseiller marks, the candidate confirms, both read
    # the relevé.
    "rendezvous_mark": "L   404 404 200 404 404 404 404 404",
    "rendezvous_confirm": "L   302 404 404 404 404 404 404 404",
    "rendezvous_releve": "L   200 404 200 404 404 404 404 404",
    "bilan_phase": "L   404 404 200 404 404 404 404 404",
    "phase_validate": "L   404 404 302 404 404 404 404 404",
    "phase_reopen": "L   404 404 302 404 404 404 404 404",
    "bilan_comment": "L   302 404 302 404 404 404 404 404",
    "thread_resolve": "L   302 404 302 404 404 404 404 404",
    "activity_report": "L   403 403 403 403 A   200 200 200",
    "activity_report:csv": "L   403 403 403 403 A   200 200 200",
    "activity_report:xlsx": "L   403 403 403 403 A   200 200 200",
    "activity_report_results": "L   403 403 403 403 A   200 200 200",
    "statistics": "L   403 403 403 403 A   200 200 200",
    "audit_report": "L   403 403 403 403 A   200 200 200",
    "audit_report_results": "L   403 403 403 403 A   200 200 200",
    "conseillers:index": "L   403 403 403 403 A   200 200 200",
    "conseillers:index_results": "L   403 403 403 403 A   200 200 200",
    "conseillers:add": "L   403 403 403 403 A   200 200 200",
    "conseillers:edit": "L   403 403 403 403 A   200 404 200",
    # Accounts are blocked, never deleted.
    "conseillers:delete": "L   403 403 403 403 A   A   A   A",
    "conseillers:history": "L   403 403 403 403 404 200 404 200",
    "conseillers:history_results": "L   403 403 403 403 404 200 404 200",
    "conseillers:usage": "L   403 403 403 403 404 200 404 200",
    # Candidates are listed, never created or changed in the admin.
    "candidats:index": "L   403 403 403 403 A   200 200 200",
    "candidats:index_results": "L   403 403 403 403 A   200 200 200",
    "candidats:add": "L   403 403 403 403 A   A   A   A",
    "candidats:edit": "L   403 403 403 403 A   A   A   A",
    "candidats:delete": "L   403 403 403 403 A   A   A   A",
    "candidats:history": "L   403 403 403 403 A   A   A   A",
    "candidats:history_results": "L   403 403 403 403 A   A   A   A",
    "candidats:usage": "L   403 403 403 403 A   A   A   A",
    # A candidate's account status: their académie's administrator only.
    "candidate_account": "L   403 403 403 403 A   200 404 200",
    # Erasing a candidate at their request, and the journal of destructions:
    # the académie's administrator (their académie's) and superusers.
    "retention_erase_candidate": "L   403 403 403 403 A   200 404 200",
    # « Réaffecter les candidats »: the académie's administrator (their
    # académie's conseillers) and superusers.
    "reassign_candidates": "L   403 403 403 403 A   200 404 200",
    # « Renvoyer l'invitation » (POST): in the admin, whoever manages the
    # account; on the site, the candidate's own conseiller.
    "resend_invitation": "L   403 403 403 403 A   302 404 302",
    "users:resend_invitation": "L   404 404 302 404 404 404 404 404",
    # « Importer des conseillers »: académie administrators (into their own
    # académie) and superusers; the confirmation without a previewed file is a 400.
    "users_import_conseillers": "L   403 403 403 403 A   200 200 200",
    "users_import_conseillers_template": "L   403 403 403 403 A   200 200 200",
    "users_import_conseillers_confirm": "L   403 403 403 403 A   400 400 400",
    "destructions:index": "L   403 403 403 403 A   200 200 200",
    "destructions:index_results": "L   403 403 403 403 A   200 200 200",
    # The académies' administrators: superusers only; blocked, never deleted. An
    # administrator's history is outside everyone else's scope: 404, as for the
    # conseillers of another académie.
    "administrateurs:index": "L   403 403 403 403 A   A   A   200",
    "administrateurs:index_results": "L   403 403 403 403 A   A   A   200",
    "administrateurs:add": "L   403 403 403 403 A   A   A   200",
    "administrateurs:edit": "L   403 403 403 403 A   A   A   200",
    "administrateurs:delete": "L   403 403 403 403 A   A   A   A",
    "administrateurs:history": "L   403 403 403 403 404 404 404 200",
    "administrateurs:history_results": "L   403 403 403 403 404 404 404 200",
    "administrateurs:usage": "L   403 403 403 403 404 404 404 200",
    # « Rapports d'activité »: the académie's administrators theirs (404 for
    # another académie's, and for a référent, who may only choose a published
    # one of their académie for a page), superusers all. Locking is a POST.
    **{
        f"rapports_activite:{_name}": "L   403 403 403 403 A   200 200 200"
        for _name in ("list", "list_results", "add")
    },
    **{
        f"rapports_activite:{_name}": "L   403 403 403 403 404 200 404 200"
        for _name in (
            "edit",
            "delete",
            "usage",
            "history",
            "history_results",
            "inspect",
            "revisions_revert",
            "revisions_compare",
            "revisions_unschedule",
            "unpublish",
            "pdf",
            "csv",
        )
    },
    "rapports_activite:lock": "L   403 403 403 403 404 405 404 405",
    "rapports_activite:unlock": "L   403 403 403 403 404 405 404 405",
    "rapports_activite:recompute": "L   403 403 403 403 404 302 404 302",
    # The block's chooser: published reports of the user's académie only (an
    # empty list for Toulouse, 404 on Montpellier's).
    f"{REPORT_CHOOSER}:choose": "L   403 403 403 403 200 200 200 200",
    f"{REPORT_CHOOSER}:choose_results": "L   403 403 403 403 200 200 200 200",
    f"{REPORT_CHOOSER}:chosen": "L   403 403 403 403 200 200 404 200",
    f"{REPORT_CHOOSER}:chosen_multiple": "L   403 403 403 403 200 200 200 200",
}
SUPERUSER_ONLY = "L   403 403 403 403 A   A   A   200"
for _prefix in ("academies", "dabms"):
    for _view in (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
        "copy",
    ):
        EXPECTED[f"{_prefix}:{_view}"] = SUPERUSER_ONLY


def parse(row):
    return [
        {"L": "login", "A": "admin"}.get(
            cell, cell if not cell.isdigit() else int(cell)
        )
        for cell in row.split()
    ]


def project_url_names():
    """Names of the URL patterns the project defines (not Wagtail's or Django's)."""

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
                continue
            assert isinstance(pattern, URLPattern)
            view = getattr(pattern.callback, "view_class", pattern.callback)
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            if namespace in PROJECT_NAMESPACES or name in PROJECT_ADMIN_NAMES:
                yield name
            elif view.__module__.startswith(PROJECT_MODULES) and pattern.name:
                yield name

    return set(walk(get_resolver().url_patterns))


def project_page_types():
    """The Wagtail page types the project defines, as the matrix names them."""
    from wagtail.models import get_page_models

    return {
        f"page:{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if model.__module__.startswith(PROJECT_MODULES)
    }


def test_every_project_url_has_a_row():
    # Rows for the same view with other parameters (exports) come on top of the
    # resolver's names; Wagtail serves the pages, one row per page type (the
    # phase page's row is "phase_page").
    extra = {"activity_report:csv", "activity_report:xlsx"}
    pages = project_page_types() - {"page:phases.PhasePage"} | {"phase_page"}
    # The synthèse's rows run with its own objects, in tests/synthese/test_access.py.
    from tests.synthese.test_access import EXPECTED as SYNTHESE

    assert project_url_names() | pages == set(EXPECTED) - extra | set(SYNTHESE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access(client, world, phases, name):
    o = objects(world, phases)
    method, path, data = requests(o)[name]
    expected = parse(EXPECTED[name])
    assert len(expected) == len(ROLES), name
    actual = []
    for role in ROLES:
        # Each role starts from the same state: POSTs are rolled back.
        savepoint = transaction.savepoint()
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        response = getattr(client, method)(path, data or {})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        actual.append(outcome(response))
        transaction.savepoint_rollback(savepoint)
    assert dict(zip(ROLES, actual, strict=True)) == dict(
        zip(ROLES, expected, strict=True)
    ), name
