"""The forms of the end of a bilan, on the project's DSFR base."""

from django import forms
from django.utils.translation import gettext_lazy as _

from monbilan.forms import DsfrFormMixin

from .closing import KEEP_CHOICES


class KeepDocumentsForm(DsfrFormMixin, forms.Form):
    """ "Conserver mes documents pour l'entretien de suivi": one duration, or not."""

    days = forms.TypedChoiceField(
        coerce=int, choices=KEEP_CHOICES, widget=forms.RadioSelect
    )

    def setup_fields(self):
        field = self.fields["days"]
        field.label = _("Conserver mes documents pour l'entretien de suivi")
        field.help_text = _(
            "Vos réponses, vos fichiers, vos messages et votre document de synthèse "
            "sont gardés pour l'entretien de suivi pendant la durée choisie, puis "
            "détruits. Sans réponse, ils sont détruits à la date prévue."
        )
        field.error_messages["required"] = _(
            "Choisissez une durée de conservation, ou « Ne pas conserver »."
        )
