"""The académie administrators' side of the Wagtail admin.

Their admin home is their "Tableau de bord": a link to the "Tableau d'activité" at
the very top, then the conseillers and the candidates of their académie.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from users.models import Dabm, User
from users.permissions import is_academie_manager

from .activity import activity_queryset, progress
from .models import Bilan, PhasePage
from .reports import ActivityReportView, AuditReportView, StatisticsView
from .viewsets import CandidatViewSet


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_academie_manager(request.user)


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


@hooks.register("register_admin_viewset")
def register_candidats():
    return CandidatViewSet("candidats")


@hooks.register("construct_main_menu")
def hide_wagtail_help(request, menu_items):
    # The Wagtail editor guide means nothing to an administrator or a référent.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "help"]


class ActivityLinkPanel(Component):
    order = 10
    template_name = "phases/admin/panel_activity_link.html"

    def get_context_data(self, parent_context):
        return {
            "activity_url": reverse("activity_report"),
            "statistics_url": reverse("statistics"),
            "audit_url": reverse("audit_report"),
        }


class ConseillersPanel(Component):
    order = 20
    template_name = "phases/admin/panel_conseillers.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        conseillers = (
            User.objects.visible_to(user)
            .conseillers()
            .select_related("dabm")
            .order_by("last_name", "first_name")
        )
        return {
            "conseillers": conseillers[:10],
            "total": conseillers.count(),
            "dabms": Dabm.objects.visible_to(user),
            "index_url": reverse("conseillers:index"),
            "add_url": reverse("conseillers:add"),
        }


class CandidatsPanel(Component):
    order = 30
    template_name = "phases/admin/panel_candidats.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        bilans = list(activity_queryset(user)[:10])
        for bilan in bilans:
            bilan.done_count, bilan.total_count = progress(bilan)
        return {
            "bilans": bilans,
            "total": Bilan.objects.visible_to(user).count(),
            "conseillers": User.objects.visible_to(user).conseillers(),
            "modalites": Bilan.Modalite.choices,
            "phases": PhasePage.objects.live().order_by("path").only("id", "title"),
            "index_url": reverse("candidats:index"),
        }


@hooks.register("construct_homepage_panels")
def academie_dashboard(request, panels):
    if not is_academie_manager(request.user):
        return
    ours = [ActivityLinkPanel(), ConseillersPanel(request), CandidatsPanel(request)]
    if request.user.is_superuser:
        panels[:0] = ours
    else:
        # An administrator has no pages to edit: their home is their dashboard.
        panels[:] = ours


@hooks.register("register_log_actions")
def register_export_action(actions):
    actions.register_action(
        "monbilan.activity_export",
        _("Export du tableau d'activité"),
        _("Export du tableau d'activité"),
    )
