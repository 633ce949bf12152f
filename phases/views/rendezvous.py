"""Rendez-vous: the conseiller plans, moves and cancels them; the candidate asks
for another slot.

Only the bilan's conseiller reaches the first three screens, only its candidate
the last (404 for anybody else, as the review pages). The rules of
`phases.rules.rendezvous` check conflicts and send the e-mails.
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from monbilan.forms import DsfrFormMixin

from ..models import Bilan, RendezVous
from ..rules.rendezvous import (
    RendezVousError,
    cancel_rendezvous,
    move_rendezvous,
    plan_rendezvous,
)
from ..rules.threads import post_message
from ..templatetags.french_dates import french_datetime
from .conseiller import followed_bilan

DURATIONS = [
    (30, gettext_lazy("30 minutes")),
    (45, gettext_lazy("45 minutes")),
    (60, gettext_lazy("1 heure")),
    (90, gettext_lazy("1 heure 30")),
    (120, gettext_lazy("2 heures")),
    (150, gettext_lazy("2 heures 30")),
    (180, gettext_lazy("3 heures")),
    (240, gettext_lazy("4 heures")),
]


class RendezVousForm(DsfrFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Type d'entretien"), choices=RendezVous.Kind.choices
    )
    date = forms.DateField(
        label=gettext_lazy("Date"),
        error_messages={
            "required": gettext_lazy("Indiquez la date du rendez-vous."),
            "invalid": gettext_lazy(
                "Indiquez une date valide, par exemple 08/12/2026."
            ),
        },
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start = forms.TimeField(
        label=gettext_lazy("Heure de début"),
        error_messages={
            "required": gettext_lazy("Indiquez l'heure de début du rendez-vous."),
            "invalid": gettext_lazy("Indiquez une heure valide, par exemple 14:00."),
        },
        help_text=gettext_lazy("Heure de Paris, par exemple 14:00"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.TypedChoiceField(
        label=gettext_lazy("Durée"), choices=DURATIONS, coerce=int, initial=60
    )
    modalite = forms.ChoiceField(
        label=gettext_lazy("Modalité"),
        choices=RendezVous.Modalite.choices,
        widget=forms.RadioSelect,
    )
    place = forms.CharField(
        label=gettext_lazy("Lieu"),
        help_text=gettext_lazy("Pour un rendez-vous en présentiel : adresse, salle"),
        max_length=255,
        required=False,
    )
    link = forms.URLField(
        label=gettext_lazy("Lien de la visioconférence"),
        help_text=gettext_lazy("Pour une visioconférence : une adresse en https://"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    note = forms.CharField(
        label=gettext_lazy("Note pour le candidat (facultatif)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean(self):
        data = super().clean()
        modalite = data.get("modalite")
        if modalite == RendezVous.Modalite.PRESENTIEL and not data.get("place"):
            self.add_error("place", _("Indiquez le lieu du rendez-vous en présentiel."))
        if modalite == RendezVous.Modalite.VISIO:
            link = data.get("link")
            if not link and "link" not in self.errors:
                self.add_error("link", _("Indiquez le lien de la visioconférence."))
            elif link and not link.lower().startswith("https://"):
                self.add_error(
                    "link",
                    _("Le lien de la visioconférence doit commencer par https://."),
                )
        if data.get("date") and data.get("start"):
            data["starts_at"] = timezone.make_aware(
                datetime.datetime.combine(data["date"], data["start"])
            )
        return data

    def rendezvous_fields(self):
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "starts_at": data["starts_at"],
            "duration_minutes": data["duration_minutes"],
            "modalite": data["modalite"],
            "place": data["place"],
            "link": data["link"],
            "note": data["note"],
        }


class OtherSlotForm(DsfrFormMixin, forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Vos disponibilités"),
        help_text=gettext_lazy(
            "Par exemple : « plutôt le matin, du lundi au mercredi »"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _initial(rendezvous):
    local = timezone.localtime(rendezvous.starts_at)
    return {
        "kind": rendezvous.kind,
        "date": local.date(),
        "start": local.time().replace(second=0, microsecond=0),
        "duration_minutes": rendezvous.duration_minutes,
        "modalite": rendezvous.modalite,
        "place": rendezvous.place,
        "link": rendezvous.link,
        "note": rendezvous.note,
    }


def _planned(bilan, pk):
    return get_object_or_404(
        RendezVous.objects.filter(bilan=bilan, status=RendezVous.Status.PLANIFIE),
        pk=pk,
    )


def _form_page(request, bilan, form, rule, success, **context):
    """The plan and move screens: on a valid POST apply the rule to the form's
    fields; a refusal is shown on the form, with what was typed."""
    if request.method == "POST" and form.is_valid():
        try:
            rule(form.rendezvous_fields())
        except RendezVousError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success)
            return redirect("bilan_detail", bilan_id=bilan.pk)
    return render(
        request,
        "phases/rendezvous/form.html",
        {"bilan": bilan, "form": form, **context},
    )


@login_required
def plan(request, bilan_id):
    """« Planifier un rendez-vous »."""
    bilan = followed_bilan(request.user, bilan_id)
    return _form_page(
        request,
        bilan,
        RendezVousForm(request.POST or None),
        lambda fields: plan_rendezvous(bilan, by=request.user, **fields),
        _("Le rendez-vous est planifié ; le candidat reçoit une invitation."),
        title=_("Planifier un rendez-vous"),
    )


@login_required
def move(request, bilan_id, pk):
    """« Déplacer le rendez-vous »: the candidate receives the update."""
    bilan = followed_bilan(request.user, bilan_id)
    rendezvous = _planned(bilan, pk)

    def move_it(fields):
        move_rendezvous(
            rendezvous,
            by=request.user,
            starts_at=fields.pop("starts_at"),
            duration_minutes=fields.pop("duration_minutes"),
            **fields,
        )

    return _form_page(
        request,
        bilan,
        RendezVousForm(request.POST or None, initial=_initial(rendezvous)),
        move_it,
        _("Le rendez-vous est déplacé ; le candidat reçoit la mise à jour."),
        rendezvous=rendezvous,
        title=_("Déplacer le rendez-vous"),
    )


@login_required
def cancel(request, bilan_id, pk):
    """« Annuler le rendez-vous », after a confirmation screen."""
    bilan = followed_bilan(request.user, bilan_id)
    rendezvous = _planned(bilan, pk)
    if request.method == "POST":
        try:
            cancel_rendezvous(rendezvous, by=request.user)
        except RendezVousError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Le rendez-vous est annulé ; le candidat en est prévenu."),
            )
        return redirect("bilan_detail", bilan_id=bilan.pk)
    return render(
        request,
        "phases/rendezvous/cancel.html",
        {"bilan": bilan, "rendezvous": rendezvous},
    )


@login_required
def other_slot(request, pk):
    """« Demander un autre créneau »: the candidate writes in the bilan's messages."""
    rendezvous = get_object_or_404(
        RendezVous.objects.filter(
            status=RendezVous.Status.PLANIFIE,
            bilan__in=Bilan.objects.visible_to(request.user).filter(
                candidate_id=request.user.pk
            ),
        ).select_related("bilan__conseiller", "bilan__candidate"),
        pk=pk,
    )
    bilan = rendezvous.bilan
    form = OtherSlotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        body = _(
            "Demande d'un autre créneau pour le rendez-vous « %(kind)s » du "
            "%(when)s :\n\n%(body)s"
        ) % {
            "kind": rendezvous.get_kind_display(),
            "when": french_datetime(rendezvous.starts_at),
            "body": form.cleaned_data["body"].strip(),
        }
        post_message(bilan, author=request.user, body=body)
        messages.success(
            request,
            _("Votre demande est envoyée à votre conseiller dans vos messages."),
        )
        return redirect("bilan_messages", bilan_id=bilan.pk)
    return render(
        request,
        "phases/rendezvous/other_slot.html",
        {"bilan": bilan, "form": form, "rendezvous": rendezvous},
    )
