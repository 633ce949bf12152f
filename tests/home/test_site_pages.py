"""The legal pages the footer links to exist, and the footer tells the truth."""

import re

from home.setup import install_site_pages


def test_footer_links_reach_installed_pages_and_match_the_declaration(client, db):
    install_site_pages()
    install_site_pages()  # idempotent: nothing duplicated, nothing overwritten
    home = client.get("/")
    assert home.status_code == 200
    footer = home.content.decode().split('class="fr-footer"', 1)[1]
    links = re.findall(
        r'class="fr-footer__bottom-link" href="([^"]+)">([^<]+)<', footer
    )
    assert [href for href, _text in links] == [
        "/accessibilite/",
        "/mentions-legales/",
        "/donnees-personnelles/",
    ]
    for href, _text in links:
        assert client.get(href).status_code == 200, href

    # No audit has been made: the RGAA wants "non conforme", in the footer and in
    # the declaration alike.
    assert dict(links)["/accessibilite/"] == "Accessibilité : non conforme"
    declaration = client.get("/accessibilite/").content.decode()
    assert "est <b>non conforme</b>" in declaration
    assert "partiellement conforme" not in declaration
