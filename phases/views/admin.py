"""The académie administrator's screens in the Wagtail admin: "Candidats".

The listing of the candidates an académie supervises, and a candidate's account
status. Candidates are created by their conseillers on the site, never here: the
listing shows progress and metadata, never answers. Its "Compte" column leads to
the one thing an administrator changes here, the account's status (DESIGN.md §2,
"block a user"). Outside the académie, or for any account that is not a
candidate's, the page does not exist (404).

Both live in phases because the listing reads bilans; users (the ground floor)
lends the account screens' building blocks.
"""

from operator import methodcaller

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from monbilan.admin_columns import LabelledColumn, LabelledTitleColumn
from users.admin_forms import StatusFields
from users.models import User
from users.permissions import (
    AcademieAccountsPolicy,
    AcademieReadOnlyPolicy,
)
from users.viewsets import (
    AccountEditView,
    BulkActionsListingMixin,
    FoldedSearchMixin,
)

from ..models import Bilan
from ..reports.activity import activity_queryset, progress
from ..reports.views import ActivityFilterSet

# --- A candidate's account status --------------------------------------------


class CandidateStatusForm(StatusFields, WagtailAdminModelForm):
    """The account's status only: the candidate's identity is their conseiller's."""

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
    """Block or unblock a candidate of the académie; any other account is a 404."""

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

    @cached_property
    def header_buttons(self):
        # The erasure at the candidate's request lives in retention (above).
        return [
            HeaderButton(
                _("Supprimer définitivement ce candidat"),
                url=reverse("retention_erase_candidate", args=[self.object.pk]),
                icon_name="bin",
            )
        ]

    def get_success_message(self):
        status = _("actif") if self.object.is_active else _("bloqué")
        return _("Le compte de « %(name)s » est %(status)s.") % {
            "name": self.object,
            "status": status,
        }


def candidate_account_urls():
    """The account's page, under the listing's /admin/candidats/.

    Registered on its own (`register_admin_urls`), not by `CandidatViewSet`: its
    model and policy are the candidate's User and `AcademieAccountsPolicy`, where
    the viewset hands its views Bilan and `SupervisionPolicy`.
    """
    return [
        path(
            "candidats/compte/<int:pk>/",
            CandidateAccountView.as_view(),
            name="candidate_account",
        )
    ]


# --- The listing of the académie's candidates --------------------------------


class CandidatFilterSet(ActivityFilterSet):
    class Meta(ActivityFilterSet.Meta):
        fields = []


def candidate_name(bilan):
    return str(bilan.candidate)


def account_status(bilan):
    return _("Actif") if bilan.candidate.is_active else _("Bloqué")


def account_url(bilan):
    """The page where the administrator blocks or unblocks the account."""
    return reverse("candidate_account", args=[bilan.candidate_id])


def progress_cell(bilan):
    done, total = progress(bilan)
    return _("%(done)s sur %(total)s") % {"done": done, "total": total}


class CandidatIndexView(BulkActionsListingMixin, FoldedSearchMixin, IndexView):
    # Eight columns do not fit a phone: "Statut du bilan" and what follows were
    # cut off at the right edge. Each row is a card there (css/monbilan_admin.css).
    table_classname = "listing monbilan-cards"
    # phases.views.bulk_actions
    bulk_actions = ("monbilan_block", "monbilan_unblock", "monbilan_export")

    def bulk_row_name(self, bilan):
        return str(bilan.candidate)

    def get_base_queryset(self):
        return activity_queryset(self.request.user)


class CandidatViewSet(ModelViewSet):
    """ "Candidats": the listing; each row's "Compte" leads to the account's page."""

    model = Bilan
    icon = "user"
    menu_label = _("Candidats")
    menu_order = 120
    add_to_admin_menu = True
    url_namespace = "candidats"
    index_view_class = CandidatIndexView
    filterset_class = CandidatFilterSet
    search_fields = [
        "candidate__username",
        "candidate__first_name",
        "candidate__last_name",
        "candidate__email",
    ]
    search_backend_name = None
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 25
    list_display = [
        LabelledColumn("identifiant", label=_("Identifiant"), accessor="candidate_id"),
        LabelledColumn("candidat", label=_("Nom"), accessor=candidate_name),
        LabelledColumn("conseiller", label=_("Conseiller"), accessor="conseiller"),
        LabelledColumn("dabm", label=_("DABM"), accessor="dabm.name"),
        LabelledColumn(
            "modalite", label=_("Modalité"), accessor="get_modalite_display"
        ),
        LabelledColumn(
            "statut", label=_("Statut du bilan"), accessor="get_status_display"
        ),
        LabelledColumn(
            "progression", label=_("Phases terminées"), accessor=progress_cell
        ),
        LabelledTitleColumn(
            "compte",
            label=_("Compte"),
            accessor=account_status,
            get_url=account_url,
        ),
    ]

    @cached_property
    def permission_policy(self):
        return AcademieReadOnlyPolicy(Bilan)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"page_title": _("Candidats"), **kwargs}
        )
