# ruff: noqa: T201 (a command-line script: it prints its results)
"""« Importer des conseillers » on a CSV of N rows: time and memory.

Builds an académie with two DABMs and its administrator in a throw-away database
(a temporary SQLite file, or with --postgres the PostgreSQL database BENCH_DB,
default monbilan_import_bench, recreated), writes a CSV of N conseillers, then
for each round times `users.imports.preview` (the check shown before anything is
created) and `users.imports.import_conseillers` (the accounts, their journal
entries and their invitations, rendered and handed to a dummy mail backend),
and deletes what was created. A last pass at each size measures the Python
heap's peak with tracemalloc (which slows the code: not timed). ru_maxrss is
the process's resident peak at the end.

    python -m bench.import_conseillers [--rows 10000] [--rows 1000] [--rounds 3]
        [--postgres]
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "identifiant;courriel;prénom;nom;DABM;référent"


def setup(postgres):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "monbilan.settings.test"
    if postgres:
        import psycopg

        name = os.environ.get("BENCH_DB", "monbilan_import_bench")
        admin = "postgresql://postgres@127.0.0.1:5432/postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = f"postgresql://postgres@127.0.0.1:5432/{name}"
    else:
        folder = tempfile.mkdtemp(prefix="monbilan-bench-import-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The invitations are written and handed to a backend that keeps nothing:
    # the locmem outbox of the test settings would hold 10,000 messages.
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    call_command("migrate", verbosity=0)


def world():
    from users.models import Academie, Dabm, User

    academie, _ = Academie.objects.get_or_create(name="Montpellier")
    for name in ("Lunel", "Sète"):
        Dabm.objects.get_or_create(academie=academie, name=name)
    admin, _ = User.objects.get_or_create(
        username="bench.admin",
        defaults={"role": User.Role.ADMINISTRATEUR, "academie": academie},
    )
    return academie, admin


def write_csv(rows):
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (kept for the rounds)
        "w", suffix=".csv", encoding="utf-8-sig", newline="", delete=False
    )
    with handle:
        handle.write(HEADER + "\r\n")
        for n in range(rows):
            dabm = "Lunel" if n % 2 else "Sète"
            handle.write(
                f"bench.c{n};bench.c{n}@exemple.fr;Prénom{n};Nom{n};{dabm};"
                f"{'oui' if n % 10 == 0 else 'non'}\r\n"
            )
    return Path(handle.name)


def clean():
    from wagtail.models import ModelLogEntry

    from users.models import User

    pks = list(
        User.objects.filter(username__startswith="bench.c").values_list("pk", flat=True)
    )
    ModelLogEntry.objects.filter(object_id__in=[str(pk) for pk in pks]).delete()
    User.objects.filter(pk__in=pks).delete()


def run(path, academie, admin):
    from users.imports import import_conseillers, preview

    with path.open("rb") as file:
        start = time.perf_counter()
        result = preview(file, academie)
        checked = time.perf_counter() - start
    if not result.is_valid:
        raise SystemExit(f"the bench file has errors: {result.rows[:3]}")
    with path.open("rb") as file:
        start = time.perf_counter()
        created = import_conseillers(file, academie, created_by=admin)
        imported = time.perf_counter() - start
    return checked, imported, created


def heap_peak(path, academie, admin):
    from users.imports import preview

    tracemalloc.start()
    with path.open("rb") as file:
        preview(file, academie)
    preview_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    from users.imports import import_conseillers

    with path.open("rb") as file:
        import_conseillers(file, academie, created_by=admin)
    import_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    clean()
    return preview_peak, import_peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    setup(args.postgres)
    from django.db import connection

    academie, admin = world()
    print(f"database: {connection.vendor}; rounds: {args.rounds}")
    for rows in args.rows or [10_000]:
        path = write_csv(rows)
        checks, imports = [], []
        for _round in range(args.rounds):
            checked, imported, created = run(path, academie, admin)
            if created != rows:
                raise SystemExit(f"{created} created for {rows} rows")
            checks.append(checked)
            imports.append(imported)
            clean()
        preview_peak, import_peak = heap_peak(path, academie, admin)
        print(
            f"{rows} rows ({path.stat().st_size / 1024:.0f} KiB): "
            f"preview median {statistics.median(checks):.2f} s "
            f"(rounds {', '.join(f'{t:.2f}' for t in checks)}); "
            f"import median {statistics.median(imports):.2f} s "
            f"(rounds {', '.join(f'{t:.2f}' for t in imports)}); "
            f"heap peak preview {preview_peak / 2**20:.1f} MiB, "
            f"import {import_peak / 2**20:.1f} MiB"
        )
        path.unlink()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ru_maxrss at the end: {maxrss:.0f} MiB")


if __name__ == "__main__":
    main()
