"""The académie administrator blocks or unblocks a candidate's account.

Candidates are created by their conseillers on the site; in the admin their
administrator may only change the account's status (DESIGN.md §2, "block a
user"). Outside the académie, or for any account that is not a candidate's, the
page does not exist (404).
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView

from .accounts import log_account_changes
from .admin_forms import STATUS_CHOICES
from .models import User
from .permissions import AcademieAccountsPolicy
from .viewsets import SectionBreadcrumbsMixin


def candidats_of(queryset):
    return queryset.filter(role=User.Role.CANDIDAT)


class CandidateStatusForm(WagtailAdminModelForm):
    statut = forms.ChoiceField(
        label=_("Statut"),
        choices=STATUS_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "Un compte bloqué ne peut plus se connecter au site ; ses réponses et "
            "son bilan sont conservés."
        ),
    )

    class Meta:
        model = User
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["statut"] = "active" if self.instance.is_active else "blocked"

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_active = self.cleaned_data["statut"] == "active"
        if commit:
            user.save()
        return user


class CandidateAccountView(SectionBreadcrumbsMixin, EditView):
    model = User
    form_class = CandidateStatusForm
    permission_policy = AcademieAccountsPolicy(User, base_queryset=candidats_of)
    permission_required = "change"
    template_name = "wagtailadmin/generic/edit.html"
    index_url_name = "candidats:index"
    edit_url_name = "candidate_account"
    header_icon = "user"
    page_title = _("Compte du candidat")
    section_label = _("Candidats")
    submit_button_label = _("Enregistrer le statut")

    def get_queryset(self):
        return candidats_of(User.objects.visible_to(self.request.user))

    def save_instance(self):
        before = User.objects.get(pk=self.object.pk)
        instance = self.form.save()
        log_account_changes(before, instance, self.request.user)
        return instance

    def get_success_message(self):
        status = _("actif") if self.object.is_active else _("bloqué")
        return _("Le compte de « %(name)s » est %(status)s.") % {
            "name": self.object,
            "status": status,
        }

    def get_success_url(self):
        return reverse(self.index_url_name)
