"""What a référent sees when editing the phases in the admin."""

from html import unescape
from pathlib import Path

import wagtail

from phases.models import PhasePage

ICONS = Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/icons"


def test_the_phases_are_listed_in_the_bilan_order(client_as, world, phases):
    # Phase 10 updated last: Wagtail's default ordering would list it first.
    last = PhasePage.objects.get(pk=phases[-1].pk)
    last.save_revision().publish()
    index = phases[0].get_parent()
    html = client_as("referent").get(f"/admin/pages/{index.pk}/").content.decode()
    positions = [html.index(f"/admin/pages/{phase.pk}/edit/") for phase in phases]
    assert positions == sorted(positions)


def test_the_block_chooser_groups_questions_and_content(client_as, phases):
    body = PhasePage._meta.get_field("body").stream_block
    groups = {}
    for name, block in body.child_blocks.items():
        groups.setdefault(str(block.meta.group), []).append(name)
    assert set(groups) == {"Contenu", "Questions"}
    assert groups["Contenu"] == [
        "heading",
        "paragraph",
        "image",
        "document",
        "video",
        "callout",
    ]
    assert "yes_no" in groups["Questions"] and "likert" in groups["Questions"]
    # The editor's block definitions carry the groups, content first.
    html = client_as("referent").get(f"/admin/pages/{phases[0].pk}/edit/")
    definitions = unescape(html.content.decode())
    assert '[["Contenu", [{' in definitions
    assert definitions.index('[["Contenu", [{') < definitions.index('["Questions", [{')


def test_every_block_has_a_description_and_an_icon_that_exists(phases):
    body = PhasePage._meta.get_field("body").stream_block
    for name, block in body.child_blocks.items():
        assert str(block.meta.description).strip(), name
        assert (ICONS / f"{block.meta.icon}.svg").exists(), (name, block.meta.icon)
