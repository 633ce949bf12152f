"""Tableau d'activité, its exports, the candidates listing, statistics and journal."""

import csv
import io
import re
from html import unescape

from django.utils import timezone

from wagtail.log_actions import log
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

import pytest
from openpyxl import load_workbook

from phases.models import Bilan, PhaseSubmission
from phases.reports.activity import ACTIVITY_COLUMNS
from phases.rules.bilans import create_bilan

from ..factories import ConseillerFactory, UserFactory, bilan_for

ACTIVITY = "/admin/activite/"
HEADER = ["Identifiant", "DABM", "Conseiller", "Modalité", "Phases", "Phase terminée"]
# Issue 14: after the seed's six, in this order.
ADDED = ["Heures réalisées", "Début", "Dernière activité"]
SECRET_ANSWER = "Réponse confidentielle du candidat 7f3a"


def table_of(content):
    """The listing table alone (filter choices live elsewhere on the page)."""
    if '<table class="listing' not in content:
        return ""  # an empty listing has no table
    start = content.index('<table class="listing')
    return content[start : content.index("</table>", start)]


def complete(bilan, phase, status=PhaseSubmission.Status.TERMINEE, **fields):
    return PhaseSubmission.objects.create(
        bilan=bilan,
        phase=phase,
        status=status,
        answers={"x": SECRET_ANSWER},
        completed_at=fields.pop("completed_at", timezone.now()),
        **fields,
    )


def read_csv(response):
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def expected_row(bilan):
    selected = [bp.phase for bp in bilan.selected_phases.select_related("phase")]
    done = set(
        bilan.submissions.filter(status__in=PhaseSubmission.DONE).values_list(
            "phase_id", flat=True
        )
    )
    return [
        str(bilan.candidate_id),
        bilan.dabm.name,
        str(bilan.conseiller),
        bilan.get_modalite_display(),
        ", ".join(p.title for p in selected),
        ", ".join(p.title for p in selected if p.id in done),
    ]


@pytest.fixture
def many_bilans(world, phases):
    """A few hundred bilans across the two académies, with completed phases."""
    conseillers = [world.conseiller, world.autre_conseiller, world.referent]
    modalites = ["presentiel", "distance", "mixte"]
    for index in range(150):
        conseiller = conseillers[index % 3]
        candidate = UserFactory(username=f"gen.mtp.{index}", dabm=conseiller.dabm)
        bilan = create_bilan(
            candidate=candidate,
            conseiller=conseiller,
            modalite=modalites[index % 3],
            phases=phases[: 4 + index % 7],
        )
        for phase in phases[: index % 5]:
            complete(bilan, phase)
    for index in range(100):
        candidate = UserFactory(
            username=f"gen.tls.{index}", dabm=world.conseiller_toulouse.dabm
        )
        create_bilan(
            candidate=candidate,
            conseiller=world.conseiller_toulouse,
            modalite="mixte",
            phases=phases,
        )
    return world


def test_activity_table_columns_and_bottom_csv_button(client_as, world, phases):
    complete(world.bilan, phases[0])
    content = unescape(client_as("admin").get(ACTIVITY).content.decode())
    for heading in HEADER + ADDED:
        assert f">{heading}<" in content.replace("\n", "").replace("  ", "") or (
            heading in content
        )
    # The CSV button stands at the bottom, after the table.
    assert content.index("Phase terminée") < content.rindex("export=csv")
    assert content.rindex("</table>") < content.rindex("export=csv")
    assert "XLSX" in content
    assert "Contexte de la demande, Retour historique" in content
    assert SECRET_ANSWER not in content


def cells(html, tag):
    """The texts of the `tag` cells of each row of an HTML table."""
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(rf"<{tag}\b.*?</{tag}>", row, re.DOTALL)
        ]
        for row in re.findall(r"<tr\b.*?</tr>", html, re.DOTALL)
        if f"<{tag}" in row
    ]


