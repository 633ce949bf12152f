"""generate_data ends with ANALYZE: the planner's statistics count the new rows."""

import io

from django.core.management import call_command
from django.db import connection

import pytest

from phases.models import Bilan


def generate():
    out = io.StringIO()
    call_command(
        "generate_data",
        "--academies=1",
        "--dabms=1",
        "--conseillers=2",
        "--candidates=7",
        "--submissions=2",
        stdout=out,
    )
    return out.getvalue()


def bilan_rows_in_statistics():
    """The row count of phases_bilan as the planner's statistics have it."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            )
            if not cursor.fetchone()[0]:
                return None
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'phases_bilan'")
            rows = cursor.fetchall()
            # "N …": the first figure of each index's line is the table's row count.
            return int(rows[0][0].split()[0]) if rows else None
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'phases_bilan'::regclass"
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(
    connection.vendor not in ("sqlite", "postgresql"), reason="ANALYZE per vendor"
)
def test_generate_data_ends_with_analyze(db):
    before = bilan_rows_in_statistics()
    output = generate()
    assert "tables analyzed" in output
    count = Bilan.objects.count()
    assert count >= 7
    assert before != count
    assert bilan_rows_in_statistics() == count


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_on_postgresql_the_bilans_have_column_statistics(db):
    generate()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() "
            "AND tablename = 'phases_bilan'"
        )
        assert cursor.fetchone()[0] > 0
