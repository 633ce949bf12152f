"""Issue 17: the admin looks like the service — its title, the DSFR's block
marque in place of Wagtail's bird, on every admin page, its 404 included."""

import re

import pytest


@pytest.mark.parametrize("role", ["admin", "superuser", "referent"])
def test_admin_is_branded_as_the_service(client_as, world, role):
    client = client_as(role)
    for url in ("/admin/", "/admin/page-qui-n-existe-pas/"):
        response = client.get(url)
        content = response.content.decode()
        assert re.search(r"<title>[^<]* - Mon Bilan en Ligne</title>", content), url
        assert (
            '<span class="fr-logo fr-logo--sm">République<br>Française</span>'
            in content
        ), url
        assert "dsfr/dist/component/logo/logo" in content, url
        assert "dsfr/dist/favicon/favicon" in content, url
        assert "icon-wagtail" not in content, url
    assert client.get("/admin/page-qui-n-existe-pas/").status_code == 404


def test_the_admin_404_speaks_of_the_service(client_as, world):
    content = client_as("admin").get("/admin/nulle-part/").content.decode()
    assert "Erreur 404" in content
    assert 'href="/admin/">Retour au tableau de bord</a>' in content
    main = re.search(r"<main.*?</main>", content, re.S).group(0)
    assert "Wagtail" not in re.sub(r"<[^>]+>", "", main)


def test_the_sidebar_logo_template_holds_the_block_marque(client_as, world):
    content = client_as("admin").get("/admin/").content.decode()
    template = re.search(
        r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", content, re.S
    ).group(1)
    assert 'class="monbilan-marque"' in template
    assert "Mon Bilan en Ligne" in template
