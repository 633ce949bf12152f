"""The site's breadcrumbs (django-dsfr's `{% dsfr_breadcrumb %}`): each crumb's
text and link, in order, the current page last and unlinked."""

from django.urls import reverse

from bs4 import BeautifulSoup

from phases.templatetags.french_text import of_name


def crumbs(response):
    assert response.status_code == 200
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.fr-breadcrumb")
    assert nav is not None, "no breadcrumb"
    return [
        (link.get_text(strip=True), link.get("href"), link.get("aria-current"))
        for link in nav.select("a.fr-breadcrumb__link")
    ]


def test_candidate_phase_page(client_as, world, phases):
    phase = world.bilan.selected_phases.first().phase
    response = client_as("candidat").get(phase.url)
    assert crumbs(response) == [
        ("Accueil", "/", None),
        ("Tableau de bord", reverse("dashboard"), None),
        (phase.title, None, "page"),
    ]


def test_conseiller_bilan_detail(client_as, world):
    response = client_as("conseiller").get(
        reverse("bilan_detail", args=[world.bilan.pk])
    )
    assert crumbs(response) == [
        ("Accueil", "/", None),
        ("Tableau de bord", reverse("dashboard"), None),
        (str(world.candidat), None, "page"),
    ]


def test_conseiller_bilan_phase(client_as, world):
    phase = world.bilan.selected_phases.first().phase
    response = client_as("conseiller").get(
        reverse("bilan_phase", args=[world.bilan.pk, phase.pk])
    )
    assert crumbs(response) == [
        ("Accueil", "/", None),
        ("Tableau de bord", reverse("dashboard"), None),
        (
            f"Bilan {of_name(world.candidat)}",
            reverse("bilan_detail", args=[world.bilan.pk]),
            None,
        ),
        (phase.title, None, "page"),
    ]
