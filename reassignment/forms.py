"""The form of « Réaffecter les candidats »: which bilans, to whom."""

from django import forms
from django.utils.translation import gettext_lazy as _

OUTSIDE = _(
    "Ce conseiller ne peut pas recevoir ces candidats : choisissez un conseiller "
    "actif de la même académie."
)


class ReassignForm(forms.Form):
    """ "Tous" or some of the conseiller's bilans (checkboxes of the listing),
    and the new conseiller among the académie's active ones, grouped by DABM."""

    tous = forms.BooleanField(
        label=_("Tous"),
        required=False,
        help_text=_("Réaffecter tous les candidats de ce conseiller."),
    )
    bilans = forms.MultipleChoiceField(
        label=_("Candidats à réaffecter"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Un des candidats choisis n'est pas suivi par ce conseiller : "
                "rechargez la page et recommencez."
            )
        },
    )
    target = forms.TypedChoiceField(
        label=_("Nouveau conseiller"),
        coerce=int,
        help_text=_(
            "Les bilans et le compte des candidats passent au DABM du nouveau "
            "conseiller."
        ),
        error_messages={
            "invalid_choice": OUTSIDE,
            "required": _("Choisissez le nouveau conseiller."),
        },
    )

    def __init__(self, *args, source, bilans, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        self.bilans_by_pk = {str(bilan.pk): bilan for bilan in bilans}
        self.targets_by_pk = {target.pk: target for target in targets}
        self.fields["bilans"].choices = [
            (str(bilan.pk), str(bilan.candidate)) for bilan in bilans
        ]
        groups = {}
        for target in targets:
            groups.setdefault(target.dabm.name, []).append(
                (target.pk, target_label(target))
            )
        self.fields["target"].choices = [
            ("", _("Choisir un conseiller")),
            *[
                (_("DABM %(name)s") % {"name": name}, choices)
                for name, choices in groups.items()
            ],
        ]

    def clean_target(self):
        pk = self.cleaned_data["target"]
        return self.targets_by_pk[pk]

    def clean(self):
        cleaned = super().clean()
        raw_target = self.data.get(self.add_prefix("target"))
        if raw_target == str(self.source.pk):
            self.errors.pop("target", None)
            self.add_error(
                "target",
                _(
                    "Choisissez un autre conseiller que celui qui suit déjà ces "
                    "candidats."
                ),
            )
        if cleaned.get("tous"):
            cleaned["chosen"] = list(self.bilans_by_pk.values())
        else:
            cleaned["chosen"] = [
                self.bilans_by_pk[pk] for pk in cleaned.get("bilans", [])
            ]
        if not cleaned["chosen"] and "bilans" not in self.errors:
            self.add_error(
                "bilans",
                _("Choisissez au moins un candidat à réaffecter, ou cochez « Tous »."),
            )
        return cleaned


def target_label(conseiller):
    label = f"{conseiller} ({conseiller.username})"
    if conseiller.is_referent:
        label += " – " + str(_("référent"))
    return label
