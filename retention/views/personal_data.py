"""« Télécharger mes données »: the page, the archive, and the e-mailed link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from users.storage import private_storage

from ..personal_data import (
    ARCHIVE_LIFETIME,
    ArchiveExpired,
    ArchiveNotFound,
    archive_filename,
    build_temporary_zip,
    candidate_bilans,
    is_large,
    stored_archive,
)
from ..tasks import build_personal_data_archive


@login_required
@require_http_methods(["GET", "POST"])
def personal_data(request):
    """GET: what the archive holds. POST: the archive itself when small, else
    built in the background and e-mailed as a link (only ever one's own)."""
    user = request.user
    if request.method == "POST":
        if not is_large(user):
            return FileResponse(
                build_temporary_zip(user),
                as_attachment=True,
                filename=archive_filename(user),
                content_type="application/zip",
            )
        build_personal_data_archive.enqueue(user.pk)
        messages.success(
            request,
            _(
                "Votre archive est en cours de préparation. Vous recevrez un courriel "
                "avec un lien pour la télécharger dès qu'elle sera prête."
            )
            if user.email
            else _(
                "Votre archive est trop volumineuse pour être téléchargée directement "
                "et votre compte n'a pas d'adresse électronique : demandez à votre "
                "conseiller d'en ajouter une, puis recommencez."
            ),
        )
        return redirect("retention:personal_data")
    return render(
        request,
        "retention/personal_data/page.html",
        {
            "has_bilan": candidate_bilans(user).exists(),
            "large": is_large(user),
            "days": ARCHIVE_LIFETIME.days,
        },
    )


@login_required
def personal_data_download(request, token):
    """The e-mailed link: the owner's archive, for them only (404 for anyone
    else), 410 once expired (and the file is deleted)."""
    try:
        name = stored_archive(token, request.user)
    except ArchiveExpired:
        return render(
            request,
            "retention/personal_data/expired.html",
            {"days": ARCHIVE_LIFETIME.days},
            status=410,
        )
    except ArchiveNotFound:
        raise Http404 from None
    return FileResponse(
        private_storage().open(name, "rb"),
        as_attachment=True,
        filename=archive_filename(request.user),
        content_type="application/zip",
    )
