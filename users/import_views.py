"""« Importer des conseillers » in the Wagtail admin (users.imports does the work).

Three screens for académie administrators and superusers: the file form, with
the modèle CSV to download; the preview, where each row says what is wrong; the
confirmation, which creates every conseiller or none. Between the preview and
the confirmation the file waits in the private storage (never a public URL),
named in the session of the person who sent it, and is deleted after.
"""

import datetime
import uuid
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .imports import (
    MAX_BYTES,
    MAX_ROWS,
    ImportFileError,
    import_pending_file,
    preview,
    template_csv,
)
from .models import Academie
from .permissions import is_academie_manager

SESSION_KEY = "users.import_conseillers"
#: Where a previewed file waits for its confirmation, in the private storage.
FOLDER = "imports/conseillers"
EXTENSIONS = (".csv", ".txt")
TITLE = _("Importer des conseillers")


class ImportForm(forms.Form):
    academie = forms.ModelChoiceField(
        label=_("Académie"),
        queryset=Academie.objects.all(),
        empty_label=_("Choisir l'académie des conseillers"),
    )
    fichier = forms.FileField(
        label=_("Fichier CSV"),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": _("Choisissez le fichier CSV à importer.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Written here, in the request's language ("2 Mo", not "2.0 MB").
        self.fields["fichier"].help_text = _(
            "Colonnes : identifiant, courriel, prénom, nom, DABM, référent (oui ou "
            "non), séparées par des points-virgules ou des virgules ; "
            "%(rows)s conseillers et %(size)s au plus."
        ) % {
            "rows": f"{MAX_ROWS:,}".replace(",", "\u202f"),
            "size": filesizeformat(MAX_BYTES),
        }
        # An administrator imports into their own académie; a superuser chooses.
        if not user.is_superuser:
            del self.fields["academie"]

    def clean_fichier(self):
        upload = self.cleaned_data["fichier"]
        if PurePath(upload.name).suffix.lower() not in EXTENSIONS:
            raise forms.ValidationError(
                _(
                    "Le fichier doit être un fichier CSV (extension .csv) : dans "
                    "Excel, choisissez « Enregistrer sous », puis « CSV UTF-8 »."
                )
            )
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _(
                    "Le fichier est trop lourd (%(size)s) : %(max)s au plus. "
                    "Découpez-le en plusieurs fichiers."
                )
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(MAX_BYTES),
                }
            )
        return upload


def check_manager(request):
    """Académie administrators (of an académie) and superusers only: 403."""
    user = request.user
    if not is_academie_manager(user) or not (user.is_superuser or user.academie_id):
        raise PermissionDenied


def page_context(**context):
    return {
        "page_title": TITLE,
        "header_title": TITLE,
        "header_icon": "upload",
        "breadcrumbs_items": [
            {"url": reverse("conseillers:index"), "label": _("Conseillers")},
            {"url": "", "label": TITLE},
        ],
        "template_url": reverse("users_import_conseillers_template"),
        **context,
    }


def render_form(request, form, status=200, error=None):
    return TemplateResponse(
        request,
        "users/import/upload.html",
        page_context(form=form, error=error),
        status=status,
    )


def render_preview(request, checked, *, filename, token=None, status=200):
    return TemplateResponse(
        request,
        "users/import/preview.html",
        page_context(
            preview=checked,
            filename=filename,
            token=token,
            upload_url=reverse("users_import_conseillers"),
            confirm_url=reverse("users_import_conseillers_confirm"),
        ),
        status=status,
    )


def forget_stale(storage, max_age=datetime.timedelta(days=1)):
    """Delete the files of previews never confirmed (their session ended or their
    tab was closed): nobody can confirm them after a day."""
    try:
        _folders, names = storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    limit = timezone.now() - max_age
    for name in names:
        path = f"{FOLDER}/{name}"
        if storage.get_modified_time(path) < limit:
            storage.delete(path)


def forget_pending(request):
    """Delete the file waiting for confirmation, if any."""
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        storages["private"].delete(pending["name"])
    return pending


