"""Each page's <title> says what the page is and whose (RGAA 8.6); public pages
describe themselves in a <meta name="description">."""

import html
import re

import pytest

from home.models import ContentPage, HomePage
from phases.templatetags.french_text import of_name

from .pages import site_pages

SERVICE = "Mon Bilan en Ligne"


def title(page_html):
    found = re.search(r"<title>(.*?)</title>", page_html, re.S)
    return " ".join(html.unescape(found.group(1)).split())


def description(page_html):
    found = re.search(r'<meta name="description" content="([^"]*)"', page_html)
    return html.unescape(found.group(1)) if found else None


@pytest.mark.urls("tests.markup.pages")
def test_every_page_title_names_the_page_and_whose_it_is(world, phases):
    pages = site_pages(world, phases)
    titles = {name: title(page_html) for name, page_html in pages.items()}

    for name, text in titles.items():
        assert text.endswith(f" — {SERVICE}"), (name, text)
        assert f"{SERVICE} — {SERVICE}" not in text, (name, text)

    assert titles["accueil"] == f"Accueil — {SERVICE}"
    candidat, conseiller = world.candidat, world.conseiller
    assert titles["candidat: messages"] == f"Messages avec {conseiller} — {SERVICE}"
    assert titles["conseiller: messages"] == f"Messages avec {candidat} — {SERVICE}"
    assert titles["conseiller: bilan"] == f"Bilan {of_name(candidat)} — {SERVICE}"
    assert titles["conseiller: modifier le bilan"] == (
        f"Modifier le bilan {of_name(candidat)} — {SERVICE}"
    )
    for number, phase in enumerate(phases, start=1):
        assert titles[f"conseiller: phase {number}"] == (
            f"{phase.title} — Réponses {of_name(candidat)} — {SERVICE}"
        )
        assert titles[f"candidat: phase {number}"] == f"{phase.title} — {SERVICE}"
    assert titles["conseiller: aperçu d'une phase"] == (
        f"Aperçu : {phases[0].title} — {SERVICE}"
    )
    assert titles["candidat: recherche"] == (
        f"Résultats de la recherche « phase » — {SERVICE}"
    )

    # Within a role, two different pages never share a title (a form shown again
    # with its errors is the same page).
    by_role = {}
    for name, text in titles.items():
        if "(" in name:
            continue
        role = name.split(": ")[0] if ": " in name else "anonyme"
        by_role.setdefault(role, {}).setdefault(text, []).append(name)
    for role, seen in by_role.items():
        shared = {text: names for text, names in seen.items() if len(names) > 1}
        assert not shared, (role, shared)


def test_public_pages_have_a_meta_description(client, world):
    from home.setup import install_site_pages

    install_site_pages()
    home = HomePage.objects.get()
    text = description(client.get("/").content.decode())
    assert text and "bilan de compétences" in text.lower()

    for page in ContentPage.objects.live():
        text = description(client.get(page.url).content.decode())
        assert text, page.url

    # The pages a visitor reaches before logging in describe themselves too.
    for url in ("/connexion/", "/mot-de-passe/reinitialiser/"):
        text = description(client.get(url).content.decode())
        assert text and "Mon Bilan en Ligne" in text, url

    # The référent's own description (Promotion tab) comes first.
    home.search_description = "Faites le point sur votre carrière avec un conseiller."
    home.save_revision().publish()
    text = description(client.get("/").content.decode())
    assert text == "Faites le point sur votre carrière avec un conseiller."


def test_private_pages_have_no_meta_description(client_as, world):
    page_html = client_as("candidat").get("/tableau-de-bord/").content.decode()
    assert description(page_html) is None


def test_de_elides_before_a_vowel_or_a_mute_h():
    assert of_name("Inès Bonnet") == "d'Inès Bonnet"
    assert of_name("Hugo Lefèvre") == "d'Hugo Lefèvre"
    assert of_name("Élodie Garcia") == "d'Élodie Garcia"
    assert of_name("Gaëlle Moreau") == "de Gaëlle Moreau"


def test_a_bilan_page_elides_de_before_the_candidates_name(client_as, world):
    world.candidat.first_name, world.candidat.last_name = "Inès", "Bonnet"
    world.candidat.save()
    page_html = client_as("conseiller").get(f"/bilans/{world.bilan.pk}/")
    assert title(page_html.content.decode()) == f"Bilan d'Inès Bonnet — {SERVICE}"
