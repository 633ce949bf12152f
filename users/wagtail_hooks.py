from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .viewsets import AcademiesGroup, ConseillerViewSet


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