def test_screen_csv_and_xlsx_read_the_one_definition_of_the_columns(
    client_as, world, phases
):
    """The six columns are defined once: the page, the CSV and the XLSX show the
    same labels in the same order, and the same values under them."""
    complete(world.bilan, phases[0])
    definition = [str(column.label) for column in ACTIVITY_COLUMNS]
    assert definition == HEADER + ADDED  # DESIGN.md §5, then issue 14
    client = client_as("admin")
    table = table_of(unescape(client.get(ACTIVITY).content.decode()))
    [on_screen] = cells(table, "th")
    csv_rows = read_csv(client.get(ACTIVITY, {"export": "csv"}))
    response = client.get(ACTIVITY, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    xlsx_rows = [
        ["" if c is None else str(c) for c in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert on_screen == csv_rows[0] == xlsx_rows[0] == definition
    # Each cell names its column on a phone, from the same labels.
    assert re.findall(r'<td data-label="([^"]+)"', table)[:9] == definition
    assert cells(table, "td") == csv_rows[1:] == xlsx_rows[1:]


CSV_BUTTON = re.compile(
    r'<a class="button bicolor button--icon" href="([^"]+)" download>'
    r".*?</span>CSV\s*</a>",
    re.DOTALL,
)


def test_csv_button_stays_when_no_row_matches(client_as, world):
    """No bilan is "à distance": no table, yet the bottom CSV button remains."""
    client = client_as("admin")
    usual = unescape(client.get(ACTIVITY, {"modalite": "presentiel"}).content.decode())
    assert table_of(usual)
    assert CSV_BUTTON.findall(usual) == [f"{ACTIVITY}?modalite=presentiel&export=csv"]
    for url in (ACTIVITY, ACTIVITY + "resultats/"):
        content = unescape(client.get(url, {"modalite": "distance"}).content.decode())
        assert table_of(content) == ""
        assert CSV_BUTTON.findall(content) == [f"{url}?modalite=distance&export=csv"]
        # Still at the bottom, after the "no results" message.
        assert content.index("Il n'y a pas de résultats.") < content.rindex(
            "</span>CSV"
        )
    response = client.get(ACTIVITY, {"modalite": "distance", "export": "csv"})
    assert response.status_code == 200
    assert read_csv(response) == [HEADER + ADDED]


def test_csv_is_the_whole_filtered_table(client_as, many_bilans):
    client = client_as("admin")
    rows = read_csv(client.get(ACTIVITY, {"export": "csv"}))
    assert rows[0] == HEADER + ADDED
    bilans = Bilan.objects.visible_to(many_bilans.admin).order_by("-candidate_id")
    assert len(rows) - 1 == bilans.count() == 152
    assert [row[:6] for row in rows[1:]] == [expected_row(b) for b in bilans]
    # Only the académie's rows: none of Toulouse's 100 candidates.
    toulouse_ids = set(
        Bilan.objects.filter(dabm__academie=many_bilans.toulouse).values_list(
            "candidate_id", flat=True
        )
    )
    assert not toulouse_ids & {int(r[0]) for r in rows[1:]}


def test_csv_follows_the_filters(client_as, many_bilans, phases):
    client = client_as("admin")
    rows = read_csv(
        client.get(
            ACTIVITY,
            {"export": "csv", "dabm": many_bilans.sete.pk, "modalite": "distance"},
        )
    )
    expected = Bilan.objects.filter(dabm=many_bilans.sete, modalite="distance")
    assert len(rows) - 1 == expected.count() > 0
    assert {r[1] for r in rows[1:]} == {"Sète"}
    assert {r[3] for r in rows[1:]} == {"A distance"}

    done_second = read_csv(
        client.get(ACTIVITY, {"export": "csv", "phase_terminee": phases[1].pk})
    )
    assert all(phases[1].title in r[5] for r in done_second[1:])
    not_done = read_csv(
        client.get(ACTIVITY, {"export": "csv", "phase_non_terminee": phases[1].pk})
    )
    assert all(phases[1].title not in r[5] for r in not_done[1:])
    assert all(phases[1].title in r[4] for r in not_done[1:])
    assert len(done_second) + len(not_done) - 2 == 152


def test_html_table_is_paginated_and_filters_by_conseiller(client_as, many_bilans):
    client = client_as("admin")
    content = client.get(ACTIVITY).content.decode()
    assert "Page 1 sur 4" in content
    content = client.get(
        ACTIVITY, {"conseiller": many_bilans.referent.pk}
    ).content.decode()
    rows = table_of(content)
    assert str(many_bilans.referent) in rows
    assert str(many_bilans.autre_conseiller) not in rows


def test_filter_choices_never_show_another_academie(client_as, world):
    content = client_as("admin").get(ACTIVITY).content.decode()
    assert str(world.conseiller_toulouse) not in content
    assert ">Toulouse<" not in content


def test_xlsx_export(client_as, world, phases):
    complete(world.bilan, phases[0])
    response = client_as("admin").get(ACTIVITY, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert list(rows[0]) == HEADER + ADDED
    assert len(rows) == 3  # header + the two Montpellier bilans
    # The same rows as the CSV (both read the plain values of activity_rows).
    csv_rows = read_csv(client_as("admin").get(ACTIVITY, {"export": "csv"}))
    assert sorted([str(c or "") for c in row] for row in rows[1:]) == sorted(
        csv_rows[1:]
    )


@pytest.mark.parametrize("payload", ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_neutralises_formulas(client_as, world, payload):
    world.conseiller.first_name = payload
    world.conseiller.save()
    rows = read_csv(client_as("admin").get(ACTIVITY, {"export": "csv"}))
    cells = [r[2] for r in rows[1:]]
    assert any(cell.startswith("'" + payload) for cell in cells)
    assert not any(cell.startswith(payload[0]) for cell in cells)


def test_export_is_recorded_in_the_journal(client_as, world):
    client = client_as("admin")
    b"".join(
        client.get(ACTIVITY, {"export": "csv", "modalite": "mixte"}).streaming_content
    )
    entry = ModelLogEntry.objects.get(action="monbilan.activity_export")
    assert entry.user == world.admin
    assert entry.data["format"] == "csv"
    assert entry.data["filtres"] == {"modalite": "mixte"}
    journal = unescape(client.get("/admin/journal/").content.decode())
    assert "Export du tableau d'activité" in table_of(journal)
    client.force_login(world.admin_toulouse)
    journal = unescape(client.get("/admin/journal/").content.decode())
    assert "Export du tableau d'activité" not in table_of(journal)


#: The journal's "Action" filter, as the administrators have always read it.
JOURNAL_ACTIONS = [
    ("", "Toutes"),
    ("wagtail.create", "Création"),
    ("wagtail.edit", "Modification"),
    ("monbilan.account.block", "Compte bloqué"),
    ("monbilan.account.unblock", "Compte débloqué"),
    ("monbilan.account.referent_on", "Rôle conseiller référent attribué"),
    ("monbilan.account.referent_off", "Rôle conseiller référent retiré"),
    ("monbilan.account.dabm", "DABM modifié"),
    ("monbilan.account.invitation_resent", "Invitation renvoyée"),
]


def test_journal_filters_on_the_registered_actions_in_french(client_as, world):
    """The filter's choices are the actions registered with Wagtail, labelled as
    registered: an action the project registers is offered without a second list."""
    client = client_as("admin")
    content = unescape(client.get("/admin/journal/").content.decode())
    select = content[content.index('<select name="action"') :]
    select = select[: select.index("</select>")]
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options[: len(JOURNAL_ACTIONS)] == JOURNAL_ACTIONS
    # From "Compte bloqué" on, the actions the project registers, as registered.
    for action, label in options[3:]:
        assert action.startswith("monbilan.")
        assert label == str(log_action_registry.get_action_label(action))

    log(instance=world.conseiller, action="monbilan.account.block", user=world.admin)
    log(instance=world.conseiller, action="monbilan.account.dabm", user=world.admin)
    journal = table_of(
        unescape(
            client.get(
                "/admin/journal/", {"action": "monbilan.account.block"}
            ).content.decode()
        )
    )
    assert "Compte bloqué" in journal
    assert "DABM modifié" not in journal


def test_activity_query_count_does_not_grow(
    client_as, world, phases, django_assert_max_num_queries
):
    client = client_as("admin")
    client.get(ACTIVITY)
    with django_assert_max_num_queries(25) as small:
        client.get(ACTIVITY)
    for index in range(30):
        candidate = UserFactory(username=f"extra{index}", dabm=world.lunel)
        bilan = create_bilan(
            candidate=candidate,
            conseiller=world.conseiller,
            modalite="mixte",
            phases=phases,
        )
        complete(bilan, phases[0])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(ACTIVITY).status_code == 200
    # The export streams: a handful of queries (one per chunk and prefetch), no
    # count, whatever the number of rows.
    with django_assert_max_num_queries(12) as export:
        b"".join(client.get(ACTIVITY, {"export": "csv"}).streaming_content)
    assert not any("COUNT(" in q["sql"] for q in export.captured_queries)


def test_candidats_listing_and_dashboard(client_as, world, phases):
    complete(world.bilan, phases[0])
    client = client_as("admin")
    content = unescape(client.get("/admin/candidats/").content.decode())
    assert str(world.candidat) in content and str(world.autre_candidat) in content
    assert str(world.candidat_toulouse) not in content
    assert "1 sur 10" in content
    content = unescape(
        client.get(
            "/admin/candidats/", {"conseiller": world.conseiller.pk}
        ).content.decode()
    )
    assert str(world.autre_candidat) not in content
    home = unescape(client.get("/admin/").content.decode())
    home = home[home.index("<main") :]
    assert (
        home.index("Tableau d'activité")
        < home.index("Conseillers")
        < home.index("Candidats")
    )
    assert "Ajouter un conseiller" in home
    assert str(world.candidat_toulouse) not in home
    assert SECRET_ANSWER not in home + content


def test_statistics(client_as, world, phases):
    start = world.bilan.start_date
    complete(world.bilan, phases[0], completed_at=timezone.now())
    complete(world.bilan, phases[1], status=PhaseSubmission.Status.VALIDEE)
    complete(world.bilan_toulouse, phases[0])
    content = unescape(client_as("admin").get("/admin/statistiques/").content.decode())
    assert "<svg" in content and 'role="img"' in content
    # Cells name their column (data-label) for the phone's card layout.
    rows = re.findall(
        r"<tr><th scope=\"row\">([^<]+)</th>((?:<td[^>]*>[^<]*</td>)+)</tr>", content
    )
    table = {
        label: re.findall(r"<td[^>]*>([^<]*)</td>", cells) for label, cells in rows
    }
    # Montpellier only: two bilans select the first phase, one completed it.
    assert table["Contexte de la demande"][:3] == ["2", "1", "0"]
    assert table["Retour historique"][:3] == ["2", "1", "1"]
    assert table["Contexte de la demande"][3] == str(
        (timezone.localdate() - start).days
    )
    assert table["Lunel"] == ["1", "10", "2"]
    assert "Toulouse" not in table
    assert SECRET_ANSWER not in content


def chart_labels(content, chart_id):
    """The row labels and the number of bars of one SVG chart of the page."""
    title = content.index(f'id="{chart_id}-title"')
    figure = content[
        content.rindex("<figure", 0, title) : content.index("</figure>", title)
    ]
    labels = re.findall(
        r'<text x="0" y="\d+" font-size="12"[^>]*>([^<]*)</text>', figure
    )
    return figure, labels, figure.count("<path ")


def test_statistics_chart_per_conseiller(
    client_as, world, phases, django_assert_max_num_queries
):
    complete(world.bilan, phases[0])
    complete(world.bilan_toulouse, phases[0])
    client = client_as("admin")
    client.get("/admin/statistiques/")  # warm the caches: count steady queries
    with django_assert_max_num_queries(50) as before:
        content = unescape(client.get("/admin/statistiques/").content.decode())
    figure, labels, bars = chart_labels(content, "graphique-conseillers")
    # A bar per value (selected, completed) for each conseiller of Montpellier with
    # a bilan, as in the table below it; none of Toulouse's.
    expected = [str(world.conseiller), str(world.autre_conseiller)]
    assert sorted(labels) == sorted(expected)
    assert bars == 2 * len(expected)
    # Accessible like the DABM chart: an image named by its title.
    assert 'role="img" aria-labelledby="graphique-conseillers-title"' in figure
    assert (
        '<title id="graphique-conseillers-title">'
        "Phases sélectionnées et terminées par conseiller</title>"
    ) in figure
    assert str(world.conseiller_toulouse) not in content
    assert "Avancement par conseiller" in content  # the table stays
    # More conseillers, same number of queries: the chart reuses the table's rows.
    other = ConseillerFactory(username="nouveau.conseiller", dabm=world.sete)
    bilan_for(UserFactory(username="nouveau.candidat", dabm=world.sete), other, phases)
    with django_assert_max_num_queries(len(before.captured_queries)):
        content = unescape(client.get("/admin/statistiques/").content.decode())
    _, labels, bars = chart_labels(content, "graphique-conseillers")
    assert str(other) in labels and bars == 2 * 3


ADMIN_URLS = [
    "/admin/",
    ACTIVITY,
    ACTIVITY + "?export=csv",
    ACTIVITY + "?export=xlsx",
    "/admin/candidats/",
    "/admin/conseillers/",
    "/admin/statistiques/",
    "/admin/journal/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_academie_isolation_on_every_admin_url(client_as, world, url):
    """Each administrator sees their académie only, on every page and export."""
    for viewer, own, other in [
        ("admin", world.conseiller, world.conseiller_toulouse),
        ("admin_toulouse", world.conseiller_toulouse, world.conseiller),
    ]:
        response = client_as(viewer).get(url)
        assert response.status_code == 200
        if url.endswith("xlsx"):
            body = b"".join(response.streaming_content)
            workbook = load_workbook(io.BytesIO(body))
            text = " ".join(
                str(c)
                for row in workbook.active.iter_rows(values_only=True)
                for c in row
            )
        elif hasattr(response, "streaming_content"):
            text = b"".join(response.streaming_content).decode("utf-8-sig")
        else:
            text = unescape(response.content.decode())
        if url not in ("/admin/journal/",):
            assert str(own) in text, (viewer, url)
        assert str(other) not in text, (viewer, url)


@pytest.mark.parametrize("url", ADMIN_URLS[1:])
@pytest.mark.parametrize("role", ["conseiller", "referent", "candidat"])
def test_only_administrators_reach_the_reports(client_as, world, url, role):
    response = client_as(role).get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        # Sent to log in (no admin access) or back to the admin home.
        assert response["Location"].split("?")[0] in ("/connexion/", "/admin/")


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(ACTIVITY)
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_charts_with_several_series_say_what_each_colour_means(client_as, world):
    content = unescape(client_as("admin").get("/admin/statistiques/").content.decode())
    for chart_id, series in [
        (
            "graphique-phases",
            ["Phases sélectionnées", "Phases terminées", "Phases validées"],
        ),
        ("graphique-dabm", ["Phases sélectionnées", "Phases terminées"]),
        ("graphique-conseillers", ["Phases sélectionnées", "Phases terminées"]),
        ("graphique-mois", []),
    ]:
        figure, _labels, _bars = chart_labels(content, chart_id)
        legend = re.findall(r"</svg>([^<]+)</li>", figure)
        assert legend == series, chart_id


def test_xlsx_export_reads_as_a_spreadsheet(client_as, world, phases):
    """Identifiers are numbers (sortable, no "number stored as text" warning),
    columns fit what they hold, the header row stays in view when scrolling."""
    complete(world.bilan, phases[0])
    response = client_as("admin").get(ACTIVITY, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    ids = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert ids
    for cell in ids:
        assert cell.data_type == "n"
        assert isinstance(cell.value, int)
    assert sorted(cell.value for cell in ids) == sorted(
        [world.bilan.candidate_id, world.autre_bilan.candidate_id]
    )
    assert sheet.freeze_panes == "A2"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    # Identifiant narrow, DABM and Conseiller readable, Phases wide.
    assert 10 <= widths["A"] <= 15
    assert widths["C"] >= 20
    assert widths["E"] >= 50
    assert widths["F"] >= 50
    # Long lists of phases wrap inside their (wide) cell instead of overflowing.
    assert sheet["E2"].alignment.wrap_text
    assert sheet["A1"].font.bold
