"""Production: every secret and site-specific value comes from the environment.

There is no default for SECRET_KEY: a missing one stops the process at start-up.
"""

import os

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from pythonjsonlogger.core import RESERVED_ATTRS

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
# The address in the links of e-mails written outside a request (the task worker,
# commands): without it they would point at some developer's machine.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "SITE_URL is required in production: the site's public address, e.g. "
        "SITE_URL=https://monbilan.ac-montpellier.fr (links in e-mails use it)."
    )
WAGTAILADMIN_BASE_URL = SITE_URL
SITE_URL_FROM_REQUEST = False
CSRF_TRUSTED_ORIGINS = [
    o.strip()
    for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if o.strip()
]
DATABASES = {
    "default": dj_database_url.config(
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# HTTPS everywhere, behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# One JSON object per log line, each with the request's identifier (the
# X-Request-ID header of its response, the reference on the 500 page).
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        **LOGGING["formatters"],  # noqa: F405
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            # ISO 8601, in UTC.
            "timestamp": "time",
            # django.request's records carry the request object: its path is
            # in the message already.
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        },
    },
    "handlers": {
        "console": {**LOGGING["handlers"]["console"], "formatter": "json"}  # noqa: F405
    },
}

# Sessions in the database by default; in Redis when REDIS_URL is set, so that any
# app server can answer any request.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# E-mails go through the database-backed task queue; run `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}

# Axes reads the client address from the proxy's header when told how many proxies
# stand in front (AXES_IPWARE_PROXY_COUNT).
if os.environ.get("AXES_IPWARE_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_IPWARE_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Uploaded files on S3-compatible object storage when a bucket is configured, so
# that no app server keeps anything on its local disk. Both buckets are private:
# files reach users only through the views that check who is asking.
if os.environ.get("S3_BUCKET"):
    _s3 = {
        "bucket_name": os.environ["S3_BUCKET"],
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID"),
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY"),
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "media"},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "private"},
        },
    }
