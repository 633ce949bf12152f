"""Files attached to answers: type and size limits, and privacy."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from phases.models import PhaseSubmission, SubmissionFile

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(client, qphase, q, name, content, version=0, action="save"):
    return client.post(
        qphase.url,
        {
            "version": str(version),
            "action": action,
            q.name("Votre CV"): SimpleUploadedFile(name, content),
        },
    )


@pytest.fixture
def stored(client_as, world, qphase, q):
    response = upload(client_as("candidat"), qphase, q, "Mon CV 2026.pdf", PDF)
    assert response.status_code == 302
    return SubmissionFile.objects.get()


def test_an_upload_is_stored_privately(client_as, stored, world, qphase, q):
    assert stored.original_name == "Mon CV 2026.pdf"
    assert stored.size == len(PDF)
    assert stored.content_type == "application/pdf"
    assert stored.block_id == q.id("Votre CV")
    storage = stored.file.storage
    assert storage.exists(stored.file.name)
    assert not str(storage.path(stored.file.name)).startswith(str(settings.MEDIA_ROOT))
    # Whatever URL the storage would compute, nothing serves the file there.
    client = client_as("candidat")
    response = client.get(settings.MEDIA_URL + stored.file.name, follow=True)
    assert response.status_code == 404
    # The stored name says nothing of the original one.
    assert "CV" not in stored.file.name
    answer = PhaseSubmission.objects.get().answers[q.id("Votre CV")]
    assert answer == {"file": stored.pk, "name": "Mon CV 2026.pdf", "size": len(PDF)}


def test_the_page_links_the_file_through_the_private_view(client_as, stored, qphase):
    html = client_as("candidat").get(qphase.url).content.decode()
    assert f'href="/fichiers/{stored.pk}/"' in html
    assert settings.MEDIA_URL not in html


@pytest.mark.parametrize("role", ["candidat", "conseiller"])
def test_the_candidate_and_their_conseiller_download_it(client_as, stored, role):
    response = client_as(role).get(f"/fichiers/{stored.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "role",
    ["autre_candidat", "autre_conseiller", "referent", "admin", "conseiller_toulouse"],
)
def test_anyone_else_gets_404(client_as, stored, role):
    assert client_as(role).get(f"/fichiers/{stored.pk}/").status_code == 404


def test_anonymous_gets_404(client, stored):
    client.logout()
    assert client.get(f"/fichiers/{stored.pk}/").status_code == 404


def test_unknown_file_is_404(client_as, world):
    assert client_as("candidat").get("/fichiers/999999/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.exe", b"MZ\x90\x00"),
        ("page.html", b"<html></html>"),
        ("faux.pdf", b"MZ\x90\x00 not a pdf"),
        ("image.png", PDF),
    ],
)
def test_other_types_are_refused(client_as, world, qphase, q, name, content):
    response = upload(client_as("candidat"), qphase, q, name, content)
    assert response.status_code == 400
    assert "Ce type de fichier n&#x27;est pas accepté" in response.content.decode()
    assert not SubmissionFile.objects.exists()


def test_files_over_5_mo_are_refused(client_as, world, qphase, q):
    big = PDF + b"0" * (5 * 1024 * 1024)
    response = upload(client_as("candidat"), qphase, q, "gros.pdf", big)
    assert response.status_code == 400
    assert "Le fichier est trop lourd" in response.content.decode()
    assert "5,0\xa0Mio" in response.content.decode()
    assert not SubmissionFile.objects.exists()


@pytest.mark.parametrize("name", ["photo.png", "lettre.docx", "lettre.odt", "scan.jpg"])
def test_accepted_types(client_as, world, qphase, q, name):
    content = {
        "png": PNG,
        "docx": b"PK\x03\x04 zip",
        "odt": b"PK\x03\x04 zip",
        "jpg": b"\xff\xd8\xff\xe0 jpeg",
    }[name.rsplit(".", 1)[1]]
    assert upload(client_as("candidat"), qphase, q, name, content).status_code == 302
    assert SubmissionFile.objects.get().original_name == name


def test_a_new_file_replaces_the_previous_one(
    client_as, stored, qphase, q, django_capture_on_commit_callbacks
):
    old_name = stored.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client_as("candidat"), qphase, q, "photo.png", PNG, 1)
    assert response.status_code == 302
    new = SubmissionFile.objects.get()
    assert new.original_name == "photo.png"
    assert not new.file.storage.exists(old_name)


def test_saving_without_a_new_file_keeps_the_file(client_as, stored, qphase, q):
    client = client_as("candidat")
    response = client.post(
        qphase.url,
        {"version": "1", "action": "save", q.name("Votre métier actuel"): "Agent"},
    )
    assert response.status_code == 302
    answers = PhaseSubmission.objects.get().answers
    assert answers[q.id("Votre CV")]["file"] == stored.pk
    assert SubmissionFile.objects.count() == 1
