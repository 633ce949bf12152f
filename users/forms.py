from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from crispy_forms.layout import Fieldset, Layout

from monbilan.forms import DsfrFormMixin, check_new_password

from .accounts import check_email_free, set_password
from .emails import enqueue_email
from .models import User


class LoginForm(DsfrFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Nom d'utilisateur ou mot de passe incorrect. Vérifiez votre saisie : "
            "les majuscules et minuscules sont distinguées."
        ),
        "inactive": _(
            "Ce compte est bloqué. Contactez votre conseiller ou l'administrateur "
            "de votre académie."
        ),
    }

    def setup_fields(self):
        # A context of our own: other apps' catalogues would otherwise rewrite
        # these contract strings (e.g. with a typographic apostrophe).
        self.fields["username"].label = pgettext_lazy("login", "Nom d'utilisateur")
        self.fields["password"].label = pgettext_lazy("login", "Mot de passe")

    def get_invalid_login_error(self):
        # ModelBackend refuses blocked users without saying why; tell them, but
        # only once they have proved they know the password.
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        blocked = User.objects.filter(username=username, is_active=False).first()
        if blocked is not None and blocked.check_password(password):
            return forms.ValidationError(
                self.error_messages["inactive"], code="inactive"
            )
        return super().get_invalid_login_error()


class PasswordResetForm(DsfrFormMixin, auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        help_text=_("Format attendu : nom@domaine.fr"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def get_users(self, email):
        """Active accounts with this address, including those never logged in.

        Django skips accounts whose password is unusable; here that is an account
        created without a password, waiting for its owner to set one through the
        e-mailed link. If that link expired or got lost, this form is the way in.
        """
        return (
            user
            for user in User.objects.filter(email__iexact=email, is_active=True)
            if user.email.casefold() == email.casefold()
        )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Through the task queue, like every e-mail of the site.
        enqueue_email(subject_template_name, email_template_name, context, to_email)


class SetPasswordForm(DsfrFormMixin, auth_forms.SetPasswordForm):
    def setup_fields(self):
        self.fields["new_password1"].label = _("Nouveau mot de passe")
        self.fields["new_password2"].label = _("Confirmation du nouveau mot de passe")

    def save(self, commit=True):
        # Chosen by the account's owner: no longer a provisional password.
        set_password(self.user, self.cleaned_data["new_password1"], provisional=False)
        if commit:
            self.user.save()
        return self.user


class PrivateClearableFileInput(forms.ClearableFileInput):
    """A file input for private files: it never links to the file (no URL).

    Drawn as DSFR's upload component (`fr-upload-group`, `fr-upload`): django-dsfr
    wraps the field in `group_class`.
    """

    template_name = "widgets/private_clearable_file_input.html"
    group_class = "fr-upload-group"

    def __init__(self, attrs=None):
        super().__init__({"class": "fr-upload", **(attrs or {})})

    def is_initial(self, value):
        # Django asks the file for its URL here; a private file has none.
        return bool(value and getattr(value, "name", None))


class SometimesRequiredPasswordInput(forms.PasswordInput):
    """No `required` attribute: the form says when the field is needed."""

    def use_required_attribute(self, initial):
        return False


class CurrentPasswordField(forms.CharField):
    """The current password: required to change the e-mail or the password only.

    Declared required, so that it is not labelled « (Optionnel) », but it
    accepts an empty value: `MyAccountForm.clean` asks for it when it is needed.
    """

    def validate(self, value):
        """Skip the "required" check (the only one of CharField's)."""


class MyAccountForm(DsfrFormMixin, forms.ModelForm):
    """Mon compte: identity, avatar and, optionally, a new password."""

    current_password = CurrentPasswordField(
        label=_("Mot de passe actuel"),
        strip=False,
        widget=SometimesRequiredPasswordInput(
            attrs={"autocomplete": "current-password"}
        ),
        help_text=_(
            "Obligatoire pour changer votre adresse de courriel ou votre mot de passe."
        ),
    )
    new_password1 = forms.CharField(
        label=_("Nouveau mot de passe"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label=_("Confirmation du nouveau mot de passe"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "avatar"]
        labels = {
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "email": _("Adresse électronique"),
            "avatar": _("Image ou avatar"),
        }
        help_texts = {
            "email": _("Format attendu : nom@domaine.fr"),
            "avatar": _("Formats acceptés : JPEG, PNG ou WebP, 2 Mo au maximum."),
        }
        widgets = {
            "avatar": PrivateClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp"}
            )
        }

    def setup_fields(self):
        self.fields["email"].required = True
        # What is stored now: a form that fails shows it, not the lost upload.
        self.stored_avatar = self.instance.avatar.name or ""
        self.helper.layout = Layout(
            Fieldset(_("Mes informations"), "first_name", "last_name", "email"),
            Fieldset(_("Mon image"), "avatar"),
            Fieldset(
                _("Changer mon mot de passe (laissez vide pour garder l'actuel)"),
                "new_password1",
                "new_password2",
                css_id="mot-de-passe",
            ),
            Fieldset(
                _("Confirmer avec votre mot de passe actuel"),
                "current_password",
                css_id="mot-de-passe-actuel",
            ),
        )

    def full_clean(self):
        super().full_clean()
        name = self.add_prefix("avatar")
        if not (self.is_bound and self._errors and name in self.files):
            return
        # A browser never refills a file input, so the image chosen is gone: the
        # page shows the stored one (not a link to an upload never saved) and
        # asks for the new one again.
        self.files = self.files.copy()
        del self.files[name]
        self.instance.avatar = self.stored_avatar or None
        if "avatar" not in self._errors:
            self.add_error(
                "avatar",
                _(
                    "L'image choisie n'a pas été enregistrée, car le formulaire "
                    "contient des erreurs : choisissez-la de nouveau."
                ),
            )

    def clean_email(self):
        return check_email_free(self.cleaned_data["email"], account=self.instance)

    @property
    def wants_password_change(self):
        return any(
            self.cleaned_data.get(name) for name in ("new_password1", "new_password2")
        )

    @property
    def changes_email(self):
        return "email" in self.changed_data

    def clean(self):
        cleaned = super().clean()
        password_change = self.wants_password_change
        # The e-mail receives the reset links: a stolen session must not redirect
        # them, so changing it asks for the password too.
        if not (password_change or self.changes_email):
            return cleaned
        current = cleaned.get("current_password")
        if not current:
            self.add_error(
                "current_password",
                _(
                    "Saisissez votre mot de passe actuel pour changer d'adresse "
                    "électronique ou de mot de passe."
                ),
            )
        elif not self.instance.check_password(current):
            self.add_error(
                "current_password", _("Votre mot de passe actuel est incorrect.")
            )
        if not password_change:
            return cleaned
        check_new_password(
            self, self.instance, first="new_password1", second="new_password2"
        )
        new = cleaned.get("new_password1")
        if self.instance.must_change_password and new and new == current:
            self.add_error(
                "new_password1",
                _(
                    "Choisissez un mot de passe différent du mot de passe "
                    "provisoire qui vous a été donné."
                ),
            )
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.wants_password_change:
            set_password(user, self.cleaned_data["new_password1"], provisional=False)
        if commit:
            user.save()
        return user
