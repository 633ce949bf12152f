"""The synthèse's forms: the conseiller's three sections, the candidate's
observations. Plain text areas: what is typed is never HTML."""

from django import forms
from django.utils.translation import gettext_lazy as _

from monbilan.forms import DsfrForm

from .models import SECTIONS

#: About forty pages per section: far above a real synthèse (six pages in all),
#: low enough that nobody stores a book through the autosave.
SECTION_MAX_LENGTH = 100_000
OBSERVATIONS_MAX_LENGTH = 30_000


def _section_field(name):
    heading, help_text = {n: (h, t) for n, h, t in SECTIONS}[name]
    return forms.CharField(
        label=heading,
        help_text=help_text,
        required=False,
        strip=False,
        max_length=SECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
    )


class SyntheseForm(DsfrForm):
    """The three legal sections, each a long text area (models.SECTIONS)."""

    circumstances = _section_field("circumstances")
    competences = _section_field("competences")
    project = _section_field("project")


class ObservationsForm(DsfrForm):
    """ "Mes observations" on the version the candidate read."""

    observations = forms.CharField(
        label=_("Mes observations"),
        help_text=_(
            "Facultatif. Ce que vous souhaitez ajouter, préciser ou contester ; "
            "votre conseiller les lit et elles figureront dans le document remis."
        ),
        required=False,
        max_length=OBSERVATIONS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}),
    )
