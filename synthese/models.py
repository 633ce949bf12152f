"""The synthèse of a bilan, its submitted versions, and the candidate's share links.

The draft (`Synthese`) is what the conseiller is writing; each "Soumettre au
candidat" freezes a `SyntheseVersion` that the candidate reads and may answer with
observations; "Remettre" makes the last version final. Only the bilan's two
parties ever read any of it: `visible_to` is the one place that says so.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phases.models import Bilan

#: The three sections the regulation lists (Code du travail, R6313-7), in order:
#: (field name, legal heading, what the conseiller writes there).
SECTIONS = (
    (
        "circumstances",
        _("Circonstances du bilan"),
        _(
            "Ce qui a conduit le candidat à demander ce bilan, sa situation et ses "
            "attentes."
        ),
    ),
    (
        "competences",
        _("Compétences et aptitudes"),
        _(
            "Les compétences et aptitudes du candidat au regard des perspectives "
            "d'évolution envisagées."
        ),
    ),
    (
        "project",
        _("Projet professionnel et principales étapes"),
        _(
            "Le cas échéant, les éléments du projet professionnel et, s'il y a lieu, "
            "du projet de formation, et les principales étapes prévues pour le "
            "réaliser."
        ),
    ),
)
SECTION_NAMES = tuple(name for name, _heading, _help in SECTIONS)
#: How long a share link opens the document.
SHARE_LINK_LIFETIME = timedelta(days=30)


class SyntheseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Synthèses a user may read: their bilan's candidate and conseiller only.

        The document is the candidate's (L6313-4): administrators, superusers
        included, never read it; they may only learn that it was remis.
        """
        return self.filter(bilan__in=Bilan.objects.in_conversation_with(user))


class Synthese(models.Model):
    """The document de synthèse of a bilan: the conseiller's current draft and
    where it stands (remis, acknowledged)."""

    bilan = models.OneToOneField(
        Bilan,
        on_delete=models.CASCADE,
        related_name="synthese",
        verbose_name=_("bilan"),
    )
    circumstances = models.TextField(_("circonstances du bilan"), blank=True)
    competences = models.TextField(_("compétences et aptitudes"), blank=True)
    project = models.TextField(
        _("projet professionnel et principales étapes"), blank=True
    )
    #: Incremented by every saved draft: a tab that saves with an older number
    #: is stale and overwrites nothing (the phases' autosave does the same).
    version = models.PositiveIntegerField(_("version du brouillon"), default=0)
    final_version = models.OneToOneField(
        "SyntheseVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version remise"),
    )
    remis_at = models.DateTimeField(_("remis le"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(
        _("réception accusée le"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = SyntheseQuerySet.as_manager()

    class Meta:
        verbose_name = _("document de synthèse")
        verbose_name_plural = _("documents de synthèse")

    def __str__(self):
        return _("Document de synthèse de %(candidate)s") % {
            "candidate": self.bilan.candidate
        }

    @property
    def is_remis(self):
        return self.remis_at is not None

    def texts(self):
        return {name: getattr(self, name) for name in SECTION_NAMES}


class SyntheseVersion(models.Model):
    """A version submitted to the candidate, frozen, with their observations."""

    synthese = models.ForeignKey(
        Synthese,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("document de synthèse"),
    )
    number = models.PositiveSmallIntegerField(_("numéro"))
    circumstances = models.TextField(_("circonstances du bilan"), blank=True)
    competences = models.TextField(_("compétences et aptitudes"), blank=True)
    project = models.TextField(
        _("projet professionnel et principales étapes"), blank=True
    )
    submitted_at = models.DateTimeField(_("soumise le"), default=timezone.now)
    observations = models.TextField(_("observations du candidat"), blank=True)
    observed_at = models.DateTimeField(_("observations du"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("version du document de synthèse")
        verbose_name_plural = _("versions du document de synthèse")
        constraints = [
            models.UniqueConstraint(
                fields=["synthese", "number"], name="unique_synthese_version_number"
            )
        ]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}

    def texts(self):
        return {name: getattr(self, name) for name in SECTION_NAMES}


class ShareLinkQuerySet(models.QuerySet):
    def open_at(self, moment):
        """Links that open the document at `moment`: neither expired nor revoked."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=moment)


def _share_link_expiry():
    return timezone.now() + SHARE_LINK_LIFETIME


class ShareLink(models.Model):
    """A link the candidate made to let someone read their remis document,
    without an account, for 30 days or until revoked."""

    synthese = models.ForeignKey(
        Synthese,
        on_delete=models.CASCADE,
        related_name="share_links",
        verbose_name=_("document de synthèse"),
    )
    token = models.CharField(_("jeton"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    expires_at = models.DateTimeField(_("expire le"), default=_share_link_expiry)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lien de partage")
        verbose_name_plural = _("liens de partage")

    def __str__(self):
        return _("Lien de partage du %(date)s") % {"date": self.created_at}

    def is_open(self, moment=None):
        moment = moment or timezone.now()
        return self.revoked_at is None and self.expires_at > moment


class ShareOpening(models.Model):
    """One opening of a share link, shown to the candidate (nothing about who:
    the link is all the site knows of them)."""

    link = models.ForeignKey(
        ShareLink,
        on_delete=models.CASCADE,
        related_name="openings",
        verbose_name=_("lien de partage"),
    )
    opened_at = models.DateTimeField(_("ouvert le"), default=timezone.now)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("ouverture d'un lien de partage")
        verbose_name_plural = _("ouvertures des liens de partage")

    def __str__(self):
        return str(self.opened_at)
