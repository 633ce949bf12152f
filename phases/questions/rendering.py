"""The question form's renderer: the same DSFR markup as the templates, written faster.

A phase page shows up to forty questions, and each went through three or four
templates (django-dsfr's field group, Django's widget, its `attrs.html`, one
`select_option.html` per option): two thirds of the page's CPU (issue 16).
`QuestionRenderer` is a Django form renderer (`Form.default_renderer`,
https://docs.djangoproject.com/en/5.2/ref/forms/renderers/) that writes the
commonest of those templates in Python, from the very context Django gives the
template (`BoundField.get_context()`, `Widget.get_context()`), and hands every
other template, and any context it does not expect, to the templates as before.

The templates stay the reference: `tests/phases/test_question_rendering.py`
renders every question type, in every state (empty, answered, with errors,
required or optional, with or without help text), once through this renderer and
once through the templates, and requires the same bytes. A change to one of those
templates must be made here too, or that test fails.
"""

import html

from django.forms.renderers import TemplatesSetting
from django.utils.functional import Promise
from django.utils.safestring import SafeData

from dsfr.templatetags.dsfr_tags import dsfr_mark_optionnal_fields
from dsfr.utils import dsfr_input_class_attr

CHOICES_TEMPLATE = "phases/questions/fields/choices.html"


def _text(value):
    """`{{ value }}`: shown as text, escaped unless already safe HTML.

    `conditional_escape()` step by step, without its lazy-string wrapper (a
    tenth of the fields' time, called some fifty times a question).
    """
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def _string(value):
    """`{{ value|stringformat:'s' }}` (the filter keeps safe HTML safe)."""
    return str(value) if isinstance(value, SafeData) else _text(str(value))


def _attrs(attrs):
    """The project's `django/forms/widgets/attrs.html` (never the "dsfr" marker)."""
    parts = []
    for name, value in attrs.items():
        if value is False or name == "dsfr":
            continue
        parts.append(" " + _text(name))
        if value is not True:
            parts.append(f'="{_string(value)}"')
    return "".join(parts)


def _input(widget):
    """`django/forms/widgets/input.html` (text, number, date… all include it)."""
    value = widget["value"]
    shown = f' value="{_string(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>\n"
    )


def _included_input(widget):
    """text.html, number.html…: `{% include "…/input.html" %}` and a new line."""
    return _input(widget) + "\n"


def _textarea(widget):
    value = widget["value"]
    return (
        f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_text(value) if value else ''}</textarea>\n"
    )


def _select(widget):
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            return None  # option groups: left to the template
        for option in group_choices:
            if option["template_name"] != "django/forms/widgets/select_option.html":
                return None
            parts.append(
                f'\n  <option value="{_string(option["value"])}"'
                f"{_attrs(option['attrs'])}>{_text(option['label'])}</option>\n"
            )
    parts.append("\n</select>\n")
    return "".join(parts)


def _input_group(field):
    """django-dsfr's `dsfr/form_field_snippets/input_snippet.html`."""
    widget = field.field.widget
    group_class = getattr(widget, "group_class", "") or "fr-input-group"
    errors = field.errors
    label_id = _text(field.id_for_label)
    parts = [
        f'\n\n<div class="{group_class}',
        f" {group_class}--error" if errors else "",
        " fr-input-group--disabled" if field.field.disabled else "",
        f'">\n  <label for="{label_id}" class="fr-label">\n    \n    ',
        _text(field.label),
        _text(dsfr_mark_optionnal_fields(field)),
        "\n    ",
    ]
    if field.help_text:
        parts.append(
            f'\n      <span class="fr-hint-text" id="{label_id}_helptext">'
            f"{field.help_text}</span>\n    "
        )
    parts.append("\n    \n  </label>\n  ")
    parts.append(_text(dsfr_input_class_attr(field)))
    parts.append("\n  ")
    if errors:
        parts.append(
            f'\n    <div id="{_text(field.auto_id)}-desc-error">\n      '
            f"{_text(errors)}\n    </div>\n  "
        )
    parts.append("\n</div>\n")
    return "".join(parts)


def _choices_group(field):
    """`phases/questions/fields/choices.html`: radios or checkboxes in a fieldset."""
    auto_id = _text(field.auto_id)
    errors = field.errors
    help_text = field.help_text
    disabled = " disabled" if field.field.disabled else ""
    described = f' aria-describedby="{auto_id}_helptext"' if help_text else ""
    inline = (
        " fr-fieldset__element--inline"
        if getattr(field.field.widget, "inline", False)
        else ""
    )
    parts = [
        '<fieldset class="fr-fieldset',
        " fr-fieldset--error" if errors else "",
        f'" id="fieldset-{auto_id}" aria-labelledby="{auto_id}-legend',
        f" {auto_id}-desc-error" if errors else "",
        '">\n  <legend class="fr-fieldset__legend fr-fieldset__legend--regular" ',
        f'id="{auto_id}-legend">\n    ',
        _text(field.label),
        _text(dsfr_mark_optionnal_fields(field)),
        "\n    ",
    ]
    if help_text:
        parts.append(
            f'<span class="fr-hint-text" id="{auto_id}_helptext">'
            f"{_text(help_text)}</span>"
        )
    parts.append("\n  </legend>\n  ")
    for option in field.subwidgets:
        data = option.data
        kind = _text(data["type"])
        group = "fr-checkbox-group" if data["type"] == "checkbox" else "fr-radio-group"
        option_id = _text(option.id_for_label)
        parts.append(
            f'\n    <div class="fr-fieldset__element{inline}">\n'
            f'      <div class="{group}">\n'
            f'        <input type="{kind}" id="{option_id}" '
            f'name="{_text(data["name"])}" value="{_text(data["value"])}"'
            f"{' checked' if data['selected'] else ''}{disabled}{described}>\n"
            f'        <label class="fr-label" for="{option_id}">'
            f"{_text(option.choice_label)}</label>\n"
            "      </div>\n    </div>\n  "
        )
    parts.append("\n  ")
    if errors:
        parts.append(
            '\n    <div class="fr-messages-group" '
            f'id="{auto_id}-desc-error" aria-live="polite">\n      '
        )
        parts.extend(
            f'<p class="fr-message fr-message--error">{_text(error)}</p>'
            for error in errors
        )
        parts.append("\n    </div>\n  ")
    parts.append("\n</fieldset>\n")
    return "".join(parts)


WIDGETS = {
    "django/forms/widgets/text.html": _included_input,
    "django/forms/widgets/number.html": _included_input,
    "django/forms/widgets/date.html": _included_input,
    "django/forms/widgets/email.html": _included_input,
    "django/forms/widgets/url.html": _included_input,
    "django/forms/widgets/input.html": _input,
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select,
}
FIELD_GROUPS = {
    "dsfr/form_field_snippets/input_snippet.html": _input_group,
    CHOICES_TEMPLATE: _choices_group,
}


class QuestionRenderer(TemplatesSetting):
    """The project's templates (TemplatesSetting), a few of them written in Python."""

    def render(self, template_name, context, request=None):
        html = None
        if request is None and len(context) == 1:
            if template_name in WIDGETS and "widget" in context:
                html = WIDGETS[template_name](context["widget"])
            elif template_name in FIELD_GROUPS and "field" in context:
                html = FIELD_GROUPS[template_name](context["field"])
        if html is None:
            return super().render(template_name, context, request)
        return html.strip()  # as Django's renderers do
