"""Install the site's own pages (accessibilité, mentions légales, RGPD).

Their shipped texts are data, one YAML file per page in `home/content/` (the phases'
texts follow the same format in `phases/content/phases/`):

    slug: mentions-legales          # site pages only
    title: Mentions légales
    intro: >-
      <p>HTML, folded over several lines: YAML joins them with a space.</p>
    body:                           # the StreamField, one block per item
      - heading:
          text: Éditeur du site
          level: h2
      - paragraph: <p>…</p>
      - single_choice:              # a question (phase pages)
          label: …
          choices:                  # a list block: one item per line
            - …

Each body item is one block: its type (a block name of the page's StreamField) and
its value as Wagtail stores it, but for list items, which `body_from_content` gives
their ids. Plain YAML text is a string; quote what YAML would read otherwise (`"Non"`
is safe, `"No"`, `"2014"` or `"oui: non"` are not).
"""

import uuid
from pathlib import Path

from django.db import transaction

import yaml

from .models import ContentPage, HomePage

SITE_PAGES_DIR = Path(__file__).resolve().parent / "content"
# The C loader when PyYAML has it: ten times faster, and the suite installs often.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_content(path):
    """One page's shipped content: its YAML file, its body as (block type, value)
    pairs."""
    with open(path, encoding="utf-8") as stream:
        document = yaml.load(stream, Loader=SAFE_LOADER)  # noqa: S506 (safe loaders)
    body = []
    for item in document.get("body") or []:
        if not isinstance(item, dict) or len(item) != 1:
            raise ValueError(
                f"{path}: each body item is one block, `- type: value`; got {item!r}"
            )
        body.extend(item.items())
    return {**document, "body": body}


def _raw_value(value):
    """A plain value in StreamField's stored (raw) form, list items given ids.

    Plain lists of strings become ListBlock items with ids straight away, so that
    the first save already holds the stable keys answers are filed under.
    """
    if isinstance(value, dict):
        return {key: _raw_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [
            {"type": "item", "value": _raw_value(item), "id": str(uuid.uuid4())}
            for item in value
        ]
    return value


def body_from_content(body):
    """Turn [(block type, plain value), …] into StreamField raw data, fresh ids."""
    return [
        {"type": block_type, "value": _raw_value(value), "id": str(uuid.uuid4())}
        for block_type, value in body
    ]


def site_pages():
    """The shipped site pages, in the order of their files' names."""
    return [read_content(path) for path in sorted(SITE_PAGES_DIR.glob("*.yaml"))]


@transaction.atomic
def install_site_pages(pages=None):
    """Create each missing site page under the home page; existing ones are kept.

    Référents edit these pages in the CMS afterwards: this never overwrites them.
    """
    if pages is None:
        pages = site_pages()
    home = HomePage.objects.first()
    if home is None:
        return []
    existing = set(ContentPage.objects.child_of(home).values_list("slug", flat=True))
    created = []
    for spec in pages:
        if spec["slug"] in existing:
            continue
        page = ContentPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec.get("intro", ""),
            body=body_from_content(spec.get("body", [])),
            show_in_menus=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created
