"""The Content-Security-Policy of the site and of the Wagtail admin.

The site (DSFR assets, our scripts and styles, all served from 'self') runs
under a strict policy: no inline script or style, no eval, nothing from
elsewhere but the video players that the content's embed blocks frame. The
Wagtail admin needs more: Wagtail 7.4 still prints inline <script> in some
widgets (date pickers, inline panels) and inline styles (Draftail, the preview
panel's sizes), and shows previews and images from blob: and data: URLs, so its
paths get 'unsafe-inline' for scripts and styles on top of the site's policy.
https://django-csp.readthedocs.io/en/latest/configuration.html
"""

from django.conf import settings

from csp.middleware import CSPMiddleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions on its own paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            parts.update = {**settings.CSP_ADMIN_ADDITIONS, **(parts.update or {})}
            # A nonce in the header would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        return parts
