"""Rendez-vous of a bilan: planned, then marked by the conseiller and confirmed
by the candidate (the émargement, D6313-3-1), and the hours they add up to."""

import datetime
import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .bilans import Bilan


class RendezVousQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rendez-vous of the bilans a user may see (Bilan.visible_to)."""
        return self.filter(bilan__in=Bilan.objects.visible_to(user))

    def for_parties(self, user):
        """Only the bilan's candidate and conseiller read a rendez-vous' details."""
        return self.filter(
            Q(bilan__candidate_id=user.pk) | Q(bilan__conseiller_id=user.pk)
        )


class RendezVous(models.Model):
    class Kind(models.TextChoices):
        PRELIMINAIRE = "preliminaire", _("Entretien préliminaire")
        INVESTIGATION = "investigation", _("Entretien d'investigation")
        CONCLUSION = "conclusion", _("Entretien de conclusion")
        SUIVI = "suivi", _("Entretien de suivi")

    class Modalite(models.TextChoices):
        PRESENTIEL = "presentiel", _("Présentiel")
        VISIO = "visio", _("Visioconférence")
        TELEPHONE = "telephone", _("Téléphone")

    class Status(models.TextChoices):
        PLANIFIE = "planifie", _("Planifié")
        REALISE = "realise", _("Réalisé")
        ANNULE = "annule", _("Annulé")
        ABSENT = "absent", _("Absent")

    bilan = models.ForeignKey(
        Bilan,
        on_delete=models.CASCADE,
        related_name="rendezvous",
        verbose_name=_("bilan"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("début"))
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"))
    modalite = models.CharField(_("modalité"), max_length=20, choices=Modalite.choices)
    place = models.CharField(_("lieu"), max_length=255, blank=True)
    link = models.URLField(_("lien de la visioconférence"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PLANIFIE
    )
    # The émargement: the conseiller marks it (réalisé with its actual duration,
    # annulé, absent), then the candidate confirms their presence.
    actual_minutes = models.PositiveSmallIntegerField(
        _("durée réelle (minutes)"), null=True, blank=True
    )
    marked_at = models.DateTimeField(_("marqué le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("présence confirmée le"), null=True, blank=True
    )
    # The calendar invitation: one UID for its whole life, SEQUENCE + 1 per change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    reminder_sent_at = models.DateTimeField(
        _("rappel envoyé le"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RendezVousQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("rendez-vous")
        verbose_name_plural = _("rendez-vous")
        indexes = [models.Index(fields=["starts_at"], name="rendezvous_starts_at")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)
