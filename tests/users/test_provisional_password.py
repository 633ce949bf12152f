"""A password chosen by someone else is provisional: its owner replaces it first."""

import json

from django.test import Client

from tests.conseiller.test_candidates import URL as ADD_CANDIDATE
from tests.conseiller.test_candidates import form_data
from users.models import User

PROVISIONAL = "Tournesol-Bleu-2026"
OWN = "Mon-propre-mot-de-passe-2026"


def log_in(username, password):
    client = Client()
    response = client.post("/connexion/", {"username": username, "password": password})
    assert response.status_code == 302, username
    return client


def test_a_candidate_given_a_password_chooses_their_own_first(client_as, world, phases):
    client_as("conseiller").post(
        ADD_CANDIDATE,
        form_data(phases, notify=None, password1=PROVISIONAL, password2=PROVISIONAL),
    )
    candidate = User.objects.get(username="jeanne.martin")
    assert candidate.must_change_password

    client = log_in("jeanne.martin", PROVISIONAL)
    response = client.get("/tableau-de-bord/", follow=True)
    assert response.redirect_chain[-1][0] == "/mon-compte/#mot-de-passe"
    assert "Le mot de passe qui vous a été donné est provisoire" in (
        response.content.decode()
    )
    phase_url = phases[0].url
    assert client.get(phase_url)["Location"] == "/mon-compte/#mot-de-passe"
    autosave = client.post(
        f"/mes-reponses/phases/{phases[0].pk}/enregistrer/",
        {"version": "0"},
        HTTP_ACCEPT="application/json",
    )
    assert autosave.status_code == 403
    assert json.loads(autosave.content)["error"] == "password_change"

    account = {
        "first_name": "Jeanne",
        "last_name": "Martin",
        "email": "jeanne.martin@exemple.fr",
        "current_password": PROVISIONAL,
    }
    # The provisional password itself is not a choice.
    same = client.post(
        "/mon-compte/",
        {**account, "new_password1": PROVISIONAL, "new_password2": PROVISIONAL},
    )
    assert "différent du mot de passe provisoire" in same.content.decode()
    assert User.objects.get(pk=candidate.pk).must_change_password

    client.post("/mon-compte/", {**account, "new_password1": OWN, "new_password2": OWN})
    assert not User.objects.get(pk=candidate.pk).must_change_password
    # Then their consent to the bilan (phases.consent_gate), then the site.
    assert client.get("/tableau-de-bord/")["Location"] == "/votre-accord/"
    client.post("/votre-accord/", {"accept": "on"})
    assert client.get("/tableau-de-bord/").status_code == 200
    assert client.get(phase_url).status_code == 200


def test_a_password_reset_by_an_administrator_is_provisional_too(client_as, world):
    target = world.conseiller
    client_as("admin").post(
        f"/admin/conseillers/edit/{target.pk}/",
        {
            "username": target.username,
            "email": target.email,
            "statut": "active",
            "first_name": target.first_name,
            "last_name": target.last_name,
            "dabm": target.dabm_id,
            "password1": PROVISIONAL,
            "password2": PROVISIONAL,
        },
    )
    target.refresh_from_db()
    assert target.must_change_password
    client = log_in(target.username, PROVISIONAL)
    assert client.get("/admin/")["Location"] == "/mon-compte/#mot-de-passe"
    # Logging out stays possible.
    assert client.post("/deconnexion/").status_code == 302


def test_choosing_a_password_by_the_reset_link_also_ends_it(client_as, world):
    import re

    from django.core import mail

    world.candidat.must_change_password = True
    world.candidat.save()
    client = Client()
    client.post("/mot-de-passe/reinitialiser/", {"email": world.candidat.email})
    link = re.search(r"https?://\S+/mot-de-passe/nouveau/\S+/", mail.outbox[0].body)
    response = client.get(link.group(0), follow=True)
    client.post(
        response.redirect_chain[-1][0], {"new_password1": OWN, "new_password2": OWN}
    )
    assert not User.objects.get(pk=world.candidat.pk).must_change_password


def test_accounts_with_their_own_password_are_not_disturbed(client_as, world):
    assert client_as("candidat").get("/tableau-de-bord/").status_code == 200


def test_the_identifiant_pasted_as_provisional_password_is_accepted(
    client_as, world, phases
):
    """The tutorial: « Vous pouvez saisir temporairement son identifiant par
    copier-coller. » The owner's own password keeps every validator."""
    username = "nouveau.conseiller"
    response = client_as("admin").post(
        "/admin/conseillers/new/",
        {
            "username": username,
            "email": "nouveau.conseiller@exemple.fr",
            "password1": username,
            "password2": username,
            "statut": "active",
            "first_name": "Nadia",
            "last_name": "Perrin",
            "dabm": world.lunel.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()
    conseiller = User.objects.get(username=username)
    assert conseiller.must_change_password

    # The conseiller gives a candidate their identifiant the same way.
    client_as("conseiller").post(
        ADD_CANDIDATE,
        form_data(
            phases, notify=None, password1="jeanne.martin", password2="jeanne.martin"
        ),
    )
    assert User.objects.get(username="jeanne.martin").must_change_password

    # An administrator resetting a password may do the same.
    target = world.autre_conseiller
    client_as("admin").post(
        f"/admin/conseillers/edit/{target.pk}/",
        {
            "username": target.username,
            "email": target.email,
            "statut": "active",
            "first_name": target.first_name,
            "last_name": target.last_name,
            "dabm": target.dabm_id,
            "password1": target.username,
            "password2": target.username,
        },
    )
    target.refresh_from_db()
    assert target.check_password(target.username)

    # At first login the owner chooses their own: not the identifiant again.
    client = log_in(username, username)
    account = {
        "first_name": "Nadia",
        "last_name": "Perrin",
        "email": "nouveau.conseiller@exemple.fr",
        "current_password": username,
    }
    refused = client.post(
        "/mon-compte/",
        {**account, "new_password1": f"{username}1", "new_password2": f"{username}1"},
    )
    assert "trop semblable" in refused.content.decode()
    assert User.objects.get(pk=conseiller.pk).must_change_password
    client.post("/mon-compte/", {**account, "new_password1": OWN, "new_password2": OWN})
    assert not User.objects.get(pk=conseiller.pk).must_change_password


def test_another_provisional_password_still_needs_twelve_characters(client_as, world):
    response = client_as("admin").post(
        "/admin/conseillers/new/",
        {
            "username": "nouveau.conseiller",
            "email": "nouveau.conseiller@exemple.fr",
            "password1": "court",
            "password2": "court",
            "statut": "active",
            "dabm": world.lunel.pk,
        },
    )
    assert "trop court" in response.content.decode()
