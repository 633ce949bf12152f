"""Base for the site's forms: DSFR markup through django-dsfr, layout by crispy.

It lives in the project package, as sites-faciles' `config/forms/baseform.py`
does, so that every app imports it from here and no app imports another's
forms. Like the rest of `monbilan`, it imports no app.
"""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

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


def check_new_password(
    form, user, *, first, second, provisional=False, missing_message=None
):
    """Check a new password typed twice; add the errors to `form`, French wording.

    `user` carries what the similarity validator compares against (it may be an
    unsaved account). A `provisional` password is chosen by someone else for the
    owner to replace at first login (by one that meets every validator): the
    tutorial has administrators paste the identifiant as one, so the identifiant
    itself is accepted, and another provisional password may resemble it.
    Returns the password when it is acceptable, else None.
    """
    password1 = form.cleaned_data.get(first)
    password2 = form.cleaned_data.get(second)
    if not password1:
        form.add_error(first, missing_message or _("Saisissez un mot de passe."))
        return None
    if password1 != password2:
        form.add_error(second, _("Les deux mots de passe ne correspondent pas."))
        return None
    validators = None  # AUTH_PASSWORD_VALIDATORS
    if provisional:
        if password1 == user.username:
            return password1
        validators = [
            validator
            for validator in password_validation.get_default_password_validators()
            if not isinstance(
                validator, password_validation.UserAttributeSimilarityValidator
            )
        ]
    try:
        password_validation.validate_password(password1, user, validators)
    except forms.ValidationError as error:
        form.add_error(first, error)
        return None
    return password1
