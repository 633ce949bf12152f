from django.urls import path

from users.throttle import throttle_autosave

from . import views, views_conseiller, views_threads

urlpatterns = [
    path("tableau-de-bord/", views.dashboard, name="dashboard"),
    path(
        "mes-reponses/phases/<int:phase_id>/enregistrer/",
        # Per user, far above what typing sends: a script cannot hammer it.
        throttle_autosave(views.autosave),
        name="phase_autosave",
    ),
    path("fichiers/<int:pk>/", views.submission_file, name="submission_file"),
    path("candidats/ajouter/", views_conseiller.add_candidate, name="add_candidate"),
    path("bilans/<int:bilan_id>/", views_conseiller.bilan_detail, name="bilan_detail"),
    path(
        "bilans/<int:bilan_id>/modifier/",
        views_conseiller.edit_bilan,
        name="bilan_edit",
    ),
    path(
        "bilans/<int:bilan_id>/statut/",
        views_conseiller.bilan_status,
        name="bilan_status",
    ),
    path(
        "bilans/<int:bilan_id>/messages/",
        views_threads.bilan_messages,
        name="bilan_messages",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/",
        views_conseiller.bilan_phase,
        name="bilan_phase",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/valider/",
        views_conseiller.validate,
        name="phase_validate",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/rouvrir/",
        views_conseiller.reopen,
        name="phase_reopen",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/commentaires/",
        views_threads.comment,
        name="bilan_comment",
    ),
    path(
        "bilans/<int:bilan_id>/commentaires/<int:thread_id>/resolu/",
        views_threads.resolve,
        name="thread_resolve",
    ),
]
