"""The peer of a phase page: Wagtail's own form page (wagtail.contrib.forms)."""

from django.db import models

from wagtail.admin.panels import InlinePanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField

from modelcluster.fields import ParentalKey


class PeerFormField(AbstractFormField):
    page = ParentalKey(
        "PeerFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class PeerFormPage(AbstractEmailForm):
    """A form page; with no `to_address`, a submission sends no e-mail."""

    content_panels = [*AbstractEmailForm.content_panels, InlinePanel("form_fields")]
    landing_page_template = "peer/landing.html"
    template = "peer/form_page.html"
