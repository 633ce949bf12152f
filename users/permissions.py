"""Who may manage accounts and pages in the Wagtail admin.

Académie administrators manage the conseillers of their own académie; superusers
manage everyone, and alone manage the académie administrators. The instances come
from `User.objects.visible_to`, so an account of another académie is simply not
there (404).

Conseillers référents edit, publish and unpublish the site's pages and the
phases; only a superuser deletes a page (`KeptPagesMixin`).
"""

from django.db.models import Q

from wagtail.models import PagePermissionTester
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


class AcademieReadOnlyPolicy(BasePermissionPolicy):
    """Académie administrators and superusers may view the model's rows that
    `Model.objects.visible_to(user)` gives them; nobody adds, edits or deletes
    (the Candidats listing, the Journal des destructions)."""

    def user_has_permission(self, user, action):
        return action == "view" and is_academie_manager(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return User.objects.none()
        return User.objects.filter(is_active=True).filter(
            role__in=[User.Role.ADMINISTRATEUR, User.Role.SUPERUTILISATEUR]
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.model.objects.visible_to(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.model.objects.visible_to(user).filter(pk=instance.pk).exists()
        )


class KeptPagePermissionTester(PagePermissionTester):
    """Wagtail lets whoever may change a page delete it; référents must not.

    A phase holds candidates' answers and the site's pages hold the legal
    notices: a référent unpublishes a page, a superuser alone deletes one. Every
    delete action of the admin (the page's "…" menus, the listing's bulk action,
    the delete view itself) asks `can_delete`, so they all disappear or refuse.
    """

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk=ignore_bulk)


class KeptPagesMixin:
    """For every page model of the project: see `KeptPagePermissionTester`."""

    def permissions_for_user(self, user):
        return KeptPagePermissionTester(user, self)
