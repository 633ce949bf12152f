from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .bulk_actions import CONSEILLER_BULK_ACTIONS
from .import_views import import_urls
from .views import admin_resend_invitation
from .viewsets import AcademiesGroup, ConseillerViewSet

# "Bloquer", "Débloquer", "Exporter en CSV" on the Conseillers listing.
for action_class in CONSEILLER_BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class)


# « Importer des conseillers » from a CSV file (users.import_views).
hooks.register("register_admin_urls", import_urls)


@hooks.register("register_admin_viewset")
def register_academies():
    return AcademiesGroup()


@hooks.register("register_admin_viewset")
def register_conseillers():
    return ConseillerViewSet("conseillers")


@hooks.register("register_admin_menu_item")
def register_account_menu_item():
    """ "Mon compte" (name, e-mail, password, avatar) is the site's page, for the
    staff who work in the admin as for everyone."""
    return MenuItem(
        _("Mon compte"), reverse("users:account"), icon_name="user", order=10000
    )


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(
        "monbilan.account.block", _("Compte bloqué"), _("Compte bloqué")
    )
    actions.register_action(
        "monbilan.account.unblock", _("Compte débloqué"), _("Compte débloqué")
    )
    actions.register_action(
        "monbilan.account.referent_on",
        _("Rôle conseiller référent attribué"),
        _("Rôle conseiller référent attribué"),
    )
    actions.register_action(
        "monbilan.account.referent_off",
        _("Rôle conseiller référent retiré"),
        _("Rôle conseiller référent retiré"),
    )
    actions.register_action(
        "monbilan.account.dabm", _("DABM modifié"), _("DABM modifié")
    )
    actions.register_action(
        "monbilan.account.invitation_resent",
        _("Invitation renvoyée"),
        _("Invitation renvoyée"),
    )


@hooks.register("register_admin_urls")
def register_resend_invitation_url():
    # « Renvoyer l'invitation » on an account's admin screen (a POST only).
    return [
        path(
            "comptes/<int:pk>/renvoyer-l-invitation/",
            admin_resend_invitation,
            name="resend_invitation",
        )
    ]
