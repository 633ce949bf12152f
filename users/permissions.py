"""Who may manage accounts in the Wagtail admin.

Académie administrators manage the conseillers of their own académie; superusers
manage everyone, and alone manage the académie administrators. The instances come
from `User.objects.visible_to`, so an account of another académie is simply not
there (404).
"""

from django.db.models import Q

from wagtail.permission_policies.base import BasePermissionPolicy

from .models import User


def is_academie_manager(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role == User.Role.ADMINISTRATEUR)
    )


def is_superuser(user):
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


class AcademieAccountsPolicy(BasePermissionPolicy):
    # No "delete": an account holds a bilan's history; it is blocked instead.
    allowed_actions = frozenset({"add", "change", "view"})

    def __init__(self, model=User, base_queryset=None, superusers_only=False):
        super().__init__(model)
        self.base_queryset = base_queryset or (lambda qs: qs)
        self.superusers_only = superusers_only

    def user_has_permission(self, user, action):
        manages = is_superuser if self.superusers_only else is_academie_manager
        return action in self.allowed_actions and manages(user)

    def users_with_any_permission(self, actions):
        if not self.allowed_actions.intersection(actions):
            return User.objects.none()
        managers = Q(is_superuser=True)
        if not self.superusers_only:
            managers |= Q(role=User.Role.ADMINISTRATEUR)
        return User.objects.filter(is_active=True).filter(managers)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return User.objects.none()
        return self.base_queryset(User.objects.visible_to(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        managers = self.users_with_any_permission(actions)
        return managers.filter(
            Q(is_superuser=True) | Q(academie_id=instance.academie_id)
        )
