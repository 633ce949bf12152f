from django.urls import path

from . import views

urlpatterns = [
    path("tableau-de-bord/", views.dashboard, name="dashboard"),
    path(
        "mes-reponses/phases/<int:phase_id>/enregistrer/",
        views.autosave,
        name="phase_autosave",
    ),
    path("fichiers/<int:pk>/", views.submission_file, name="submission_file"),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/",
        views.bilan_phase,
        name="bilan_phase",
    ),
]
