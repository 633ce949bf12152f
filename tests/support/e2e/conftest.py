"""The browser fixtures of tests/e2e, for the « Signaler un problème » journey kept
beside its other tests (conftest fixtures only reach the tests below their folder)."""

from tests.e2e.conftest import (  # noqa: F401 (fixtures and hook, by name)
    _tree_counts_after_serialized_rollback,
    browser,
    context,
    login,
    page,
    pytest_runtest_teardown,
)
