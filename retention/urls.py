"""The site's URLs of the end of a bilan and of the candidate's data."""

from django.urls import path

from .views import closing, personal_data

app_name = "retention"

urlpatterns = [
    path("bilans/<int:bilan_id>/clore/", closing.close, name="close"),
    path(
        "bilans/<int:bilan_id>/conservation-des-documents/",
        closing.keep_documents,
        name="keep_documents",
    ),
    path("mon-compte/mes-donnees/", personal_data.personal_data, name="personal_data"),
    path(
        "mon-compte/mes-donnees/archive/<str:token>/",
        personal_data.personal_data_download,
        name="personal_data_download",
    ),
]
