"""« Signalements » in the académie's menu of the Wagtail admin."""

from wagtail import hooks

from .viewsets import ProblemReportViewSet


@hooks.register("register_admin_viewset")
def register_problem_reports():
    return ProblemReportViewSet()
