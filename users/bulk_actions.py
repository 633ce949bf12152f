"""Bulk actions of the account listings ("Conseillers"): block, unblock, export.

Wagtail's bulk-action framework (`BulkAction`, the `register_bulk_action` hook, a
checkbox column and the listing's footer) as Wagtail wires it for its own users
and snippets:
https://docs.wagtail.org/en/stable/extending/custom_bulk_actions.html

Two differences. Wagtail's actions take every id they are given
(`get_list_or_404(model, pk__in=ids)`); ours only ever see the accounts the
listing's permission policy lets the administrator manage — an id from another
académie, or that is not a conseiller's, is ignored, and none left is a 404.
And Wagtail registers its own user actions (delete, assign a role…) for the same
model: the listings (`users.viewsets.BulkActionsListingMixin`) show only the
buttons of the action types they name, never Wagtail's.

`phases.views.bulk_actions` builds the Candidats listing's actions from these.
"""

import copy
from operator import methodcaller

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.views.bulk_action import BulkAction

from monbilan.spreadsheets import csv_response

from .accounts import log_account_changes
from .models import User
from .permissions import AcademieAccountsPolicy
from .viewsets import ConseillerViewSet


class ScopedBulkAction(BulkAction):
    """A bulk action on the rows of a listing that the user may act on.

    `get_scope()` is the listing's queryset for this user; the selected ids are
    looked up in it only. "Select all in listing" is not offered (the footer
    has no such button): an id must be a number.
    """

    template_name = "wagtailadmin/monbilan/bulk_actions/confirm.html"

    def get_scope(self):
        raise NotImplementedError

    def selected_ids(self):
        return [value for value in self.request.GET.getlist("id") if value.isdigit()]

    def get_actionable_objects(self):
        objects = list(self.get_scope().filter(pk__in=self.selected_ids()))
        if not objects:
            raise Http404
        return objects, {}

    def object_context(self, obj):
        return {"item": obj, "name": str(obj)}


class AccountStateBulkAction(ScopedBulkAction):
    """Block (`is_active = False`) or unblock accounts, each change in the
    accounts' journal as the edit screen records it (`log_account_changes`).

    `accounts_of(objects)` gives the accounts the rows stand for (the rows
    themselves here; a bilan's candidate in the Candidats listing). Nobody
    blocks their own account.
    """

    is_active = None
    action_priority = 10

    def accounts_of(self, objects):
        return objects

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.display_name
        context["question"] = self.question
        context["submit_label"] = self.display_name
        return context

    def get_execution_context(self):
        return {"by": self.request.user, "is_active": self.is_active}

    def execute_action(self, objects, by=None, is_active=None, **kwargs):
        changed = 0
        for account in self.accounts_of(objects):
            if account.pk == by.pk or account.is_active == is_active:
                continue
            before = copy.copy(account)
            account.is_active = is_active
            account.save(update_fields=["is_active"])
            log_account_changes(before, account, by)
            changed += 1
        return changed, 0


class ConseillerBulkMixin:
    models = [User]
    policy = AcademieAccountsPolicy(User, base_queryset=methodcaller("conseillers"))

    def get_scope(self):
        user = self.request.user
        if not self.policy.user_has_permission(user, "change"):
            raise PermissionDenied
        return (
            self.policy.instances_user_has_any_permission_for(user, ["change"])
            .exclude(pk=user.pk)
            .select_related("dabm")
            .order_by("last_name", "first_name", "pk")
        )


class BlockConseillersBulkAction(ConseillerBulkMixin, AccountStateBulkAction):
    display_name = _("Bloquer")
    action_type = "monbilan_block"
    aria_label = _("Bloquer les comptes sélectionnés")
    question = _("Bloquer ces comptes ? Ils ne pourront plus se connecter.")
    is_active = False

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d compte a été bloqué.",
            "%(count)d comptes ont été bloqués.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class UnblockConseillersBulkAction(ConseillerBulkMixin, AccountStateBulkAction):
    display_name = _("Débloquer")
    action_type = "monbilan_unblock"
    aria_label = _("Débloquer les comptes sélectionnés")
    question = _("Débloquer ces comptes ? Ils pourront de nouveau se connecter.")
    is_active = True
    action_priority = 20

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d compte a été débloqué.",
            "%(count)d comptes ont été débloqués.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def cell_text(value):
    """A listing cell as the CSV writes it: "Oui"/"Non" for a yes/no column."""
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    return "" if value is None else value


class ExportBulkAction(ScopedBulkAction):
    """The selected rows as a CSV with the listing's own columns (`columns()`:
    its `list_display`, so that both never drift apart), straight away: a
    download, no confirmation screen."""

    display_name = _("Exporter en CSV")
    aria_label = _("Exporter les lignes sélectionnées au format CSV")
    action_priority = 30
    filename = "selection"

    def columns(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        objects, _without_access = self.get_actionable_objects()
        columns = self.columns()
        rows = (
            [cell_text(column.get_value(obj)) for column in columns] for obj in objects
        )
        return csv_response(
            f"{self.filename}-{timezone.localdate():%Y-%m-%d}.csv",
            [column.label for column in columns],
            rows,
        )

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


class ExportConseillersBulkAction(ConseillerBulkMixin, ExportBulkAction):
    action_type = "monbilan_export"
    filename = "conseillers"

    def get_scope(self):
        # The listing's annotation: its "Candidats" column.
        return (
            super()
            .get_scope()
            .annotate(nb_candidats=Count("bilans_suivis__candidate", distinct=True))
        )

    def columns(self):
        return ConseillerViewSet.list_display


# The Conseillers listing names them by type (`ConseillerIndexView.bulk_actions`).
CONSEILLER_BULK_ACTIONS = (
    BlockConseillersBulkAction,
    UnblockConseillersBulkAction,
    ExportConseillersBulkAction,
)
