"""The statistics' rendez-vous réalisés and hours, per DABM and per conseiller:
the figures of the académie only, flat query counts, and the sections other apps
add at the end of the page."""

import re
from html import unescape

from django.template import Template

from wagtail import hooks

import pytest

from phases.models import RendezVous
from phases.reports.statistics import rendezvous_by_conseiller, rendezvous_by_dabm

from ..factories import ConseillerFactory, DabmFactory, UserFactory, bilan_for
from ..rendezvous.emargement_helpers import rendezvous
from .test_activity import chart_labels

STATISTICS = "/admin/statistiques/"
REALISE = RendezVous.Status.REALISE
DABM_HEADING = "Rendez-vous réalisés et heures par DABM"
CONSEILLER_HEADING = "Rendez-vous réalisés et heures par conseiller"


@pytest.fixture
def held(world):
    """Lunel's bilan: three rendez-vous réalisés (7 h 30 in all, whatever was
    planned), one annulé, one planifié; Sète's: one réalisé of 45 minutes, one
    absent; Toulouse's: a réalisé one that Montpellier never counts."""
    rendezvous(world.bilan, minutes=180, status=REALISE, actual=180)
    rendezvous(world.bilan, minutes=120, status=REALISE, actual=180)
    rendezvous(world.bilan, minutes=90, status=REALISE, actual=90)
    rendezvous(world.bilan, minutes=240, status=RendezVous.Status.ANNULE)
    rendezvous(world.bilan, days=3, minutes=240)
    rendezvous(world.autre_bilan, minutes=60, status=REALISE, actual=45)
    rendezvous(world.autre_bilan, minutes=60, status=RendezVous.Status.ABSENT)
    rendezvous(world.bilan_toulouse, minutes=615, status=REALISE, actual=615)
    return world


def section_table(content, caption):
    """{row label: [cells]} of the table whose caption is given."""
    start = content.index(f'<caption class="w-sr-only">{caption}</caption>')
    table = content[start : content.index("</table>", start)]
    rows = re.findall(
        r'<tr>\s*<th scope="row">([^<]+)</th>((?:\s*<td[^>]*>[^<]*</td>)+)\s*</tr>',
        table,
    )
    return {label: re.findall(r"<td[^>]*>([^<]*)</td>", cells) for label, cells in rows}


def test_figures_per_dabm_and_conseiller(held):
    world = held
    assert [
        (row["label"], row["rendezvous"], row["minutes"], row["hours_display"])
        for row in rendezvous_by_dabm(world.admin)
    ] == [("Lunel", 3, 450, "7 h 30"), ("Sète", 1, 45, "0 h 45")]
    assert [
        (row["label"], row["rendezvous"], row["hours"])
        for row in rendezvous_by_conseiller(world.admin)
    ] == sorted(
        [(str(world.conseiller), 3, 7.5), (str(world.autre_conseiller), 1, 0.8)]
    )
    # Toulouse's administrator sees Toulouse's only.
    assert [
        (row["label"], row["rendezvous"], row["hours_display"])
        for row in rendezvous_by_dabm(world.admin_toulouse)
    ] == [("Toulouse", 1, "10 h 15")]


def test_the_page_shows_both_sections(client_as, held):
    world = held
    content = unescape(client_as("admin").get(STATISTICS).content.decode())
    assert f"<h2>{DABM_HEADING}</h2>" in content
    assert f"<h2>{CONSEILLER_HEADING}</h2>" in content
    assert section_table(content, DABM_HEADING) == {
        "Lunel": ["3", "7 h 30"],
        "Sète": ["1", "0 h 45"],
    }
    assert section_table(content, CONSEILLER_HEADING) == {
        str(world.conseiller): ["3", "7 h 30"],
        str(world.autre_conseiller): ["1", "0 h 45"],
    }
    # The cells name their column for the phone's card layout.
    assert '<td data-label="Heures réalisées">7 h 30</td>' in content
    assert "10 h 15" not in content and str(world.conseiller_toulouse) not in content
    # Each chart: two bars per row, the count and the hours, and a legend.
    for chart_id, labels in [
        ("graphique-rendez-vous-dabm", ["Lunel", "Sète"]),
        (
            "graphique-rendez-vous-conseillers",
            sorted([str(world.conseiller), str(world.autre_conseiller)]),
        ),
    ]:
        figure, chart_rows, bars = chart_labels(content, chart_id)
        assert chart_rows == labels
        assert bars == 2 * len(labels)
        assert re.findall(r"</svg>([^<]+)</li>", figure) == [
            "Rendez-vous réalisés",
            "Heures réalisées",
        ]
    figure, _rows, _bars = chart_labels(content, "graphique-rendez-vous-dabm")
    # Hours as a number of hours with one decimal, written the French way.
    assert "<title>7,5</title>" in figure and "<title>3</title>" in figure


def test_the_same_queries_for_3_and_60_rendezvous(
    client_as, world, phases, django_assert_num_queries, django_assert_max_num_queries
):
    rendezvous(world.bilan, status=REALISE, actual=60)
    rendezvous(world.autre_bilan, status=REALISE, actual=30)
    rendezvous(world.bilan, status=RendezVous.Status.ANNULE)
    client = client_as("admin")
    client.get(STATISTICS)  # warm the caches: count steady queries
    with django_assert_max_num_queries(60) as few:
        client.get(STATISTICS)
    # 57 more, on new bilans of a new DABM and new conseillers too.
    beziers = DabmFactory(academie=world.montpellier, name="Béziers")
    bilans = [world.bilan, world.autre_bilan]
    for index in range(3):
        conseiller = ConseillerFactory(username=f"conseiller.{index}", dabm=beziers)
        candidate = UserFactory(username=f"candidat.{index}", dabm=beziers)
        bilans.append(bilan_for(candidate, conseiller, phases[:2]))
    held_in_beziers = 0
    for index in range(57):
        bilan = bilans[index % len(bilans)]
        status = REALISE if index % 3 else RendezVous.Status.PLANIFIE
        rendezvous(
            bilan, minutes=30, status=status, actual=30 if status == REALISE else None
        )
        held_in_beziers += bilan.dabm_id == beziers.pk and status == REALISE
    assert RendezVous.objects.visible_to(world.admin).count() == 60
    with django_assert_num_queries(len(few.captured_queries)):
        content = unescape(client.get(STATISTICS).content.decode())
    assert held_in_beziers == 22
    assert section_table(content, DABM_HEADING)["Béziers"] == ["22", "11 h"]


def test_other_apps_add_their_sections_at_the_end(client_as, world):
    seen = []

    def section(user):
        seen.append(user)
        return {
            "template": Template(
                "<h2>{{ section.heading }}</h2><p>{{ section.figure }}</p>"
            ),
            "context": {"heading": "Section ajoutée", "figure": "42 sur 43"},
        }

    with hooks.register_temporarily("monbilan_statistics_sections", section):
        content = unescape(client_as("admin").get(STATISTICS).content.decode())
    assert seen == [world.admin]
    assert "<h2>Section ajoutée</h2><p>42 sur 43</p>" in content
    assert content.index(CONSEILLER_HEADING) < content.index("Section ajoutée")
