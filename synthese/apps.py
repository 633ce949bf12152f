from django.apps import AppConfig


class SyntheseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "synthese"
    verbose_name = "Document de synthèse"
