"""Bulk actions of the "Candidats" listing: block, unblock, export the selection.

The listing's rows are bilans (`CandidatViewSet`): "Bloquer" and "Débloquer" act
on their candidates' accounts, those the administrator may manage
(`AcademieAccountsPolicy` over `User.objects.candidats()`, as the "Compte" page
does); the export writes the selected rows with the listing's own columns. The
machinery is users' (`users.bulk_actions`); only the scope is the bilans'.
"""

from operator import methodcaller

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from users.bulk_actions import AccountStateBulkAction, ExportBulkAction
from users.models import User
from users.permissions import AcademieAccountsPolicy, AcademieReadOnlyPolicy

from ..models import Bilan
from ..reports.activity import activity_queryset
from .admin import CandidatViewSet


class CandidatBulkMixin:
    models = [Bilan]
    policy = AcademieReadOnlyPolicy(Bilan)
    accounts_policy = AcademieAccountsPolicy(
        User, base_queryset=methodcaller("candidats")
    )

    def get_scope(self):
        user = self.request.user
        if not self.policy.user_has_permission(user, "view"):
            raise PermissionDenied
        # The listing's own queryset (scoped, with what its columns read).
        return activity_queryset(user)

    def accounts_of(self, bilans):
        """The selected bilans' candidates that this administrator manages, each
        once (a candidate may have two bilans)."""
        return (
            self.accounts_policy.instances_user_has_any_permission_for(
                self.request.user, ["change"]
            )
            .filter(pk__in={bilan.candidate_id for bilan in bilans})
            .order_by("pk")
        )

    def object_context(self, bilan):
        return {"item": bilan, "name": str(bilan.candidate)}


class BlockCandidatsBulkAction(CandidatBulkMixin, AccountStateBulkAction):
    display_name = _("Bloquer")
    action_type = "monbilan_block"
    aria_label = _("Bloquer les comptes des candidats sélectionnés")
    question = _(
        "Bloquer les comptes de ces candidats ? Ils ne pourront plus se connecter ; "
        "leurs réponses et leur bilan sont conservés."
    )
    is_active = False

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d compte de candidat a été bloqué.",
            "%(count)d comptes de candidats ont été bloqués.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class UnblockCandidatsBulkAction(CandidatBulkMixin, AccountStateBulkAction):
    display_name = _("Débloquer")
    action_type = "monbilan_unblock"
    aria_label = _("Débloquer les comptes des candidats sélectionnés")
    question = _(
        "Débloquer les comptes de ces candidats ? Ils pourront de nouveau se connecter."
    )
    is_active = True
    action_priority = 20

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d compte de candidat a été débloqué.",
            "%(count)d comptes de candidats ont été débloqués.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class ExportCandidatsBulkAction(CandidatBulkMixin, ExportBulkAction):
    action_type = "monbilan_export"
    filename = "candidats"

    def columns(self):
        return CandidatViewSet.list_display


CANDIDAT_BULK_ACTIONS = (
    BlockCandidatsBulkAction,
    UnblockCandidatsBulkAction,
    ExportCandidatsBulkAction,
)
