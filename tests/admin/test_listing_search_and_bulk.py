"""Issue 17: search and bulk actions on the Conseillers and Candidats listings,
scoped to the administrator's académie; the activity table's identifiant filter."""

import csv
import io
import re

from django.test import Client

from wagtail.models import ModelLogEntry

import pytest

from phases.models import Bilan

from ..factories import PASSWORD, ConseillerFactory, UserFactory

CONSEILLERS = "/admin/conseillers/"
CANDIDATS = "/admin/candidats/"
ACTIVITY = "/admin/activite/"


def bulk_url(model, action):
    return f"/admin/bulk/{model}/monbilan_{action}/"


CONSEILLER_BULK = {
    action: bulk_url("users/user", action) for action in ("block", "unblock", "export")
}
CANDIDAT_BULK = {
    action: bulk_url("phases/bilan", action)
    for action in ("block", "unblock", "export")
}


def ids(*objects):
    return "&".join(f"id={obj.pk}" for obj in objects)


def can_log_in(user):
    response = Client().post(
        "/connexion/", {"username": user.username, "password": PASSWORD}
    )
    return response.status_code == 302


def listed_usernames(content):
    return set(re.findall(r'data-label="Identifiant">\s*([^<\s]+)', content))


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


# --- Search -------------------------------------------------------------------


@pytest.fixture
def named(world):
    """Conseillers whose names carry accents, in both académies (the others'
    names fixed: Faker's could be "Marie-Hélène")."""
    for index, user in enumerate(
        (world.conseiller, world.autre_conseiller, world.referent)
    ):
        user.first_name, user.last_name = "Paul", f"Petit{index}"
        user.save()
    world.helene = ConseillerFactory(
        username="h.martin",
        first_name="Hélène",
        last_name="Martin-Léger",
        email="helene.martin@ac-montpellier.fr",
        dabm=world.lunel,
    )
    world.eloise = ConseillerFactory(
        username="e.durand",
        first_name="Éloïse",
        last_name="Durand",
        email="eloise@ac-montpellier.fr",
        dabm=world.sete,
    )
    world.helene_toulouse = ConseillerFactory(
        username="h.martin.toulouse",
        first_name="Hélène",
        last_name="Martin",
        dabm=world.conseiller_toulouse.dabm,
    )
    return world


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Hélène", {"h.martin"}),
        ("helene", {"h.martin"}),
        ("HÉLÈNE", {"h.martin"}),
        ("hélène martin", {"h.martin"}),  # two words, two fields
        ("martin leger", {"h.martin"}),
        ("ELOISE", {"e.durand"}),
        ("éloïse", {"e.durand"}),
        ("e.durand", {"e.durand"}),
        ("ac-montpellier.fr", {"h.martin", "e.durand"}),
        ("inconnu", set()),
        ("100%_", set()),  # LIKE's wildcards are plain characters
    ],
)
def test_conseillers_search_by_name_identifiant_or_email(
    client_as, named, query, expected
):
    content = client_as("admin").get(CONSEILLERS, {"q": query}).content.decode()
    assert listed_usernames(content) == expected
    # Another académie's namesake is never found.
    assert "h.martin.toulouse" not in content


def test_the_search_box_is_on_the_listing(client_as, world):
    client = client_as("admin")
    content = client.get(CONSEILLERS).content.decode()
    assert 'name="q"' in content and "Rechercher" in content
    for url in (CONSEILLERS, CANDIDATS):
        content = client.get(url, {"q": "personne"}).content.decode()
        assert "Aucun résultat ne correspond à votre recherche." in content
        assert "Aucun(e)" not in content


def test_candidats_search_by_email_and_unaccented_name(client_as, world):
    world.candidat.first_name, world.candidat.last_name = "Noémie", "Béranger"
    world.candidat.email = "noemie.b@exemple.fr"
    world.candidat.save()
    client = client_as("admin")
    for query in ("noemie beranger", "NOÉMIE", "noemie.b@exemple", "candidat"):
        content = client.get(CANDIDATS, {"q": query}).content.decode()
        assert "Noémie Béranger" in content, query
    content = client.get(CANDIDATS, {"q": "candidat.toulouse"}).content.decode()
    assert str(world.candidat_toulouse) not in content
    assert "Noémie Béranger" not in content


# --- The listings' bulk actions -----------------------------------------------


def test_listings_offer_only_the_services_bulk_actions(client_as, world):
    client = client_as("admin")
    for url, model in ((CONSEILLERS, "users/user"), (CANDIDATS, "phases/bilan")):
        content = client.get(url).content.decode()
        buttons = re.findall(r'href="/admin/bulk/([^"?]+)', content)
        assert buttons == [
            f"{model}/monbilan_block/",
            f"{model}/monbilan_unblock/",
            f"{model}/monbilan_export/",
        ]
        assert ">\n    \n    Bloquer\n</a>" in content
        assert "Exporter en CSV" in content
        assert 'aria-label="Sélectionner ' in content


