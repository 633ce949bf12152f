from django.urls import path

from users.throttle import throttle_autosave

from .views import candidate, conseiller, consent, emargement, rendezvous, threads

urlpatterns = [
    path("tableau-de-bord/", candidate.dashboard, name="dashboard"),
    path("votre-accord/", consent.consent, name="consent"),
    path(
        "mes-reponses/phases/<int:phase_id>/enregistrer/",
        # Per user, far above what typing sends: a script cannot hammer it.
        throttle_autosave(candidate.autosave),
        name="phase_autosave",
    ),
    path("fichiers/<int:pk>/", candidate.submission_file, name="submission_file"),
    path("candidats/ajouter/", conseiller.add_candidate, name="add_candidate"),
    path("bilans/<int:bilan_id>/", conseiller.bilan_detail, name="bilan_detail"),
    path(
        "bilans/<int:bilan_id>/modifier/",
        conseiller.edit_bilan,
        name="bilan_edit",
    ),
    path(
        "bilans/<int:bilan_id>/rendez-vous/planifier/",
        rendezvous.plan,
        name="rendezvous_plan",
    ),
    path(
        "bilans/<int:bilan_id>/rendez-vous/<int:pk>/deplacer/",
        rendezvous.move,
        name="rendezvous_move",
    ),
    path(
        "bilans/<int:bilan_id>/rendez-vous/<int:pk>/annuler/",
        rendezvous.cancel,
        name="rendezvous_cancel",
    ),
    path(
        "mes-rendez-vous/<int:pk>/autre-creneau/",
        rendezvous.other_slot,
        name="rendezvous_other_slot",
    ),
    path(
        "bilans/<int:bilan_id>/messages/",
        threads.bilan_messages,
        name="bilan_messages",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/",
        conseiller.bilan_phase,
        name="bilan_phase",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/valider/",
        conseiller.validate,
        name="phase_validate",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/rouvrir/",
        conseiller.reopen,
        name="phase_reopen",
    ),
    path(
        "bilans/<int:bilan_id>/phases/<int:phase_id>/commentaires/",
        threads.comment,
        name="bilan_comment",
    ),
    path(
        "bilans/<int:bilan_id>/commentaires/<int:thread_id>/resolu/",
        threads.resolve,
        name="thread_resolve",
    ),
    path(
        "bilans/<int:bilan_id>/rendez-vous/<int:pk>/emargement/",
        emargement.mark,
        name="rendezvous_mark",
    ),
    path(
        "rendez-vous/<int:pk>/confirmer/",
        emargement.confirm,
        name="rendezvous_confirm",
    ),
    path(
        "bilans/<int:bilan_id>/releve-des-rendez-vous/",
        emargement.releve,
        name="rendezvous_releve",
    ),
]
