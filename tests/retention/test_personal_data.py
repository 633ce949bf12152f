"""« Télécharger mes données »: the archive read back and matched against the
database, its PDFs, and the e-mailed link of a large archive."""

import datetime
import io
import json
import re
import sys
import time
import zipfile

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.utils import timezone

import pytest
from pypdf import PdfReader

from phases.content.demo_answers import demo_answers
from phases.models import PhaseSubmission, Post, SubmissionFile
from phases.rules.answers import complete_phase
from phases.rules.threads import add_comment, post_message
from retention.personal_data import prune_archives
from synthese import rules as synthese_rules
from synthese.models import SyntheseVersion
from tests.access.matrix import png
from users.storage import private_storage

URL = "/mon-compte/mes-donnees/"
FILE_BYTES = b"%PDF-1.4\nmon CV unique\n"


def captured():
    """Run what the request's commit queues (the e-mail task), as on a server."""
    return TestCase.captureOnCommitCallbacks(using="default", execute=True)


def attach(bilan, phase, name, content):
    submission = PhaseSubmission.objects.get(bilan=bilan, phase=phase)
    upload = SubmissionFile(
        submission=submission,
        block_id="b",
        original_name=name,
        size=len(content),
        content_type="application/pdf",
    )
    upload.file.save("f", SimpleUploadedFile(name, content), save=False)
    upload.save()
    return upload


def fill(bilan, phases, *, words):
    """Two phases terminées, a comment, a message, a file; `words` marks the
    texts so that another candidate's can be looked for."""
    for phase in phases[:2]:
        complete_phase(
            bilan, phase, data=demo_answers(phase), expected_version=0, notify=False
        )
    block_id = next(iter(phases[0].questions())).id
    add_comment(
        bilan,
        phases[0],
        block_id,
        author=bilan.conseiller,
        body=f"Pouvez-vous préciser {words} ?",
        notify=False,
    )
    post_message(
        bilan,
        author=bilan.candidate,
        body=f"Message {words} du candidat.",
        notify=False,
    )
    post_message(bilan, author=bilan.conseiller, body=f"Réponse {words}.", notify=False)
    attach(bilan, phases[0], f"cv-{words}.pdf", FILE_BYTES + words.encode())


@pytest.fixture
def filled(world, phases):
    fill(world.bilan, phases, words="pélican")
    fill(world.autre_bilan, phases, words="zèbre")
    synthese_rules.save_draft(
        world.bilan,
        texts={
            "circumstances": "Circonstances du pélican.",
            "competences": "Compétences du pélican.",
            "project": "Projet du pélican.",
        },
        expected_version=0,
    )
    synthese_rules.submit(world.bilan, notify=False)
    synthese_rules.save_observations(
        world.bilan, number=1, text="Observation du pélican.", notify=False
    )
    world.candidat.avatar.save("a.png", SimpleUploadedFile("a.png", png()))
    return world


