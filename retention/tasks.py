"""Background work of the retention app."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from django_tasks import task

from users.emails import enqueue_email
from users.site_url import absolute_url

from .personal_data import ARCHIVE_LIFETIME, make_token, store_archive


@task()
def build_personal_data_archive(user_id):
    """« Télécharger mes données » for a large archive: build it into the
    private storage and e-mail its owner a link that opens it for them only."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    name = store_archive(user)
    if not user.email:
        return
    token = make_token(user, name)
    enqueue_email(
        "retention/emails/personal_data_ready_subject.txt",
        "retention/emails/personal_data_ready_body.txt",
        {
            "recipient_name": user.get_full_name() or user.username,
            "url": absolute_url(
                reverse("retention:personal_data_download", kwargs={"token": token})
            ),
            "days": ARCHIVE_LIFETIME.days,
        },
        user.email,
    )
