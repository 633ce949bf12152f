"""Who manages the « Rapports d'activité »: an académie's administrators theirs,
superusers all of them. Conseillers, référents and candidates none (a référent
only chooses a published one of their académie for a page, `views.chooser`)."""

from django.db.models import Q

from wagtail.permission_policies.base import BasePermissionPolicy

from users.models import User
from users.permissions import is_academie_manager

from .models import ActivityReport


def manages_reports(user):
    return is_academie_manager(user) and bool(user.is_superuser or user.academie_id)


class ActivityReportPolicy(BasePermissionPolicy):
    """Every snippet action Wagtail asks about (drafts, publishing, locking)."""

    allowed_actions = frozenset(
        {"add", "change", "delete", "view", "publish", "lock", "unlock"}
    )

    def __init__(self):
        super().__init__(ActivityReport)

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and manages_reports(user)

    def users_with_any_permission(self, actions):
        if not self.allowed_actions.intersection(actions):
            return User.objects.none()
        return User.objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(role=User.Role.ADMINISTRATEUR)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ActivityReport.objects.none()
        return ActivityReport.objects.visible_to(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and ActivityReport.objects.visible_to(user).filter(pk=instance.pk).exists()
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions).filter(
            Q(is_superuser=True) | Q(academie_id=instance.academie_id)
        )
