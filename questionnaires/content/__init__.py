"""The two questionnaires as shipped, and their installer.

Their texts are data: one YAML file each here, in the format `home.setup` reads
for the site's pages and the phases. Installed once under the home page; the
référents rewrite them in the CMS afterwards, and this never overwrites them.
"""

from pathlib import Path

from django.db import transaction

from home.models import HomePage
from home.setup import body_from_content, read_content

from ..models import QuestionnairePage

CONTENT_DIR = Path(__file__).resolve().parent


def shipped_questionnaires():
    """{kind: content} of the YAML files."""
    contents = (read_content(path) for path in sorted(CONTENT_DIR.glob("*.yaml")))
    return {content["kind"]: content for content in contents}


@transaction.atomic
def install_questionnaires():
    """Create and publish each missing questionnaire under the home page.

    Returns {kind: page}; an existing page is left as it is (a référent may have
    edited it). On a site without a home page, nothing is installed.
    """
    pages = {page.kind: page for page in QuestionnairePage.objects.all()}
    home = HomePage.objects.first()
    if home is None:
        return pages
    for kind, content in shipped_questionnaires().items():
        if kind in pages:
            continue
        page = QuestionnairePage(
            kind=kind,
            title=content["title"],
            slug=content["slug"],
            intro=content["intro"],
            body=body_from_content(content["body"]),
            show_in_menus=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        pages[kind] = page
    return pages


def installed_questionnaire(kind):
    """The questionnaire of this kind, installed first if it is missing."""
    page = QuestionnairePage.objects.filter(kind=kind).first()
    if page is None:
        page = install_questionnaires().get(kind)
    return page
