"""Roles map onto Django groups; one function keeps a user's groups in step.

Nobody edits these groups by hand: a user's role and référent flag decide them, and
`sync_role_groups` runs on every save of a user.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

REFERENT_GROUP = "Conseillers référents"
ADMINISTRATEUR_GROUP = "Administrateurs académiques"
ROLE_GROUPS = (REFERENT_GROUP, ADMINISTRATEUR_GROUP)

# Référents edit the site's pages and the phases, never delete them: a phase holds
# candidates' answers.
REFERENT_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
REFERENT_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_referent_permissions(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root = Page.get_first_root_node()
    if root is not None:
        for codename in REFERENT_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission("wagtailcore", codename)
            )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for app_label, codename in REFERENT_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, codename),
            )


def _grant_administrateur_permissions(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


_GRANTS = {
    REFERENT_GROUP: _grant_referent_permissions,
    ADMINISTRATEUR_GROUP: _grant_administrateur_permissions,
}


def role_group(name):
    """Return the group for a role, creating it with its permissions if missing."""
    group, created = Group.objects.get_or_create(name=name)
    if created:
        _GRANTS[name](group)
    return group


def groups_for(user):
    if user.is_superuser or not user.is_active:
        return set()
    if user.role == user.Role.ADMINISTRATEUR:
        return {ADMINISTRATEUR_GROUP}
    if user.role == user.Role.CONSEILLER and user.is_referent:
        return {REFERENT_GROUP}
    return set()


@transaction.atomic
def sync_role_groups(user):
    """Make the user's role groups match their role; other groups are left alone."""
    wanted = groups_for(user)
    current = set(
        user.groups.filter(name__in=ROLE_GROUPS).values_list("name", flat=True)
    )
    for name in current - wanted:
        user.groups.remove(Group.objects.get(name=name))
    for name in wanted - current:
        user.groups.add(role_group(name))
