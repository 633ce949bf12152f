"""The end of a bilan in the Wagtail admin: its journal's actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .views.admin import ERASED, DestructionJournalViewSet, erasure_urls


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


# The destruction journal and the erasure of a candidate (retention.views.admin).
hooks.register("register_admin_urls", erasure_urls)


@hooks.register("register_admin_viewset")
def register_destruction_journal():
    return DestructionJournalViewSet()


@hooks.register("register_log_actions")
def register_erasure_action(actions):
    # Logged on the anonymised account: who erased, which bilans; no name.
    actions.register_action(ERASED, _("Candidat supprimé"), _("Candidat supprimé"))
