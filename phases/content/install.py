"""Install the phases index and the ten phase pages of DESIGN.md §3.

Their shipped texts are data: one YAML file per phase in `phases/content/phases/`,
in the order of their names (`01-…` to `10-…`), in the format `home.setup` reads
for the site's pages too.
"""

from pathlib import Path

from django.db import transaction

from wagtail.models import Page

from home.models import HomePage
from home.setup import body_from_content, read_content

from ..models import PhaseIndexPage, PhasePage

PHASES_DIR = Path(__file__).resolve().parent / "phases"


def phase_files():
    """The shipped phases' files, in the bilan's order."""
    return sorted(PHASES_DIR.glob("*.yaml"))


def shipped_content():
    """The ten phases' shipped content: {title: {"intro": html, "body": [(block
    type, plain value), …]}}, in the bilan's order."""
    phases = (read_content(path) for path in phase_files())
    return {
        phase["title"]: {"intro": phase["intro"], "body": phase["body"]}
        for phase in phases
    }


PHASE_TITLES = list(shipped_content())


def get_phase_index():
    return PhaseIndexPage.objects.first()


def page_fields(content):
    fields = {}
    if content.get("intro"):
        fields["intro"] = content["intro"]
    if content.get("body"):
        fields["body"] = body_from_content(content["body"])
    return fields


@transaction.atomic
def install_phases(content=None):
    """Create the phases index and any missing phase page; fill empty ones.

    `content` maps a phase title to {"intro": html, "body": [(block type, plain
    value), …]}, the shape of `shipped_content()` (the default).
    A page that already has a body is never touched: a référent may have edited
    it, and candidates' answers refer to its questions. Returns the phase pages in
    order.
    """
    content = shipped_content() if content is None else content
    index = get_phase_index()
    if index is None:
        home = HomePage.objects.first() or Page.get_first_root_node()
        index = PhaseIndexPage(
            title="Les phases du bilan",
            slug="phases",
            intro="<p>Les phases de votre bilan de compétences.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    existing = {page.title: page for page in PhasePage.objects.child_of(index)}
    pages = []
    for title in PHASE_TITLES:
        page = existing.get(title)
        fields = page_fields(content.get(title, {}))
        if page is None:
            page = PhasePage(title=title, **fields)
            index.add_child(instance=page)
            page.save_revision().publish()
        elif fields.get("body") and not page.body and not page.has_unpublished_changes:
            for name, value in fields.items():
                setattr(page, name, value)
            page.save_revision().publish()
            page.refresh_from_db()
        pages.append(page)
    return pages
