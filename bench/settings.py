"""Benchmark settings: production's, on loopback HTTP, plus the peer form page app.

    DJANGO_SETTINGS_MODULE=bench.settings

Only `make bench` / `make load` use this module. It adds `bench.peer` (a
`wagtail.contrib.forms` page with its own migration, inside bench/) to compare the
phase form with Wagtail's own form pages; the project never installs it.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/monbilan_bench"
)
# Production requires the site's address (links in e-mails); here, loopback.
os.environ.setdefault("SITE_URL", "http://127.0.0.1")
# Plain HTTP on loopback: no TLS proxy in front.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from monbilan.settings.production import *  # noqa: E402, F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench.peer"]  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Collected once by bench/run.py, outside the work tree.
STATIC_ROOT = Path(
    os.environ.get(
        "BENCH_STATIC_ROOT", Path(tempfile.gettempdir()) / "monbilan-bench-static"
    )
)
MEDIA_ROOT = Path(tempfile.gettempdir()) / "monbilan-bench-media"
# Logins are many and fast here: the lockout would only get in the way.
AXES_ENABLED = False
# Four candidates autosave for the whole run, far beyond a person's 300 saves in
# five minutes: the throttle would answer 429s and they would be timed as saves.
AUTOSAVE_RATE = "1000000/5m"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
