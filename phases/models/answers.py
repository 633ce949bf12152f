"""A candidate's answers to a phase, and the files they upload with them."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from users.storage import private_storage

from .bilans import Bilan
from .pages import PhasePage


class PhaseSubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Submissions whose answers a user may read.

        A candidate reads their own, a conseiller those of their bilans. An
        administrator never reads the content of answers (Code du travail,
        L6313-4): they see progress through the bilans, not through this.
        """
        return self.filter(bilan__in=Bilan.objects.with_answers_visible_to(user))


class PhaseSubmission(models.Model):
    """A candidate's answers to one phase of their bilan."""

    class Status(models.TextChoices):
        NON_COMMENCEE = "non_commencee", _("Non commencée")
        EN_COURS = "en_cours", _("En cours")
        TERMINEE = "terminee", _("Terminée")
        VALIDEE = "validee", _("Validée")

    DONE = (Status.TERMINEE, Status.VALIDEE)

    bilan = models.ForeignKey(
        Bilan,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("bilan"),
    )
    phase = models.ForeignKey(
        PhasePage,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("phase"),
    )
    # {block id: answer}. Keys are the StreamField block ids: stable across a
    # référent's edits, so that an answer always stays with its question.
    answers = models.JSONField(_("réponses"), default=dict, blank=True)
    # {block id: {"label", "type", …}}: what each answered question asked when it
    # was answered, so that a reworded or removed question still shows.
    questions = models.JSONField(_("questions posées"), default=dict, blank=True)
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=Status.choices,
        default=Status.NON_COMMENCEE,
    )
    # Bumped by every save: a tab holding an older version cannot overwrite.
    version = models.PositiveIntegerField(_("version"), default=0)
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    completed_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validée le"), null=True, blank=True)

    objects = PhaseSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("réponses à une phase")
        verbose_name_plural = _("réponses aux phases")
        constraints = [
            models.UniqueConstraint(
                fields=["bilan", "phase"], name="unique_submission_per_phase"
            )
        ]

    def __str__(self):
        return f"{self.bilan} · {self.phase_id}"

    @property
    def is_done(self):
        return self.status in self.DONE

    @property
    def can_be_validated(self):
        """ "Valider la phase": only once the candidate has finished it."""
        return self.status == self.Status.TERMINEE

    @property
    def can_be_reopened(self):
        """ "Rouvrir la phase": a finished phase of a bilan still under way (a
        closed bilan is kept as it ended)."""
        return self.is_done and self.bilan.status == Bilan.Status.EN_COURS

    @property
    def is_editable(self):
        """A candidate may change their answers until the phase is terminée, and
        only while the bilan is under way (a closed bilan is kept as it ended)."""
        return (
            self.status not in self.DONE and self.bilan.status == Bilan.Status.EN_COURS
        )


class SubmissionFileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Files follow their submission's scope: the candidate and their conseiller."""
        return self.filter(submission__in=PhaseSubmission.objects.visible_to(user))


def submission_file_path(instance, filename):
    # A random name: the original one, which may say too much, stays in the row.
    return f"reponses/{instance.submission.bilan_id}/{uuid.uuid4().hex}"


class SubmissionFile(models.Model):
    """A file a candidate attached to an answer; private, never at a public URL."""

    submission = models.ForeignKey(
        PhaseSubmission,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("réponses"),
    )
    block_id = models.CharField(_("question"), max_length=64)
    file = models.FileField(
        _("fichier"),
        upload_to=submission_file_path,
        storage=private_storage,
        max_length=255,
    )
    original_name = models.CharField(_("nom d'origine"), max_length=255)
    size = models.PositiveIntegerField(_("taille"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_at = models.DateTimeField(_("déposé le"), auto_now_add=True)

    objects = SubmissionFileQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("fichier déposé")
        verbose_name_plural = _("fichiers déposés")

    def __str__(self):
        return self.original_name
