"""The académie administrator blocks or unblocks a candidate's account.

Candidates are created by their conseillers on the site; in the admin their
administrator may only change the account's status (DESIGN.md §2, "block a
user"). Outside the académie, or for any account that is not a candidate's, the
page does not exist (404).
"""

from operator import methodcaller

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .admin_forms import StatusFields
from .models import User
from .permissions import AcademieAccountsPolicy
from .viewsets import AccountEditView


class CandidateStatusForm(StatusFields, WagtailAdminModelForm):
    class Meta:
        model = User
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statut"].help_text = _(
            "Un compte bloqué ne peut plus se connecter au site ; ses réponses et "
            "son bilan sont conservés."
        )


class CandidateAccountView(AccountEditView):
    model = User
    form_class = CandidateStatusForm
    permission_policy = AcademieAccountsPolicy(
        User, base_queryset=methodcaller("candidats")
    )
    permission_required = "change"
    index_url_name = "candidats:index"
    edit_url_name = "candidate_account"
    header_icon = "user"
    page_title = _("Compte du candidat")
    section_label = _("Candidats")
    submit_button_label = _("Enregistrer le statut")

    def get_success_message(self):
        status = _("actif") if self.object.is_active else _("bloqué")
        return _("Le compte de « %(name)s » est %(status)s.") % {
            "name": self.object,
            "status": status,
        }
