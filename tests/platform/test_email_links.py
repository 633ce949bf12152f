"""Links in e-mails open on the site that sent them (issue 10, item 4)."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.core import mail
from django.test import TestCase

import pytest

from phases.emails import (
    notify_new_post,
    notify_phase_completed,
    notify_phase_validated,
)
from phases.rules.threads import post_message

from ..conseiller.conftest import answer, first_question

HOST = "bilan.exemple.fr:8123"


class RunOnCommitInsideRequest:
    """Test-only middleware: run on-commit callbacks before the response leaves.

    In production a view's transaction commits inside the request, so the
    e-mails are written while it is being answered; the test database's outer
    transaction would otherwise delay them until after it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return self.get_response(request)


@pytest.fixture
def commits_inside_requests(settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        f"{__name__}.RunOnCommitInsideRequest",
    ]


def links(message):
    return [word for word in message.body.split() if "://" in word]


def test_comment_and_message_links_use_the_host_of_the_request(
    client, world, phases, commits_inside_requests
):
    phase = phases[0]
    answer(world.bilan, phase)
    block_id = first_question(phase).id
    client.force_login(world.conseiller)
    client.post(
        f"/bilans/{world.bilan.pk}/phases/{phase.pk}/commentaires/",
        {"block_id": block_id, "body": "Pouvez-vous préciser ?"},
        HTTP_HOST=HOST,
    )
    client.post(
        f"/bilans/{world.bilan.pk}/messages/",
        {"body": "Rendez-vous jeudi."},
        HTTP_HOST=HOST,
    )
    client.post(f"/bilans/{world.bilan.pk}/phases/{phase.pk}/valider/", HTTP_HOST=HOST)
    client.post(f"/bilans/{world.bilan.pk}/phases/{phase.pk}/rouvrir/", HTTP_HOST=HOST)
    kinds = [message.subject for message in mail.outbox]
    assert len(mail.outbox) == 4, kinds
    for message in mail.outbox:
        assert links(message), message.subject
        for link in links(message):
            assert link.startswith(f"http://{HOST}/"), (message.subject, link)
    # The suite's own check (tests/conftest.py) follows them on the test host.
    mail.outbox.clear()


def test_production_links_ignore_the_host_the_proxy_sent(
    client, world, phases, commits_inside_requests, settings
):
    """Behind a proxy the app server may see an internal Host: never in a link."""
    settings.SITE_URL = "https://monbilan.ac-exemple.fr"
    settings.SITE_URL_FROM_REQUEST = False
    phase = phases[0]
    answer(world.bilan, phase)
    client.force_login(world.conseiller)
    client.post(
        f"/bilans/{world.bilan.pk}/messages/",
        {"body": "Rendez-vous jeudi."},
        HTTP_HOST="app-2.interne:8000",
    )
    assert len(mail.outbox) == 1
    assert links(mail.outbox[0])
    for link in links(mail.outbox[0]):
        assert link.startswith("https://monbilan.ac-exemple.fr/"), link
    mail.outbox.clear()


def test_outside_a_request_links_use_site_url(world, phases, settings):
    settings.SITE_URL = "https://monbilan.ac-exemple.fr"
    submission = answer(world.bilan, phases[1])
    notify_phase_completed(submission)
    notify_phase_validated(submission)
    post = post_message(world.bilan, author=world.candidat, body="Merci.", notify=False)
    notify_new_post(post)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        for link in links(message):
            assert link.startswith("https://monbilan.ac-exemple.fr/")
    mail.outbox.clear()


def _settings_process(module, **env):
    """Import a settings module in a fresh interpreter, with only `env` set."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SITE_URL", "PORT", "DJANGO_SETTINGS_MODULE"}
    }
    code = f"import {module} as s; print(s.SITE_URL); print(s.WAGTAILADMIN_BASE_URL)"
    return subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "monbilan.ac-exemple.fr",
    "DATABASE_URL": "sqlite:///unused.sqlite3",
}


def test_production_refuses_to_start_without_site_url():
    result = _settings_process("monbilan.settings.production", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "SITE_URL is required in production" in result.stderr


def test_production_links_use_site_url():
    result = _settings_process(
        "monbilan.settings.production",
        **PRODUCTION_ENV,
        SITE_URL="https://monbilan.ac-exemple.fr/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://monbilan.ac-exemple.fr"] * 2


def test_development_links_use_the_port_make_run_serves():
    result = _settings_process("monbilan.settings.dev", PORT="8123")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["http://127.0.0.1:8123"] * 2
