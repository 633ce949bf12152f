"""The panels of an académie manager's admin home, their "Tableau de bord": a link
to the reports at the very top, then the conseillers and the candidates of their
académie. `wagtail_hooks.academie_dashboard` puts them there.
"""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from users.models import Dabm, User

from ..models import Bilan, PhasePage
from .activity import activity_queryset, progress


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
