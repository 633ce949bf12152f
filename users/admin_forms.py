"""Account forms of the Wagtail admin: conseillers (académie administrators) and
académie administrators (superusers), each a creation and an edit form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from monbilan.forms import check_new_password

from .accounts import check_email_free, set_password
from .models import Dabm, User

STATUS_CHOICES = [("blocked", _("Bloqué")), ("active", _("Actif"))]
ACCOUNT_LABELS = {
    "username": pgettext_lazy("account", "Identifiant de connexion"),
    "email": _("Courriel"),
    "first_name": _("Prénom"),
    "last_name": _("Nom"),
}
USERNAME_HELP = _(
    "Lettres, chiffres et les caractères @ . + - _ uniquement, par exemple prenom.nom."
)
REFERENT_NOTE = _(
    "Merci de prendre contact avec votre référent monbilanenligne "
    "pour valider ce choix."
)


class StatusFields(forms.Form):
    """ "Statut" (Bloqué / Actif): a blocked account cannot log in."""

    statut = forms.ChoiceField(
        label=_("Statut"),
        choices=STATUS_CHOICES,
        initial="active",
        widget=forms.RadioSelect,
        help_text=_("Un compte bloqué ne peut plus se connecter au site."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["statut"] = "active" if self.instance.is_active else "blocked"

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_active = self.cleaned_data["statut"] == "active"
        if commit:
            user.save()
        return user


class AdminAccountForm(StatusFields, WagtailAdminModelForm):
    """Fields and checks shared by the admin's account forms (one role each)."""

    role = None  # set by each subclass: the role of the accounts it makes

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # Model validation (e.g. référent ⇒ conseiller) must see the role.
        self.instance.role = self.role
        self.fields["email"].required = True

    def clean_email(self):
        return check_email_free(self.cleaned_data["email"], account=self.instance)

    def clean_password_pair(self, required):
        if not required and not (
            self.cleaned_data.get("password1") or self.cleaned_data.get("password2")
        ):
            return None
        candidate = User(
            username=self.cleaned_data.get("username", ""),
            email=self.cleaned_data.get("email", ""),
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )
        # Chosen by the administrator for the owner: provisional (see save()).
        return check_new_password(
            self, candidate, first="password1", second="password2", provisional=True
        )


#: The creation forms open as the tutorial lists them, then the role's own fields.
NEW_ACCOUNT_FIELDS = ["notify", "username", "email", "password1", "password2", "statut"]


class NewAccountFields(forms.Form):
    """ "Notifier…" and the first password, for the creation forms."""

    #: Who will change the first password (help text of "Mot de passe").
    owner = _("Le titulaire du compte")

    notify = forms.BooleanField(
        label=_("Notifier l'utilisateur de la création de son nouveau compte"),
        required=False,
        initial=True,
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notify"].help_text = _(
            "%(owner)s reçoit un courriel avec un lien pour choisir directement "
            "son mot de passe."
        ) % {"owner": self.owner}
        self.fields["password1"].help_text = _(
            "%(owner)s le changera après sa première connexion."
        ) % {"owner": self.owner}

    def clean(self):
        cleaned = super().clean()
        self.clean_password_pair(required=True)
        return cleaned


class ChangePasswordFields(forms.Form):
    """An optional new password, and the status, for the edit forms."""

    password1 = forms.CharField(
        label=_("Nouveau mot de passe"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Laissez vide pour ne pas changer le mot de passe."),
    )
    password2 = forms.CharField(
        label=_("Confirmation du nouveau mot de passe"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        self.clean_password_pair(required=False)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("password1"):
            set_password(user, self.cleaned_data["password1"], provisional=True)
        if commit:
            user.save()
        return user


# --- Conseillers (académie administrators) -----------------------------------


class ConseillerForm(AdminAccountForm):
    role = User.Role.CONSEILLER

    class Meta:
        model = User
        fields = ["username", "email", "is_referent", "first_name", "last_name", "dabm"]
        labels = {
            **ACCOUNT_LABELS,
            "is_referent": _("Conseiller référent"),
            "dabm": _("DABM"),
        }
        help_texts = {
            "username": USERNAME_HELP,
            "is_referent": REFERENT_NOTE,
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["dabm"].required = True
        self.fields["dabm"].empty_label = _("Choisir le DABM du conseiller")
        # Only the DABMs of the administrator's académie can be chosen.
        self.fields["dabm"].queryset = (
            Dabm.objects.visible_to(for_user).select_related("academie")
            if for_user is not None
            else Dabm.objects.none()
        )


class ConseillerCreationForm(NewAccountFields, ConseillerForm):
    owner = _("Le conseiller")
    field_order = [
        *NEW_ACCOUNT_FIELDS,
        "is_referent",
        "first_name",
        "last_name",
        "dabm",
    ]


class ConseillerEditForm(ChangePasswordFields, ConseillerForm):
    field_order = [
        "username",
        "email",
        "statut",
        "is_referent",
        "first_name",
        "last_name",
        "password1",
        "password2",
        "dabm",
    ]


# --- Académie administrators (superusers) -------------------------------------


class AdministrateurForm(AdminAccountForm):
    role = User.Role.ADMINISTRATEUR

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name", "academie"]
        labels = {**ACCOUNT_LABELS, "academie": _("Académie")}
        help_texts = {"username": USERNAME_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["academie"].required = True
        self.fields["academie"].empty_label = _("Choisir l'académie administrée")


class AdministrateurCreationForm(NewAccountFields, AdministrateurForm):
    owner = _("L'administrateur")
    field_order = [*NEW_ACCOUNT_FIELDS, "first_name", "last_name", "academie"]


class AdministrateurEditForm(ChangePasswordFields, AdministrateurForm):
    field_order = [
        "username",
        "email",
        "statut",
        "first_name",
        "last_name",
        "password1",
        "password2",
        "academie",
    ]
