"""Install the phases index and the ten phase pages of DESIGN.md §3."""

from django.db import transaction

from wagtail.models import Page

from home.models import HomePage

from .models import PhaseIndexPage, PhasePage

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


@transaction.atomic
def install_phases(content=None):
    """Create the phases index and any missing phase page; never touch existing ones.

    `content` maps a phase title to its page fields (intro, body); without it the
    pages are created with their titles only. Returns the phase pages in order.
    """
    content = content or {}
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
        if page is None:
            page = PhasePage(title=title, **content.get(title, {}))
            index.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages
