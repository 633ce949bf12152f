"""The candidate's consent to their bilan, and the text they consent to.

A bilan is carried out only with its beneficiary's consent (Code du travail,
L6313-4). The text is a page the référents edit in the CMS; each published
version is a Wagtail revision, and a consent points to the very revision that was
live when it was given, so what a candidate accepted can always be shown again.
"""

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Revision

from users.permissions import KeptPagePermissionTester, KeptPagesMixin

from .bilans import Bilan


def duration_in_words(days):
    """« 30 jours », « 1 an », « 3 ans »: a retention period as the text says it.

    Whole years are said in years (1095 days are « 3 ans »), anything else in
    days. French puts 0 and 1 in the singular; written out here rather than with
    ngettext, whose untranslated fallback is the English rule (« 0 jours »).
    """
    if days and days % 365 == 0:
        years = days // 365
        text = _("%(count)s an") if years == 1 else _("%(count)s ans")
        return text % {"count": years}
    text = _("%(count)s jour") if days in (0, 1) else _("%(count)s jours")
    return text % {"count": days}


def retention_terms():
    """The durations of the « Conservation de vos données » part, from settings."""
    return {
        "retention": duration_in_words(settings.BILAN_RETENTION_DAYS),
        "retention_max": duration_in_words(settings.BILAN_RETENTION_MAX_DAYS),
    }


class ConsentPagePermissionTester(KeptPagePermissionTester):
    """A text some candidate accepted is never deleted, not even by a superuser:
    the consents point to its revisions (and the database protects them)."""

    def can_delete(self, ignore_bulk=False):
        accepted = Consent.objects.filter(
            revision__in=Revision.page_revisions.filter(object_id=str(self.page.pk))
        )
        return super().can_delete(ignore_bulk=ignore_bulk) and not accepted.exists()


class ConsentPage(KeptPagesMixin, Page):
    """« Votre accord pour ce bilan »: what a candidate reads before consenting.

    Served by `phases.views.consent` (at a fixed address the consent gate knows);
    this page only holds the text and its published versions. The durations the
    data is kept are not typed here: they come from the settings, below the text.
    """

    body = RichTextField(
        gettext_lazy("texte"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=gettext_lazy(
            "Ce que le candidat lit avant de donner son accord. La durée de "
            "conservation des données s'affiche en dessous, d'après les réglages "
            "du site."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    template = "phases/candidate/consent.html"

    class Meta:
        verbose_name = gettext_lazy("texte de l'accord du candidat")

    def permissions_for_user(self, user):
        return ConsentPagePermissionTester(user, self)

    def serve(self, request, *args, **kwargs):
        """The text is read, and consent given, on the consent view."""
        return redirect("consent")

    def get_context(self, request, *args, **kwargs):
        # Wagtail's preview renders the template with this context: the référent
        # sees the text as candidates will, durations included, without the form.
        return {
            **super().get_context(request, *args, **kwargs),
            **retention_terms(),
            "text": self,
            "preview": True,
        }


class ConsentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Consents of the bilans a user may see (`Bilan.objects.visible_to`)."""
        return self.filter(bilan__in=Bilan.objects.visible_to(user))


class Consent(models.Model):
    """A candidate's consent to one bilan: when, and to which version of the text."""

    bilan = models.OneToOneField(
        Bilan,
        on_delete=models.CASCADE,
        related_name="consent",
        verbose_name=gettext_lazy("bilan"),
    )
    given_at = models.DateTimeField(gettext_lazy("donné le"), default=timezone.now)
    # PROTECT: Wagtail's purge_revisions skips a revision something protects, so
    # the version accepted outlives the later edits of the page.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=gettext_lazy("version du texte acceptée"),
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("accord du candidat")
        verbose_name_plural = gettext_lazy("accords des candidats")

    def __str__(self):
        return _("Accord pour le bilan %(bilan)s") % {"bilan": self.bilan_id}

    def text(self):
        """The page as it read when the candidate accepted it."""
        return self.revision.as_object()
