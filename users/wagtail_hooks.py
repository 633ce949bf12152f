from wagtail import hooks

from .viewsets import AcademiesGroup


@hooks.register("register_admin_viewset")
def register_academies():
    return AcademiesGroup()
