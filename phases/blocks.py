"""Blocks of a phase page: the shared content blocks plus the form field blocks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import content_blocks


class FormFieldBlock(blocks.StructBlock):
    """Base of every question: a label, a help text and "required"."""

    label = blocks.CharBlock(label=_("Question"), max_length=500)
    help_text = blocks.CharBlock(label=_("Aide"), required=False, max_length=500)
    required = blocks.BooleanBlock(label=_("Réponse obligatoire"), required=False)

    def field_kwargs(self, value):
        return {
            "label": value["label"],
            "help_text": value["help_text"],
            "required": value["required"],
        }

    def get_form_field(self, value):
        raise NotImplementedError


class ShortTextBlock(FormFieldBlock):
    """A one-line answer."""

    def get_form_field(self, value):
        return forms.CharField(max_length=500, **self.field_kwargs(value))

    class Meta:
        icon = "form"
        template = "blocks/field_block.html"
        label = _("Réponse courte")
        description = _("Une réponse sur une ligne.")


class LongTextBlock(FormFieldBlock):
    """A free answer over several paragraphs."""

    def get_form_field(self, value):
        return forms.CharField(
            max_length=20000, widget=forms.Textarea, **self.field_kwargs(value)
        )

    class Meta:
        icon = "pilcrow"
        template = "blocks/field_block.html"
        label = _("Réponse longue")
        description = _("Une réponse libre sur plusieurs paragraphes.")


def field_blocks():
    return [
        ("short_text", ShortTextBlock()),
        ("long_text", LongTextBlock()),
    ]


def phase_body_blocks():
    return [*content_blocks(), *field_blocks()]
