"""The admin views of the « Rapports d'activité ».

Wagtail's snippet views do the work (drafts, publishing, revisions and their
comparison, locking, usage, history); each is given `ScopedReportMixin` so that a
report outside the user's académie answers 404 before Wagtail loads it. Added:
the report's page (`ReportInspectView`), « Recalculer », the PDF and the CSV,
and a chooser that offers only the published reports of the user's académie.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from monbilan.spreadsheets import csv_response
from phases.documents import PdfUnavailable, font_urls, write_pdf

from .display import masked_text, report_context
from .models import ActivityReport
from .permissions import ActivityReportPolicy

RECOMPUTE_ACTION = "monbilan.activity_report.recompute"


def scoped_report(user, pk):
    """The report `pk` if `user` manages it; 404 otherwise."""
    return get_object_or_404(
        ActivityReport.objects.visible_to(user).select_related("academie", "dabm"),
        pk=unquote(str(pk)),
    )


class ScopedReportMixin:
    """Another académie's report does not exist for this user: 404 before any
    of Wagtail's own lookups (which read the whole table) run."""

    def setup(self, request, *args, **kwargs):
        if "pk" in kwargs:
            scoped_report(request.user, kwargs["pk"])
        super().setup(request, *args, **kwargs)


class ReportIndexView(snippet_views.IndexView):
    table_classname = "listing monbilan-cards"

    def get_base_queryset(self):
        return ActivityReport.objects.visible_to(self.request.user).select_related(
            "academie", "dabm", "latest_revision", "locked_by"
        )


class ReportCreateView(snippet_views.CreateView):
    """Once made, the report opens on its page: its figures, computed now."""

    def get_success_url(self):
        return reverse_name(ActivityReport.snippet_viewset, "inspect", self.object.pk)


class ReportEditView(ScopedReportMixin, snippet_views.EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Voir le rapport"),
                url=self.get_inspect_url(),
                icon_name="view",
                priority=5,
            )
        )
        return buttons


class ReportDeleteView(ScopedReportMixin, snippet_views.DeleteView):
    pass


class ReportUsageView(ScopedReportMixin, snippet_views.UsageView):
    pass


class ReportHistoryView(ScopedReportMixin, snippet_views.HistoryView):
    pass


class ReportCompareView(ScopedReportMixin, snippet_views.RevisionsCompareView):
    pass


class ReportUnpublishView(ScopedReportMixin, snippet_views.UnpublishView):
    pass


class ReportUnscheduleView(ScopedReportMixin, snippet_views.RevisionsUnscheduleView):
    pass


class ReportLockView(ScopedReportMixin, snippet_views.LockView):
    pass


class ReportUnlockView(ScopedReportMixin, snippet_views.UnlockView):
    pass


def latest_version(report):
    """What the admin page, the PDF and the CSV show: the latest revision (a
    « Recalculer » not yet published included); the site shows the live one."""
    latest = report.get_latest_revision_as_object()
    # Revisions carry ids only: the names come from the stored row.
    latest.academie, latest.dabm = report.academie, report.dabm
    return latest


