"""« Réaffecter les candidats »: an académie administrator moves all or some of a
conseiller's candidates to another conseiller of the académie."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from phases.models import Bilan, PhaseSubmission, Post, RendezVous, ThreadRead
from phases.rules.threads import mark_read, post_message
from synthese.models import Synthese

from ..factories import ConseillerFactory, UserFactory, bilan_for


def url(conseiller):
    return f"/admin/conseillers/{conseiller.pk}/reaffecter/"


def entries(user, action):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action)


@pytest.fixture
def history(world, phases):
    """What hangs on the bilan: an answer, a message each way (the conseiller
    read the thread), a rendez-vous, a synthèse draft."""
    bilan = world.bilan
    PhaseSubmission.objects.create(
        bilan=bilan, phase=phases[0], answers={"x": "Mon contexte"}
    )
    post_message(bilan, author=world.conseiller, body="Bonjour", notify=False)
    thread = post_message(
        bilan, author=world.candidat, body="Merci", notify=False
    ).thread
    mark_read(world.conseiller, [thread.pk])
    RendezVous.objects.create(
        bilan=bilan,
        kind=RendezVous.Kind.PRELIMINAIRE,
        starts_at=timezone.now() + timezone.timedelta(days=3),
        duration_minutes=60,
        modalite=RendezVous.Modalite.PRESENTIEL,
    )
    Synthese.objects.create(bilan=bilan, circumstances="Écrit par l'ancien")
    return thread


def test_the_page_lists_the_conseillers_bilans_and_the_academies_conseillers(
    client_as, world
):
    ConseillerFactory(username="bloque", dabm=world.sete, is_active=False)
    page = client_as("admin").get(url(world.conseiller)).content.decode()
    assert "Réaffecter les candidats" in page
    assert f'value="{world.bilan.pk}"' in page and str(world.candidat) in page
    assert f'value="{world.autre_bilan.pk}"' not in page  # another's candidate
    assert "Tous" in page
    # Targets: the académie's active conseillers, any DABM, grouped by DABM.
    assert 'label="DABM Sète"' in page
    assert f'value="{world.autre_conseiller.pk}"' in page
    assert f'value="{world.referent.pk}"' in page
    assert f'value="{world.conseiller_toulouse.pk}"' not in page
    assert "bloque" not in page
    assert f'<option value="{world.conseiller.pk}"' not in page


def test_tous_moves_everything_to_the_new_conseiller(
    client_as, world, history, django_capture_on_commit_callbacks
):
    old, new = world.conseiller, world.autre_conseiller
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("admin").post(url(old), {"tous": "on", "target": new.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/conseillers/edit/{old.pk}/"

    bilan = Bilan.objects.get(pk=world.bilan.pk)
    assert bilan.conseiller == new
    # The bilan and the candidate's account go to the new conseiller's DABM.
    assert bilan.dabm == world.sete
    world.candidat.refresh_from_db()
    assert world.candidat.dabm == world.sete
    assert world.candidat.academie == world.montpellier
    # Everything follows; what the old conseiller wrote keeps their name.
    assert bilan.submissions.count() == 1
    assert bilan.rendezvous.count() == 1
    assert Synthese.objects.get(bilan=bilan).circumstances == "Écrit par l'ancien"
    assert Post.objects.filter(thread=history, author=old).count() == 1
    # The old conseiller's read markers are the new one's.
    assert ThreadRead.objects.filter(thread=history, user=new).exists()
    assert not ThreadRead.objects.filter(thread=history, user=old).exists()

    # The new conseiller reads the bilan, its synthèse and messages; the old
    # one no longer does.
    for path in (
        f"/bilans/{bilan.pk}/",
        f"/bilans/{bilan.pk}/messages/",
        f"/bilans/{bilan.pk}/synthese/",
    ):
        assert client_as("autre_conseiller").get(path).status_code == 200, path
        assert client_as("conseiller").get(path).status_code == 404, path

    # Everyone is told: the candidate, the new conseiller, the old one.
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {world.candidat.email, new.email, old.email}
    to_candidate = by_recipient[world.candidat.email]
    assert "votre conseiller a changé" in to_candidate.subject
    assert str(new) in to_candidate.body
    to_new = by_recipient[new.email]
    assert str(world.candidat) in to_new.body
    assert f"http://testserver/bilans/{bilan.pk}/" in to_new.body
    to_old = by_recipient[old.email]
    assert str(world.candidat) in to_old.body and str(new) in to_old.body
    assert "Mon contexte" not in "".join(m.body for m in mail.outbox)

    # The journal: who moved whom.
    entry = entries(world.candidat, "monbilan.bilan.reassigned").get()
    assert entry.user == world.admin
    assert entry.data == {"bilan": bilan.pk, "from": str(old), "to": str(new)}
    assert entries(old, "monbilan.conseiller.candidates_handed_over").exists()
    assert entries(new, "monbilan.conseiller.candidates_received").exists()
    journal = client_as("admin").get("/admin/journal/").content.decode()
    assert f"Candidat réaffecté de {old} à {new}" in journal


def test_some_candidates_only(client_as, world, phases):
    other = UserFactory(username="deuxieme", dabm=world.lunel)
    second = bilan_for(other, world.conseiller, phases[:2])
    response = client_as("admin").post(
        url(world.conseiller),
        {"bilans": [second.pk], "target": world.referent.pk},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    world.bilan.refresh_from_db()
    assert second.conseiller == world.referent
    assert world.bilan.conseiller == world.conseiller


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"target": "autre"}, "Choisissez au moins un candidat à réaffecter"),
        ({"tous": "on", "target": "self"}, "Choisissez un autre conseiller"),
        ({"tous": "on", "target": "toulouse"}, "choisissez un conseiller actif"),
        ({"tous": "on", "target": ""}, "Choisissez le nouveau conseiller"),
        ({"bilans": ["autre_bilan"], "target": "autre"}, "rechargez la page"),
    ],
)
def test_refusals_change_nothing_and_keep_the_choices(client_as, world, data, message):
    targets = {
        "autre": world.autre_conseiller.pk,
        "self": world.conseiller.pk,
        "toulouse": world.conseiller_toulouse.pk,
        "": "",
    }
    data = {**data, "target": targets[data["target"]]}
    if "bilans" in data:
        data["bilans"] = [world.autre_bilan.pk]
    response = client_as("admin").post(url(world.conseiller), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    world.bilan.refresh_from_db()
    assert world.bilan.conseiller == world.conseiller
    assert not mail.outbox
    assert not ModelLogEntry.objects.filter(action="monbilan.bilan.reassigned")


def test_the_typed_choice_is_kept_on_error(client_as, world):
    response = client_as("admin").post(
        url(world.conseiller), {"target": world.referent.pk}
    )
    page = response.content.decode()
    assert f'<option value="{world.referent.pk}" selected>' in page


def test_another_academies_conseiller_is_not_there(client_as, world):
    admin_toulouse = client_as("admin_toulouse")
    assert admin_toulouse.get(url(world.conseiller)).status_code == 404
    response = admin_toulouse.post(
        url(world.conseiller), {"tous": "on", "target": world.autre_conseiller.pk}
    )
    assert response.status_code == 404
    world.bilan.refresh_from_db()
    assert world.bilan.conseiller == world.conseiller


def test_a_superuser_moves_within_the_conseillers_academie(client_as, world):
    page = client_as("superuser").get(url(world.conseiller)).content.decode()
    assert f'value="{world.autre_conseiller.pk}"' in page
    assert f'value="{world.conseiller_toulouse.pk}"' not in page


def test_the_page_costs_the_same_whatever_the_number_of_candidates(
    client_as, world, phases, django_assert_num_queries
):
    admin = client_as("admin")
    admin.get(url(world.conseiller))  # sessions, caches warm
    with CaptureQueriesContext(connection) as one_candidate:
        assert admin.get(url(world.conseiller)).status_code == 200
    for n in range(8):
        candidate = UserFactory(username=f"candidat{n}", dabm=world.lunel)
        bilan_for(candidate, world.conseiller, phases[:1])
    with django_assert_num_queries(len(one_candidate)):
        page = admin.get(url(world.conseiller))
    assert page.content.decode().count('name="bilans"') == 9
