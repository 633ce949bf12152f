"""Install the site's own pages (accessibilité, mentions légales, RGPD)."""

import json
import uuid

from django.db import transaction

from .models import ContentPage, HomePage


def raw_stream(blocks):
    """Turn `(block_type, value)` pairs into StreamField raw JSON with fresh ids."""
    return json.dumps(
        [
            {"type": kind, "value": value, "id": str(uuid.uuid4())}
            for kind, value in blocks
        ]
    )


@transaction.atomic
def install_site_pages(pages=None):
    """Create each missing site page under the home page; existing ones are kept.

    Référents edit these pages in the CMS afterwards: this never overwrites them.
    """
    if pages is None:
        from .initial_content import SITE_PAGES as pages
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
            body=raw_stream(spec.get("body", [])),
            show_in_menus=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created
