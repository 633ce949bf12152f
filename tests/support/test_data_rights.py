"""« Signaler un problème » and the person's rights: a candidate who has not yet
consented, or must change a provisional password, still reaches the form; an
erasure deletes what they wrote to the support, with their address."""

import pytest

from phases.models import Consent
from retention.models import DestructionRecord
from retention.purge import new_run, purge_candidate
from support.models import ProblemReport

pytestmark = pytest.mark.django_db

FORM = "/signaler-un-probleme/"


def report(client, steps):
    return client.post(FORM, {"page_url": "/tableau-de-bord/", "steps": steps})


def test_before_consenting_a_candidate_still_reaches_the_form(client, world):
    Consent.objects.filter(bilan=world.bilan).delete()
    client.force_login(world.candidat)
    assert client.get("/tableau-de-bord/").status_code == 302  # the consent first
    assert client.get(FORM).status_code == 200
    sent = report(client, "La page d'accord ne s'affiche pas.")
    assert sent.status_code == 302
    assert client.get(sent["Location"]).status_code == 200


def test_with_a_provisional_password_the_form_still_opens(client, world):
    world.conseiller.must_change_password = True
    world.conseiller.save()
    client.force_login(world.conseiller)
    assert client.get("/tableau-de-bord/").status_code == 302
    assert client.get(FORM).status_code == 200


def test_an_erasure_deletes_what_they_wrote_to_the_support(client, world):
    client.force_login(world.candidat)
    report(client, "Connectée : mon CV ne se dépose pas.")
    client.logout()
    client.post(
        FORM,
        {
            "page_url": "/connexion/",
            "steps": "Sans être connectée, je ne retrouve pas mon mot de passe.",
            "email": world.candidat.email.upper(),
            "academie": world.montpellier.pk,
        },
    )
    client.force_login(world.autre_candidat)
    report(client, "Un autre candidat.")
    assert ProblemReport.objects.count() == 3
    purge_candidate(
        world.candidat, run=new_run(), reason=DestructionRecord.Reason.ERASURE
    )
    (left,) = ProblemReport.objects.all()
    assert left.steps == "Un autre candidat."
