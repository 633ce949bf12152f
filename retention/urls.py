"""The site's URLs of the end of a bilan and of the candidate's data."""

app_name = "retention"

urlpatterns = []
