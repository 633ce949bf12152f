"""The conseiller's editor of the document de synthèse."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phases.models import Bilan
from phases.views.autosave import parse_version, refused, saved

from ..answers import answers_for_synthese, quotations
from ..forms import SyntheseForm
from ..models import SECTIONS
from ..rules import (
    AlreadyRemis,
    Conflict,
    DraftAhead,
    MissingSections,
    NotSubmitted,
    Unchanged,
    deliver,
    insert_quotation,
    save_draft,
    submit,
    synthese_for,
)

HEADINGS = {name: heading for name, heading, _help in SECTIONS}
CONFLICT_MESSAGE = gettext_lazy(
    "Le document de synthèse a été modifié dans un autre onglet ou une autre "
    "fenêtre. Pour ne rien écraser, cette page n'est plus enregistrée "
    "automatiquement ; votre saisie est conservée sur cet appareil. Rechargez la "
    "page pour reprendre la dernière version enregistrée."
)


def autosave_texts():
    """What static/js/autosave.js says on this page (it holds no French of its
    own: the page hands these in with `json_script`). `saved` keeps its
    `%(time)s` for the script, which knows the time."""
    return {
        "saving": _("Enregistrement en cours…"),
        "saved": _("Brouillon enregistré à %(time)s"),
        "restored": _("Votre saisie a été restaurée ; elle va être enregistrée."),
        "offline": _(
            "Connexion impossible : vos dernières modifications n'ont pas pu être "
            "enregistrées. Elles sont conservées sur cet appareil ; l'enregistrement "
            "reprendra à la prochaine modification."
        ),
        "failed": _(
            "L'enregistrement automatique a échoué. Votre saisie est conservée sur "
            "cet appareil ; cliquez sur « Enregistrer »."
        ),
        "conflict": str(CONFLICT_MESSAGE),
    }


def insert_texts(groups):
    """What static/js/synthese.js inserts and says (json_script)."""
    return {
        "quotations": quotations(groups),
        "inserted": _("Réponse insérée à la fin de « %(section)s »."),
    }


def followed_bilan(user, bilan_id):
    """The bilan if the user is its conseiller; 404 for anyone else."""
    return get_object_or_404(
        Bilan.objects.followed_by(user).select_related("candidate", "dabm"),
        pk=bilan_id,
    )


def posted_texts(request, form):
    """The sections the request carries: one it leaves out is left as stored,
    never emptied."""
    return {
        name: value for name, value in form.cleaned_data.items() if name in request.POST
    }


def _editor_url(bilan, anchor=""):
    url = reverse("synthese:editor", kwargs={"bilan_id": bilan.pk})
    return f"{url}#{anchor}" if anchor else url


def _section_list(names):
    return ", ".join(f"« {HEADINGS[name]} »" for name in names)


@login_required
def editor(request, bilan_id):
    """ "Document de synthèse": the three sections, autosaved, beside the
    candidate's answers; "Soumettre au candidat"; the versions and their
    observations; "Remettre le document de synthèse"."""
    bilan = followed_bilan(request.user, bilan_id)
    synthese = synthese_for(bilan)
    status, error, version = 200, None, synthese.version
    if request.method == "POST":
        if synthese.is_remis:
            messages.error(
                request,
                _("Le document de synthèse est remis : il ne peut plus être modifié."),
            )
            return redirect(_editor_url(bilan))
        form = SyntheseForm(request.POST)
        if form.is_valid():
            try:
                return _act(request, bilan, posted_texts(request, form))
            except Conflict as conflict:
                # Everything typed stays on screen; saving again is a choice made
                # after reading the message, never a silent overwrite.
                status, error = 409, "conflict"
                version = conflict.synthese.version
        else:
            status, error = 400, "invalid"
            version = parse_version(request.POST.get("version"))
    else:
        form = SyntheseForm(initial=synthese.texts())
    groups = answers_for_synthese(bilan)
    versions = list(synthese.versions.all()) if synthese.pk else []
    latest = versions[0] if versions else None
    return render(
        request,
        "synthese/editor.html",
        {
            "bilan": bilan,
            "candidate": bilan.candidate,
            "synthese": synthese,
            "form": form,
            "version": version,
            "error": error,
            "groups": groups,
            "insert_texts": insert_texts(groups),
            "autosave_texts": autosave_texts(),
            "sections": SECTIONS,
            "versions": versions,
            "latest": latest,
            "draft_ahead": latest is not None and latest.texts() != synthese.texts(),
        },
        status=status,
    )


def _act(request, bilan, texts):
    """One POST of the editor: insert a quotation, submit, or save."""
    expected = parse_version(request.POST.get("version"))
    insert_key = request.POST.get("insert")
    try:
        if insert_key:
            return _insert(request, bilan, insert_key, texts, expected)
        if request.POST.get("action") == "submit":
            version = submit(bilan, texts=texts, expected_version=expected)
            messages.success(
                request,
                _(
                    "La version %(number)s du document de synthèse est soumise au "
                    "candidat. Il en est informé par courriel."
                )
                % {"number": version.number},
            )
            return redirect(_editor_url(bilan, "versions"))
        save_draft(bilan, texts=texts, expected_version=expected)
        messages.success(request, _("Le brouillon est enregistré."))
    except MissingSections as missing:
        messages.error(
            request,
            _(
                "Le brouillon est enregistré, mais il ne peut pas encore être "
                "soumis au candidat : complétez %(sections)s."
            )
            % {"sections": _section_list(missing.sections)},
        )
    except Unchanged:
        messages.warning(
            request,
            _(
                "Le candidat a déjà reçu cette version : modifiez le document "
                "avant de la lui soumettre de nouveau."
            ),
        )
    except AlreadyRemis:
        messages.error(
            request,
            _("Le document de synthèse est remis : il ne peut plus être modifié."),
        )
    return redirect(_editor_url(bilan))


def _insert(request, bilan, key, texts, expected):
    """ "Insérer dans la synthèse" without JavaScript: save what is typed, add
    the answer at the end of the chosen section."""
    quotation = quotations(answers_for_synthese(bilan)).get(key)
    section = request.POST.get(f"section-{key}")
    if quotation is None or section not in HEADINGS:
        raise Http404
    insert_quotation(
        bilan,
        section=section,
        quotation=quotation,
        texts=texts,
        expected_version=expected,
    )
    messages.success(
        request,
        _("La réponse est insérée à la fin de « %(section)s ».")
        % {"section": HEADINGS[section]},
    )
    return redirect(_editor_url(bilan, f"id_{section}"))


@require_POST
@login_required
def remettre(request, bilan_id):
    """ "Remettre le document de synthèse": the last version becomes final."""
    bilan = followed_bilan(request.user, bilan_id)
    try:
        deliver(bilan)
    except NotSubmitted:
        messages.error(
            request,
            _(
                "Soumettez d'abord le document de synthèse au candidat : il doit "
                "pouvoir le lire et y apporter ses observations avant qu'il lui "
                "soit remis."
            ),
        )
    except DraftAhead:
        messages.error(
            request,
            _(
                "Le brouillon a été modifié depuis la dernière version soumise au "
                "candidat : soumettez-la-lui d'abord, pour qu'il lise ce qui lui "
                "sera remis."
            ),
        )
    except AlreadyRemis:
        messages.info(request, _("Le document de synthèse est déjà remis."))
    else:
        messages.success(
            request,
            _(
                "Le document de synthèse est remis au candidat. Il en est informé "
                "et peut le télécharger."
            ),
        )
    return redirect(_editor_url(bilan))


@require_POST
def autosave(request, bilan_id):
    """Save the draft while the conseiller types; JSON in, JSON out.

    200 {version, saved_at, saved_at_display}; 400 malformed; 401 logged out;
    404 not theirs; 409 stale version (another tab) or document remis.
    """
    if not request.user.is_authenticated:
        return refused(
            "login",
            _(
                "Votre session a expiré : reconnectez-vous pour enregistrer le "
                "document de synthèse."
            ),
            status=401,
        )
    bilan = followed_bilan(request.user, bilan_id)
    version = parse_version(request.POST.get("version"))
    form = SyntheseForm(request.POST)
    if version is None or not form.is_valid():
        return refused(
            "malformed",
            _(
                "L'enregistrement automatique a été refusé : la version du "
                "formulaire est absente, ou un texte est trop long."
            ),
            status=400,
        )
    try:
        synthese = save_draft(
            bilan, texts=posted_texts(request, form), expected_version=version
        )
    except Conflict as conflict:
        return refused(
            "conflict",
            str(CONFLICT_MESSAGE),
            version=conflict.synthese.version,
            status=409,
        )
    except AlreadyRemis:
        return refused(
            "locked",
            _("Le document de synthèse est remis : il ne peut plus être modifié."),
            status=409,
        )
    return saved(synthese.version, synthese.updated_at)
