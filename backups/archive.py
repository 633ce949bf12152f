"""What a backup is, and how it is written and read back.

A backup is a folder:

- `base.dump`: the PostgreSQL database (`pg_dump --format=custom`), or
  `base.sqlite3` for the embedded database (SQLite's online backup);
- `fichiers/<storage>/<name>`: every file of the `default` and `private`
  storages (local folders or S3 buckets alike, through Django's storage API);
- `manifest.json`: when, what, and each file's size and SHA-256, checked again
  at restore.

It holds everything the site stores about people: keep it encrypted, on a host
of its own, and destroy it on the same schedule as the data (README).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection
from django.utils import timezone

STORAGES = ("default", "private")


class BackupError(Exception):
    pass


def walk(storage, folder=""):
    """Every file name of a storage, recursively (listdir works on S3 too)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def _digest(path):
    sha = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def _pg_environment():
    db = settings.DATABASES["default"]
    env = {**os.environ}
    for key, name in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(name):
            env[key] = str(db[name])
    return env


def write_backup(destination):
    """Write a backup in `destination` (created; must be empty). Returns the
    manifest."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise BackupError(f"{destination} n'est pas vide.")
    manifest = {
        "cree_le": timezone.now().isoformat(),
        "base": connection.vendor,
        "fichiers": [],
    }
    if connection.vendor == "postgresql":
        subprocess.run(  # noqa: S603 (our own arguments)
            [  # noqa: S607 (pg_dump and pg_restore from the PATH)
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(destination / "base.dump"),
            ],
            env=_pg_environment(),
            check=True,
        )
    elif connection.vendor == "sqlite":
        # SQLite's online backup: a consistent copy while the site runs (it
        # waits for a write transaction of the same process to end).
        connection.ensure_connection()
        target = sqlite3.connect(destination / "base.sqlite3")
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"base non prise en charge : {connection.vendor}")
    for alias in STORAGES:
        storage = storages[alias]
        for name in walk(storage):
            path = destination / "fichiers" / alias / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, open(path, "wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            manifest["fichiers"].append(
                {
                    "stockage": alias,
                    "nom": name,
                    "taille": path.stat().st_size,
                    "sha256": _digest(path),
                }
            )
    (destination / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return manifest


def read_manifest(source):
    source = Path(source)
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["fichiers"]:
        path = source / "fichiers" / entry["stockage"] / entry["nom"]
        if not path.is_file() or _digest(path) != entry["sha256"]:
            raise BackupError(f"fichier absent ou altéré : {entry['nom']}")
    return manifest


def restore_backup(source):
    """Restore a backup into an empty database and empty storages: nothing is
    ever overwritten. Returns the manifest."""
    source = Path(source)
    manifest = read_manifest(source)
    if "django_migrations" in connection.introspection.table_names():
        raise BackupError(
            "La base de destination n'est pas vide : rien n'est restauré."
        )
    for entry in manifest["fichiers"]:
        if storages[entry["stockage"]].exists(entry["nom"]):
            raise BackupError(
                f"Le stockage « {entry['stockage']} » contient déjà {entry['nom']} : "
                "rien n'est restauré."
            )
    if manifest["base"] == "postgresql":
        if connection.vendor != "postgresql":
            raise BackupError("Cette sauvegarde se restaure dans PostgreSQL.")
        connection.close()
        subprocess.run(  # noqa: S603 (our own arguments)
            [  # noqa: S607 (pg_dump and pg_restore from the PATH)
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                _pg_environment()["PGDATABASE"],
                str(source / "base.dump"),
            ],
            env=_pg_environment(),
            check=True,
        )
    else:
        if connection.vendor != "sqlite":
            raise BackupError("Cette sauvegarde se restaure dans SQLite.")
        connection.ensure_connection()
        with sqlite3.connect(source / "base.sqlite3") as backup:
            backup.backup(connection.connection)
    for entry in manifest["fichiers"]:
        storage = storages[entry["stockage"]]
        path = source / "fichiers" / entry["stockage"] / entry["nom"]
        with open(path, "rb") as stream:
            saved = storage.save(entry["nom"], File(stream))
        if saved != entry["nom"]:
            raise BackupError(f"{entry['nom']} restauré sous un autre nom : {saved}")
    return manifest
