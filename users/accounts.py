"""Creating and changing accounts: one function per rule, used by every view."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .emails import send_account_created_email
from .models import User


@transaction.atomic
def create_account(
    *, role, created_by, password=None, notify=False, request=None, **fields
):
    """Create an account of `role`; with `notify`, e-mail a link to set its password.

    Without a password the account gets an unusable one: only the e-mailed link
    (the reset mechanism) lets its owner in. A password given here is provisional:
    its owner must choose their own at first login (`PasswordChangeRequired`).
    """
    user = User(role=role, **fields)
    if password:
        # Chosen by the account's creator: its owner replaces it at first login.
        set_password(user, password, provisional=True)
    else:
        user.set_unusable_password()
    user.save()
    log(instance=user, action="wagtail.create", user=created_by, content_changed=True)
    if notify:
        send_account_created_email(request, user, created_by)
    return user


def check_email_free(email, *, account=None):
    """Refuse an address another account already has, whatever its case.

    Every form that sets an address calls this: the e-mail receives the reset
    links, so two accounts must never share one. `account` is the account being
    changed, whose own address is not "another account's". Returns `email`.
    """
    others = User.objects.filter(email__iexact=email)
    if account is not None and account.pk is not None:
        others = others.exclude(pk=account.pk)
    if others.exists():
        raise ValidationError(
            _("Cette adresse électronique est déjà utilisée par un autre compte."),
            code="duplicate_email",
        )
    return email


def set_password(user, raw_password, *, provisional):
    """Set a password (not saved). `provisional` when someone other than the
    owner chose it: the owner must choose their own at next login
    (`users.middleware.PasswordChangeRequired`)."""
    user.set_password(raw_password)
    user.must_change_password = provisional


def log_account_changes(before, after, by):
    """Record blocking, unblocking and référent changes in the audit log."""
    if before.is_active != after.is_active:
        action = (
            "monbilan.account.unblock" if after.is_active else "monbilan.account.block"
        )
        log(instance=after, action=action, user=by)
    if before.is_referent != after.is_referent:
        action = (
            "monbilan.account.referent_on"
            if after.is_referent
            else "monbilan.account.referent_off"
        )
        log(instance=after, action=action, user=by)
    if before.dabm_id != after.dabm_id:
        log(
            instance=after,
            action="monbilan.account.dabm",
            user=by,
            data={"from": str(before.dabm or ""), "to": str(after.dabm or "")},
        )
