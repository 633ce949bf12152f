"""« Signalements » in the Wagtail admin: the académie's reports, read-only.

Académie administrators read their académie's reports, superusers everyone's,
through `ProblemReport.objects.visible_to` and the one read-only policy of the
académie's listings (`AcademieReadOnlyPolicy`): another académie's report is not
there (404), on the listing as on its page.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from monbilan.admin_columns import LabelledColumn, LabelledTitleColumn
from users.permissions import AcademieReadOnlyPolicy

from .models import ProblemReport


def sent_on(report):
    return date_format(timezone.localtime(report.created_at), "DATETIME_FORMAT")


def reporter(report):
    """The account when there is one, else the address the visitor typed."""
    if report.reporter_id:
        return f"{report.reporter} ({report.reporter_email})"
    return report.reporter_email or _("Anonyme")


def summary(report):
    """The first words of the steps: enough to tell the reports apart."""
    text = " ".join(report.steps.split())
    return text if len(text) <= 80 else f"{text[:79]}…"


class ProblemReportFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Envoyé le"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ProblemReport
        fields = []


class ProblemReportIndexView(IndexView):
    table_classname = "listing monbilan-cards"

    def get_base_queryset(self):
        return ProblemReport.objects.visible_to(self.request.user).select_related(
            "academie", "reporter"
        )


class ProblemReportInspectView(InspectView):
    def get_object(self, queryset=None):
        # Wagtail's own lookup reads the whole table; the scope answers 404.
        return get_object_or_404(
            ProblemReport.objects.visible_to(self.request.user).select_related(
                "academie", "reporter"
            ),
            pk=self.pk,
        )

    # Wagtail prints a datetime as stored (UTC) and a missing account as "None".
    def get_created_at_display_value(self):
        return sent_on(self.object)

    def get_reporter_display_value(self):
        return self.object.reporter or _("Visiteur non connecté")

    def get_reference_display_value(self):
        return self.object.reference or _("Aucune")

    def get_error_message_display_value(self):
        return self.object.error_message or _("Aucun")


class ProblemReportViewSet(ModelViewSet):
    """ "Signalements": what the académie's users reported, newest first."""

    model = ProblemReport
    icon = "warning"
    menu_label = _("Signalements")
    menu_order = 170
    add_to_admin_menu = True
    url_namespace = "signalements"
    url_prefix = "signalements"
    index_view_class = ProblemReportIndexView
    inspect_view_class = ProblemReportInspectView
    filterset_class = ProblemReportFilterSet
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "academie",
        "page_url",
        "error_message",
        "steps",
        "reference",
        "reporter",
        "reporter_email",
        "user_agent",
    ]
    list_per_page = 25
    list_display = [
        LabelledTitleColumn(
            "envoye",
            label=_("Envoyé le"),
            accessor=sent_on,
            get_url=lambda report: reverse("signalements:inspect", args=[report.pk]),
        ),
        LabelledColumn("academie", label=_("Académie"), accessor="academie.name"),
        LabelledColumn("page", label=_("Adresse de la page"), accessor="page_url"),
        LabelledColumn("auteur", label=_("Auteur"), accessor=reporter),
        LabelledColumn("reference", label=_("Référence"), accessor="reference"),
        LabelledColumn(
            "description", label=_("Ce que faisait l'utilisateur"), accessor=summary
        ),
    ]

    @cached_property
    def permission_policy(self):
        return AcademieReadOnlyPolicy(ProblemReport)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"page_title": _("Signalements"), **kwargs}
        )
