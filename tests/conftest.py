"""Shared fixtures: one user per role in two académies, and clients logged in."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Site

import pytest

from phases.content.consent_page import install_consent_page
from phases.content.install import install_phases
from questionnaires.content import install_questionnaires

from .factories import (
    AcademieFactory,
    AdministrateurFactory,
    ConseillerFactory,
    DabmFactory,
    UserFactory,
    bilan_for,
)

#: Fixtures that give a test the database (directly or through another fixture).
DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}
LINK = re.compile(r"https?://[^\s<>\"']+")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "mail_links_unchecked(reason): the test makes its e-mails' links dead on "
        "purpose (e.g. blocks the recipient), so they are not followed",
    )


@pytest.fixture(autouse=True)
def _every_email_link_opens(request):
    """Every link of every e-mail a test sends opens, for its recipient, on the
    host that served the test (the test client's, or the live server's).

    Checked after the test, before its database goes away: each recipient is
    found by address and logged in (except for a one-time link to choose a
    password, which is meant for someone not logged in), each link followed to
    its end, which must answer 200 without leaving the host.
    """
    uses_db = request.node.get_closest_marker("django_db") or (
        DB_FIXTURES & set(request.fixturenames)
    )
    if not uses_db or request.node.get_closest_marker("mail_links_unchecked"):
        yield
        return
    # Requested here so that this check runs before the database is rolled back.
    request.getfixturevalue("db")
    host = "testserver"
    if "live_server" in request.fixturenames:
        live_url = request.getfixturevalue("live_server").url
        # E-mails written outside a request (a test's own set-up) use SITE_URL.
        request.getfixturevalue("settings").SITE_URL = live_url
        host = urlsplit(live_url).netloc
    yield
    _follow_email_links(list(getattr(mail, "outbox", [])), host)


def _follow_email_links(messages, host):
    from users.models import User

    anonymous_prefix = reverse(
        "users:password_reset_confirm", kwargs={"uidb64": "x", "token": "y"}
    ).split("x/")[0]
    for message in messages:
        bodies = [message.body] + [
            content for content, _type in getattr(message, "alternatives", [])
        ]
        links = {link.rstrip(".,;)") for body in bodies for link in LINK.findall(body)}
        for address in message.to:
            recipient = User.objects.filter(email__iexact=address).first()
            for link in sorted(links):
                url = urlsplit(link)
                where = f"{link} in « {message.subject} » to {address}"
                assert url.netloc == host, f"{where}: not on {host}"
                client = Client(HTTP_HOST=url.netloc)
                if recipient is not None and not url.path.startswith(anonymous_prefix):
                    client.force_login(recipient)
                path = url.path + (f"?{url.query}" if url.query else "")
                response = client.get(path, follow=True)
                assert response.status_code == 200, (
                    f"{where}: answers {response.status_code}"
                )
                for hop, _status in response.redirect_chain:
                    assert urlsplit(hop).netloc in ("", host), f"{where}: to {hop}"


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries):
    """Query budgets are those of a running server, whose cache is warm.

    Every test starts with an empty cache (`_fresh_cache`), so the first request
    would also pay for what Wagtail keeps there for all requests (the sites' root
    paths, one query per process and cache lifetime). Filling it first keeps the
    budgets measuring the page, and independent of which test ran before.
    """

    def warm_then_count(*args, **kwargs):
        Site.get_site_root_paths()
        return django_assert_max_num_queries(*args, **kwargs)

    return warm_then_count


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    """Exact budgets, on a warm cache too (see django_assert_max_num_queries)."""

    def warm_then_count(*args, **kwargs):
        Site.get_site_root_paths()
        return django_assert_num_queries(*args, **kwargs)

    return warm_then_count


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty throttling counters (they live in the cache)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _fast_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "users.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Install the ten phase pages, the consent page and the questionnaires once:
    every test starts from them (rolled back)."""
    with django_db_blocker.unblock():
        install_phases()
        install_consent_page()
        install_questionnaires()


@pytest.fixture
def phases(db):
    # Idempotent: returns the pages installed at set-up (or reinstalls them).
    return install_phases()


@pytest.fixture
def world(db, phases):
    """Two académies; in each a DABM, an administrator, conseillers and candidates.

    Montpellier/Lunel: conseiller (with candidat), autre_conseiller (with
    autre_candidat), referent; Toulouse: its own administrator, conseiller and
    candidate.
    """
    montpellier = AcademieFactory(name="Montpellier")
    toulouse = AcademieFactory(name="Toulouse")
    lunel = DabmFactory(academie=montpellier, name="Lunel")
    sete = DabmFactory(academie=montpellier, name="Sète")
    dabm_toulouse = DabmFactory(academie=toulouse, name="Toulouse")
    w = type("World", (), {})()
    w.montpellier, w.toulouse, w.lunel, w.sete = montpellier, toulouse, lunel, sete
    w.admin = AdministrateurFactory(username="admin.montpellier", academie=montpellier)
    w.admin_toulouse = AdministrateurFactory(
        username="admin.toulouse", academie=toulouse
    )
    w.conseiller = ConseillerFactory(username="conseiller", dabm=lunel)
    w.autre_conseiller = ConseillerFactory(username="autre.conseiller", dabm=sete)
    w.referent = ConseillerFactory(username="referent", dabm=sete, is_referent=True)
    w.conseiller_toulouse = ConseillerFactory(
        username="conseiller.toulouse", dabm=dabm_toulouse
    )
    w.candidat = UserFactory(username="candidat", dabm=lunel)
    w.autre_candidat = UserFactory(username="autre.candidat", dabm=sete)
    w.candidat_toulouse = UserFactory(username="candidat.toulouse", dabm=dabm_toulouse)
    w.superuser = UserFactory(
        username="root", role="superutilisateur", is_superuser=True, dabm=None
    )
    w.bilan = bilan_for(w.candidat, w.conseiller, phases)
    w.autre_bilan = bilan_for(w.autre_candidat, w.autre_conseiller, phases[:4])
    w.bilan_toulouse = bilan_for(w.candidat_toulouse, w.conseiller_toulouse, phases)
    return w


@pytest.fixture
def client_as(client, world):
    """`client_as("candidat")` returns the test client logged in as that user."""

    def login(name):
        client.force_login(getattr(world, name))
        return client

    return login
