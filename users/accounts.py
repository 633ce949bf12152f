"""Creating and changing accounts: one function per rule, used by every view."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .emails import send_account_created_email, send_invitation_resent_email
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


class InvitationRefused(Exception):
    """The invitation cannot be sent again; the message says why, in French."""


def invitable_accounts(user):
    """The accounts whose invitation `user` may send again, logged in or not.

    What each role manages, within `User.objects.visible_to`: a superuser every
    account but superusers, an académie administrator the conseillers and
    candidates of their académie, a conseiller their own candidates. Anything
    else is a 404 in the views.
    """
    if not user.is_authenticated or not user.is_active:
        return User.objects.none()
    accounts = User.objects.visible_to(user).exclude(pk=user.pk)
    if user.is_superuser:
        return accounts.filter(is_superuser=False)
    if user.is_administrateur:
        return accounts.filter(role__in=[User.Role.CONSEILLER, User.Role.CANDIDAT])
    if user.is_conseiller:
        return accounts.candidats()
    return User.objects.none()


def invitation_refusal(account):
    """Why the invitation of `account` cannot be sent again, or None."""
    if account.last_login is not None:
        return _(
            "Ce compte s'est déjà connecté : son titulaire utilise « Réinitialiser "
            "votre mot de passe » s'il l'a oublié."
        )
    if not account.is_active:
        return _("Ce compte est bloqué : débloquez-le avant de renvoyer l'invitation.")
    if not account.email:
        return _(
            "Ce compte n'a pas d'adresse électronique : ajoutez-en une avant de "
            "renvoyer l'invitation."
        )
    return None


@transaction.atomic
def resend_invitation(account, *, by, request=None):
    """E-mail a new one-time link to choose a password to an account that never
    logged in; every link sent before stops working. Returns whether a
    provisional password was withdrawn.

    Django's reset tokens hash the stored password and the last login: giving
    the account a new unusable password (a fresh random value) kills every
    earlier token. A provisional password chosen by the account's creator goes
    too, on purpose: whoever asks for the invitation again thinks the first one
    was lost, and a password written down somewhere is what a lost invitation
    may have exposed. The screens say so before and after.
    """
    account = User.objects.select_for_update().get(pk=account.pk)
    refusal = invitation_refusal(account)
    if refusal:
        raise InvitationRefused(refusal)
    had_password = account.has_usable_password()
    account.set_unusable_password()
    account.must_change_password = False
    account.save(update_fields=["password", "must_change_password"])
    log(
        instance=account,
        action="monbilan.account.invitation_resent",
        user=by,
        data={"provisional_password_withdrawn": had_password},
    )
    # Sent once the transaction commits: the link's token is made from the
    # password saved above.
    transaction.on_commit(lambda: send_invitation_resent_email(request, account, by))
    return had_password