def download(client, user):
    client.force_login(user)
    response = client.post(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def all_bytes(archive):
    return b"".join(archive.read(name) for name in archive.namelist())


def test_the_page_says_what_the_archive_holds_and_mon_compte_links_to_it(client, world):
    client.force_login(world.candidat)
    account = client.get("/mon-compte/").content.decode()
    assert f'href="{URL}"' in account
    assert "Télécharger mes données" in account
    page = client.get(URL).content.decode()
    assert "<h1>Télécharger mes données</h1>" in page
    assert "donnees.json" in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_the_archive_matches_the_database(client, filled, phases):
    world = filled
    archive = download(client, world.candidat)
    data = json.loads(archive.read("donnees.json"))

    assert data["compte"]["identifiant"] == "candidat"
    assert data["compte"]["adresse_electronique"] == world.candidat.email
    assert "password" not in json.dumps(data)
    assert world.candidat.password.encode() not in all_bytes(archive)

    [bilan] = data["bilans"]
    assert bilan["identifiant"] == world.bilan.pk
    assert bilan["accord"]["donne_le"] == world.bilan.consent.given_at.isoformat()
    assert bilan["accord"]["version_du_texte"]["revision"] == (
        world.bilan.consent.revision_id
    )

    # Every answer, with the question as it was asked.
    exported = {row["phase"]: row for row in bilan["reponses_par_phase"]}
    submissions = PhaseSubmission.objects.filter(bilan=world.bilan)
    assert set(exported) == {s.phase.title for s in submissions}
    for submission in submissions:
        answers = {
            a["question_id"]: a for a in exported[submission.phase.title]["reponses"]
        }
        assert set(answers) == set(submission.answers)
        for key, answer in submission.answers.items():
            assert answers[key]["reponse"] == answer
            assert answers[key]["question"] == submission.questions[key]

    # Every comment and message, nobody else's.
    texts = [p["texte"] for c in bilan["commentaires"] for p in c["messages"]]
    texts += [p["texte"] for p in bilan["messages"]]
    expected = Post.objects.filter(thread__bilan=world.bilan).values_list(
        "body", flat=True
    )
    assert sorted(texts) == sorted(expected)

    # Every synthèse version with its observations.
    versions = bilan["document_de_synthese"]["versions"]
    stored = SyntheseVersion.objects.filter(synthese__bilan=world.bilan)
    assert [v["numero"] for v in versions] == sorted(v.number for v in stored)
    assert versions[0]["observations"] == "Observation du pélican."
    assert "Projet du pélican." in versions[0]["sections"].values()

    # The uploaded file and the avatar, byte for byte.
    [upload] = exported[phases[0].title]["fichiers"]
    assert archive.read(upload["fichier"]) == FILE_BYTES + "pélican".encode()
    assert upload["nom_d_origine"] == "cv-pélican.pdf"
    assert archive.read(data["compte"]["avatar"]) == png()

    # Nothing of the other candidate's bilan.
    for word in ("zèbre", world.autre_candidat.username):
        assert word.encode() not in all_bytes(archive)
    assert "LISEZ-MOI.txt" in archive.namelist()


def test_one_pdf_per_phase_tagged_in_french_with_the_answers(client, filled, phases):
    archive = download(client, filled.candidat)
    data = json.loads(archive.read("donnees.json"))
    phases_data = data["bilans"][0]["reponses_par_phase"]
    assert len(phases_data) == 2
    for row in phases_data:
        reader = PdfReader(io.BytesIO(archive.read(row["pdf"])))
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "fr"
        assert root["/MarkInfo"]["/Marked"]
        text = re.sub(r"\s+", " ", "".join(p.extract_text() for p in reader.pages))
        assert row["phase"] in text
        first = row["reponses"][0]
        assert re.sub(r"\s+", " ", str(first["question"]["label"]))[:30] in text


def test_a_remis_synthese_comes_as_its_pdf(client, filled):
    archive = download(client, filled.candidat)
    data = json.loads(archive.read("donnees.json"))
    assert data["bilans"][0]["document_de_synthese"].get("pdf") is None  # soumis only
    synthese_rules.deliver(filled.bilan, notify=False)
    archive = download(client, filled.candidat)
    data = json.loads(archive.read("donnees.json"))
    path = data["bilans"][0]["document_de_synthese"]["pdf"]
    reader = PdfReader(io.BytesIO(archive.read(path)))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    text = re.sub(r"\s+", " ", "".join(p.extract_text() for p in reader.pages))
    assert "Compétences du pélican." in text


def test_the_archive_holds_the_rendezvous(client, filled):
    from phases.models import RendezVous
    from tests.rendezvous.emargement_helpers import rendezvous

    rendezvous(filled.bilan, minutes=90, status=RendezVous.Status.REALISE, actual=75)
    rendezvous(filled.autre_bilan, minutes=60)  # another candidate's
    data = json.loads(download(client, filled.candidat).read("donnees.json"))
    (rdv,) = data["rendez_vous"]
    assert rdv["bilan"] == filled.bilan.pk
    assert rdv["statut"] == "Réalisé" and rdv["duree_reelle_minutes"] == 75
    assert rdv["type"] == "Entretien d'investigation"


def test_without_weasyprint_the_archive_comes_with_a_french_note(
    client, filled, monkeypatch
):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if not installed
    archive = download(client, filled.candidat)
    assert not [n for n in archive.namelist() if n.startswith("reponses/")]
    note = archive.read("LISEZ-MOI.txt").decode()
    assert "n'ont pas pu être produits" in note
    data = json.loads(archive.read("donnees.json"))
    assert data["bilans"][0]["reponses_par_phase"][0]["reponses"]


@pytest.mark.parametrize("role", ["conseiller", "admin", "superuser"])
def test_staff_export_their_account_and_no_candidate_content(client, filled, role):
    user = getattr(filled, role)
    archive = download(client, user)
    data = json.loads(archive.read("donnees.json"))
    assert data["compte"]["identifiant"] == user.username
    assert data["bilans"] == []
    for word in ("pélican", "zèbre"):
        assert word.encode() not in all_bytes(archive)


def test_anonymous_is_sent_to_login(client, world):
    assert client.get(URL)["Location"].startswith("/connexion/")
    assert client.post(URL)["Location"].startswith("/connexion/")


# The test opens the e-mailed link itself, as its owner and as others: the
# conftest's check of e-mailed links runs after the test's private storage
# folder (tests/conftest.py _fast_media) is unset, where no archive is.
@pytest.mark.mail_links_unchecked
@override_settings(PERSONAL_DATA_DIRECT_MAX_BYTES=10)
def test_a_large_archive_is_built_in_the_background_and_emailed(
    client, filled, monkeypatch
):
    world = filled
    client.force_login(world.candidat)
    page = client.get(URL).content.decode()
    assert "préparée en arrière-plan" in page
    with captured():
        response = client.post(URL, follow=True)
    assert "Votre archive est en cours de préparation" in response.content.decode()
    [message] = mail.outbox
    assert message.to == [world.candidat.email]
    assert "pélican" not in message.body
    link = re.search(r"http://\S+/mon-compte/mes-donnees/archive/\S+/", message.body)
    path = link.group(0).split("testserver", 1)[1]
    [stored] = private_storage().listdir(f"exports/{world.candidat.pk}")[1]

    # Someone else, even logged in, finds nothing there; nor does anyone logged out.
    for other in (world.autre_candidat, world.conseiller, world.superuser):
        client.force_login(other)
        assert client.get(path).status_code == 404
    client.logout()
    assert client.get(path)["Location"].startswith("/connexion/")

    client.force_login(world.candidat)
    response = client.get(path)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("donnees.json"))
    assert data["compte"]["identifiant"] == "candidat"

    # A forged token is nobody's.
    assert client.get(path[:-3] + "xx/").status_code == 404


