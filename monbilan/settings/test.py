"""Test settings: fast hasher, in-memory e-mail and cache, immediate tasks."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
# The test client's host: links written outside a request open where the tests
# follow them (tests/conftest.py points it at the live server in browser tests).
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Uploaded files go to throw-away folders, never into the working tree.
MEDIA_ROOT = tempfile.mkdtemp(prefix="monbilan-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="monbilan-private-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    },
    "private": {
        "BACKEND": "users.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    # No manifest in tests: templates may reference static files before collectstatic.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
