"""Django's `{# … #}` comments end at the line's end: a multi-line one is printed.

Every page of the site would show the developer's note at its bottom, so no
template may open `{#` without closing it on the same line (`{% comment %}` is the
multi-line form).
"""

import re
from pathlib import Path

from django.conf import settings

import pytest

TEMPLATE_DIRS = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
TEMPLATES = sorted(
    path for folder in TEMPLATE_DIRS for path in folder.rglob("*") if path.is_file()
)


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.name))
def test_no_multi_line_hash_comment(path):
    text = path.read_text(encoding="utf-8")
    unclosed = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if re.search(r"\{#(?!.*#\})", line)
    ]
    assert not unclosed, f"{path}: multi-line {{# … #}} at lines {unclosed}"
