"""Local development: DEBUG on, a default secret, e-mails on the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-not-for-production")
ALLOWED_HOSTS = ["*"]
# `make run` serves 127.0.0.1:$PORT and passes PORT here: links written outside a
# request (commands) open on that same server.
SITE_URL = os.environ.get(
    "SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
