"""What the phases app registers in Wagtail: how a phase page is served, the
académie's reports and their menu items, the candidates' listing, the managers'
admin home (panels in `reports.panels`), and the refusal to delete phases in use.
"""

from django.db.models import Q
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from users.permissions import is_academie_manager

from .models import Bilan, PhasePage
from .reports.panels import ActivityLinkPanel, CandidatsPanel, ConseillersPanel
from .reports.views import ActivityReportView, AuditReportView, StatisticsView
from .views.admin import CandidatViewSet, candidate_account_urls
from .views.candidate import phase_page


@hooks.register("on_serve_page", order=1000)
def serve_phase_page(serve):
    """A phase page is served by its view, where `PhasePage.serve` would run.

    The highest order makes this the innermost link of Wagtail's serving chain:
    Wagtail's own checks (view restrictions) still run before it.
    https://docs.wagtail.org/en/stable/reference/hooks.html#on-serve-page
    """

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, PhasePage):
            return phase_page(request, page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner


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


@hooks.register("insert_global_admin_css")
def monbilan_admin_css():
    # The dashboard's filters and the activity table on narrow screens.
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/monbilan_admin.css")
    )


@hooks.register("register_admin_viewset")
def register_candidats():
    return CandidatViewSet("candidats")


hooks.register("register_admin_urls", candidate_account_urls)


@hooks.register("construct_main_menu")
def hide_wagtail_help(request, menu_items):
    # The Wagtail editor guide means nothing to an administrator or a référent.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "help"]


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


# --- Phases that bilans hold are never deleted -----------------------------------


def deletion_refusal(page):
    """Why a page cannot be deleted, in French, or None.

    A phase a bilan selected, answered or commented holds that bilan's answers
    (the database protects them: deleting it would fail). Asked before Wagtail's
    confirm page, so that nobody, superusers included, is asked to confirm what
    cannot be done.
    """
    in_use = PhasePage.objects.descendant_of(page, inclusive=True).in_use()
    if not in_use.exists():
        return None
    count = (
        Bilan.objects.filter(
            Q(selected_phases__phase__in=in_use) | Q(submissions__phase__in=in_use)
        )
        .distinct()
        .count()
    )
    if isinstance(page.specific_deferred, PhasePage):
        text = ngettext(
            "La phase « %(title)s » ne peut pas être supprimée : %(count)s bilan "
            "l'utilise, et les réponses des candidats y sont attachées. Pour ne "
            "plus la proposer, dépubliez-la.",
            "La phase « %(title)s » ne peut pas être supprimée : %(count)s bilans "
            "l'utilisent, et les réponses des candidats y sont attachées. Pour ne "
            "plus la proposer, dépubliez-la.",
            count,
        )
    else:
        text = ngettext(
            "La page « %(title)s » ne peut pas être supprimée : elle contient des "
            "phases que %(count)s bilan utilise, et les réponses des candidats y "
            "sont attachées.",
            "La page « %(title)s » ne peut pas être supprimée : elle contient des "
            "phases que %(count)s bilans utilisent, et les réponses des candidats "
            "y sont attachées.",
            count,
        )
    return text % {"title": page.title, "count": count}


@hooks.register("before_delete_page")
def keep_phases_in_use(request, page):
    refusal = deletion_refusal(page)
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect(
        get_valid_next_url_from_request(request)
        or reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


@hooks.register("before_bulk_action")
def keep_phases_in_use_in_bulk(request, action_type, objects, action_view):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    refusals = [r for r in map(deletion_refusal, objects) if r is not None]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(action_view.next_url)
