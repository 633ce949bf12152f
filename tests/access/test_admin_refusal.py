"""Logged-in users the Wagtail admin is not for get a French 403, never a loop.

Wagtail sends them to the login page, which sends a logged-in user back to
`next`: ERR_TOO_MANY_REDIRECTS in a browser. Every URL of the admin (Wagtail's and
the project's) is tried, with redirects followed as a browser does.
"""

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

import pytest

CONVERTER_SAMPLES = {"int": "1", "uuid": str(uuid.UUID(int=1))}


def concrete(route):
    """A path matching a route: each `<converter:name>` becomes a sample value."""

    def sample(match):
        converter = match.group(1) or "str"
        return CONVERTER_SAMPLES.get(converter, "x")

    return re.sub(r"<(?:(\w+):)?\w+>", sample, route)


def admin_paths():
    """One concrete path per admin URL pattern written as a route."""
    admin = next(
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and str(p.pattern) == "admin/"
    )

    def walk(patterns, prefix):
        for pattern in patterns:
            if not isinstance(pattern.pattern, RoutePattern):
                continue  # a few regex patterns; their families have routes too
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                assert isinstance(pattern, URLPattern)
                yield "/" + concrete(route)

    return sorted(set(walk(admin.url_patterns, "admin/")))


def test_the_walk_covers_wagtail_and_the_project():
    paths = admin_paths()
    families = {path.split("/")[2] for path in paths if path.count("/") > 2}
    assert {"pages", "images", "documents", "users", "snippets", "reports"} <= (
        families
    )
    assert {"conseillers", "candidats", "activite", "statistiques"} <= families
    assert "/admin/" in paths


@pytest.mark.parametrize("role", ["candidat", "conseiller"])
def test_every_admin_url_answers_403_with_a_way_back(client_as, role):
    client = client_as(role)
    for path in admin_paths():
        response = client.get(path, follow=True)
        assert response.status_code == 403, path
        assert len(response.redirect_chain) <= 1, (path, response.redirect_chain)
    content = response.content.decode()
    assert "Accès refusé" in content
    assert 'href="/tableau-de-bord/"' in content
    assert "Tableau de bord" in content
    assert '<html lang="fr"' in content


def test_the_admin_home_answers_403_without_redirect(client_as):
    response = client_as("candidat").get("/admin/")
    assert response.status_code == 403
    assert "Vous n'avez pas l'autorisation d'accéder à cette page." in (
        response.content.decode()
    )


def test_anonymous_visitors_still_go_to_the_login_page(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=")


@pytest.mark.parametrize("role", ["referent", "admin", "superuser"])
def test_staff_still_reach_the_admin(client_as, role):
    assert client_as(role).get("/admin/").status_code == 200
