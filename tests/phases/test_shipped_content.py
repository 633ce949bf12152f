"""The shipped texts are data files: each loads, and holds what the editor accepts.

The phases (`phases/content/phases/`) and the site's pages (`home/content/`) are
YAML that a référent-minded person may edit. What would slip through silently is
checked here: a block or field name Wagtail would drop, and a text YAML reads as
something else (`No` is a boolean, `2014` a number).
"""

from wagtail import blocks

import pytest

from home.models import ContentPage
from home.setup import SITE_PAGES_DIR, body_from_content, read_content
from phases.content.install import PHASE_TITLES, phase_files
from phases.models import PhasePage

# DESIGN.md §3: the ten phases, in this order, with these exact titles.
DESIGN_TITLES = [
    "Contexte de la demande",
    "Retour historique",
    "Connaissance de soi 1 sur 3 : Valeurs relatives au travail",
    "Connaissance de soi 2 sur 3 : Priorités de vie et conditions de travail",
    "Connaissance de soi 3 sur 3 : Traits de personnalité",
    "Identification des compétences",
    "De mes atouts à mes projets",
    "Connaissance de mon environnement",
    "Etude de faisabilité - Validation du/des projets",
    "Définition du plan d'action",
]
TEXT_BLOCKS = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.RichTextBlock,
    blocks.ChoiceBlock,
)


def wrong_values(block, value, where):
    """Where a value does not fit its block's definition, as readable places."""
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            yield f"{where}: {value!r} is not a mapping"
            return
        for name in value.keys() - block.child_blocks.keys():
            yield f"{where}.{name}: no such field"
        for name, child in block.child_blocks.items():
            if name in value:
                yield from wrong_values(child, value[name], f"{where}.{name}")
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value):
            yield from wrong_values(block.child_block, item, f"{where}[{index}]")
    elif isinstance(block, TEXT_BLOCKS):
        if not isinstance(value, str):
            yield f"{where}: {value!r} is not a text"
    elif isinstance(block, blocks.BooleanBlock):
        if not isinstance(value, bool):
            yield f"{where}: {value!r} is not true or false"
    elif isinstance(block, blocks.IntegerBlock):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            yield f"{where}: {value!r} is not a whole number"


def check_body(model, body, name):
    stream_block = model._meta.get_field("body").stream_block
    problems = []
    for index, (block_type, value) in enumerate(body):
        block = stream_block.child_blocks.get(block_type)
        if block is None:
            problems.append(f"{name} #{index}: no block named {block_type!r}")
            continue
        problems += wrong_values(block, value, f"{name} #{index} {block_type}")
    assert not problems, "\n".join(problems)
    # What a référent publishing the page would be told (required fields, lists
    # too short…): clean raises a ValidationError naming the block.
    stream_block.clean(stream_block.to_python(body_from_content(body)))


def test_the_phase_files_are_the_ten_phases_of_the_design_in_order():
    assert PHASE_TITLES == DESIGN_TITLES
    assert [path.name[:3] for path in phase_files()] == [
        f"{number:02d}-" for number in range(1, 11)
    ]


@pytest.mark.parametrize("path", phase_files(), ids=lambda path: path.stem)
def test_each_phase_file_holds_what_the_phase_editor_accepts(path):
    content = read_content(path)
    assert set(content) == {"title", "intro", "body"}
    assert content["intro"].startswith("<p>")
    assert any(
        block_type not in {"heading", "paragraph", "callout"}
        for block_type, _value in content["body"]
    ), "a phase asks questions"
    check_body(PhasePage, content["body"], path.name)


@pytest.mark.parametrize(
    "path", sorted(SITE_PAGES_DIR.glob("*.yaml")), ids=lambda path: path.stem
)
def test_each_site_page_file_holds_what_the_page_editor_accepts(path):
    content = read_content(path)
    assert set(content) == {"slug", "title", "intro", "body"}
    assert path.stem.endswith(content["slug"])
    check_body(ContentPage, content["body"], path.name)


def test_a_misspelt_field_or_a_yaml_boolean_is_caught(tmp_path):
    """The check above can fail: a typo and an unquoted `No` are both reported."""
    path = tmp_path / "phase.yaml"
    path.write_text(
        "title: Essai\nintro: <p>Essai</p>\nbody:\n"
        "  - single_choice:\n      label: Êtes-vous d'accord ?\n      required: true\n"
        "      choices:\n        - Oui\n        - No\n      help_txt: Aide\n",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError) as failure:
        check_body(PhasePage, read_content(path)["body"], path.name)
    assert "choices[1]: False is not a text" in str(failure.value)
    assert "help_txt: no such field" in str(failure.value)
