"""`backup_data` and `restore_data` (issue 15 §4) on the embedded database:
what a backup holds, and what a restore refuses. The PostgreSQL and S3 case,
restored and read back through the site, is `make restore-check` (CI)."""

import json

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

import pytest

from tests.retention.test_purge_concurrent import (  # noqa: F401 (fixtures)
    _restore_the_sessions_data,
    _tree_counts,
)

# Committed data, as `manage.py backup_data` reads it from a running site (the
# online backup of SQLite waits for an open transaction of its own process).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_backup_holds_the_database_and_every_stored_file(tmp_path, world):
    storages["private"].save("reponses/1/piece", ContentFile(b"un fichier"))
    destination = tmp_path / "sauvegarde"
    call_command("backup_data", str(destination))
    manifest = json.loads((destination / "manifest.json").read_text())
    names = {(entry["stockage"], entry["nom"]) for entry in manifest["fichiers"]}
    assert ("private", "reponses/1/piece") in names
    copied = destination / "fichiers" / "private" / "reponses" / "1" / "piece"
    assert copied.read_bytes() == b"un fichier"
    database = destination / (
        "base.dump" if manifest["base"] == "postgresql" else "base.sqlite3"
    )
    assert database.stat().st_size > 0


def test_a_backup_never_writes_into_a_folder_in_use(tmp_path, world):
    (tmp_path / "autre").write_text("déjà là")
    with pytest.raises(CommandError, match="n'est pas vide"):
        call_command("backup_data", str(tmp_path))


def test_a_restore_never_overwrites_a_database_in_use(tmp_path, world):
    destination = tmp_path / "sauvegarde"
    call_command("backup_data", str(destination))
    with pytest.raises(CommandError, match="La base de destination n'est pas vide"):
        call_command("restore_data", str(destination))


def test_an_altered_file_is_refused_before_anything_is_restored(tmp_path, world):
    storages["private"].save("reponses/1/piece", ContentFile(b"un fichier"))
    destination = tmp_path / "sauvegarde"
    call_command("backup_data", str(destination))
    (destination / "fichiers" / "private" / "reponses" / "1" / "piece").write_bytes(
        b"autre chose"
    )
    with pytest.raises(CommandError, match="fichier absent ou altéré"):
        call_command("restore_data", str(destination))
