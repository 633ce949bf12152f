"""What candidates say of their bilan: the two questionnaires and their answers.

« Questionnaire de satisfaction » is offered at closing, « Où en êtes-vous six
mois après votre bilan ? » with the follow-up e-mail (`followup.py`). Both are
pages the référents edit with the phases' own question blocks, and the answers
go through the phases' form engine (`phases.questions`): there is no second one.

The answers are anonymous to everyone but the candidate who gave them: no view
of the staff reads a `QuestionnaireResponse`; the administrators' statistics read
aggregates only (`statistics.py`), masked under five responses.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from phases.models import Bilan
from phases.questions.blocks import FieldBlock, questionnaire_body_blocks
from phases.questions.display import page_items
from phases.questions.form import PhaseForm
from users.permissions import KeptPagePermissionTester, KeptPagesMixin


class QuestionnairePagePermissionTester(KeptPagePermissionTester):
    """A questionnaire someone answered is never deleted, not even by a
    superuser: its responses point to it (and the database protects them). To
    stop offering it, it is unpublished."""

    def can_delete(self, ignore_bulk=False):
        return (
            super().can_delete(ignore_bulk=ignore_bulk)
            and not QuestionnaireResponse.objects.filter(
                questionnaire_id=self.page.pk
            ).exists()
        )


class QuestionnairePage(KeptPagesMixin, Page):
    """One questionnaire: its introduction and its questions.

    Served by `views.questionnaire_page` (Wagtail's `on_serve_page` hook): the
    candidate's form, their answers once sent, the staff's preview.
    """

    class Kind(models.TextChoices):
        SATISFACTION = "satisfaction", _("Questionnaire de satisfaction")
        SIX_MONTHS = "six_mois", _("Où en êtes-vous six mois après votre bilan ?")

    kind = models.CharField(
        _("questionnaire"),
        max_length=20,
        choices=Kind.choices,
        unique=True,
        help_text=_(
            "Quand il est proposé : à la clôture du bilan, ou six mois après avec "
            "le courriel de suivi."
        ),
    )
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    body = StreamField(
        questionnaire_body_blocks(), blank=True, verbose_name=_("questions")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "questionnaires/page.html"

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def permissions_for_user(self, user):
        return QuestionnairePagePermissionTester(user, self)

    def questions(self):
        """The question blocks of the body, in order (what `PhaseForm` asks)."""
        return [child for child in self.body if isinstance(child.block, FieldBlock)]

    def get_preview_context(self, request, mode_name):
        """Wagtail's « Aperçu » shows the questions being edited, inert, as the
        staff's view of the page does (`views._preview`)."""
        form = PhaseForm(self)
        for field in form.fields.values():
            field.disabled = True
        return {
            **super().get_preview_context(request, mode_name),
            "mode": "preview",
            "form": form,
            "items": page_items(self, form=form),
        }


class QuestionnaireResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Responses a user may read: their own, and nobody else's. Conseillers
        and administrators never read one (they see aggregates)."""
        if not user.is_authenticated or not user.is_active or not user.is_candidat:
            return self.none()
        return self.filter(bilan__candidate=user)


class QuestionnaireResponse(models.Model):
    """A candidate's answers to one questionnaire, for one bilan, sent once."""

    questionnaire = models.ForeignKey(
        QuestionnairePage,
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("questionnaire"),
    )
    bilan = models.ForeignKey(
        Bilan,
        on_delete=models.CASCADE,
        related_name="questionnaire_responses",
        verbose_name=_("bilan"),
    )
    # As PhaseSubmission: {block id: answer}, and what each question asked then.
    answers = models.JSONField(_("réponses"), default=dict, blank=True)
    questions = models.JSONField(_("questions posées"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("envoyées le"))

    objects = QuestionnaireResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("réponses à un questionnaire")
        verbose_name_plural = _("réponses aux questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "bilan"], name="one_response_per_bilan"
            )
        ]

    def __str__(self):
        return f"{self.questionnaire_id} · {self.bilan_id}"


class FollowUp(models.Model):
    """The six-month follow-up of a closed bilan, sent once: the candidate was
    invited to the second questionnaire, the conseiller reminded to plan an
    « Entretien de suivi ». Its row is what makes a second run send nothing."""

    bilan = models.OneToOneField(
        Bilan,
        on_delete=models.CASCADE,
        related_name="follow_up",
        verbose_name=_("bilan"),
    )
    sent_at = models.DateTimeField(_("envoyé le"))

    class Meta:
        verbose_name = _("suivi à six mois")
        verbose_name_plural = _("suivis à six mois")

    def __str__(self):
        return f"{self.bilan_id}"
