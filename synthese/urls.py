from django.urls import path

from users.throttle import throttle_autosave

from .views import candidate, conseiller, documents

app_name = "synthese"

urlpatterns = [
    path(
        "bilans/<int:bilan_id>/synthese/",
        conseiller.editor,
        name="editor",
    ),
    path(
        "bilans/<int:bilan_id>/synthese/enregistrer/",
        # Per user, like the phases' autosave: typing sends far less.
        throttle_autosave(conseiller.autosave),
        name="autosave",
    ),
    path(
        "bilans/<int:bilan_id>/synthese/remettre/",
        conseiller.remettre,
        name="deliver",
    ),
    path(
        "bilans/<int:bilan_id>/document-de-synthese/",
        candidate.candidate_page,
        name="candidate",
    ),
    path(
        "bilans/<int:bilan_id>/document-de-synthese/accuse-reception/",
        candidate.acknowledge_receipt,
        name="acknowledge",
    ),
    path(
        "bilans/<int:bilan_id>/document-de-synthese/partager/",
        candidate.share_document,
        name="share",
    ),
    path(
        "bilans/<int:bilan_id>/document-de-synthese/partages/<int:link_id>/revoquer/",
        candidate.revoke_link,
        name="revoke",
    ),
    path(
        "bilans/<int:bilan_id>/document-de-synthese/pdf/",
        documents.pdf,
        name="pdf",
    ),
    path("partage/<str:token>/", documents.shared, name="shared"),
]
