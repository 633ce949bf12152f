"""Shared fixtures: one user per role in two académies, and clients logged in."""

import pytest

from phases.setup import install_phases

from .factories import (
    AcademieFactory,
    AdministrateurFactory,
    ConseillerFactory,
    DabmFactory,
    UserFactory,
    bilan_for,
)


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
    """Install the ten phase pages once: every test starts from them (rolled back)."""
    with django_db_blocker.unblock():
        install_phases()


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
