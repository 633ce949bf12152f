"""The bilan, the conseiller/candidate couple, and the phases it selects."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from users.models import Dabm

from .pages import PhasePage


class BilanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Bilans a user may see: the one place that answers this question."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_administrateur:
            return self.filter(dabm__academie_id=user.academie_id)
        if user.is_conseiller:
            return self.filter(conseiller=user)
        return self.filter(candidate=user)

    def with_answers_visible_to(self, user):
        """Bilans whose answers a user may read: never an administrator's.

        The results of a bilan go to a third party only with the beneficiary's
        consent (Code du travail, L6313-4): administrators see progress, not
        content.
        """
        if user.is_authenticated and not user.is_superuser and user.is_administrateur:
            return self.none()
        return self.visible_to(user)

    def followed_by(self, user):
        """Bilans a user follows as their conseiller: the review pages' scope."""
        return self.with_answers_visible_to(user).filter(conseiller_id=user.pk)

    def in_conversation_with(self, user):
        """Bilans whose comments and messages a user may read and write.

        Only the two parties of the bilan: its candidate and its conseiller. Nobody
        else, not even a superuser, reads what they write to each other.
        """
        return self.with_answers_visible_to(user).filter(
            Q(candidate_id=user.pk) | Q(conseiller_id=user.pk)
        )


class Bilan(models.Model):
    """The conseiller/candidate couple: one bilan de compétences."""

    class Modalite(models.TextChoices):
        PRESENTIEL = "presentiel", _("Présentiel")
        DISTANCE = "distance", _("A distance")
        MIXTE = "mixte", _("Mixte")

    class Status(models.TextChoices):
        EN_COURS = "en_cours", _("En cours")
        TERMINE = "termine", _("Terminé")
        ARCHIVE = "archive", _("Archivé")

    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bilans",
        limit_choices_to={"role": "candidat"},
        verbose_name=_("candidat"),
    )
    conseiller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bilans_suivis",
        limit_choices_to={"role": "conseiller"},
        verbose_name=_("conseiller"),
    )
    dabm = models.ForeignKey(
        Dabm, on_delete=models.PROTECT, related_name="bilans", verbose_name=_("DABM")
    )
    modalite = models.CharField(
        _("modalité"),
        max_length=20,
        choices=Modalite.choices,
        default=Modalite.PRESENTIEL,
    )
    phases = models.ManyToManyField(
        PhasePage, through="BilanPhase", related_name="bilans", verbose_name=_("phases")
    )
    start_date = models.DateField(_("date de début"), default=timezone.localdate)
    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.EN_COURS
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # The end of a bilan (R6313-7): at closing the candidate says whether their
    # documents are kept for the follow-up interview, and for how long.
    keep_documents_days = models.PositiveIntegerField(
        _("documents conservés (jours)"),
        null=True,
        blank=True,
        help_text=_("Vide : pas encore de réponse ; 0 : le candidat ne les garde pas."),
    )
    keep_answered_at = models.DateTimeField(
        _("réponse sur la conservation le"), null=True, blank=True
    )
    destruction_warned_at = models.DateTimeField(
        _("candidat prévenu de la destruction le"), null=True, blank=True
    )
    purged_at = models.DateTimeField(_("documents détruits le"), null=True, blank=True)

    objects = BilanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bilan")
        verbose_name_plural = _("bilans")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="bilan_end_after_start",
            )
        ]

    def __str__(self):
        return _("Bilan de %(candidate)s") % {"candidate": self.candidate}

    def destruction_date(self):
        """The day the working documents are destroyed, or None while open.

        BILAN_RETENTION_DAYS after closing, unless the candidate agreed to keep
        them longer for the follow-up (capped at BILAN_RETENTION_MAX_DAYS).
        """
        if self.end_date is None:
            return None
        days = settings.BILAN_RETENTION_DAYS
        if self.keep_documents_days:
            days = max(
                days, min(self.keep_documents_days, settings.BILAN_RETENTION_MAX_DAYS)
            )
        return self.end_date + datetime.timedelta(days=days)


class BilanPhase(models.Model):
    """A phase selected for a bilan, at its place in the candidate's order."""

    bilan = models.ForeignKey(
        Bilan, on_delete=models.CASCADE, related_name="selected_phases"
    )
    phase = models.ForeignKey(PhasePage, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["bilan", "phase"], name="unique_phase_per_bilan"
            )
        ]

    def __str__(self):
        return f"{self.bilan_id} · {self.phase_id}"