def test_block_conseillers_asks_then_blocks_and_logs(client_as, world):
    client = client_as("admin")
    selection = ids(world.conseiller, world.referent)
    url = f"{CONSEILLER_BULK['block']}?{selection}&next={CONSEILLERS}"
    page = client.get(url).content.decode()
    assert "Bloquer ces comptes ?" in page
    assert str(world.conseiller) in page and str(world.referent) in page
    # Nothing happens before the confirmation.
    world.conseiller.refresh_from_db()
    assert world.conseiller.is_active

    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == CONSEILLERS
    for user in (world.conseiller, world.referent):
        user.refresh_from_db()
        assert not user.is_active
        assert not can_log_in(user)
        assert (
            ModelLogEntry.objects.filter(
                object_id=str(user.pk),
                action="monbilan.account.block",
                user=world.admin,
            ).count()
            == 1
        )
    world.autre_conseiller.refresh_from_db()
    assert world.autre_conseiller.is_active
    listing = client.get(CONSEILLERS).content.decode()
    assert "2 comptes ont été bloqués." in listing
    assert listing.count(">\n    Bloqué\n</td>") == 2

    # Unblocking brings them back, once each in the journal.
    url = url.replace("monbilan_block", "monbilan_unblock")
    assert "Débloquer ces comptes ?" in client.get(url).content.decode()
    client.post(url)
    for user in (world.conseiller, world.referent):
        user.refresh_from_db()
        assert user.is_active
        assert can_log_in(user)
        assert (
            ModelLogEntry.objects.filter(
                object_id=str(user.pk), action="monbilan.account.unblock"
            ).count()
            == 1
        )


def test_block_never_reaches_outside_the_academie(client_as, world):
    client = client_as("admin")
    outsiders = (
        world.conseiller_toulouse,
        world.candidat,
        world.admin,
        world.superuser,
    )
    # Another académie's conseiller, a candidate, the administrator themself: not
    # conseillers they manage. Mixed with one of theirs, ignored.
    url = (
        f"{CONSEILLER_BULK['block']}?{ids(world.conseiller, *outsiders)}&id=abc&id=all"
    )
    page = client.get(url).content.decode()
    assert str(world.conseiller_toulouse) not in page
    client.post(url)
    world.conseiller.refresh_from_db()
    assert not world.conseiller.is_active
    for user in outsiders:
        user.refresh_from_db()
        assert user.is_active, user.username
    assert not ModelLogEntry.objects.filter(
        object_id=str(world.conseiller_toulouse.pk)
    ).exists()
    # Alone, they are a 404.
    for action in ("block", "unblock", "export"):
        url = f"{CONSEILLER_BULK[action]}?{ids(*outsiders)}"
        assert client.get(url).status_code == 404, action
        assert client.post(url).status_code == 404, action
    assert client.get(CONSEILLER_BULK["block"]).status_code == 404


@pytest.mark.parametrize("role", ["conseiller", "referent", "candidat"])
def test_others_than_administrators_cannot_act(client_as, world, role):
    client = client_as(role)
    url = f"{CONSEILLER_BULK['block']}?{ids(world.autre_conseiller)}"
    assert client.post(url).status_code in (302, 403, 404)
    url = f"{CANDIDAT_BULK['block']}?{ids(world.autre_bilan)}"
    assert client.post(url).status_code in (302, 403, 404)
    world.autre_conseiller.refresh_from_db()
    world.autre_candidat.refresh_from_db()
    assert world.autre_conseiller.is_active and world.autre_candidat.is_active


def test_block_candidates_from_their_bilans(client_as, world, phases):
    from tests.conftest import bilan_for

    # A candidate with two bilans is blocked once.
    second = bilan_for(world.candidat, world.conseiller, phases[:2])
    client = client_as("admin")
    url = (
        f"{CANDIDAT_BULK['block']}?{ids(world.bilan, second, world.autre_bilan)}"
        f"&{ids(world.bilan_toulouse)}&next={CANDIDATS}"
    )
    page = client.get(url).content.decode()
    assert "Bloquer les comptes de ces candidats ?" in page
    assert str(world.candidat_toulouse) not in page
    response = client.post(url)
    assert response.status_code == 302
    for user in (world.candidat, world.autre_candidat):
        user.refresh_from_db()
        assert not user.is_active
        assert (
            ModelLogEntry.objects.filter(
                object_id=str(user.pk), action="monbilan.account.block"
            ).count()
            == 1
        )
    world.candidat_toulouse.refresh_from_db()
    assert world.candidat_toulouse.is_active
    # The bilans stay; the listing says "Bloqué" in their "Compte" column.
    assert Bilan.objects.filter(pk=world.bilan.pk).exists()
    listing = client.get(CANDIDATS).content.decode()
    assert "2 comptes de candidats ont été bloqués." in listing
    assert (
        client.get(f"{CANDIDAT_BULK['block']}?{ids(world.bilan_toulouse)}").status_code
        == 404
    )

    client.post(url.replace("monbilan_block", "monbilan_unblock"))
    world.candidat.refresh_from_db()
    assert world.candidat.is_active


# --- Export of the selection ----------------------------------------------------


