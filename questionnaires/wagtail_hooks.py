"""What the questionnaires register in Wagtail: how their page is served, and
their figures on the administrators' statistics page."""

from wagtail import hooks

from .statistics import statistics_section
from .views import serve_questionnaires

# The highest order makes it the innermost link of Wagtail's serving chain, as
# for the phases (`phases.wagtail_hooks`).
hooks.register("on_serve_page", serve_questionnaires, order=1000)
hooks.register("monbilan_statistics_sections", statistics_section)
