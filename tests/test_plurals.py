"""French plurals: 0 and 1 take the singular ("0 phase terminée").

Untranslated plural strings follow gettext's English rule, so each plural string
of the code needs an entry in locale/fr (see the note at the top of its .po).
"""

import ast
import re
from pathlib import Path

from django.utils import translation
from django.utils.translation.template import templatize

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIRS = [
    "users",
    "support",
    "home",
    "phases",
    "synthese",
    "reassignment",
    "questionnaires",
    "activity_report",
    "retention",
    "search",
    "backups",
    "monbilan",
    "templates",
]
PLURAL_FUNCTIONS = {"ngettext", "ngettext_lazy"}


def _template_plurals(path):
    # templatize() is what makemessages reads: blocktranslate count becomes
    # " ngettext('singular', 'plural', count) " in otherwise non-Python text.
    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    return [
        ast.literal_eval(f"({match.group(1)})")
        for match in re.finditer(r" ngettext\((.*?), count\) ", code)
    ]


def _calls(tree):
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        singular, plural = node.args[0], node.args[1]
        if name in PLURAL_FUNCTIONS and all(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            for arg in (singular, plural)
        ):
            found.append((singular.value, plural.value))
    return found


def project_plurals():
    plurals = set()
    for directory in PROJECT_DIRS:
        for path in sorted((ROOT / directory).rglob("*")):
            if "migrations" in path.parts:
                continue
            if path.suffix == ".html":
                plurals.update(_template_plurals(path))
            elif path.suffix == ".py":
                plurals.update(_calls(ast.parse(path.read_text(encoding="utf-8"))))
    return sorted(plurals)


def test_the_code_has_plural_strings():
    # The collector itself works: it finds the ones known to exist.
    found = dict(project_plurals())
    assert "%(counter)s phase terminée sur %(total)s" in found
    assert "Il reste %(count)d affirmation sans réponse." in found


@pytest.mark.parametrize(("singular", "plural"), project_plurals())
def test_every_plural_string_follows_the_french_rule(singular, plural):
    with translation.override("fr"):
        assert translation.ngettext(singular, plural, 0) == singular
        assert translation.ngettext(singular, plural, 1) == singular
        assert translation.ngettext(singular, plural, 2) == plural


def test_the_dashboard_says_0_phase_terminee(client_as, world):
    html = client_as("candidat").get("/tableau-de-bord/").content.decode()
    assert "0 phase terminée sur" in html
