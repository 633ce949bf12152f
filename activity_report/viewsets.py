"""« Rapports d'activité » in the académie's menu of the Wagtail admin: a
snippet with Wagtail's drafts, publishing, revisions, locking and usage
(https://docs.wagtail.org/en/stable/topics/snippets/features.html)."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from monbilan.admin_columns import LabelledColumn, LabelledTitleColumn

from . import views
from .forms import ActivityReportForm
from .models import ActivityReport
from .permissions import ActivityReportPolicy


def _scope(report):
    return report.dabm.name if report.dabm_id else _("Toute l'académie")


class ActivityReportViewSet(SnippetViewSet):
    model = ActivityReport
    icon = "doc-full-inverse"
    menu_label = _("Rapports d'activité")
    menu_name = "rapports-activite"
    menu_order = 125
    add_to_admin_menu = True
    url_namespace = "rapports_activite"
    url_prefix = "rapports-activite"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 25
    search_fields = ["title"]
    edit_handler = ObjectList(ActivityReport.panels, base_form_class=ActivityReportForm)
    chooser_viewset_class = views.ReportChooserViewSet

    index_view_class = views.ReportIndexView
    add_view_class = views.ReportCreateView
    edit_view_class = views.ReportEditView
    delete_view_class = views.ReportDeleteView
    usage_view_class = views.ReportUsageView
    history_view_class = views.ReportHistoryView
    inspect_view_class = views.ReportInspectView
    revisions_compare_view_class = views.ReportCompareView
    unpublish_view_class = views.ReportUnpublishView
    revisions_unschedule_view_class = views.ReportUnscheduleView
    lock_view_class = views.ReportLockView
    unlock_view_class = views.ReportUnlockView

    list_display = [
        LabelledTitleColumn(
            "title",
            label=_("Titre"),
            get_url=lambda report: reverse(
                "rapports_activite:inspect", args=[report.pk]
            ),
        ),
        LabelledColumn("periode", label=_("Période"), accessor="period_label"),
        LabelledColumn("perimetre", label=_("Périmètre"), accessor=_scope),
        LabelledColumn("academie", label=_("Académie"), accessor="academie.name"),
    ]

    @cached_property
    def permission_policy(self):
        return ActivityReportPolicy()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "recalculer/<int:pk>/",
                views.RecomputeView.as_view(),
                name="recompute",
            ),
            path("pdf/<int:pk>/", views.ReportPdfView.as_view(), name="pdf"),
            path("csv/<int:pk>/", views.ReportCsvView.as_view(), name="csv"),
        ]
