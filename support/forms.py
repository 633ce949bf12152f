"""The « Signaler un problème » form: DSFR, French errors, what was typed kept."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from monbilan.forms import DsfrForm
from users.models import Academie

from .models import PAGE_URL_MAX_LENGTH

ERROR_MESSAGE_MAX_LENGTH = 2000
STEPS_MAX_LENGTH = 5000
REFERENCE_MAX_LENGTH = 100

_http_url = URLValidator(schemes=["http", "https"])


def is_site_path(value):
    """A path on this site: "/…", not "//host…" (which a browser reads as
    another site), without spaces or control characters."""
    return (
        value.startswith("/")
        and not value.startswith("//")
        and "\\" not in value
        and not any(char.isspace() or ord(char) < 32 for char in value)
    )


def is_page_address(value):
    if is_site_path(value):
        return True
    try:
        _http_url(value)
    except ValidationError:
        return False
    return True


class ProblemReportForm(DsfrForm):
    page_url = forms.CharField(
        label=_("Adresse de la page"),
        max_length=PAGE_URL_MAX_LENGTH,
        help_text=_(
            "L'adresse de la page où le problème est survenu, par exemple "
            "/tableau-de-bord/ ou https://…"
        ),
        error_messages={
            "required": _("Indiquez l'adresse de la page où le problème est survenu."),
            "max_length": _(
                "L'adresse de la page est trop longue : %(limit_value)d caractères "
                "au plus (elle en a %(show_value)d)."
            ),
        },
    )
    error_message = forms.CharField(
        label=_("Message d'erreur affiché"),
        required=False,
        max_length=ERROR_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recopiez le message que la page affichait, s'il y en avait un."),
        error_messages={
            "max_length": _(
                "Le message d'erreur est trop long : %(limit_value)d caractères au "
                "plus (il en a %(show_value)d)."
            ),
        },
    )
    steps = forms.CharField(
        label=_("Ce que vous faisiez"),
        max_length=STEPS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Décrivez, étape par étape, ce que vous avez fait jusqu'au problème. "
            "N'y recopiez pas vos réponses : elles ne sont pas nécessaires."
        ),
        error_messages={
            "required": _(
                "Décrivez ce que vous faisiez quand le problème est survenu : "
                "c'est ce qui permet de le reproduire."
            ),
            "max_length": _(
                "La description est trop longue : %(limit_value)d caractères au "
                "plus (elle en a %(show_value)d)."
            ),
        },
    )
    reference = forms.CharField(
        label=_("Référence de l'erreur"),
        required=False,
        max_length=REFERENCE_MAX_LENGTH,
        help_text=_(
            "Affichée sur la page d'erreur, après « Référence de l'erreur : »."
        ),
        error_messages={
            "max_length": _(
                "La référence est trop longue : %(limit_value)d caractères au plus "
                "(elle en a %(show_value)d)."
            ),
        },
    )
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_(
            "Le support vous répondra à cette adresse. Format : nom@exemple.fr"
        ),
        error_messages={
            "required": _(
                "Indiquez votre adresse électronique, pour que le support puisse "
                "vous répondre."
            ),
            "invalid": _(
                "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."
            ),
        },
    )
    academie = forms.ModelChoiceField(
        label=_("Votre académie"),
        queryset=Academie.objects.all(),
        empty_label=_("Choisissez votre académie"),
        error_messages={
            "required": _("Choisissez votre académie : son support vous répondra."),
            "invalid_choice": _("Choisissez une académie de la liste."),
        },
    )

    def __init__(self, *args, user, academie=None, **kwargs):
        self.user = user
        self.known_academie = academie
        super().__init__(*args, **kwargs)

    def setup_fields(self):
        # A logged-in user is known: the support answers at their account's
        # address, to their académie (a superuser, who has none, chooses one).
        if self.user.is_authenticated:
            del self.fields["email"]
        if self.known_academie is not None:
            del self.fields["academie"]

    def clean_page_url(self):
        value = self.cleaned_data["page_url"].strip()
        if not is_page_address(value):
            raise ValidationError(
                _(
                    "Saisissez l'adresse de la page : un chemin de ce site, qui "
                    "commence par « / », ou une adresse qui commence par "
                    "http:// ou https://."
                )
            )
        return value

    def report_academie(self):
        return self.known_academie or self.cleaned_data["academie"]

    def reporter_email(self):
        if self.user.is_authenticated:
            return self.user.email
        return self.cleaned_data["email"]
