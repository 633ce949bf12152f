"""« Signaler un problème »: the copy kept of each report sent to the support.

A report holds what the person typed and where they were, nothing else: never a
candidate's answers (DESIGN.md §2), only the steps they chose to describe.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from users.models import Academie

#: The longest page address kept (what browsers and proxies commonly accept).
PAGE_URL_MAX_LENGTH = 2000


class ProblemReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports a user may read: their académie's for an administrator, all
        for a superuser, none for anyone else (the reporter included: the
        e-mail they typed is the support's, not a page of the site)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.is_administrateur and user.academie_id:
            return self.filter(academie_id=user.academie_id)
        return self.none()


class ProblemReport(models.Model):
    academie = models.ForeignKey(
        Academie,
        on_delete=models.PROTECT,
        related_name="problem_reports",
        verbose_name=_("académie"),
    )
    page_url = models.CharField(_("adresse de la page"), max_length=PAGE_URL_MAX_LENGTH)
    error_message = models.TextField(_("message d'erreur affiché"), blank=True)
    steps = models.TextField(_("ce que faisait l'utilisateur"))
    reference = models.CharField(_("référence de l'erreur"), max_length=100, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="problem_reports",
        verbose_name=_("auteur"),
    )
    reporter_email = models.EmailField(
        _("adresse électronique de l'auteur"), blank=True
    )
    created_at = models.DateTimeField(
        _("envoyé le"), default=timezone.now, db_index=True
    )
    user_agent = models.CharField(_("navigateur"), max_length=500, blank=True)

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")

    def __str__(self):
        return _("Signalement du %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d/%m/%Y %H:%M")
        }
