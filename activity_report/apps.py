from django.apps import AppConfig


class ActivityReportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "activity_report"
    verbose_name = "Rapports d'activité"
