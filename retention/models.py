"""What is left of a destruction: a content-free record of it, and the warning
sent to an account about to be removed for inactivity.

Nothing here holds a name or a text: the record of a purge says which bilan
(by its number), where (DABM), when, why and how many of each kind of document
went, so the académie can show the CNIL what was destroyed without keeping it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DestructionRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Records a user may read: their académie's for an administrator, all
        for a superuser, none for anyone else."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_administrateur and user.academie_id:
            return self.filter(dabm__academie_id=user.academie_id)
        return self.none()


class DestructionRecord(models.Model):
    """One bilan's documents destroyed, by one run: identifiers, dates, counts."""

    class Reason(models.TextChoices):
        SCHEDULE = "schedule", _("Durée de conservation écoulée")
        ERASURE = "erasure", _("Effacement à la demande du candidat")
        INACTIVE = "inactive", _("Compte inactif")

    # A number, not a key: the bilan itself may go with an erasure, its record stays.
    bilan_number = models.PositiveBigIntegerField(_("bilan n°"), db_index=True)
    dabm = models.ForeignKey(
        "users.Dabm",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("DABM"),
    )
    closed_on = models.DateField(_("clos le"), null=True, blank=True)
    destroyed_at = models.DateTimeField(_("détruit le"))
    reason = models.CharField(
        _("motif"), max_length=20, choices=Reason.choices, default=Reason.SCHEDULE
    )
    #: {category: count}, e.g. {"answers": 4, "files": 2, "posts": 7}.
    counts = models.JSONField(_("documents détruits"), default=dict, blank=True)
    run = models.UUIDField(_("exécution"), db_index=True)

    objects = DestructionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-destroyed_at", "-pk"]
        verbose_name = _("destruction")
        verbose_name_plural = _("journal des destructions")

    def __str__(self):
        return _("Bilan n° %(number)s") % {"number": self.bilan_number}


class InactivityWarning(models.Model):
    """An account with no login for long was told it would be removed.

    One per account; a login after it starts the count again (the warning is
    compared with the last login, not deleted).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="inactivity_warning",
        verbose_name=_("utilisateur"),
    )
    warned_at = models.DateTimeField(_("prévenu le"))

    class Meta:
        verbose_name = _("avertissement d'inactivité")
        verbose_name_plural = _("avertissements d'inactivité")

    def __str__(self):
        return str(self.warned_at)
