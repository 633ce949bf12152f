from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .viewsets import AcademiesGroup, ConseillerViewSet


@hooks.register("register_admin_viewset")
def register_academies():
    return AcademiesGroup()


@hooks.register("register_admin_viewset")
def register_conseillers():
    return ConseillerViewSet("conseillers")


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
