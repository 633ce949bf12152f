"""Background work of the users app: e-mails leave through the task queue."""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from django_tasks import task


@task()
def send_email(subject, body, to, html_body=None, attachments=()):
    """Send one e-mail; enqueued so that a slow mail server never slows a page.

    `attachments`: text files as [filename, text, "type/subtype; param=value"]
    (the .ics of a rendez-vous is "text/calendar; method=REQUEST").
    """
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, text, content_type in attachments:
        subtype, *params = content_type.split("/", 1)[1].split(";")
        part = MIMEText(text, subtype.strip(), "utf-8")
        for param in params:
            key, _sep, value = param.strip().partition("=")
            part.set_param(key, value)
        part.add_header("Content-Disposition", "attachment", filename=filename)
        message.attach(part)
    message.send()
