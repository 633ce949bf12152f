"""Settings shared by every environment.

Environment-specific files (dev, test, production) import from here and override.
Anything secret or site-specific is read from the environment (12-factor).
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    # Project apps first so that their templates win over the libraries'.
    "users",
    "home",
    "phases",
    "synthese",
    "retention",
    "questionnaires",
    "reassignment",
    "activity_report",
    "search",
    "backups",
    "support",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "dsfr",
    # django-dsfr's radio and checkbox templates load widget_tweaks.
    "widget_tweaks",
    "crispy_forms",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    # First: every log line of the request carries its identifier (X-Request-ID).
    "monbilan.request_id.RequestIdMiddleware",
    # /sante/ answers before any redirect, session or cookie (monbilan/health.py).
    "monbilan.health.HealthCheckMiddleware",
    # Compresses the pages once every other middleware has written them.
    "monbilan.compression.PageCompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy header of every response (monbilan/csp.py).
    "monbilan.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After CommonMiddleware, which has refused a host outside ALLOWED_HOSTS.
    "users.site_url.RememberRequestForLinks",
    "django.contrib.messages.middleware.MessageMiddleware",
    "users.middleware.PasswordChangeRequired",
    "users.middleware.AdminAccessDenied",
    # After both: nothing of a bilan before the candidate's consent.
    "phases.consent_gate.ConsentRequired",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must come last: it turns a lockout raised by the backend into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "monbilan.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Site forms render through django-dsfr's templates (crispy's DSFR pack hands each
# field to them); TemplatesSetting lets the project's templates override widgets.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = ("crispy_dsfr",)
CRISPY_TEMPLATE_PACK = "crispy_dsfr"
DSFR_MARK_OPTIONAL_FIELDS = True

WSGI_APPLICATION = "monbilan.wsgi.application"

# SQLite by default (nothing to install); PostgreSQL, the production target, when
# DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two near-simultaneous writes (a double click) must wait for each other, not
    # fail with "database is locked": IMMEDIATE takes the write lock when the
    # transaction starts, so no transaction ever has to upgrade its read lock
    # (which SQLite refuses at once, whatever the timeout); the timeout is how
    # long a writer waits its turn; WAL lets pages be read meanwhile.
    # https://docs.djangoproject.com/en/5.2/ref/databases/#database-is-locked-errors
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out username or address before any password
    # check (https://django-axes.readthedocs.io/en/latest/2_installation.html).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id first (users/hashers.py: OWASP's parameters, measured in
# docs/benchmarks.md); PBKDF2 kept after it so that existing hashes are still
# accepted, and upgraded to Argon2id at the next login.
PASSWORD_HASHERS = [
    "users.hashers.Argon2idOwaspHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "users:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "/"
# The Wagtail admin has no login form of its own here: everyone uses the site's.
WAGTAILADMIN_LOGIN_URL = "/connexion/"
WAGTAIL_FRONTEND_LOGIN_URL = "/connexion/"
# A reset link is valid for one use (Django invalidates it when the password
# changes) and for at most three days.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Login throttling: five failures for one account from one address lock that pair
# out for fifteen minutes. Counting by address alone would lock out everyone
# behind a centre's shared address after one person's mistakes; a looser limit
# per address (users.throttle, below) still stops a script trying many accounts.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "users/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# Limits of users.throttle (django-ratelimit, "count/period"), counted in the
# default cache: Redis in production when REDIS_URL is set, shared by every app
# server. Failed logins from one address, whatever the accounts; password reset
# requests per address and per e-mail; autosaves per user (a person typing sends
# one two seconds after the last keystroke, at most about 30 a minute).
LOGIN_FAILURES_PER_ADDRESS = "30/15m"
PASSWORD_RESET_RATES = {"ip": "10/h", "email": "3/h"}
AUTOSAVE_RATE = "300/5m"
# « Signaler un problème »: reports sent per address (support.views).
SUPPORT_REPORT_RATE = "5/h"
RATELIMIT_USE_CACHE = "default"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that must never have a public URL (avatars, candidates' uploads) live in a
# storage of their own, served only through views that check who is asking.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "users.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    # Hashed and compressed, never rewritten: DSFR's files carry integrity hashes.
    "staticfiles": {
        "BACKEND": "monbilan.static_files.IntactManifestStaticFilesStorage"
    },
}
# Upload size ceilings; each file field validates its own, tighter limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
AVATAR_MAX_BYTES = 2 * 1024 * 1024

# How long a closed bilan's working documents are kept (the candidate reads both
# on « Votre accord pour ce bilan »): destroyed this many days after closing,
# unless the candidate agrees in writing to keep them for the follow-up, then at
# most BILAN_RETENTION_MAX_DAYS (three years).
BILAN_RETENTION_DAYS = int(os.environ.get("MONBILAN_RETENTION_DAYS", "30"))
BILAN_RETENTION_MAX_DAYS = int(os.environ.get("MONBILAN_RETENTION_MAX_DAYS", "1095"))
# The candidate is e-mailed this many days before their documents are destroyed.
BILAN_DESTRUCTION_WARNING_DAYS = int(
    os.environ.get("MONBILAN_DESTRUCTION_WARNING_DAYS", "15")
)
# A bilan lasts at most 24 hours (Code du travail, L6313-4): planning beyond
# BILAN_MAX_HOURS of rendez-vous is refused. BILAN_MIN_HOURS (off when unset or
# 0; rules under discussion would set 13) only warns at « Clore le bilan ».
BILAN_MAX_HOURS = int(os.environ.get("MONBILAN_MAX_HOURS", "24"))
BILAN_MIN_HOURS = int(os.environ.get("MONBILAN_MIN_HOURS", "0") or 0)
# The follow-up (`send_follow_ups`): this many days after closing, the candidate
# is invited to « Où en êtes-vous six mois après votre bilan ? » and the
# conseiller reminded to plan an « Entretien de suivi ». 180 days: before the
# « 6 mois » a candidate may keep their documents (and account) for it ends.
BILAN_FOLLOW_UP_DAYS = int(os.environ.get("MONBILAN_FOLLOW_UP_DAYS", "180"))
# Accounts with no login for this long are warned (23 months), then removed as
# a purge does (24 months), in days; `purge_bilans` applies both.
INACTIVE_WARNING_DAYS = int(os.environ.get("MONBILAN_INACTIVE_WARNING_DAYS", "700"))
INACTIVE_PURGE_DAYS = int(os.environ.get("MONBILAN_INACTIVE_PURGE_DAYS", "730"))

# E-mails: console by default; EMAIL_BACKEND / EMAIL_FILE_PATH / EMAIL_HOST… from the
# environment. They are sent by a background task (django-tasks).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
if "EMAIL_FILE_PATH" in os.environ:
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Mon Bilan en Ligne <ne-pas-repondre@monbilanenligne.fr>"
)
# Where « Signaler un problème » writes when the académie has no support address
# of its own (Academie.support_email, set by a superuser).
SUPPORT_EMAIL = os.environ.get("MONBILAN_SUPPORT_EMAIL", "support@monbilan.localhost")
# How long the copy of a report is kept (days): then `purge_bilans` deletes it.
PROBLEM_REPORT_RETENTION_DAYS = int(
    os.environ.get("MONBILAN_PROBLEM_REPORT_DAYS", "365")
)

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

WAGTAIL_SITE_NAME = "Mon Bilan en Ligne"
# The site's address, for links written outside any request (commands, the task
# worker; inside a request, e-mails link to the host that request came to). Each
# environment sets it: dev from PORT, production from the environment (mandatory).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Outside production, e-mail links follow the host that served the request
# (users/site_url.py); production writes SITE_URL whatever Host the proxy sent.
SITE_URL_FROM_REQUEST = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party avatar service: nothing leaves the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", _("Français"))]

# Content-Security-Policy (django-csp; monbilan/csp.py says why the admin differs).
# The only third parties are the video players the embed blocks frame.
CSP_EMBED_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_EMBED_SOURCES],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin's preview panel frames the site; nobody else may.
        "frame-ancestors": ["'self'"],
    }
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/",)
CSP_ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Each line names its request (monbilan/request_id.py); JSON in production.
    "filters": {"request_id": {"()": "monbilan.request_id.RequestIdFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per task and per page revision drowns what matters.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs each step of each PDF (synthese/pdf.py), fontTools each font.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
