"""Install the phases index and the ten phase pages of DESIGN.md §3."""

import uuid

from django.db import transaction

from wagtail.models import Page

from home.models import HomePage

from ..models import PhaseIndexPage, PhasePage

PHASE_TITLES = [
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


def get_phase_index():
    return PhaseIndexPage.objects.first()


def shipped_content():
    """The real phase content (`phases.content.shipped.PHASE_CONTENT`), if present."""
    try:
        from .shipped import PHASE_CONTENT
    except ImportError:
        return {}
    return PHASE_CONTENT


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
    """Turn [(block type, plain value), …] into StreamField raw data."""
    return [
        {"type": block_type, "value": _raw_value(value), "id": str(uuid.uuid4())}
        for block_type, value in body
    ]


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
    value), …]}, the shape of `phases.content.shipped.PHASE_CONTENT` (the default).
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
