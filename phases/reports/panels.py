"""The panels of an académie manager's admin home, their "Tableau de bord": a link
to the reports at the very top, then the conseillers and the candidates of their
académie. `academie_dashboard` puts them there (`construct_homepage_panels`).
"""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from users.models import Dabm, User
from users.permissions import is_academie_manager

from ..models import Bilan, PhasePage
from .activity import activity_queryset, progress


def academie_dashboard(request, panels):
    if not is_academie_manager(request.user):
        return
    ours = [ActivityLinkPanel(), ConseillersPanel(request), CandidatsPanel(request)]
    if request.user.is_superuser:
        panels[:0] = ours
    else:
        # An administrator has no pages to edit: their home is their dashboard.
        panels[:] = ours


class ActivityLinkPanel(Component):
    order = 10
    template_name = "phases/admin/panel_activity_link.html"

    def get_context_data(self, parent_context):
        return {
            "activity_url": reverse("activity_report"),
            "statistics_url": reverse("statistics"),
            "audit_url": reverse("audit_report"),
        }


class AcademieListPanel(Component):
    """The first rows of one of the académie's listings, with its filters and a
    link to the whole listing (`index_url_name`)."""

    index_url_name = None

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {
            **self.read(self.request.user),
            "index_url": reverse(self.index_url_name),
        }

    def read(self, user):
        """What the panel shows of what `user` supervises."""
        raise NotImplementedError


class ConseillersPanel(AcademieListPanel):
    order = 20
    template_name = "wagtailadmin/home/panel_conseillers.html"
    index_url_name = "conseillers:index"

    def read(self, user):
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
            "add_url": reverse("conseillers:add"),
        }


class CandidatsPanel(AcademieListPanel):
    order = 30
    template_name = "wagtailadmin/home/panel_candidats.html"
    index_url_name = "candidats:index"

    def read(self, user):
        bilans = list(activity_queryset(user)[:10])
        for bilan in bilans:
            bilan.done_count, bilan.total_count = progress(bilan)
        return {
            "bilans": bilans,
            "total": Bilan.objects.visible_to(user).count(),
            "conseillers": User.objects.visible_to(user).conseillers(),
            "modalites": Bilan.Modalite.choices,
            "phases": PhasePage.objects.live().order_by("path").only("id", "title"),
        }
