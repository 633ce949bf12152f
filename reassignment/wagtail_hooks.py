"""« Réaffecter les candidats » in the Wagtail admin: its page and its journal."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .rules import CANDIDATE_REASSIGNED, CANDIDATES_HANDED_OVER, CANDIDATES_RECEIVED
from .views import reassignment_urls

# The page is linked from the conseiller's edit screen (users.viewsets) by its
# URL name: users sits below this app and never imports it.
hooks.register("register_admin_urls", reassignment_urls)


@hooks.register("register_log_actions")
def register_reassignment_actions(actions):
    # Who moved whom: on each candidate's account (from, to), and on both
    # conseillers' accounts (how many, to or from whom). Names only.

    @actions.register_action(CANDIDATE_REASSIGNED)
    class CandidateReassigned(LogFormatter):
        label = _("Candidat réaffecté")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Candidat réaffecté de %(from)s à %(to)s") % {
                "from": data.get("from", "?"),
                "to": data.get("to", "?"),
            }

    @actions.register_action(CANDIDATES_HANDED_OVER)
    class CandidatesHandedOver(LogFormatter):
        label = _("Candidats confiés à un autre conseiller")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Candidats confiés à %(to)s : %(count)s") % {
                "to": data.get("to", "?"),
                "count": data.get("count", "?"),
            }

    @actions.register_action(CANDIDATES_RECEIVED)
    class CandidatesReceived(LogFormatter):
        label = _("Candidats reçus d'un autre conseiller")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Candidats reçus de %(from)s : %(count)s") % {
                "from": data.get("from", "?"),
                "count": data.get("count", "?"),
            }
