"""Background work of the users app: e-mails leave through the task queue."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from django_tasks import task


@task()
def send_email(subject, body, to, html_body=None):
    """Send one e-mail; enqueued so that a slow mail server never slows a page."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
