import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from users.models import Dabm
from users.permissions import KeptPagesMixin
from users.storage import private_storage

from .blocks import FieldBlock, phase_body_blocks
from .panels import AnsweredQuestionsPanel
from .questions.display import page_items
from .questions.form import PhaseForm


class PhaseIndexPage(KeptPagesMixin, Page):
    """The parent of the phase pages; the tree order is the phase order."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["phases.PhasePage"]
    max_count = 1
    # The admin lists the phases in the bilan's order (the tree order), not by
    # last update as Wagtail does by default.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("index des phases")

    def serve(self, request, *args, **kwargs):
        """The phases are listed on each user's dashboard: the index leads there."""
        from django.shortcuts import redirect

        return redirect("dashboard")

    def route(self, request, path_components):
        """Find a phase in one query.

        Wagtail reads a child as a plain Page, then again as its specific class;
        the children here are all phase pages (`subpage_types`), so they are read
        as such at once. Liveness is checked by the phase's own `route`.
        """
        if not path_components:
            return super().route(request, path_components)
        try:
            phase = PhasePage.objects.child_of(self).get(slug=path_components[0])
        except PhasePage.DoesNotExist as error:
            raise Http404 from error
        phase._cached_parent_obj = self  # as Page.route does: no query for the parent
        return phase.route(request, path_components[1:])


class PhasePageQuerySet(PageQuerySet):
    def selected_by(self, bilan):
        """The published phases a bilan selects."""
        return self.live().filter(pk__in=bilan.selected_phases.values("phase"))

    def visible_to(self, user):
        """Phases a user may open: a candidate their selected phases; staff all.

        Conseillers, référents and administrators may read every phase's questions
        (never anyone's answers: that is `PhaseSubmission.objects.visible_to`).
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_candidat:
            return self.filter(
                pk__in=BilanPhase.objects.filter(
                    bilan__in=Bilan.objects.visible_to(user)
                ).values("phase_id")
            )
        return self

    def in_use(self):
        """Phases a bilan holds (selected, answered or commented): they cannot be
        deleted, since bilans keep their answers and threads through them."""
        return self.filter(
            Q(pk__in=BilanPhase.objects.values("phase_id"))
            | Q(pk__in=PhaseSubmission.objects.values("phase_id"))
            | Q(pk__in=Thread.objects.filter(phase__isnull=False).values("phase_id"))
        )


class PhasePage(KeptPagesMixin, Page):
    """One phase of the bilan: its content and the form the candidate fills."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    body = StreamField(phase_body_blocks(), blank=True, verbose_name=_("contenu"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        # Just above the questions: what a référent reads before changing one.
        AnsweredQuestionsPanel(heading=_("Réponses déjà données")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["phases.PhaseIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(PhasePageQuerySet)()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def questions(self):
        """The form field blocks of the body, in order, as StreamField children.

        Each child has a stable `id` (kept across edits, reorders and rewordings):
        the key of its answer.
        """
        return [child for child in self.body if isinstance(child.block, FieldBlock)]

    # Served by `phases.views.phase_page` (form, scoping, read-only states),
    # which `wagtail_hooks.serve_phase_page` puts where `serve` would run: the
    # views import this module, so the model cannot import them back.

    def get_preview_context(self, request, mode_name):
        """Wagtail's preview ("Aperçu", side panel and new tab) shows the phase as
        its candidates see it, questions included.

        Wagtail renders the template with `get_context` only, never `serve`, which
        builds the form: the preview showed the title, the intro and the buttons.
        Here the form is built empty from the body being edited (saved or not): no
        bilan, no answers, no comments; `preview` makes the template inert (no
        autosave, no submit), so that nothing is ever saved from it.
        """
        # A block without an id gets one when the page is saved, which a preview
        # never is; a form field is named after its question's id, so two
        # id-less questions would make one field.
        for child in self.body:
            if not child.id:
                child.id = str(uuid.uuid4())
        form = PhaseForm(self)
        return {
            **super().get_preview_context(request, mode_name),
            "mode": "form",
            "preview": True,
            "form": form,
            "items": page_items(self, form=form),
            "version": 0,
            "comments": {"can_start": False, "can_resolve": False},
        }


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


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Threads a user may read and write in: the bilan's two parties only."""
        return self.filter(bilan__in=Bilan.objects.in_conversation_with(user))

    def messages(self):
        return self.filter(phase__isnull=True)

    def comments(self):
        return self.filter(phase__isnull=False)


class Thread(models.Model):
    """A conversation of a bilan's candidate and conseiller.

    Either the bilan's message thread (no phase, one per bilan) or the comment
    thread of one answer (phase + the question's stable block id, one per answer).
    """

    bilan = models.ForeignKey(
        Bilan, on_delete=models.CASCADE, related_name="threads", verbose_name=_("bilan")
    )
    phase = models.ForeignKey(
        PhasePage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase"),
    )
    block_id = models.CharField(_("question"), max_length=64, blank=True)
    resolved_at = models.DateTimeField(_("résolu le"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("résolu par"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("fil de discussion")
        verbose_name_plural = _("fils de discussion")
        constraints = [
            models.UniqueConstraint(
                fields=["bilan"],
                condition=Q(phase__isnull=True),
                name="one_message_thread_per_bilan",
            ),
            models.UniqueConstraint(
                fields=["bilan", "phase", "block_id"],
                condition=Q(phase__isnull=False),
                name="one_comment_thread_per_answer",
            ),
        ]

    def __str__(self):
        return f"{self.bilan_id} · {self.phase_id or '-'} · {self.block_id}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(thread__in=Thread.objects.visible_to(user))

    def unread_by(self, user):
        """Posts written by someone else after the user last opened their thread."""
        read = ThreadRead.objects.filter(
            thread_id=OuterRef("thread_id"),
            user_id=user.pk,
            last_read_at__gte=OuterRef("created_at"),
        )
        return self.exclude(author_id=user.pk).exclude(Exists(read))


class Post(models.Model):
    """One comment or message; its text is shown to the two parties only."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("fil")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("auteur"),
    )
    body = models.TextField(_("texte"))
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread_id} · {self.author_id} · {self.created_at:%Y-%m-%d}"


class ThreadRead(models.Model):
    """When a user last opened a thread: what came after is unread for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    last_read_at = models.DateTimeField(_("lu le"))

    class Meta:
        verbose_name = _("lecture d'un fil")
        verbose_name_plural = _("lectures des fils")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="one_read_state_per_user_and_thread"
            )
        ]

    def __str__(self):
        return f"{self.thread_id} · {self.user_id}"
