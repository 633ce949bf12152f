"""The end of a bilan in the Wagtail admin: its journal's actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_closing_actions(actions):
    # Logged on the candidate's account (retention.closing): the académie's
    # journal shows that the bilan was closed and that the candidate answered
    # the keep question, never anything of the bilan.
    actions.register_action("monbilan.bilan.closed", _("Bilan clos"), _("Bilan clos"))
    actions.register_action(
        "monbilan.bilan.keep_documents",
        _("Choix de conservation des documents enregistré"),
        _("Choix de conservation des documents enregistré"),
    )
