"""« Réaffecter les candidats » in the Wagtail admin, from a conseiller's page.

For académie administrators (their académie's conseillers) and superusers; any
other conseiller is a 404, anyone else is refused by the admin. Thin: the form
says what was chosen, `rules.reassign_bilans` moves it.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from users.models import User
from users.permissions import is_academie_manager

from .forms import ReassignForm
from .rules import (
    ReassignmentRefused,
    reassign_bilans,
    reassignable_bilans,
    target_conseillers,
)


class ReassignView(WagtailAdminTemplateMixin, FormView):
    template_name = "reassignment/admin/reassign.html"
    form_class = ReassignForm
    page_title = _("Réaffecter les candidats")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_academie_manager(request.user):
            raise PermissionDenied
        self.source = get_object_or_404(
            User.objects.visible_to(request.user).conseillers().select_related("dabm"),
            pk=kwargs["pk"],
        )
        self.bilans = list(reassignable_bilans(self.source))
        self.targets = list(target_conseillers(self.source))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.source)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("conseillers:index"), "label": _("Conseillers")},
            {
                "url": reverse("conseillers:edit", args=[self.source.pk]),
                "label": str(self.source),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "source": self.source,
            "bilans": self.bilans,
            "targets": self.targets,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        chosen = set(form["bilans"].value() or []) if form.is_bound else set()
        context.update(
            source=self.source,
            rows=[
                {"bilan": bilan, "checked": str(bilan.pk) in chosen}
                for bilan in self.bilans
            ],
            cancel_url=reverse("conseillers:edit", args=[self.source.pk]),
        )
        return context

    def form_invalid(self, form):
        messages.error(
            self.request,
            _(
                "Aucun candidat n'a été réaffecté : corrigez les erreurs signalées "
                "ci-dessous."
            ),
        )
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        target = form.cleaned_data["target"]
        try:
            moved = reassign_bilans(
                source=self.source,
                target=target,
                bilans=form.cleaned_data["chosen"],
                by=self.request.user,
            )
        except ReassignmentRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Candidats réaffectés à %(target)s : %(count)s. Les conseillers et "
                "les candidats ont été prévenus par courriel."
            )
            % {"target": target, "count": len(moved)},
        )
        return redirect("conseillers:edit", self.source.pk)


def reassignment_urls():
    return [
        path(
            "conseillers/<int:pk>/reaffecter/",
            ReassignView.as_view(),
            name="reassign_candidates",
        )
    ]
