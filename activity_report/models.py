"""The « Rapport d'activité »: an académie's figures for a period, frozen.

A Wagtail snippet with drafts, revisions, locking and the audit log. Its
figures are computed when the report is created and on the explicit
« Recalculer » action (`recompute`, a new revision), never on a later save nor
on display: a report made in January says the same in June.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

from users.models import Academie, Dabm

from .panels import FiguresPanel


class ActivityReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports a user may manage: their académie's, for its administrators;
        all of them for a superuser; none for anyone else."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_administrateur and user.academie_id:
            return self.filter(academie_id=user.academie_id)
        return self.none()

    def choosable_by(self, user):
        """Published reports a page editor (a référent) may embed: their
        académie's; any for a superuser."""
        live = self.filter(live=True)
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return live
        if user.academie_id:
            return live.filter(academie_id=user.academie_id)
        return self.none()


class ActivityReport(
    LockableMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model
):
    """An académie's « Rapport d'activité » for a year, a quarter or two dates."""

    class PeriodKind(models.TextChoices):
        YEAR = "annee", _("Une année")
        QUARTER = "trimestre", _("Un trimestre")
        DATES = "dates", _("Entre deux dates")

    title = models.CharField(_("titre"), max_length=200)
    academie = models.ForeignKey(
        Academie,
        on_delete=models.PROTECT,
        related_name="activity_reports",
        verbose_name=_("académie"),
    )
    dabm = models.ForeignKey(
        Dabm,
        on_delete=models.PROTECT,
        related_name="activity_reports",
        null=True,
        blank=True,
        verbose_name=_("DABM"),
        help_text=_("Vide : toute l'académie, avec le détail par DABM."),
    )
    period_kind = models.CharField(
        _("période"),
        max_length=10,
        choices=PeriodKind.choices,
        default=PeriodKind.YEAR,
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        help_text=_("Pour une année ou un trimestre, par exemple 2026."),
    )
    quarter = models.PositiveSmallIntegerField(
        _("trimestre"),
        null=True,
        blank=True,
        choices=[
            (1, _("1er trimestre")),
            (2, _("2e trimestre")),
            (3, _("3e trimestre")),
            (4, _("4e trimestre")),
        ],
    )
    start_date = models.DateField(_("du"), null=True, blank=True)
    end_date = models.DateField(_("au"), null=True, blank=True)
    # Written by `recompute` only; the form never offers it.
    figures = models.JSONField(_("chiffres"), default=dict, blank=True, editable=False)
    computed_at = models.DateTimeField(
        _("chiffres calculés le"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = ActivityReportQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        # Only a superuser chooses the académie; an administrator's reports are
        # their académie's (`forms.ActivityReportForm`).
        FieldPanel("academie", permission="superuser"),
        FieldPanel("dabm"),
        MultiFieldPanel(
            [
                FieldPanel("period_kind"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("quarter")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Période"),
        ),
        FiguresPanel(heading=_("Chiffres")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("academie"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("rapport d'activité")
        verbose_name_plural = _("rapports d'activité")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Computed once, when the report is created; afterwards only the
        # « Recalculer » action changes them.
        if self._state.adding and not self.figures:
            self.recompute()
        super().save(*args, **kwargs)

    # --- the period -----------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        kind = self.period_kind
        if kind in (self.PeriodKind.YEAR, self.PeriodKind.QUARTER):
            if not self.year:
                errors["year"] = _("Indiquez l'année du rapport, par exemple 2026.")
            elif not 2000 <= self.year <= 2100:
                errors["year"] = _("Indiquez une année entre 2000 et 2100.")
            if kind == self.PeriodKind.QUARTER and not self.quarter:
                errors["quarter"] = _("Choisissez le trimestre du rapport.")
        if kind == self.PeriodKind.DATES:
            if not self.start_date:
                errors["start_date"] = _("Indiquez la date de début de la période.")
            if not self.end_date:
                errors["end_date"] = _("Indiquez la date de fin de la période.")
            if self.start_date and self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _(
                    "La date de fin doit être égale ou postérieure à la date de début."
                )
        if (
            self.dabm_id
            and self.academie_id
            and self.dabm.academie_id != self.academie_id
        ):
            errors["dabm"] = _("Choisissez une DABM de l'académie du rapport.")
        if errors:
            raise ValidationError(errors)

    def period_bounds(self):
        """(first day, last day) of the period, both included."""
        if self.period_kind == self.PeriodKind.DATES:
            return self.start_date, self.end_date
        if self.period_kind == self.PeriodKind.QUARTER:
            first_month = 3 * (self.quarter - 1) + 1
            start = datetime.date(self.year, first_month, 1)
            if self.quarter == 4:
                end = datetime.date(self.year, 12, 31)
            else:
                end = datetime.date(self.year, first_month + 3, 1) - datetime.timedelta(
                    days=1
                )
            return start, end
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    def period_label(self):
        """« Année 2026 », « 2e trimestre 2026 », « Du 01/02/2026 au 30/06/2026 »."""
        from .figures import period_label

        return period_label(self)

    # --- the frozen figures ---------------------------------------------------
    def recompute(self):
        """Compute the period's figures now and keep them on the instance (not
        saved: the caller saves or makes a revision)."""
        from .figures import compute_figures

        self.figures = compute_figures(self)
        self.computed_at = timezone.now()

    def figures_stale(self):
        """The period or the DABM changed since the figures were computed."""
        frozen = self.figures.get("scope", {})
        start, end = self.period_bounds()
        return frozen != {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "dabm": self.dabm_id,
        }

    def render_public(self):
        """The public figures as HTML, for the « Indicateurs de résultats » block
        of the site's pages; empty when the report is not published."""
        if not self.live:
            return ""
        from .display import public_context

        return render_to_string(
            "activity_report/public_figures.html", public_context(self)
        )
