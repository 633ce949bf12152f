"""The forms of the role screens: the conseiller's (a candidate and their bilan,
a bilan's status, the dashboard's filters) and the threads' (a comment or a
message).

The form a candidate fills for a phase is built by the form engine,
`phases.questions.form`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from crispy_forms.layout import Fieldset, Layout

from monbilan.forms import DsfrFormMixin, check_new_password
from users.accounts import check_email_free
from users.models import User

from ..models import Bilan, PhasePage

# --- The conseiller's forms --------------------------------------------------


class PhaseChoiceField(forms.ModelMultipleChoiceField):
    """The published phases as checkboxes, in the tree's order, by their title."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=PhasePage.objects.live().order_by("path").only("id", "title"),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.title


def _published_phases(field):
    # One query: the same list serves the initial value and the choices.
    phases = list(field.queryset)
    field.queryset = field.queryset.filter(pk__in=[phase.pk for phase in phases])
    return phases


class CandidateForm(DsfrFormMixin, forms.Form):
    """ "Ajouter un candidat": the account, the bilan's modalité and phases."""

    username = forms.CharField(max_length=150)
    email = forms.EmailField(max_length=254)
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    modalite = forms.ChoiceField(widget=forms.RadioSelect)
    phases = PhaseChoiceField()
    notify = forms.BooleanField(required=False, initial=True)
    password1 = forms.CharField(
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, conseiller, **kwargs):
        self.conseiller = conseiller
        super().__init__(*args, **kwargs)

    def setup_fields(self):
        fields = self.fields
        fields["username"].label = _("Identifiant de connexion")
        fields["username"].help_text = _(
            "Le nom d'utilisateur du candidat pour se connecter : lettres, chiffres "
            "et les signes @ . + - _ uniquement."
        )
        fields["username"].validators.append(User.username_validator)
        fields["email"].label = _("Courriel")
        fields["email"].help_text = _("Format attendu : nom@domaine.fr")
        fields["first_name"].label = _("Prénom")
        fields["last_name"].label = _("Nom")
        fields["modalite"].label = _("Modalité")
        fields["modalite"].choices = Bilan.Modalite.choices
        fields["modalite"].initial = Bilan.Modalite.PRESENTIEL
        fields["phases"].label = _("Phases")
        fields["phases"].help_text = _(
            "Les phases que le candidat aura à remplir. Toutes sont cochées par défaut."
        )
        fields["phases"].initial = _published_phases(fields["phases"])
        fields["notify"].label = _(
            "Notifier l'utilisateur de la création de son nouveau compte"
        )
        fields["notify"].help_text = _(
            "Le candidat reçoit un courriel avec un lien pour choisir lui-même son "
            "mot de passe. Sinon, indiquez ci-dessous un mot de passe temporaire "
            "que vous lui communiquerez."
        )
        fields["password1"].label = _("Mot de passe temporaire")
        fields["password1"].help_text = _(
            "Le candidat le changera après sa première connexion."
        )
        fields["password2"].label = _("Confirmation du mot de passe temporaire")
        self.helper.layout = Layout(
            Fieldset(_("Le candidat"), "username", "email", "first_name", "last_name"),
            Fieldset(_("Son bilan"), "modalite", "phases"),
            Fieldset(_("Son accès au site"), "notify", "password1", "password2"),
        )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _(
                    "Cet identifiant de connexion est déjà utilisé par un autre "
                    "compte : choisissez-en un autre."
                ),
                code="duplicate_username",
            )
        return username

    def clean_email(self):
        return check_email_free(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        if self.conseiller.dabm_id is None:
            raise forms.ValidationError(
                _(
                    "Votre compte n'est rattaché à aucun DABM : demandez à "
                    "l'administrateur de votre académie de vous y rattacher avant "
                    "d'ajouter un candidat."
                ),
                code="no_dabm",
            )
        if cleaned.get("notify"):
            return cleaned
        check_new_password(
            self,
            User(
                username=cleaned.get("username", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            ),
            first="password1",
            second="password2",
            # Chosen by the conseiller: the candidate replaces it at first login.
            provisional=True,
            missing_message=_(
                "Sans notification, indiquez un mot de passe temporaire pour le "
                "candidat."
            ),
        )
        return cleaned


class BilanForm(DsfrFormMixin, forms.Form):
    """The modalité and the phases of a bilan, changed by its conseiller."""

    modalite = forms.ChoiceField(widget=forms.RadioSelect)
    phases = PhaseChoiceField()

    def __init__(self, *args, bilan, **kwargs):
        self.bilan = bilan
        kwargs.setdefault(
            "initial",
            {
                "modalite": bilan.modalite,
                "phases": [row.phase_id for row in bilan.selected_phases.all()],
            },
        )
        super().__init__(*args, **kwargs)

    def setup_fields(self):
        self.fields["modalite"].label = _("Modalité")
        self.fields["modalite"].choices = Bilan.Modalite.choices
        self.fields["phases"].label = _("Phases")
        self.fields["phases"].help_text = _(
            "Une phase dans laquelle le candidat a déjà répondu ne peut pas être "
            "retirée."
        )


class DashboardFilterForm(DsfrFormMixin, forms.Form):
    """The filters and the search of the conseiller's "Tableau de bord"."""

    q = forms.CharField(required=False, max_length=100)
    modalite = forms.ChoiceField(required=False)
    status = forms.ChoiceField(required=False)
    phase = forms.ModelChoiceField(queryset=None, required=False)
    awaiting = forms.BooleanField(required=False)

    def setup_fields(self):
        fields = self.fields
        fields["q"].label = _("Rechercher un candidat")
        fields["q"].help_text = _("Nom, prénom ou identifiant")
        fields["modalite"].label = _("Modalité")
        fields["modalite"].choices = [("", _("Toutes")), *Bilan.Modalite.choices]
        fields["status"].label = _("Statut du bilan")
        fields["status"].choices = [("", _("Tous")), *Bilan.Status.choices]
        fields["phase"].label = _("Phase")
        fields["phase"].empty_label = _("Toutes")
        fields["phase"].queryset = (
            PhasePage.objects.live().order_by("path").only("id", "title")
        )
        fields["phase"].label_from_instance = lambda phase: phase.title
        fields["awaiting"].label = _("En attente de validation")

    def filters(self):
        """Keyword arguments for `phases.overview.followed_bilans`."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data["q"].strip(),
            "modalite": data["modalite"],
            "status": data["status"],
            "phase": data["phase"],
            "awaiting": data["awaiting"],
        }


class PostForm(DsfrFormMixin, forms.Form):
    """A comment under an answer, or a message of the bilan's thread."""

    body = forms.CharField(
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 5000}),
    )

    def __init__(self, *args, label=None, **kwargs):
        self.body_label = label
        super().__init__(*args, **kwargs)

    def setup_fields(self):
        self.fields["body"].label = self.body_label or _("Votre message")
        self.fields["body"].error_messages["required"] = _(
            "Écrivez votre message avant de l'envoyer."
        )
