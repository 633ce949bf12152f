"""Every site page of every role is valid HTML for the Nu HTML Checker.

The pages (tests/markup/pages.py) are checked in one Java invocation: it takes
seconds to start.
"""

import re

import pytest

from .pages import site_pages
from .vnu import missing_tools, validate


@pytest.mark.urls("tests.markup.pages")
def test_every_site_page_is_valid_html(world, phases, tmp_path):
    problem = missing_tools()
    assert not problem, problem
    pages = site_pages(world, phases)
    assert len(pages) > 50
    errors = validate(pages, tmp_path)
    # One entry per distinct error, with the pages it is on: the same template
    # fault is on many pages.
    where = {}
    for name, found in errors.items():
        for text in found:
            where.setdefault(re.sub(r"^line \d+: ", "", text), []).append(name)
    report = "\n".join(
        f"- {text}\n    on: {', '.join(names)}" for text, names in where.items()
    )
    assert not errors, f"The Nu HTML Checker finds errors:\n{report}"


def test_the_checker_reports_an_error(tmp_path):
    """The test above cannot pass by not looking: a broken page is reported."""
    problem = missing_tools()
    assert not problem, problem
    broken = '<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body>'
    broken += "<label>Mot de passe<ul><li>8 caractères</li></ul></label></body></html>"
    errors = validate({"cassée": broken}, tmp_path)
    assert list(errors) == ["cassée"]
    assert "ul" in errors["cassée"][0]
