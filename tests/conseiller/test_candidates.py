""" "Ajouter un candidat", then changing a bilan's phases and modalité."""

import re

from django.core import mail

import pytest

from phases.models import Bilan, PhaseSubmission
from tests.factories import ConseillerFactory
from users.models import User

from .conftest import answer

URL = "/candidats/ajouter/"


def form_data(phases, **overrides):
    data = {
        "username": "jeanne.martin",
        "email": "jeanne.martin@exemple.fr",
        "first_name": "Jeanne",
        "last_name": "Martin",
        "modalite": "distance",
        "phases": [phase.pk for phase in phases],
        "notify": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_has_the_contract_wording_and_every_phase_checked(
    client_as, world, phases
):
    html = client_as("conseiller").get(URL).content.decode()
    for label in (
        "Identifiant de connexion",
        "Courriel",
        "Prénom",
        "Nom",
        "Modalité",
        "Phases",
        "Notifier l&#x27;utilisateur de la création de son nouveau compte",
        "Créer un nouveau compte",
    ):
        assert label in html or label.replace("&#x27;", "'") in html, label
    checked = re.findall(r'name="phases" value="(\d+)"[^>]*checked', html)
    assert checked == [str(phase.pk) for phase in phases]  # all, in tree order
    assert re.search(r'name="notify"[^>]*checked', html)


def test_with_notification_the_candidate_gets_a_link_to_choose_a_password(
    client_as, world, phases, django_capture_on_commit_callbacks, settings
):
    client = client_as("conseiller")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(phases[:3]))
    candidate = User.objects.get(username="jeanne.martin")
    bilan = Bilan.objects.get(candidate=candidate)
    assert response.status_code == 302
    assert response["Location"] == f"/bilans/{bilan.pk}/"
    assert candidate.role == User.Role.CANDIDAT
    assert candidate.dabm == world.conseiller.dabm
    assert not candidate.has_usable_password()
    assert bilan.conseiller == world.conseiller
    assert bilan.dabm == world.lunel
    assert bilan.modalite == "distance"
    assert [row.phase_id for row in bilan.selected_phases.all()] == [
        phase.pk for phase in phases[:3]
    ]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jeanne.martin@exemple.fr"]
    assert "votre compte a été créé" in message.subject
    assert "jeanne.martin" in message.body
    html = client.get(response["Location"]).content.decode()
    assert "Un courriel lui a été envoyé" in html
    # The one-time link (the reset mechanism) lets them choose their password.
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    client.logout()
    page = client.get(link, follow=True).content.decode()
    assert "Nouveau mot de passe" in page


def test_without_notification_a_temporary_password_is_required(
    client_as, world, phases, django_capture_on_commit_callbacks
):
    client = client_as("conseiller")
    data = form_data(phases, notify=None)
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "indiquez un mot de passe temporaire" in html
    assert 'value="jeanne.martin"' in html  # input kept
    assert not User.objects.filter(username="jeanne.martin").exists()

    response = client.post(URL, {**data, "password1": "123", "password2": "123"})
    assert "Ce mot de passe est trop court" in response.content.decode()
    response = client.post(
        URL,
        {**data, "password1": "Tournesol-Bleu-2026", "password2": "Autre-chose-2026"},
    )
    assert "Les deux mots de passe ne correspondent pas." in response.content.decode()
    assert not User.objects.filter(username="jeanne.martin").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            {
                **data,
                "password1": "Tournesol-Bleu-2026",
                "password2": "Tournesol-Bleu-2026",
            },
        )
    assert response.status_code == 302
    candidate = User.objects.get(username="jeanne.martin")
    assert candidate.check_password("Tournesol-Bleu-2026")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("username", "CANDIDAT", "Cet identifiant de connexion est déjà utilisé"),
        (
            "email",
            "Candidat@Exemple.fr",
            "Cette adresse électronique est déjà utilisée",
        ),
    ],
)
def test_duplicates_are_refused_clearly_and_nothing_is_saved(
    client_as, world, phases, field, value, message
):
    users, bilans = User.objects.count(), Bilan.objects.count()
    response = client_as("conseiller").post(
        URL, form_data(phases[:2], modalite="mixte", **{field: value})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "pas été créé" in html
    assert f'value="{value}"' in html
    assert 'value="Jeanne"' in html
    assert re.search(r'value="mixte"[^>]*checked', html)
    checked = re.findall(r'name="phases" value="(\d+)"[^>]*checked', html)
    assert checked == [str(phase.pk) for phase in phases[:2]]
    assert (User.objects.count(), Bilan.objects.count()) == (users, bilans)
    assert mail.outbox == []


def test_a_new_candidate_shows_on_the_dashboard(client_as, world, phases):
    client = client_as("conseiller")
    client.post(URL, form_data(phases))
    html = client.get("/tableau-de-bord/").content.decode()
    assert "Jeanne Martin" in html
    assert "jeanne.martin" in html


def test_changing_phases_and_modalite(client_as, world, phases):
    client = client_as("conseiller")
    url = f"/bilans/{world.bilan.pk}/modifier/"
    html = client.get(url).content.decode()
    assert len(re.findall(r'name="phases" value="\d+"[^>]*checked', html)) == 10
    response = client.post(
        url, {"modalite": "mixte", "phases": [phases[1].pk, phases[4].pk]}
    )
    assert response.status_code == 302
    world.bilan.refresh_from_db()
    assert world.bilan.modalite == "mixte"
    assert [row.phase_id for row in world.bilan.selected_phases.all()] == [
        phases[1].pk,
        phases[4].pk,
    ]
    # The candidate no longer reaches a removed phase.
    assert client_as("candidat").get(phases[0].url).status_code == 404


def test_a_phase_with_answers_is_not_removed_silently(client_as, world, phases):
    answer(world.bilan, phases[2], complete=False)
    client = client_as("conseiller")
    url = f"/bilans/{world.bilan.pk}/modifier/"
    response = client.post(url, {"modalite": "distance", "phases": [phases[0].pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "déjà des réponses du candidat et ne peuvent pas être retirées" in html
    assert phases[2].title in html
    assert re.search(r'value="distance"[^>]*checked', html)  # input kept
    world.bilan.refresh_from_db()
    assert world.bilan.modalite == "presentiel"
    assert world.bilan.selected_phases.count() == 10
    assert PhaseSubmission.objects.filter(bilan=world.bilan).count() == 1


def test_a_conseiller_without_dabm_is_told_why(client, world, phases):
    client.force_login(ConseillerFactory(username="sans.dabm", dabm=None))
    response = client.post(URL, form_data(phases))
    assert response.status_code == 200
    assert "rattaché à aucun DABM" in response.content.decode()
    assert not User.objects.filter(username="jeanne.martin").exists()