def test_export_selected_conseillers(client_as, world):
    world.referent.first_name = '=HYPERLINK("x")'
    world.referent.save()
    client = client_as("admin")
    selection = ids(world.conseiller, world.referent, world.conseiller_toulouse)
    url = f"{CONSEILLER_BULK['export']}?{selection}"
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.match(
        r'attachment; filename="conseillers-\d{4}-\d\d-\d\d\.csv"',
        response["Content-Disposition"],
    )
    rows = read_csv(response)
    assert rows[0] == [
        "Nom",
        "Identifiant",
        "Courriel",
        "DABM",
        "Référent",
        "Statut",
        "Candidats",
    ]
    by_username = {row[1]: row for row in rows[1:]}
    assert set(by_username) == {"conseiller", "referent"}
    assert by_username["conseiller"] == [
        str(world.conseiller),
        "conseiller",
        "conseiller@exemple.fr",
        "Lunel",
        "Non",
        "Actif",
        "1",
    ]
    # A formula is text in a spreadsheet.
    assert by_username["referent"][0].startswith("'=HYPERLINK")
    assert by_username["referent"][4] == "Oui"


def test_export_selected_candidats(client_as, world):
    client = client_as("admin")
    url = f"{CANDIDAT_BULK['export']}?{ids(world.bilan, world.bilan_toulouse)}"
    rows = read_csv(client.get(url))
    assert rows[0] == [
        "Identifiant",
        "Nom",
        "Conseiller",
        "DABM",
        "Modalité",
        "Statut du bilan",
        "Phases terminées",
        "Compte",
    ]
    assert len(rows) == 2
    assert rows[1][0] == str(world.candidat.pk)
    assert rows[1][1] == str(world.candidat)
    assert rows[1][3] == "Lunel" and rows[1][7] == "Actif"
    assert re.fullmatch(r"\d+ sur \d+", rows[1][6])


def test_export_queries_do_not_grow_with_rows(
    client_as, world, phases, django_assert_max_num_queries
):
    from tests.conftest import bilan_for

    client = client_as("admin")
    bilans = [world.bilan, world.autre_bilan]
    with django_assert_max_num_queries(12):
        b"".join(
            client.get(f"{CANDIDAT_BULK['export']}?{ids(*bilans)}").streaming_content
        )
    for _ in range(10):
        bilans.append(
            bilan_for(UserFactory(dabm=world.lunel), world.conseiller, phases)
        )
    with django_assert_max_num_queries(12):
        body = b"".join(
            client.get(f"{CANDIDAT_BULK['export']}?{ids(*bilans)}").streaming_content
        )
    assert body.count(b"\r\n") == 13


@pytest.mark.parametrize("url", [CONSEILLERS, CANDIDATS])
def test_listing_with_checkboxes_queries_do_not_grow(
    client_as, world, phases, url, django_assert_max_num_queries
):
    from tests.conftest import bilan_for

    client = client_as("admin")
    client.get(url)
    with django_assert_max_num_queries(25) as before:
        client.get(url)
    for _ in range(12):
        conseiller = ConseillerFactory(dabm=world.lunel)
        bilan_for(UserFactory(dabm=world.lunel), conseiller, phases[:3])
    with django_assert_max_num_queries(len(before.captured_queries)):
        content = client.get(url).content.decode()
    assert content.count("data-bulk-action-checkbox class") >= 14


# --- The activity table by candidate identifiant --------------------------------


def test_activity_filters_by_candidate_identifiant(client_as, world):
    client = client_as("admin")
    content = client.get(ACTIVITY).content.decode()
    assert "Identifiant du candidat" in content
    for value in (str(world.candidat.pk), "candidat", " CANDIDAT "):
        response = client.get(ACTIVITY, {"identifiant": value, "export": "csv"})
        rows = read_csv(response)
        assert [row[0] for row in rows[1:]] == [str(world.candidat.pk)], value
    # Another académie's candidate, by number or name: nothing.
    for value in (str(world.candidat_toulouse.pk), "candidat.toulouse"):
        rows = read_csv(client.get(ACTIVITY, {"identifiant": value, "export": "csv"}))
        assert rows[1:] == [], value
    # Odd input never fails.
    for value in ("9" * 40, "²", "'; drop table", "-1"):
        assert client.get(ACTIVITY, {"identifiant": value}).status_code == 200, value
        response = client.get(ACTIVITY, {"identifiant": value, "export": "xlsx"})
        assert response.status_code == 200, value


# --- The dashboard's blocks -------------------------------------------------------


def test_dashboard_blocks_search_their_listing(client_as, world):
    content = client_as("admin").get("/admin/").content.decode()
    for listing, field in (
        (CONSEILLERS, "recherche-conseillers"),
        (CANDIDATS, "recherche-candidats"),
    ):
        form = re.search(
            rf'<form method="get" action="{listing}".*?</form>', content, re.S
        ).group(0)
        assert f'<input type="search" id="{field}" name="q">' in form
        assert "Rechercher (nom, identifiant ou courriel)" in form
    # An administrator edits no page: no « Rechercher toutes les pages ».
    assert "Rechercher toutes les pages" not in content
