"""Wagtail admin screens of the users app.

Académies and DABMs are managed by superusers only: the default model permission
policy grants them to nobody else (no group receives these permissions).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Academie, Dabm


class AcademieViewSet(ModelViewSet):
    model = Academie
    icon = "site"
    menu_label = _("Académies")
    add_to_admin_menu = False
    form_fields = ["name"]
    list_display = ["name"]
    search_fields = ["name"]


class DabmViewSet(ModelViewSet):
    model = Dabm
    icon = "home"
    menu_label = _("DABM")
    form_fields = ["academie", "name"]
    list_display = ["name", "academie"]
    list_filter = ["academie"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Dabm.objects.select_related("academie")


class AcademiesGroup(ViewSetGroup):
    menu_label = _("Académies et DABM")
    menu_icon = "site"
    menu_order = 900
    items = (AcademieViewSet("academies"), DabmViewSet("dabms"))
