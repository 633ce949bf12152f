# ruff: noqa: T201, S603, S607 (a command-line script: prints results, runs tools)
"""What one bilan costs the database and its backup (docs/scale.md).

Recreates BENCH_DB (default monbilan_bench_size), migrates, then adds N
generated candidates with a bilan each whose ten phases are all answered
(`generate_data --submissions 10`), and reads: the database's size before and
after (per bilan), `pg_dump --format=custom`'s time and size, and
`pg_restore`'s time into a fresh database. Files uploaded by candidates are
not generated: docs/scale.md counts them apart.

    python -m bench.db_size [--bilans 2000]
"""

import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

os.environ.setdefault("BENCH_DB", "monbilan_bench_size")
os.environ.setdefault("SITE_URL", "http://127.0.0.1")

from bench.common import ADMIN_URL, DB_NAME, manage, recreate_database  # noqa: E402


def size():
    import psycopg

    with psycopg.connect(
        f"postgresql://postgres@127.0.0.1:5432/{DB_NAME}", autocommit=True
    ) as connection:
        connection.execute("VACUUM (ANALYZE)")
        return connection.execute(
            "SELECT pg_database_size(current_database())"
        ).fetchone()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bilans", type=int, default=2000)
    args = parser.parse_args()
    recreate_database()
    manage("migrate", "--noinput", "-v0")
    manage("install_phases", quiet=True)
    empty = size()
    began = time.monotonic()
    manage(
        "generate_data",
        "--candidates",
        str(args.bilans),
        "--submissions",
        "10",
        quiet=True,
    )
    generated = time.monotonic() - began
    full = size()
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "base.dump"
        began = time.monotonic()
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(dump),
                f"postgresql://postgres@127.0.0.1:5432/{DB_NAME}",
            ],
            check=True,
        )
        dumped = time.monotonic() - began
        dump_size = dump.stat().st_size
        import psycopg

        restored_db = f"{DB_NAME}_restore"
        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{restored_db}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{restored_db}"')
        began = time.monotonic()
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                f"postgresql://postgres@127.0.0.1:5432/{restored_db}",
                str(dump),
            ],
            check=True,
        )
        restored = time.monotonic() - began
        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{restored_db}" WITH (FORCE)')
    result = {
        "bilans": args.bilans,
        "database_empty_mib": round(empty / 2**20, 1),
        "database_full_mib": round(full / 2**20, 1),
        "kib_per_bilan": round((full - empty) / args.bilans / 1024, 1),
        "generate_s": round(generated, 1),
        "pg_dump_s": round(dumped, 1),
        "dump_mib": round(dump_size / 2**20, 1),
        "dump_kib_per_bilan": round(dump_size / args.bilans / 1024, 1),
        "pg_restore_s": round(restored, 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
