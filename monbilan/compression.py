"""Pages are sent compressed to the browsers that accept it.

Only what Django renders for reading: HTML and JSON (the autosave's answers). Static
files come compressed already (whitenoise's brotli and gzip copies), and so do the
PDFs and ZIPs; the CSV exports stream at the database's speed and are left as they
are, the time gzip would take there being the export's own.

BREACH: Django's GZipMiddleware pads each compressed response with random bytes
(since Django 4.2), and the CSRF token in pages is masked anew on every request.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = ("text/html", "application/json")


class PageCompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
