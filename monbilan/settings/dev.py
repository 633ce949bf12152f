"""Local development: DEBUG on, a default secret, e-mails on the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-not-for-production")
ALLOWED_HOSTS = ["*"]
