"""« Rapports d'activité » in the admin, and the journal's name for « Recalculer »."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .views import RECOMPUTE_ACTION
from .viewsets import ActivityReportViewSet

register_snippet(ActivityReportViewSet)


@hooks.register("register_log_actions")
def register_recompute_action(actions):
    actions.register_action(
        RECOMPUTE_ACTION, _("Chiffres recalculés"), _("Chiffres recalculés")
    )
