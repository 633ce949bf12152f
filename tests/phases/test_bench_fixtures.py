"""The benchmark's own loads end with ANALYZE, as generate_data does (issue 16)."""

from django.db import connection

import pytest

from bench import fixtures
from phases.models import Bilan, Consent
from users.models import User

from .test_generate_data_analyze import bilan_rows_in_statistics

pytestmark = pytest.mark.skipif(
    connection.vendor not in ("sqlite", "postgresql"), reason="ANALYZE per vendor"
)


def test_the_load_test_accounts_are_analyzed_and_have_consented(world, phases):
    before = bilan_rows_in_statistics()
    result = fixtures.load(3, 2)
    assert len(result["users"]) == 3 and len(result["phases"]) == 2
    count = Bilan.objects.count()
    assert before != count
    assert bilan_rows_in_statistics() == count
    # Consented: the consent gate would otherwise send them to « Votre accord ».
    candidate = User.objects.get(username="load.candidat1")
    assert Consent.objects.filter(bilan__candidate=candidate).exists()


def test_the_superuser_of_the_activity_table_exists_once(db):
    fixtures.root()
    fixtures.root()
    assert User.objects.get(username="bench.root").is_superuser
