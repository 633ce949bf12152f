"""E-mails about accounts. They carry links, never the content of a bilan."""

from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .site_url import absolute_url
from .tasks import send_email


def enqueue_email(subject_template, body_template, context, to):
    subject = "".join(render_to_string(subject_template, context).splitlines())
    body = render_to_string(body_template, context)
    send_email.enqueue(subject=subject, body=body, to=[to])


def set_password_url(request, user):
    """An absolute, one-time link to choose a password (the reset mechanism).

    `request` may be None (a command): the link then uses SITE_URL."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse(
        "users:password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )
    return absolute_url(path, request)


def send_account_created_email(request, user, created_by):
    """Tell a new user their account exists, with a link to choose their password."""
    enqueue_email(
        "users/emails/account_created_subject.txt",
        "users/emails/account_created_body.txt",
        {
            "user": user,
            "created_by": created_by,
            "set_password_url": set_password_url(request, user),
            "login_url": absolute_url(reverse("users:login"), request),
        },
        user.email,
    )


def send_invitation_resent_email(request, user, sent_by):
    """A new link to choose a password, for an account that never logged in;
    the links sent before no longer work (`accounts.resend_invitation`)."""
    enqueue_email(
        "users/emails/invitation_resent_subject.txt",
        "users/emails/invitation_resent_body.txt",
        {
            "user": user,
            "sent_by": sent_by,
            "set_password_url": set_password_url(request, user),
            "login_url": absolute_url(reverse("users:login"), request),
        },
        user.email,
    )
