# ruff: noqa: T201 (a command-line script: it prints its results)
"""A login's server CPU: PBKDF2 (Django's default) against our Argon2id hasher.

In-process, through Django's test client: for each hasher list, a user whose hash
was made by its first hasher, then `--runs` times, alternating the lists round
by round, `time.process_time()` around

- `check_password` of the stored hash (the hash verification alone), and
- a POST of /connexion/ by a fresh client (the whole login view: form, axes,
  authentication, session, redirect).

Prints the medians as Markdown for docs/benchmarks.md. Target (issue 16): a login
at most 60 ms of server CPU.

    python -m bench.login [--runs 21] [--json]

Settings: monbilan.settings.test (its throw-away test database: SQLite in memory,
or `test_<name>` of DATABASE_URL), with PASSWORD_HASHERS overridden per row.
"""

import argparse
import json
import os
import statistics
import time

import django

PASSWORD = "Bench-Bilan-2026!"  # noqa: S105 (a throw-away account)
PBKDF2 = "django.contrib.auth.hashers.PBKDF2PasswordHasher"
ARGON2_DJANGO = "django.contrib.auth.hashers.Argon2PasswordHasher"


def rows():
    """(label, PASSWORD_HASHERS while logging in, the hasher of the stored hash)."""
    from monbilan.settings import base

    after = list(base.PASSWORD_HASHERS)
    return [
        ("PBKDF2 first (Django 5.2's default: before)", [PBKDF2, *after], PBKDF2),
        (
            "Argon2, Django's defaults (t=2, m=100 MiB, p=8)",
            [ARGON2_DJANGO, *after],
            ARGON2_DJANGO,
        ),
        (
            "**Argon2id, `Argon2idOwaspHasher` (t=2, m=19 MiB, p=1): after**",
            after,
            after[0],
        ),
        (
            "First login after the switch: PBKDF2 hash verified, redone in Argon2id",
            after,
            PBKDF2,
        ),
    ]


def one_round(client, hashers, user, encoded):
    from django.contrib.auth.hashers import check_password
    from django.test import override_settings
    from django.urls import reverse

    # The stored hash as it was (the last row's login upgrades it), no session.
    type(user).objects.filter(pk=user.pk).update(password=encoded)
    client.cookies.clear()
    with override_settings(PASSWORD_HASHERS=hashers):
        started = time.process_time()
        if not check_password(PASSWORD, encoded):
            raise RuntimeError("The stored hash does not match.")
        verify = time.process_time() - started
        started = time.process_time()
        response = client.post(
            reverse("users:login"), {"username": user.username, "password": PASSWORD}
        )
        view = time.process_time() - started
        if response.status_code != 302:
            raise RuntimeError(f"Login answered {response.status_code}, not 302.")
    return verify, view


def measure(runs):
    """[{hasher, verify_ms, login_ms}]: the medians of `runs` rounds, per row."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "monbilan.settings.test")
    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    from users.models import User

    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        table = rows()
        setups = []
        for index, (_label, hashers, maker) in enumerate(table):
            with override_settings(PASSWORD_HASHERS=[maker]):
                encoded = make_password(PASSWORD)
            user = User.objects.create(
                username=f"bench.login{index}",
                role=User.Role.CANDIDAT,
                password=encoded,
            )
            # One client per row, as one server process: its middleware is loaded
            # once (a new test client would load it, and WhiteNoise's file scan,
            # at its first request).
            setups.append((Client(), hashers, user, encoded))
            one_round(*setups[-1])  # warm-up: templates, URLconf, imports
        timings = [([], []) for _ in table]
        for _run in range(runs):
            # The rows alternate within each round.
            for (verifies, views), setup in zip(timings, setups, strict=True):
                verify, view = one_round(*setup)
                verifies.append(verify)
                views.append(view)
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)

    return [
        {
            "hasher": label,
            "verify_ms": statistics.median(verifies) * 1000,
            "login_ms": statistics.median(views) * 1000,
        }
        for (label, _, _), (verifies, views) in zip(table, timings, strict=True)
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument(
        "--json", action="store_true", help="print the medians as JSON (bench.run)"
    )
    args = parser.parse_args()
    results = measure(args.runs)
    if args.json:
        print(json.dumps(results))
        return
    print(f"Medians of {args.runs} runs, CPU of this process (time.process_time).\n")
    print("| hasher | hash verification | login (POST /connexion/) |")
    print("|---|---:|---:|")
    for row in results:
        print(
            f"| {row['hasher']} | {row['verify_ms']:.0f} ms "
            f"| **{row['login_ms']:.0f} ms** |"
        )


if __name__ == "__main__":
    main()