def upload(request):
    """The form (GET); the preview of the file sent (POST)."""
    check_manager(request)
    user = request.user
    if request.method != "POST":
        return render_form(request, ImportForm(user=user))
    form = ImportForm(request.POST, request.FILES, user=user)
    if not form.is_valid():
        return render_form(request, form, status=400)
    academie = form.cleaned_data.get("academie") or user.academie
    sent = form.cleaned_data["fichier"]
    try:
        checked = preview(sent, academie)
    except ImportFileError as error:
        form.add_error("fichier", error.message)
        return render_form(request, form, status=400)
    forget_pending(request)
    forget_stale(storages["private"])
    if not checked.is_valid:
        return render_preview(request, checked, filename=sent.name, status=400)
    sent.seek(0)
    token = uuid.uuid4().hex
    name = storages["private"].save(f"{FOLDER}/{token}.csv", sent)
    request.session[SESSION_KEY] = {
        "name": name,
        "academie": academie.pk,
        "filename": sent.name,
        "token": token,
    }
    return render_preview(request, checked, filename=sent.name, token=token)


@require_POST
def confirm(request):
    """Create the conseillers of the previewed file, checked again: all or none.

    The work is a task (`import_pending_file`): with the immediate backend its
    outcome is known here; with the worker, the administrator is told by e-mail.
    """
    check_manager(request)
    pending = request.session.get(SESSION_KEY)
    form = ImportForm(user=request.user)
    if not pending or request.POST.get("token") != pending["token"]:
        error = _(
            "Cet aperçu n'est plus valable (il a déjà été confirmé, ou un autre "
            "fichier a été déposé depuis) : aucun conseiller n'a été créé. "
            "Déposez le fichier à nouveau."
        )
        return render_form(request, form, status=400, error=error)
    # From here the file is the task's, which deletes it.
    del request.session[SESSION_KEY]
    result = import_pending_file.enqueue(
        name=pending["name"],
        academie_id=pending["academie"],
        created_by_id=request.user.pk,
    )
    if not result.is_finished:
        messages.success(
            request,
            _(
                "L'import est lancé : vous recevrez un courriel quand il sera "
                "terminé, et les conseillers apparaîtront dans cette liste."
            ),
        )
        return redirect("conseillers:index")
    outcome = result.return_value or {"created": 0, "failed": True}
    if outcome.get("in_error"):
        error = ngettext(
            "Depuis l'aperçu, des comptes ont changé : %(count)s ligne a maintenant "
            "une erreur et aucun conseiller n'a été créé. Déposez le fichier à "
            "nouveau pour la voir.",
            "Depuis l'aperçu, des comptes ont changé : %(count)s lignes ont "
            "maintenant des erreurs et aucun conseiller n'a été créé. Déposez le "
            "fichier à nouveau pour les voir.",
            outcome["in_error"],
        ) % {"count": outcome["in_error"]}
        return render_form(request, form, status=400, error=error)
    if not outcome["created"]:
        error = _(
            "L'import a échoué : aucun conseiller n'a été créé. Un identifiant "
            "ou une adresse vient peut-être d'être pris par un autre compte : "
            "déposez le fichier à nouveau pour le vérifier."
        )
        return render_form(request, form, status=409, error=error)
    count = outcome["created"]
    messages.success(
        request,
        ngettext(
            "%(count)s conseiller a été importé : il a reçu un courriel pour "
            "choisir son mot de passe.",
            "%(count)s conseillers ont été importés : chacun a reçu un courriel "
            "pour choisir son mot de passe.",
            count,
        )
        % {"count": count},
    )
    return redirect("conseillers:index")


def download_template(request):
    """The modèle CSV: the header and one example row."""
    check_manager(request)
    response = HttpResponse(
        template_csv(request.user.academie), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        'attachment; filename="modele-import-conseillers.csv"'
    )
    return response


def import_urls():
    return [
        path("conseillers/importer/", upload, name="users_import_conseillers"),
        path(
            "conseillers/importer/confirmer/",
            confirm,
            name="users_import_conseillers_confirm",
        ),
        path(
            "conseillers/importer/modele.csv",
            download_template,
            name="users_import_conseillers_template",
        ),
    ]
