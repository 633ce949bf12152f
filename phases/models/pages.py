"""The phase pages: the index and one page per phase of the bilan."""

import uuid

from django.apps import apps
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from users.permissions import KeptPagesMixin

from ..editor.panels import AnsweredQuestionsPanel
from ..questions.blocks import FieldBlock, phase_body_blocks
from ..questions.display import page_items
from ..questions.form import PhaseForm


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


def _models(*names):
    # The bilans, answers and threads point at the phase pages, so this module
    # cannot import them back; Django's registry gives their classes instead.
    return [apps.get_model("phases", name) for name in names]


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
            Bilan, BilanPhase = _models("Bilan", "BilanPhase")
            return self.filter(
                pk__in=BilanPhase.objects.filter(
                    bilan__in=Bilan.objects.visible_to(user)
                ).values("phase_id")
            )
        return self

    def in_use(self):
        """Phases a bilan holds (selected, answered or commented): they cannot be
        deleted, since bilans keep their answers and threads through them."""
        BilanPhase, PhaseSubmission, Thread = _models(
            "BilanPhase", "PhaseSubmission", "Thread"
        )
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
    template = "phases/candidate/phase_page.html"

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

    # Served by `phases.views.candidate.phase_page` (form, scoping, read-only states),
    # which `phases.views.serving` puts where `serve` would run: the
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