def request_large_archive(client, user):
    """The e-mailed link's path, and the archive's storage name."""
    client.force_login(user)
    with captured():
        client.post(URL)
    link = re.search(
        r"http://testserver(/mon-compte/mes-donnees/archive/\S+/)", mail.outbox[-1].body
    )
    [stored] = private_storage().listdir(f"exports/{user.pk}")[1]
    return link.group(1), f"exports/{user.pk}/{stored}"


# The links expire on purpose here: the check that every e-mailed link opens is
# for live ones.
@pytest.mark.mail_links_unchecked
@override_settings(PERSONAL_DATA_DIRECT_MAX_BYTES=10)
def test_after_seven_days_the_link_is_gone_and_so_is_the_archive(
    client, filled, monkeypatch
):
    path, stored = request_large_archive(client, filled.candidat)
    eight_days_later = time.time() + 8 * 24 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: eight_days_later)  # signing's clock
        response = client.get(path)
    assert response.status_code == 410
    assert "Ce lien de téléchargement a expiré" in response.content.decode()
    assert not private_storage().exists(stored)


@pytest.mark.mail_links_unchecked
@override_settings(PERSONAL_DATA_DIRECT_MAX_BYTES=10)
def test_a_link_to_a_pruned_archive_says_it_expired(client, filled):
    path, stored = request_large_archive(client, filled.candidat)
    later = timezone.now() + datetime.timedelta(days=8)
    assert prune_archives() == 0
    assert prune_archives(now=later) == 1
    assert not private_storage().exists(stored)
    assert client.get(path).status_code == 410
