"""SQLite, the default database, survives a double click (issue 10, item 14)."""

import threading
import time

from django.conf import settings
from django.db import connections, transaction

import pytest

DEFAULT = settings.DATABASES["default"]

pytestmark = pytest.mark.skipif(
    DEFAULT["ENGINE"] != "django.db.backends.sqlite3",
    reason="the SQLite default only",
)


def double_click(tmp_path, options):
    """Two threads write at the same moment to one SQLite file, as two admin
    POSTs do: each reads, then writes, in one transaction. Returns the errors."""
    alias = f"double_click_{len(options)}"
    connections.settings[alias] = connections.configure_settings(
        {
            "default": DEFAULT,
            alias: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / f"{alias}.sqlite3"),
                "OPTIONS": options,
            },
        }
    )[alias]
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE clicks (n integer)")
    errors = []

    def post():
        try:
            with transaction.atomic(using=alias):
                with connections[alias].cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM clicks")
                    time.sleep(0.3)  # the other click arrives meanwhile
                    cursor.execute("INSERT INTO clicks VALUES (1)")
        except Exception as error:  # noqa: BLE001 - reported to the test
            errors.append(str(error))
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM clicks")
        (count,) = cursor.fetchone()
    connections[alias].close()
    del connections.settings[alias]
    return errors, count


# Not the test database (its transaction would hide the race): a file of their own,
# outside pytest-django's test case, hence the blocker lifted by hand.


def test_two_simultaneous_writes_both_succeed(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        errors, count = double_click(tmp_path, DEFAULT["OPTIONS"])
    assert errors == []
    assert count == 2


def test_without_these_options_one_of_them_fails(tmp_path, django_db_blocker):
    """What the settings prevent: Django's defaults answer "database is locked"."""
    with django_db_blocker.unblock():
        errors, count = double_click(tmp_path, {})
    assert errors == ["database is locked"]
    assert count == 1


def test_the_default_database_takes_the_write_lock_at_once():
    assert DEFAULT["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert DEFAULT["OPTIONS"]["timeout"] >= 5
