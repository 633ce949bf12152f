"""Small helpers shared by the browser journeys."""

import io

import pytest
from PIL import Image

from phases.content.install import body_from_content
from phases.models import PhasePage
from tests.factories import PASSWORD

# Every e2e module starts with `pytestmark = E2E`.
E2E = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, username, password=PASSWORD):
    """Log in through the login page, by its visible labels."""
    page.goto("/connexion/")
    page.get_by_label("Nom d'utilisateur", exact=True).fill(username)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def publish_body(page, body):
    """Publish a new body ([(block type, plain value), …]) for a phase page."""
    page = PhasePage.objects.get(pk=page.pk)
    page.body = body_from_content(body)
    page.save_revision().publish()
    return PhasePage.objects.get(pk=page.pk)


def png_bytes(size=(32, 32), color=(0, 99, 203)):
    """A small, real PNG made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()
