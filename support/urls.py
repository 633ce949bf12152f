"""The site's URLs of « Signaler un problème »."""

from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("signaler-un-probleme/", views.report_problem, name="report"),
    path("signaler-un-probleme/envoye/", views.report_sent, name="thanks"),
]
