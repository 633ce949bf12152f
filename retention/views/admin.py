"""The end of a bilan in the Wagtail admin, for académie administrators and
superusers: the "Journal des destructions" (read-only, content-free) and the
erasure of a candidate at their request ("Supprimer définitivement ce candidat").
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from monbilan.admin_columns import LabelledColumn
from users.models import User
from users.permissions import AcademieReadOnlyPolicy, is_academie_manager

from ..models import DestructionRecord
from ..purge import new_run, purge_candidate

ERASED = "monbilan.candidate.erased"

#: The journal's words for each category of a record's counts: one, several.
CATEGORY_LABELS = {
    "answers": (_("réponse"), _("réponses")),
    "files": (_("fichier"), _("fichiers")),
    "comments": (_("commentaire"), _("commentaires")),
    "messages": (_("message"), _("messages")),
    "synthese_versions": (
        _("version du document de synthèse"),
        _("versions du document de synthèse"),
    ),
    "observations": (_("observation"), _("observations")),
    "share_links": (_("lien de partage"), _("liens de partage")),
    "share_openings": (_("ouverture de lien"), _("ouvertures de liens")),
    "rendezvous_notes": (
        _("lieu et note de rendez-vous"),
        _("lieux et notes de rendez-vous"),
    ),
}


# --- Journal des destructions ------------------------------------------------


def destroyed(record):
    """ "4 réponses, 1 fichier…": the categories that had anything (in French,
    0 and 1 take the singular; only counts above 0 are listed)."""
    parts = []
    for category, count in record.counts.items():
        if count:
            one, several = CATEGORY_LABELS.get(category, (category, category))
            parts.append(f"{count} {one if count == 1 else several}")
    return ", ".join(parts) or _("aucun document")


class JournalIndexView(IndexView):
    table_classname = "listing monbilan-cards"

    def get_base_queryset(self):
        return DestructionRecord.objects.visible_to(self.request.user).select_related(
            "dabm"
        )


class DestructionJournalViewSet(ModelViewSet):
    """ "Journal des destructions": what went, when, why, by which run; no name."""

    model = DestructionRecord
    icon = "bin"
    menu_label = _("Journal des destructions")
    menu_order = 160
    add_to_admin_menu = True
    url_namespace = "destructions"
    url_prefix = "journal-des-destructions"
    index_view_class = JournalIndexView
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50
    list_filter = ["reason"]
    list_display = [
        LabelledColumn("bilan", label=_("Bilan n°"), accessor="bilan_number"),
        LabelledColumn("dabm", label=_("DABM"), accessor="dabm.name"),
        LabelledColumn("clos", label=_("Clos le"), accessor="closed_on"),
        LabelledColumn("detruit", label=_("Détruit le"), accessor="destroyed_at"),
        LabelledColumn("motif", label=_("Motif"), accessor="get_reason_display"),
        LabelledColumn("documents", label=_("Documents détruits"), accessor=destroyed),
        LabelledColumn("execution", label=_("Exécution"), accessor="run"),
    ]

    @cached_property
    def permission_policy(self):
        return AcademieReadOnlyPolicy(DestructionRecord)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"page_title": _("Journal des destructions"), **kwargs}
        )


# --- Supprimer définitivement ce candidat ------------------------------------


class ErasureForm(forms.Form):
    identifiant = forms.CharField(
        label=_("Identifiant du candidat"),
        help_text=_("Saisissez l'identifiant du candidat pour confirmer."),
    )

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidate = candidate

    def clean_identifiant(self):
        value = self.cleaned_data["identifiant"].strip()
        if value != self.candidate.username:
            raise forms.ValidationError(
                _(
                    "L'identifiant saisi ne correspond pas à celui du candidat : "
                    "rien n'a été supprimé."
                )
            )
        return value


def erasable_candidates(user):
    """The candidates an académie administrator (or a superuser) may erase."""
    return User.objects.visible_to(user).candidats()


def erase_candidate(request, pk):
    """Confirm by typing the identifiant, then destroy every bilan of the
    candidate as the schedule does and anonymise the account; the journal
    keeps the bilans' records and an entry without the name."""
    if not is_academie_manager(request.user):
        raise PermissionDenied
    candidate = get_object_or_404(erasable_candidates(request.user), pk=pk)
    form = ErasureForm(request.POST or None, candidate=candidate)
    if request.method == "POST" and form.is_valid():
        records = purge_candidate(
            candidate, run=new_run(), reason=DestructionRecord.Reason.ERASURE
        )
        candidate.refresh_from_db()
        log(
            instance=candidate,
            action=ERASED,
            user=request.user,
            data={"bilans": [record.bilan_number for record in records]},
        )
        messages.success(
            request,
            _("Le candidat a été supprimé définitivement (%(count)s bilan(s)).")
            % {"count": len(records)},
        )
        return redirect("candidats:index")
    return TemplateResponse(
        request,
        "retention/admin/erase_candidate.html",
        {
            "candidate": candidate,
            "form": form,
            "page_title": _("Supprimer définitivement ce candidat"),
            "header_title": _("Supprimer définitivement ce candidat"),
            "header_icon": "bin",
            "cancel_url": reverse("candidate_account", args=[candidate.pk]),
        },
    )


def erasure_urls():
    return [
        path(
            "candidats/compte/<int:pk>/supprimer/",
            erase_candidate,
            name="retention_erase_candidate",
        )
    ]
