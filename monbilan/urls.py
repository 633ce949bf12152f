from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from phases import urls as phases_urls
from retention import urls as retention_urls
from search import views as search_views
from support import urls as support_urls
from synthese import urls as synthese_urls
from users import urls as users_urls

urlpatterns = [
    # One login page for the site and the Wagtail admin.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="users:login", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search_views.search, name="search"),
    path("", include(users_urls)),
    path("", include(phases_urls)),
    path("", include(synthese_urls)),
    path("", include(retention_urls)),
    path("", include(support_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "monbilan.views.server_error"
