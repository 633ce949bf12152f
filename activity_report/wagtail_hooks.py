"""« Rapports d'activité » in the admin, and the journal's name for « Recalculer »."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.action_menu import PublishMenuItem, UnpublishMenuItem
from wagtail.snippets.models import register_snippet

from .models import ActivityReport
from .permissions import ActivityReportPolicy
from .views import RECOMPUTE_ACTION
from .viewsets import ActivityReportViewSet

register_snippet(ActivityReportViewSet)


@hooks.register("register_log_actions")
def register_recompute_action(actions):
    actions.register_action(
        RECOMPUTE_ACTION, _("Chiffres recalculés"), _("Chiffres recalculés")
    )


# Wagtail's « Publier » and « Dépublier » items ask Django's model permissions
# (`user.has_perm`), which the académies' administrators do not hold: their right
# to publish comes from the report's permission policy, as every other view's
# does. These two items ask the policy; Wagtail's own are taken out for reports.
def _may_publish(context):
    return bool(
        not context.get("locked_for_user")
        and ActivityReportPolicy().user_has_permission(
            context["request"].user, "publish"
        )
    )


class PolicyPublishMenuItem(PublishMenuItem):
    def is_shown(self, context):
        return _may_publish(context)


class PolicyUnpublishMenuItem(UnpublishMenuItem):
    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and context["instance"].live
            and _may_publish(context)
        )


@hooks.register("register_snippet_action_menu_item")
def register_publish_item(model):
    if model is ActivityReport:
        return PolicyPublishMenuItem(order=30)
    return None


@hooks.register("register_snippet_action_menu_item")
def register_unpublish_item(model):
    if model is ActivityReport:
        return PolicyUnpublishMenuItem(order=20)
    return None


@hooks.register("construct_snippet_action_menu")
def drop_permission_items(menu_items, request, context):
    if context.get("model") is ActivityReport:
        menu_items[:] = [
            item
            for item in menu_items
            if type(item) not in (PublishMenuItem, UnpublishMenuItem)
        ]
