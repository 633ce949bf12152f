"""Every URL of the synthèse × every role of the access matrix → its outcome.

Only the bilan's two parties read the document; administrators and superusers
never do (404), nor do other candidates and conseillers. A share link is the
key itself: whoever holds it opens the PDF, logged in or not.

Columns as in tests/access/test_matrix.py: anonymous, candidat, autre_candidat,
conseiller, autre_conseiller, referent, admin, admin_toulouse, superuser.
"""

from django.db import transaction
from django.urls import get_resolver, reverse

import pytest

from synthese import rules
from tests.access.matrix import ROLES, outcome
from tests.access.test_matrix import parse
from tests.factories import UserFactory, bilan_for

EXPECTED = {
    "synthese:editor": "L   404 404 200 404 404 404 404 404",
    # 409: the document is remis, so even its conseiller's autosave is refused.
    "synthese:autosave": "401 404 404 409 404 404 404 404 404",
    "synthese:deliver": "L   404 404 302 404 404 404 404 404",
    "synthese:candidate": "L   200 404 404 404 404 404 404 404",
    "synthese:acknowledge": "L   302 404 404 404 404 404 404 404",
    "synthese:share": "L   302 404 404 404 404 404 404 404",
    "synthese:revoke": "L   302 404 404 404 404 404 404 404",
    "synthese:pdf": "L   200 404 200 404 404 404 404 404",
    "synthese:shared": "200 200 200 200 200 200 200 200 200",
}


def requests(bilan, link):
    base = f"/bilans/{bilan.pk}"
    return {
        "synthese:editor": ("get", f"{base}/synthese/", None),
        "synthese:autosave": (
            "post",
            f"{base}/synthese/enregistrer/",
            {"version": "1"},
        ),
        "synthese:deliver": ("post", f"{base}/synthese/remettre/", {}),
        "synthese:candidate": ("get", f"{base}/document-de-synthese/", None),
        "synthese:acknowledge": (
            "post",
            f"{base}/document-de-synthese/accuse-reception/",
            {},
        ),
        "synthese:share": ("post", f"{base}/document-de-synthese/partager/", {}),
        "synthese:revoke": (
            "post",
            f"{base}/document-de-synthese/partages/{link.pk}/revoquer/",
            {},
        ),
        "synthese:pdf": ("get", f"{base}/document-de-synthese/pdf/", None),
        "synthese:shared": ("get", f"/partage/{link.token}/", None),
    }


def test_every_synthese_url_has_a_row():
    names = {
        f"synthese:{pattern.name}"
        for resolver in get_resolver().url_patterns
        if getattr(resolver, "namespace", None) == "synthese"
        for pattern in resolver.url_patterns
    }
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access(client, world, remis, name):
    link = rules.share(remis.bilan)
    method, path, data = requests(remis.bilan, link)[name]
    expected = parse(EXPECTED[name])
    actual = []
    for role in ROLES:
        savepoint = transaction.savepoint()
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        response = getattr(client, method)(path, data or {})
        actual.append(outcome(response))
        transaction.savepoint_rollback(savepoint)
    assert dict(zip(ROLES, actual, strict=True)) == dict(
        zip(ROLES, expected, strict=True)
    ), name


def test_before_remis_the_conseillers_autosave_is_allowed(client, world, submitted):
    """The matrix runs on a remis document; before, the conseiller's autosave of
    the current version is accepted (and only theirs)."""
    bilan = submitted.synthese.bilan
    path = f"/bilans/{bilan.pk}/synthese/enregistrer/"
    version = str(submitted.synthese.version)
    client.force_login(world.conseiller)
    assert client.post(path, {"version": version}).status_code == 200
    for name in ("referent", "admin", "superuser", "candidat"):
        client.force_login(getattr(world, name))
        assert client.post(path, {"version": "2"}).status_code == 404, name


def test_nothing_before_the_candidates_consent(client, world, phases):
    """A candidate whose bilan awaits consent is taken to « Votre accord pour ce
    bilan » from the synthèse's pages, and refused anything they send."""
    candidate = UserFactory(username="sans.accord", dabm=world.lunel)
    bilan = bilan_for(candidate, world.conseiller, phases[:2], consent=False)
    client.force_login(candidate)
    base = f"/bilans/{bilan.pk}/document-de-synthese/"
    response = client.get(base)
    assert response.status_code == 302
    assert response["Location"] == reverse("consent")
    for path in (base, f"{base}accuse-reception/", f"{base}partager/"):
        assert (
            client.post(path, {"observations": "x", "number": "1"}).status_code == 403
        )
