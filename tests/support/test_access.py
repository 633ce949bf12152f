"""Who opens which « Signaler un problème » and « Signalements » URL: one row per
URL the support app defines, one column per role (tests/access/test_matrix.py's
roles and outcomes; the report is Montpellier's)."""

from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from support.models import ProblemReport
from tests.access.matrix import ROLES, outcome
from tests.access.test_matrix import parse

# Columns: anonymous, candidat, autre_candidat, conseiller, autre_conseiller,
# referent, admin, admin_toulouse, superuser.
EXPECTED = {
    # The form is everyone's, anonymous visitors included.
    "support:report": "200 200 200 200 200 200 200 200 200",
    "support:thanks": "200 200 200 200 200 200 200 200 200",
    # The listing: académie administrators (their académie's) and superusers.
    "signalements:index": "L   403 403 403 403 A   200 200 200",
    "signalements:index_results": "L   403 403 403 403 A   200 200 200",
    # The référent has the admin but no report: none is theirs to find (404).
    "signalements:inspect": "L   403 403 403 403 404 200 404 200",
    # Read-only: nobody adds, edits or deletes a report.
    "signalements:add": "L   403 403 403 403 A   A   A   A",
    "signalements:edit": "L   403 403 403 403 A   A   A   A",
    "signalements:delete": "L   403 403 403 403 A   A   A   A",
    "signalements:history": "L   403 403 403 403 A   A   A   A",
    "signalements:history_results": "L   403 403 403 403 A   A   A   A",
    "signalements:usage": "L   403 403 403 403 A   A   A   A",
}


def support_url_names():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace in (
                "support",
                "signalements",
            ):
                yield f"{namespace}:{pattern.name}"

    return set(walk(get_resolver().url_patterns))


def test_every_support_url_has_a_row():
    assert support_url_names() == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access(client, world, name):
    report = ProblemReport.objects.create(
        academie=world.montpellier, page_url="/", steps="Essai."
    )
    namespace, view = name.split(":")
    if namespace == "support":
        path = "/signaler-un-probleme/" + ("envoye/" if view == "thanks" else "")
    else:
        needs_pk = view not in ("index", "index_results", "add")
        path = reverse(name, args=[report.pk] if needs_pk else [])
    expected = parse(EXPECTED[name])
    actual = []
    for role in ROLES:
        savepoint = transaction.savepoint()
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        actual.append(outcome(client.get(path)))
        transaction.savepoint_rollback(savepoint)
    assert dict(zip(ROLES, actual, strict=True)) == dict(
        zip(ROLES, expected, strict=True)
    ), name
