"""« Signalements » in the Wagtail admin: the académie's reports, read-only."""

import datetime

from django.utils import timezone

import pytest

from support.models import ProblemReport

LISTING = "/admin/signalements/"
#: The listing's queries, whatever the number of reports: the session, the user,
#: Wagtail's admin chrome, the count and the page of rows (académie and reporter
#: joined).
QUERIES = 10


def report(academie, steps="Essai.", **kwargs):
    return ProblemReport.objects.create(
        academie=academie,
        page_url="/tableau-de-bord/",
        steps=steps,
        reporter_email="visiteur@exemple.fr",
        **kwargs,
    )


def test_an_administrator_lists_their_academie_s_reports_newest_first(client, world):
    old = report(world.montpellier, steps="Ancien signalement.")
    ProblemReport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    report(world.montpellier, steps="Nouveau signalement.", reporter=world.candidat)
    report(world.toulouse, steps="Signalement de Toulouse.")
    client.force_login(world.admin)
    response = client.get(LISTING)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Signalements" in html
    assert html.index("Nouveau signalement.") < html.index("Ancien signalement.")
    assert "Signalement de Toulouse." not in html
    # Read-only: nothing to add, edit or delete.
    assert "/admin/signalements/new/" not in html
    assert "/admin/signalements/edit/" not in html
    assert "/admin/signalements/delete/" not in html


def test_the_menu_offers_it_to_administrators(client, world):
    client.force_login(world.admin)
    assert LISTING in client.get("/admin/").content.decode()


def test_another_academie_s_report_is_a_404(client, world):
    mine = report(world.montpellier, steps="Le mien.")
    theirs = report(world.toulouse, steps="Le leur.")
    client.force_login(world.admin)
    page = client.get(f"{LISTING}inspect/{mine.pk}/")
    assert page.status_code == 200
    assert "Le mien." in page.content.decode()
    assert client.get(f"{LISTING}inspect/{theirs.pk}/").status_code == 404
    for url in (f"{LISTING}edit/{mine.pk}/", f"{LISTING}delete/{mine.pk}/"):
        assert client.get(url).status_code in (302, 403, 404)
    assert client.post(f"{LISTING}delete/{mine.pk}/").status_code in (302, 403, 404)
    assert ProblemReport.objects.filter(pk=mine.pk).exists()


def test_a_superuser_sees_every_academie(client, world):
    report(world.montpellier, steps="De Montpellier.")
    theirs = report(world.toulouse, steps="De Toulouse.")
    client.force_login(world.superuser)
    html = client.get(LISTING).content.decode()
    assert "De Montpellier." in html and "De Toulouse." in html
    assert client.get(f"{LISTING}inspect/{theirs.pk}/").status_code == 200


@pytest.mark.parametrize("who", ["conseiller", "referent", "candidat"])
def test_nobody_else_reads_them(client, world, who):
    mine = report(world.montpellier)
    client.force_login(getattr(world, who))
    assert client.get(LISTING).status_code in (302, 403)
    assert client.get(f"{LISTING}inspect/{mine.pk}/").status_code in (302, 403, 404)


def test_filter_by_date(client, world):
    old = report(world.montpellier, steps="En janvier.")
    ProblemReport.objects.filter(pk=old.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 1, 15, 10, 0))
    )
    report(world.montpellier, steps="Aujourd'hui.")
    client.force_login(world.admin)
    html = client.get(
        LISTING,
        {"created_at_from": "2026-01-01", "created_at_to": "2026-01-31"},
    ).content.decode()
    assert "En janvier." in html
    assert "Aujourd&#x27;hui." not in html and "Aujourd'hui." not in html


def test_the_listing_is_paginated(client, world):
    for number in range(30):
        report(world.montpellier, steps=f"Signalement {number:02d}.")
    client.force_login(world.admin)
    first = client.get(LISTING).content.decode()
    assert "Signalement 29." in first and "Signalement 00." not in first
    second = client.get(LISTING, {"p": 2}).content.decode()
    assert "Signalement 00." in second


@pytest.mark.parametrize("count", [3, 30])
def test_the_listing_s_queries_do_not_grow_with_the_reports(
    client, world, count, django_assert_num_queries
):
    for number in range(count):
        report(world.montpellier, reporter=world.candidat, steps=f"N° {number}.")
    client.force_login(world.admin)
    client.get(LISTING)  # warm what is cached once per process
    with django_assert_num_queries(QUERIES):
        assert client.get(LISTING).status_code == 200


def test_the_superuser_sets_the_academie_s_support_address(client, world):
    client.force_login(world.superuser)
    url = f"/admin/academies/edit/{world.toulouse.pk}/"
    assert "Adresse du support" in client.get(url).content.decode()
    response = client.post(
        url, {"name": "Toulouse", "support_email": "support@ac-toulouse.fr"}
    )
    assert response.status_code == 302
    world.toulouse.refresh_from_db()
    assert world.toulouse.support_email == "support@ac-toulouse.fr"
    # An administrator does not manage académies.
    client.force_login(world.admin_toulouse)
    assert client.get(url).status_code in (302, 403)
