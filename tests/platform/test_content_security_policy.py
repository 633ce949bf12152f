"""Every response carries a Content-Security-Policy (issue 10, item 17): strict on
the site, with the additions Wagtail's admin needs on its paths only. The
browser side (no violation in Chromium) is tests/e2e/test_content_security_policy.py.
"""

import re
from pathlib import Path

from django.conf import settings

import pytest

from ..conseiller.conftest import answer

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part)
    }


def site_pages(world, phases):
    bilan = world.bilan
    phase = phases[0]
    return {
        None: ["/", "/connexion/", "/mot-de-passe/reinitialiser/"],
        "candidat": ["/tableau-de-bord/", "/mon-compte/", phase.url],
        "conseiller": [
            "/tableau-de-bord/",
            f"/bilans/{bilan.pk}/",
            f"/bilans/{bilan.pk}/phases/{phase.pk}/",
            f"/bilans/{bilan.pk}/messages/",
            "/candidats/ajouter/",
        ],
    }


def test_site_pages_run_under_a_strict_policy(client, world, phases):
    answer(world.bilan, phases[0])
    for role, urls in site_pages(world, phases).items():
        if role:
            client.force_login(getattr(world, role))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            directives = policy(response)
            assert directives["default-src"] == ["'self'"], url
            assert directives["script-src"] == ["'self'"], url
            assert directives["style-src"] == ["'self'"], url
            assert directives["object-src"] == ["'none'"], url
            assert directives["frame-ancestors"] == ["'self'"], url
            assert directives["form-action"] == ["'self'"], url


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("admin", "/admin/"),
        ("admin", "/admin/activite/"),
        ("admin", "/admin/statistiques/"),
        ("admin", "/admin/conseillers/new/"),
        ("referent", "/admin/pages/{phase}/edit/"),
    ],
)
def test_the_admin_gets_what_wagtail_needs_and_no_more(
    client, world, phases, role, url
):
    client.force_login(getattr(world, role))
    response = client.get(url.format(phase=phases[0].pk))
    assert response.status_code == 200
    directives = policy(response)
    # Wagtail 7.4 prints inline scripts and styles in its admin.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


INLINE = [
    # An inline script: a <script> without src (JSON data blocks are not run).
    re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>"),
    re.compile(r"<style[\s>]"),
    re.compile(r"\sstyle=\""),
    re.compile(r"\son[a-z]+=\""),
    re.compile(r"javascript:"),
]


def test_our_templates_hold_no_inline_script_or_style():
    """What the strict site policy would block: scripts and styles belong in
    static files."""
    found = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        for pattern in INLINE:
            found += [
                f"{template.relative_to(TEMPLATES)}: {match.group(0)}"
                for match in pattern.finditer(text)
            ]
    assert found == []