class ReportInspectView(ScopedReportMixin, snippet_views.InspectView):
    """The report's page: its figures as charts and tables, and its actions."""

    template_name = "activity_report/admin/report.html"
    page_title = gettext_lazy("Rapport d'activité")

    def get_object(self, queryset=None):
        return scoped_report(self.request.user, self.pk)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        viewset = ActivityReport.snippet_viewset
        buttons.append(
            Button(
                _("Historique"),
                url=reverse_name(viewset, "history", self.object.pk),
                icon_name="history",
                priority=50,
            )
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = latest_version(self.object)
        viewset = ActivityReport.snippet_viewset
        context.update(report_context(version))
        context.update(
            live_object=self.object,
            unpublished_changes=self.object.has_unpublished_changes,
            stale=version.figures_stale(),
            recompute_url=reverse_name(viewset, "recompute", self.object.pk),
            pdf_url=reverse_name(viewset, "pdf", self.object.pk),
            csv_url=reverse_name(viewset, "csv", self.object.pk),
            edit_url=reverse_name(viewset, "edit", self.object.pk),
            can_change=ActivityReportPolicy().user_has_permission_for_instance(
                self.request.user, "change", self.object
            ),
        )
        return context


def reverse_name(viewset, name, pk):
    return reverse(viewset.get_url_name(name), args=[quote(pk)])


class RecomputeView(View):
    """« Recalculer »: the period's figures computed again, as a new revision
    (the former ones stay in the history, comparable). Never implicit."""

    http_method_names = ["post"]

    def post(self, request, pk):
        report = scoped_report(request.user, pk)
        if not ActivityReportPolicy().user_has_permission_for_instance(
            request.user, "change", report
        ):
            raise PermissionDenied
        inspect_url = reverse_name(ActivityReport.snippet_viewset, "inspect", pk)
        lock = report.get_lock()
        if lock and lock.for_user(request.user):
            messages.error(
                request,
                _(
                    "Ce rapport est verrouillé par un autre utilisateur : il ne "
                    "peut pas être recalculé."
                ),
            )
            return redirect(inspect_url)
        version = latest_version(report)
        version.recompute()
        version.save_revision(user=request.user, log_action=RECOMPUTE_ACTION)
        if report.live:
            messages.success(
                request,
                _(
                    "Les chiffres ont été recalculés dans une nouvelle version. "
                    "Publiez-la pour qu'elle remplace celle du site."
                ),
            )
        else:
            messages.success(
                request, _("Les chiffres ont été recalculés dans une nouvelle version.")
            )
        return redirect(inspect_url)


def _filename(report, extension):
    return f"rapport-activite-{slugify(report.title) or report.pk}.{extension}"


class ReportPdfView(View):
    """The report as a tagged PDF (PDF/UA-1), as the document de synthèse."""

    def get(self, request, pk):
        report = scoped_report(request.user, pk)
        version = latest_version(report)
        context = {**report_context(version), "fonts": font_urls()}
        try:
            content = write_pdf(
                render_to_string("activity_report/pdf/report.html", context),
                render_to_string("activity_report/pdf/report.css", context),
                fonts=context["fonts"],
            )
        except PdfUnavailable:
            return render(request, "activity_report/pdf_unavailable.html", status=503)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{_filename(report, "pdf")}"'
        )
        response["Cache-Control"] = "private, no-store"
        return response


def csv_rows(version):
    """(Rubrique, Périmètre, Indicateur, Valeur) for every frozen figure."""
    context = report_context(version)
    labels = context["group_labels"]
    for row in context["headline"]:
        for label, value in zip(labels, row["values"], strict=True):
            yield (_("Bilans"), label, row["label"], value)
    for phase in context["phases_by_group"]:
        for cell in phase["values"]:
            yield (
                _("Phases sélectionnées"),
                cell["label"],
                phase["phase"],
                cell["selected"],
            )
            yield (
                _("Phases terminées"),
                cell["label"],
                phase["phase"],
                cell["completed"],
            )
    for questionnaire in version.figures.get("questionnaires", []):
        for group in questionnaire["groups"]:
            yield (
                questionnaire["title"],
                group["label"],
                _("Réponses"),
                group["responses"],
            )
            for question in group["questions"]:
                name = question["label"]
                if question["statement"]:
                    name = f"{name} — {question['statement']}"
                if question["cells"] is None:
                    yield (questionnaire["title"], group["label"], name, None)
                    continue
                for cell in question["cells"]:
                    yield (
                        questionnaire["title"],
                        group["label"],
                        f"{name} : {cell['option']}",
                        cell["count"],
                    )


class ReportCsvView(View):
    """The report's figures as CSV: UTF-8 with BOM, « ; », one figure a line,
    streamed, spreadsheet formulas neutralised as in the activity CSV."""

    def get(self, request, pk):
        report = scoped_report(request.user, pk)
        version = latest_version(report)
        masked = masked_text()

        def rows():
            yield (
                _("Rapport"),
                version.figures.get("academie", ""),
                version.title,
                version.figures.get("period", ""),
            )
            for section, scope, label, value in csv_rows(version):
                yield (section, scope, label, masked if value is None else value)

        response = csv_response(
            _filename(report, "csv"),
            [_("Rubrique"), _("Périmètre"), _("Indicateur"), _("Valeur")],
            rows(),
        )
        response["Cache-Control"] = "private, no-store"
        return response


# --- the chooser of the « Indicateurs de résultats » block ---------------------
class ChooseScopeMixin:
    def get_object_list(self):
        return ActivityReport.objects.choosable_by(self.request.user).select_related(
            "academie"
        )


class ReportChooseView(ChooseScopeMixin, snippet_chooser.ChooseView):
    pass


class ReportChooseResultsView(ChooseScopeMixin, snippet_chooser.ChooseResultsView):
    pass


class ReportChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return ActivityReport.objects.choosable_by(self.request.user).get(pk=pk)


class ReportChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return ActivityReport.objects.choosable_by(self.request.user).filter(pk__in=pks)


class ReportChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ReportChooseView
    choose_results_view_class = ReportChooseResultsView
    chosen_view_class = ReportChosenView
    chosen_multiple_view_class = ReportChosenMultipleView
