"""Base for the site's forms: DSFR markup through django-dsfr, layout by crispy."""

from django import forms

from crispy_forms.helper import FormHelper
from dsfr.forms import DsfrBoundField
from dsfr.utils import dsfr_input_class_attr


class DsfrFormMixin:
    """Give any Django form django-dsfr's field rendering and a crispy helper.

    django-dsfr's own `DsfrBaseForm` is a plain Form; this mixin brings the same
    bound field to ModelForms and to Django's auth forms.
    """

    bound_field_class = DsfrBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.setup_fields()
        # Bound fields are created (and cached) here: labels and widgets must be
        # final before, hence setup_fields().
        for visible in self.visible_fields():
            dsfr_input_class_attr(visible)

    def setup_fields(self):
        """Adjust fields (labels, required…) before they are bound; override."""

    def get_context(self):
        context = super().get_context()
        context.setdefault("DSFR_MARK_OPTIONAL_FIELDS", True)
        return context


class DsfrForm(DsfrFormMixin, forms.Form):
    pass
