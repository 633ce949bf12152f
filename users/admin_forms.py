"""Account forms of the Wagtail admin ("Ajouter un conseiller" and its edit form)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from .forms_base import check_new_password
from .models import Dabm, User

STATUS_CHOICES = [("blocked", _("Bloqué")), ("active", _("Actif"))]
REFERENT_NOTE = _(
    "Merci de prendre contact avec votre référent monbilanenligne "
    "pour valider ce choix."
)


class ConseillerForm(WagtailAdminModelForm):
    """Fields shared by the creation and edit forms of a conseiller."""

    statut = forms.ChoiceField(
        label=_("Statut"),
        choices=STATUS_CHOICES,
        initial="active",
        widget=forms.RadioSelect,
        help_text=_("Un compte bloqué ne peut plus se connecter au site."),
    )

    class Meta:
        model = User
        fields = ["username", "email", "is_referent", "first_name", "last_name", "dabm"]
        labels = {
            "username": pgettext_lazy("account", "Identifiant de connexion"),
            "email": _("Courriel"),
            "is_referent": _("Conseiller référent"),
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "dabm": _("DABM"),
        }
        help_texts = {
            "username": _(
                "Lettres, chiffres et les caractères @ . + - _ uniquement, "
                "par exemple prenom.nom."
            ),
            "is_referent": REFERENT_NOTE,
        }

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # Model validation (référent ⇒ conseiller) must see the role being created.
        self.instance.role = User.Role.CONSEILLER
        self.fields["email"].required = True
        self.fields["dabm"].required = True
        self.fields["dabm"].empty_label = _("Choisir le DABM du conseiller")
        # Only the DABMs of the administrator's académie can be chosen.
        self.fields["dabm"].queryset = (
            Dabm.objects.visible_to(for_user).select_related("academie")
            if for_user is not None
            else Dabm.objects.none()
        )
        if self.instance.pk:
            self.initial["statut"] = "active" if self.instance.is_active else "blocked"

    def clean_email(self):
        email = self.cleaned_data["email"]
        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Cette adresse électronique est déjà utilisée par un autre compte.")
            )
        return email

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
        return check_new_password(
            self, candidate, first="password1", second="password2"
        )


class ConseillerCreationForm(ConseillerForm):
    notify = forms.BooleanField(
        label=_("Notifier l'utilisateur de la création de son nouveau compte"),
        required=False,
        initial=True,
        help_text=_(
            "Le conseiller reçoit un courriel avec un lien pour choisir directement "
            "son mot de passe."
        ),
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Le conseiller le changera après sa première connexion."),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "notify",
        "username",
        "email",
        "password1",
        "password2",
        "statut",
        "is_referent",
        "first_name",
        "last_name",
        "dabm",
    ]

    def clean(self):
        cleaned = super().clean()
        self.clean_password_pair(required=True)
        return cleaned


class ConseillerEditForm(ConseillerForm):
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

    def clean(self):
        cleaned = super().clean()
        self.clean_password_pair(required=False)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_active = self.cleaned_data["statut"] == "active"
        if self.cleaned_data.get("password1"):
            user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user
