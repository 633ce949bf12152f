"""« Importer des conseillers »: conseillers of one académie from a CSV file.

The file has the columns identifiant, courriel, prénom, nom, DABM, référent, in any
order, separated by `;` (what Excel writes in French) or `,`, encoded in UTF-8
(with or without the BOM Excel puts first) or Windows-1252 (Excel's "CSV" in
France). `preview` reads it and says what is wrong with each row, in French,
before anything is created; `import_conseillers` checks it again and creates every
account in one transaction, or none.

Why not django-import-export: its import screens are ModelAdmin views (Django's
admin, which this project does not run beside Wagtail's); it reads the whole file
into a tablib Dataset (memory grows with the file); and creating an account here
is `create_account` (unusable password, journal entry, invitation), not a model
save. The csv module reads a row at a time, which keeps memory flat up to
`MAX_ROWS`.

Hostile content: a cell that starts like a spreadsheet formula (`=`, `+`, `-`,
`@`) is refused, so no name that a spreadsheet would run is ever stored (and so
never comes back out in an export); control characters are refused too.
"""

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext as _

from django_tasks import task

from .accounts import create_account
from .emails import enqueue_email, send_account_created_email
from .models import Academie, Dabm, User
from .site_url import absolute_url

#: (key, label): the key is the label without accents, in lower case.
COLUMNS = (
    ("identifiant", "identifiant"),
    ("courriel", "courriel"),
    ("prenom", "prénom"),
    ("nom", "nom"),
    ("dabm", "DABM"),
    ("referent", "référent"),
)
LABELS = dict(COLUMNS)
#: Other names a spreadsheet may already use for a column.
ALIASES = {"email": "courriel", "e-mail": "courriel", "mail": "courriel"}
MAX_ROWS = 10_000
#: 10,000 rows of ordinary names take about 1 MB; twice that leaves room.
MAX_BYTES = 2 * 1024 * 1024
MAX_LENGTH = {"identifiant": 150, "courriel": 254, "prenom": 150, "nom": 150}
#: Rows shown on the preview: every row up to this many, else the rows in error
#: (up to this many) — the counts always cover the whole file.
PREVIEW_ROWS = 200
#: Rows checked against the database together (one query per chunk, not per row).
CHUNK = 500
FORMULA_STARTS = ("=", "+", "-", "@")
YES, NO = "oui", "non"
DELIMITERS = (";", ",", "\t")


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing of it is shown or created."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    number: int  # the row's number in a spreadsheet: the header is row 1
    values: dict
    errors: list = field(default_factory=list)


@dataclass
class Preview:
    """What the file would create: counts over every row, a sample to show."""

    academie: object
    total: int = 0
    in_error: int = 0
    rows: list = field(default_factory=list)
    all_rows_shown: bool = True

    @property
    def is_valid(self):
        return self.total > 0 and self.in_error == 0


