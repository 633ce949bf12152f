"""Académie reports in the Wagtail admin: the "Tableau d'activité" and its exports.

Follows Wagtail's ReportView (filters, pagination, CSV/XLSX export) with three
changes the académies need: the CSV streams straight from the database, opens in a
French Excel (UTF-8 with BOM, ";" separator), and neutralises spreadsheet formulas.
"""

import csv

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

import django_filters

from monbilan.admin_columns import LabelledColumn
from monbilan.spreadsheets import BOM, Echo, neutralise_formula
from users.models import Dabm, User
from users.permissions import is_academie_manager

from ..models import Bilan, PhasePage, PhaseSubmission
from . import activity_copy, statistics
from .activity import ACTIVITY_COLUMNS, activity_queryset, activity_rows


class AcademieManagerRequiredMixin:
    """Only académie administrators and superusers; everyone else gets 403."""

    def dispatch(self, request, *args, **kwargs):
        if not is_academie_manager(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ManagerMenuItem(MenuItem):
    """A report's menu item, shown to those who may open the report."""

    def is_shown(self, request):
        return is_academie_manager(request.user)


def _done_bilan_ids(phase):
    return PhaseSubmission.objects.filter(
        phase=phase, status__in=PhaseSubmission.DONE
    ).values("bilan_id")


class ActivityFilterSet(WagtailFilterSet):
    # Every choice list is built from the request: another académie's DABMs or
    # conseillers never appear, not even as an option.
    dabm = django_filters.ModelChoiceFilter(
        label=_("DABM"), queryset=lambda request: Dabm.objects.visible_to(request.user)
    )
    conseiller = django_filters.ModelChoiceFilter(
        label=_("Conseiller"),
        queryset=lambda request: User.objects.visible_to(request.user).conseillers(),
    )
    modalite = django_filters.ChoiceFilter(
        label=_("Modalité"), choices=Bilan.Modalite.choices, empty_label=_("Toutes")
    )
    status = django_filters.ChoiceFilter(
        label=_("Statut du bilan"), choices=Bilan.Status.choices, empty_label=_("Tous")
    )
    phase_terminee = django_filters.ModelChoiceFilter(
        label=_("Phase terminée"),
        queryset=PhasePage.objects.live().order_by("path"),
        method="filter_phase_terminee",
    )
    phase_non_terminee = django_filters.ModelChoiceFilter(
        label=_("Phase sélectionnée non terminée"),
        queryset=PhasePage.objects.live().order_by("path"),
        method="filter_phase_non_terminee",
    )
    start_date = django_filters.DateFromToRangeFilter(
        label=_("Début du bilan"), widget=DateRangePickerWidget
    )
    identifiant = django_filters.CharFilter(
        label=_("Identifiant du candidat"),
        help_text=_(
            "Le numéro de la colonne « Identifiant » ou l'identifiant de connexion."
        ),
        method="filter_identifiant",
    )

    class Meta:
        model = Bilan
        fields = []

    def filter_identifiant(self, queryset, name, value):
        """The table's "Identifiant" (the candidate's number) or their login
        name, exactly: an administrator looks one candidate up."""
        value = value.strip()
        if not value:
            return queryset
        matches = Q(candidate__username__iexact=value)
        # A number beyond any id (19 digits and more) is no id: no query error.
        if value.isascii() and value.isdigit() and len(value) < 19:
            matches |= Q(candidate_id=int(value))
        return queryset.filter(matches)

    def filter_phase_terminee(self, queryset, name, phase):
        return queryset.filter(pk__in=_done_bilan_ids(phase))

    def filter_phase_non_terminee(self, queryset, name, phase):
        return queryset.filter(selected_phases__phase=phase).exclude(
            pk__in=_done_bilan_ids(phase)
        )


class ActivityReportView(AcademieManagerRequiredMixin, ReportView):
    page_title = _("Tableau d'activité")
    header_icon = "table"
    index_url_name = "activity_report"
    index_results_url_name = "activity_report_results"
    results_template_name = "phases/admin/activity_results.html"
    filterset_class = ActivityFilterSet
    paginate_by = 50
    # Nine columns do not fit a phone: "Phase terminée" was pushed off screen.
    table_classname = "listing monbilan-cards"
    # The columns, their labels and their values are `ACTIVITY_COLUMNS`: the page on
    # screen, the CSV and the XLSX all read the rows of `activity_rows`.
    columns = [
        LabelledColumn(column.name, label=column.label, accessor=column.name)
        for column in ACTIVITY_COLUMNS
    ]
    list_export = [column.name for column in ACTIVITY_COLUMNS]
    export_headings = {column.name: column.label for column in ACTIVITY_COLUMNS}

    def get_queryset(self):
        return activity_queryset(self.request.user)

    def get_filename(self):
        return f"tableau-activite-{timezone.localdate():%Y-%m-%d}"

    def get_table(self, object_list):
        # The page's bilans as the exports read them (dicts keyed by column name).
        return super().get_table(list(activity_rows(object_list)))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value

    def stream_csv(self, queryset):
        """Stream rows as the database yields them: memory stays flat."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        # The BOM tells Excel the file is UTF-8 (accents intact).
        yield BOM
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        if activity_copy.supported():
            # PostgreSQL writes the rows itself (COPY), 64 KiB at a time: the
            # same bytes as `stream_csv_rows` (a test compares them).
            yield from activity_copy.stream_rows(queryset)
        else:
            yield from self.stream_csv_rows(queryset)

    def stream_csv_rows(self, queryset):
        """The rows after the header, written by Python: SQLite's path."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        for row in activity_rows(queryset):
            yield self.write_csv_row(writer, row)

    def get(self, request, *args, **kwargs):
        if not self.is_export:
            return super().get(request, *args, **kwargs)
        # Straight to the file: the listing's context would count the rows with
        # len() and so load every bilan in memory before the first byte leaves.
        self.log_export()
        return self.as_spreadsheet(
            self.get_filtered_queryset(), request.GET.get("export")
        )

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(title=str(_("Tableau d'activité"))[:31])
        # A write-only sheet takes its layout before its first row.
        for index, column in enumerate(ACTIVITY_COLUMNS, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = column.width
        worksheet.freeze_panes = "A2"  # the header row stays in view
        bold = Font(bold=True)
        header = []
        for field in self.list_export:
            cell = WriteOnlyCell(worksheet, str(self.get_heading(queryset, field)))
            cell.font = bold
            header.append(cell)
        worksheet.append(header)
        wrapped = Alignment(wrap_text=True, vertical="top")
        top = Alignment(vertical="top")
        # The same plain rows as the CSV: no model instance per bilan.
        for row in activity_rows(queryset):
            cells = list(self.generate_xlsx_row(worksheet, row))
            for column, cell in zip(ACTIVITY_COLUMNS, cells, strict=True):
                cell.alignment = wrapped if column.wrap else top
            worksheet.append(cells)
        workbook.save(output)

    def log_export(self):
        log(
            instance=self.request.user,
            action="monbilan.activity_export",
            user=self.request.user,
            data={
                "format": self.request.GET.get("export"),
                "filtres": {
                    key: value
                    for key, value in self.request.GET.items()
                    if key not in {"export", "p"} and value
                },
            },
        )


class StatisticsView(
    AcademieManagerRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    """How the phases filled by candidates evolve, and the rendez-vous réalisés
    with their hours: charts and the same figures as tables.

    Other apps add their own sections at the end of the page through the
    `monbilan_statistics_sections` hook: each function registered there receives
    the user and returns a dict with a "template" (a template name) and a
    "context" (a dict), which the template reads as `section`::

        @hooks.register("monbilan_statistics_sections")
        def my_figures(user):
            return {"template": "myapp/statistics.html", "context": {...}}

    Scope the figures with `Bilan.objects.visible_to(user)` like the others.
    """

    page_title = _("Statistiques")
    header_icon = "table"
    template_name = "phases/admin/statistics.html"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Accueil")},
        {"url": "", "label": _("Statistiques")},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        per_phase = statistics.phase_statistics(user)
        months = statistics.monthly_completions(user)
        dabms = statistics.by_dabm(user)
        conseillers = statistics.by_conseiller(user)
        rendezvous_dabms = statistics.rendezvous_by_dabm(user)
        rendezvous_conseillers = statistics.rendezvous_by_conseiller(user)
        context.update(
            per_phase=per_phase,
            per_phase_chart=statistics.bar_chart(
                per_phase, ["selected", "completed", "validated"], "phase"
            ),
            months=months,
            months_chart=statistics.bar_chart(
                [{**row, "label": date_format(row["month"], "F Y")} for row in months],
                ["completed"],
                "label",
            ),
            dabms=dabms,
            dabms_chart=statistics.bar_chart(dabms, ["selected", "completed"], "label"),
            conseillers=conseillers,
            conseillers_chart=statistics.bar_chart(
                conseillers, ["selected", "completed"], "label"
            ),
            rendezvous_dabms=rendezvous_dabms,
            rendezvous_dabms_chart=statistics.bar_chart(
                rendezvous_dabms, ["rendezvous", "hours"], "label"
            ),
            rendezvous_conseillers=rendezvous_conseillers,
            rendezvous_conseillers_chart=statistics.bar_chart(
                rendezvous_conseillers, ["rendezvous", "hours"], "label"
            ),
            sections=[
                section(user)
                for section in hooks.get_hooks("monbilan_statistics_sections")
            ],
        )
        return context


#: Wagtail's own actions on an account that the journal lists, named as nouns
#: like the project's ("Compte bloqué"), where Wagtail's labels are verbs ("Créer").
WAGTAIL_ACCOUNT_ACTIONS = {
    "wagtail.create": _("Création"),
    "wagtail.edit": _("Modification"),
}


def journal_action_choices():
    """The journal's actions: Wagtail's creation and edit of an account, then every
    action the project registers (`register_log_actions` hooks, codes in
    "monbilan."), labelled as registered.

    Read from Wagtail's registry, as Wagtail's own site history does, so that an
    action registered tomorrow is offered without being listed here again.
    """
    ours = [
        (action, label)
        for action, label in log_action_registry.get_choices()
        if action.startswith("monbilan.")
    ]
    return [*WAGTAIL_ACCOUNT_ACTIONS.items(), *ours]


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("Action"), empty_label=_("Toutes"))

    class Meta:
        model = ModelLogEntry
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here, not at import: the registry reads the hooks of every app.
        self.filters["action"].extra["choices"] = journal_action_choices()


def log_message(entry):
    return entry.message


def log_author(entry):
    return entry.user_display_name


def log_object(entry):
    return entry.label


class AuditReportView(AcademieManagerRequiredMixin, ReportView):
    """Who created, blocked, promoted an account or exported the activity, and when.

    Only the entries about the académie's own accounts (exports are recorded on the
    exporting administrator's account).
    """

    page_title = _("Journal des comptes et des exports")
    header_icon = "history"
    index_url_name = "audit_report"
    index_results_url_name = "audit_report_results"
    filterset_class = AuditFilterSet
    paginate_by = 50
    columns = [
        DateColumn("timestamp", label=_("Date")),
        Column("action", label=_("Action"), accessor=log_message),
        Column("objet", label=_("Compte concerné"), accessor=log_object),
        Column("auteur", label=_("Par"), accessor=log_author),
    ]
    list_export = ["timestamp", "action", "objet", "auteur"]
    export_headings = {
        "timestamp": _("Date"),
        "action": _("Action"),
        "objet": _("Compte concerné"),
        "auteur": _("Par"),
    }

    def get_queryset(self):
        users = User.objects.visible_to(self.request.user).annotate(
            pk_text=Cast("pk", CharField())
        )
        return (
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(User),
                object_id__in=users.values("pk_text"),
            )
            .select_related("user")
            .order_by("-timestamp")
        )

    def to_row_dict(self, item):
        return {
            "timestamp": item.timestamp,
            "action": log_message(item),
            "objet": log_object(item),
            "auteur": log_author(item),
        }
