from django.apps import AppConfig


class ReassignmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reassignment"
    verbose_name = "Réaffectation des candidats"