def key_of(text):
    """ "Prénom " → "prenom": how headers, DABMs and oui/non are compared."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def template_csv(academie=None):
    """The modèle CSV: the header and one example row, as Excel in French writes
    it (`;`, UTF-8 with a BOM so that Excel shows the accents)."""
    dabm = Dabm.objects.filter(academie=academie).first() if academie else None
    lines = [
        ";".join(label for _key, label in COLUMNS),
        ";".join(
            [
                "marie.durand",
                "marie.durand@exemple.fr",
                "Marie",
                "Durand",
                dabm.name if dabm else "Lunel",
                NO,
            ]
        ),
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


# --- Reading the file ----------------------------------------------------------


class _Reader(io.RawIOBase):
    """Any object with read(n) (an upload, a storage file, S3's) as a raw stream,
    so that io.TextIOWrapper decodes it chunk by chunk."""

    def __init__(self, file):
        self.file = file

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.file.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _sniff(file):
    """Refuse what is not a text file; return its encoding."""
    file.seek(0)
    head = file.read(4096)
    file.seek(0)
    if not head.strip(b" \t\r\n" + codecs.BOM_UTF8):
        raise ImportFileError(_("Le fichier est vide."))
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ImportFileError(
            _(
                "Ce fichier est un classeur Excel, pas un fichier CSV : dans Excel, "
                "choisissez « Enregistrer sous », puis le type « CSV UTF-8 »."
            )
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Texte Unicode".
        candidates = ("utf-16",)
    elif b"\x00" in head:
        raise ImportFileError(
            _(
                "Ce fichier n'est pas un fichier texte CSV : enregistrez le tableau "
                "au format « CSV UTF-8 » et déposez ce fichier."
            )
        )
    else:
        # A file that is valid UTF-8 is read as such; otherwise it is
        # Windows-1252, what Excel writes for "CSV (séparateur : point-virgule)"
        # in France. Decided on the whole file before any row is read, a chunk
        # at a time.
        candidates = ("utf-8-sig", "cp1252")
    for encoding in candidates:
        if _decodes(file, encoding):
            return encoding
    raise ImportFileError(
        _(
            "L'encodage du fichier n'est pas reconnu : enregistrez-le au format "
            "« CSV UTF-8 »."
        )
    )


def _decodes(file, encoding):
    decoder = codecs.getincrementaldecoder(encoding)()
    file.seek(0)
    try:
        while chunk := file.read(64 * 1024):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        file.seek(0)
    return True


def _records(file, encoding):
    """Yield (row number, {key: text}, cell count) for each non-blank row."""
    file.seek(0)
    text = io.TextIOWrapper(
        io.BufferedReader(_Reader(file)), encoding=encoding, newline=""
    )
    first = text.readline()
    counts = {d: first.count(d) for d in DELIMITERS}
    delimiter = max(DELIMITERS, key=counts.get)
    header = next(csv.reader([first], delimiter=delimiter), [])
    keys = _header_keys(header)
    reader = csv.reader(text, delimiter=delimiter)
    number = 1
    try:
        for cells in reader:
            number += 1
            if not any(cell.strip() for cell in cells):
                continue  # Excel's trailing ";;;;;" lines
            while cells and not cells[-1].strip():
                cells.pop()  # a spreadsheet's empty cells after the last column
            yield number, dict(zip(keys, cells, strict=False)), len(cells)
    except csv.Error as error:
        raise ImportFileError(
            _("Le fichier n'est pas un CSV lisible (ligne %(number)s).")
            % {"number": number}
        ) from error


def _header_keys(header):
    expected = [key for key, _label in COLUMNS]
    while header and not header[-1].strip():
        header.pop()
    keys = [ALIASES.get(key_of(cell), key_of(cell)) for cell in header]
    missing = [LABELS[key] for key in expected if key not in keys]
    unknown = [
        cell.strip()
        for cell, key in zip(header, keys, strict=True)
        if key not in LABELS
    ]
    doubled = sorted({LABELS[k] for k in keys if k in LABELS and keys.count(k) > 1})
    if missing or unknown or doubled:
        problems = []
        if missing:
            problems.append(_("manquante(s) : %s") % ", ".join(missing))
        if unknown:
            names = ", ".join(
                f"« {name} »" if name else _("(vide)") for name in unknown
            )
            problems.append(_("inconnue(s) : %s") % names)
        if doubled:
            problems.append(_("en double : %s") % ", ".join(doubled))
        raise ImportFileError(
            _(
                "La première ligne du fichier doit nommer les colonnes %(columns)s, "
                "séparées par des points-virgules (;) ou des virgules (,). "
                "Colonnes %(problems)s. Téléchargez le modèle CSV pour partir "
                "d'un fichier juste."
            )
            % {
                "columns": ", ".join(label for _key, label in COLUMNS),
                "problems": " ; ".join(problems),
            }
        )
    return keys


def read(file):
    """Yield (row number, {key: text}, cell count) for each row of the file;
    ImportFileError if the file itself is wrong (empty, not text, unknown
    encoding, header, too many rows)."""
    encoding = _sniff(file)
    for count, record in enumerate(_records(file, encoding), start=1):
        if count > MAX_ROWS:
            raise ImportFileError(
                _(
                    "Le fichier compte plus de %(max)s conseillers : découpez-le en "
                    "plusieurs fichiers."
                )
                % {"max": f"{MAX_ROWS:,}".replace(",", "\u202f")}
            )
        yield record


# --- Checking the rows ----------------------------------------------------------


class RowChecker:
    """The rules of one row, and of the file's rows together (no identifiant or
    address twice, none already taken by an account)."""

    username_validator = UnicodeUsernameValidator()

    def __init__(self, academie):
        self.academie = academie
        self.dabms = {
            key_of(dabm.name): dabm for dabm in Dabm.objects.filter(academie=academie)
        }
        self.seen_usernames = {}
        self.seen_emails = {}

    def check(self, number, values, cells):
        row = Row(number, {key: (values.get(key) or "").strip() for key in LABELS})
        errors = row.errors
        if cells > len(COLUMNS):
            errors.append(
                _("La ligne compte %(found)s valeurs pour %(expected)s colonnes.")
                % {"found": cells, "expected": len(COLUMNS)}
            )
        for key, label in COLUMNS:
            value = row.values[key]
            if not value:
                errors.append(_("%(column)s : valeur manquante.") % {"column": label})
            elif value.startswith(FORMULA_STARTS):
                errors.append(
                    _(
                        "%(column)s : une valeur ne peut pas commencer par =, +, - "
                        "ou @ (formule de tableur)."
                    )
                    % {"column": label}
                )
                row.values[key] = ""  # never echoed back, not even escaped
            elif any(unicodedata.category(c).startswith("C") for c in value):
                errors.append(
                    _("%(column)s : caractères invisibles non autorisés.")
                    % {"column": label}
                )
            elif len(value) > MAX_LENGTH.get(key, 150):
                errors.append(
                    _("%(column)s : %(max)s caractères au plus.")
                    % {"column": label, "max": MAX_LENGTH.get(key, 150)}
                )
            else:
                getattr(self, f"check_{key}", lambda *args: None)(row, value)
        return row

    def check_identifiant(self, row, value):
        try:
            self.username_validator(value)
        except ValidationError:
            row.errors.append(
                _(
                    "identifiant : lettres, chiffres et les caractères @ . + - _ "
                    "uniquement, sans espace."
                )
            )
            return
        self._once(row, value, self.seen_usernames, _("Identifiant"))

    def check_courriel(self, row, value):
        try:
            validate_email(value)
        except ValidationError:
            row.errors.append(_("courriel : adresse électronique invalide."))
            return
        self._once(row, value, self.seen_emails, _("Adresse électronique"))

    def check_dabm(self, row, value):
        if key_of(value) not in self.dabms:
            row.errors.append(
                _("DABM inconnu dans l'académie %(academie)s : %(names)s.")
                % {
                    "academie": self.academie,
                    "names": _("choisissez parmi %s")
                    % ", ".join(sorted(d.name for d in self.dabms.values()))
                    if self.dabms
                    else _("elle n'a encore aucun DABM"),
                }
            )

    def check_referent(self, row, value):
        if key_of(value) not in (YES, NO):
            row.errors.append(_("référent : indiquez oui ou non."))

    def _once(self, row, value, seen, label):
        first = seen.setdefault(value.casefold(), row.number)
        if first != row.number:
            row.errors.append(
                _("%(what)s déjà présent(e) à la ligne %(line)s du fichier.")
                % {"what": label, "line": first}
            )

    def check_taken(self, rows):
        """Identifiants and addresses already used by an account, for a chunk of
        rows in two queries. Addresses compare as `check_email_free` compares
        them (whatever their case), and so do identifiants."""
        usernames = {r.values["identifiant"].casefold() for r in rows}
        emails = {r.values["courriel"].casefold() for r in rows}
        taken_usernames = set(
            User.objects.annotate(key=Lower("username"))
            .filter(key__in=usernames)
            .values_list("key", flat=True)
        )
        taken_emails = set(
            User.objects.annotate(key=Lower("email"))
            .filter(key__in=emails)
            .values_list("key", flat=True)
        )
        for row in rows:
            if row.values["identifiant"].casefold() in taken_usernames:
                row.errors.append(
                    _("Cet identifiant est déjà utilisé par un autre compte.")
                )
            if row.values["courriel"].casefold() in taken_emails:
                row.errors.append(
                    _(
                        "Cette adresse électronique est déjà utilisée par un autre "
                        "compte."
                    )
                )


def checked_rows(file, academie):
    """Yield every row of the file with its errors (ImportFileError if the file
    itself is wrong). The database is asked once per `CHUNK` rows."""
    checker = RowChecker(academie)
    rows = (checker.check(*record) for record in read(file))
    while chunk := list(islice(rows, CHUNK)):
        checker.check_taken(chunk)
        yield from chunk


def preview(file, academie):
    """Check the whole file; keep the rows to show (see `PREVIEW_ROWS`)."""
    result = Preview(academie)
    shown_in_error = []
    for row in checked_rows(file, academie):
        result.total += 1
        if row.errors:
            result.in_error += 1
            if len(shown_in_error) < PREVIEW_ROWS:
                shown_in_error.append(row)
        if len(result.rows) < PREVIEW_ROWS:
            result.rows.append(row)
    if result.total > PREVIEW_ROWS:
        result.all_rows_shown = False
        if shown_in_error:
            result.rows = shown_in_error
    if result.total == 0:
        raise ImportFileError(
            _("Le fichier ne contient aucun conseiller : seulement la ligne d'en-tête.")
        )
    return result


class ImportRejected(Exception):
    """The file has errors: nothing was created; `preview` says which."""

    def __init__(self, preview):
        super().__init__("rows in error")
        self.preview = preview


def import_conseillers(file, academie, *, created_by, request=None):
    """Create a conseiller for every row of the file, in one transaction: all of
    them or, on any error, none (ImportRejected, or the database's error).

    Each account is made by `create_account` (unusable password, journal entry),
    which sends its invitation as soon as it is asked to — inside the transaction,
    so a row failing later would leave invitations to accounts that no longer
    exist. The invitations leave here instead, once the transaction is committed.
    Returns the number of accounts created.
    """
    checked = preview(file, academie)
    if not checked.is_valid:
        raise ImportRejected(checked)
    dabms = {key_of(dabm.name): dabm for dabm in Dabm.objects.filter(academie=academie)}
    created = []
    with transaction.atomic():
        for _number, values, _cells in read(file):
            values = {key: (values.get(key) or "").strip() for key in LABELS}
            user = create_account(
                role=User.Role.CONSEILLER,
                created_by=created_by,
                notify=False,
                request=request,
                username=values["identifiant"],
                email=values["courriel"],
                first_name=values["prenom"],
                last_name=values["nom"],
                dabm=dabms[key_of(values["dabm"])],
                is_referent=key_of(values["referent"]) == YES,
            )
            created.append(user.pk)
        transaction.on_commit(
            partial(send_invitations, created, created_by=created_by, request=request)
        )
    return len(created)


def send_invitations(pks, *, created_by, request=None):
    """The e-mail of each new account, with its link to choose a password."""
    for start in range(0, len(pks), CHUNK):
        for user in User.objects.filter(pk__in=pks[start : start + CHUNK]):
            send_account_created_email(request, user, created_by)


@task()
def import_pending_file(name, academie_id, created_by_id):
    """Confirm an import in the background: 10,000 accounts take longer than a
    request may last (gunicorn and nginx stop it at 30 s). With the immediate
    backend (development, tests) it runs within the request, and its outcome is
    shown at once; with the worker, the administrator is told by e-mail, as
    they are in both cases.

    `name` is the previewed file in the private storage, deleted here whatever
    happens. Returns {"created": n} or {"created": 0, "in_error": n} (rows that
    became wrong since the preview) or {"created": 0, "failed": True}.
    """
    storage = storages["private"]
    academie = Academie.objects.get(pk=academie_id)
    created_by = User.objects.get(pk=created_by_id)
    try:
        with storage.open(name, "rb") as file:
            outcome = {
                "created": import_conseillers(file, academie, created_by=created_by)
            }
    except ImportRejected as rejected:
        outcome = {"created": 0, "in_error": rejected.preview.in_error}
    except (ImportFileError, IntegrityError, FileNotFoundError):
        outcome = {"created": 0, "failed": True}
    finally:
        storage.delete(name)
    enqueue_email(
        "users/import/emails/done_subject.txt",
        "users/import/emails/done_body.txt",
        {
            "user": created_by,
            "academie": academie,
            **outcome,
            "listing_url": absolute_url(reverse("conseillers:index")),
            "import_url": absolute_url(reverse("users_import_conseillers")),
        },
        created_by.email,
    )
    return outcome
