"""How Wagtail serves a phase page: through the site's view of it.

`PhasePage.serve` cannot call the views (they import the models): Wagtail's
`on_serve_page` hook, registered in `wagtail_hooks` with the highest order, puts
`candidate.phase_page` (the candidate's form, or the staff's preview) where
`serve` would run. Being the innermost link of Wagtail's serving chain, it runs
after Wagtail's own checks (view restrictions).
https://docs.wagtail.org/en/stable/reference/hooks.html#on-serve-page
"""

from ..models import PhasePage
from .candidate import phase_page


def serve_phase_pages(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, PhasePage):
            return phase_page(request, page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
