"""What the phases app registers in Wagtail, and nothing else: how a phase page is
served (`views.serving`), the académie's reports, their menu items and their log
action, the candidates' listing, the managers' admin home (`reports.panels`), and
the refusal to delete phases in use (`editor.deletion`).
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .editor.deletion import keep_phases_in_use, keep_phases_in_use_in_bulk
from .reports.panels import academie_dashboard
from .reports.views import (
    ActivityReportView,
    AuditReportView,
    ManagerMenuItem,
    StatisticsView,
)
from .views.admin import CandidatViewSet, candidate_account_urls
from .views.bulk_actions import CANDIDAT_BULK_ACTIONS
from .views.serving import serve_phase_pages

# The highest order makes it the innermost link of Wagtail's serving chain.
hooks.register("on_serve_page", serve_phase_pages, order=1000)
hooks.register("construct_homepage_panels", academie_dashboard)
hooks.register("before_delete_page", keep_phases_in_use)
hooks.register("before_bulk_action", keep_phases_in_use_in_bulk)
hooks.register("register_admin_urls", candidate_account_urls)
# "Bloquer", "Débloquer", "Exporter en CSV" on the Candidats listing.
for action_class in CANDIDAT_BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("activite/", ActivityReportView.as_view(), name="activity_report"),
        path(
            "activite/resultats/",
            ActivityReportView.as_view(results_only=True),
            name="activity_report_results",
        ),
        path("statistiques/", StatisticsView.as_view(), name="statistics"),
        path("journal/", AuditReportView.as_view(), name="audit_report"),
        path(
            "journal/resultats/",
            AuditReportView.as_view(results_only=True),
            name="audit_report_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_activity_menu_item():
    return ManagerMenuItem(
        _("Tableau d'activité"),
        reverse("activity_report"),
        icon_name="table",
        order=100,
    )


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return ManagerMenuItem(
        _("Statistiques"), reverse("statistics"), icon_name="bars", order=130
    )


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return ManagerMenuItem(
        _("Journal"), reverse("audit_report"), icon_name="history", order=140
    )


@hooks.register("insert_global_admin_css")
def monbilan_admin_css():
    # The dashboard's filters and the activity table on narrow screens.
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/monbilan_admin.css")
    )


@hooks.register("register_admin_viewset")
def register_candidats():
    return CandidatViewSet("candidats")


@hooks.register("construct_main_menu")
def hide_wagtail_help(request, menu_items):
    # The Wagtail editor guide means nothing to an administrator or a référent.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "help"]


@hooks.register("register_log_actions")
def register_export_action(actions):
    actions.register_action(
        "monbilan.activity_export",
        _("Export du tableau d'activité"),
        _("Export du tableau d'activité"),
    )


@hooks.register("register_log_actions")
def register_consent_action(actions):
    # Logged on the candidate's account: the académie's journal shows that consent
    # was given, and when, never anything of the bilan (phases.rules.consent).
    actions.register_action(
        "monbilan.consent.given",
        _("Accord du candidat donné"),
        _("Accord du candidat donné"),
    )
