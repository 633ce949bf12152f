"""The browser fixtures of tests/e2e, for the synthèse's journey.

Imported, not copied: the same Chromium, contexts and the same restore of the
session's data after each transactional test (the teardown hook).
"""

from tests.e2e.conftest import (  # noqa: F401 -- fixtures and hook, by name
    _tree_counts_after_serialized_rollback,
    browser,
    context,
    login,
    page,
    pytest_runtest_teardown,
)
