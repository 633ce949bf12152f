"""A phase page holding one question of every type, and helpers to answer it."""

import pytest

from phases.content.install import body_from_content, install_phases
from phases.models import PhasePage
from phases.questions.form import field_name

QUESTIONS = [
    ("heading", {"text": "Votre parcours", "level": "h2"}),
    ("paragraph", "<p>Répondez librement, il n'y a pas de bonne réponse.</p>"),
    (
        "short_text",
        {
            "label": "Votre métier actuel",
            "help_text": "En quelques mots",
            "required": True,
        },
    ),
    (
        "long_text",
        {"label": "Racontez votre parcours", "help_text": "", "required": True},
    ),
    (
        "single_choice",
        {
            "label": "Votre situation",
            "help_text": "",
            "required": True,
            "choices": ["En poste", "En recherche d'emploi"],
        },
    ),
    (
        "multiple_choice",
        {
            "label": "Vos centres d'intérêt",
            "help_text": "",
            "required": False,
            "choices": ["Lecture", "Sport", "Musique"],
        },
    ),
    (
        "dropdown",
        {
            "label": "Votre niveau de diplôme",
            "help_text": "",
            "required": True,
            "choices": ["CAP", "Baccalauréat", "Licence"],
        },
    ),
    (
        "likert",
        {
            "label": "Importance de ces conditions de travail",
            "help_text": "",
            "required": True,
            "statements": ["Le salaire", "L'autonomie"],
            "scale": ["Pas important", "Important", "Essentiel"],
        },
    ),
    (
        "ranking",
        {
            "label": "Classez vos valeurs",
            "help_text": "",
            "required": True,
            "items": ["Sécurité", "Reconnaissance", "Créativité"],
        },
    ),
    ("date", {"label": "Date de début souhaitée", "help_text": "", "required": False}),
    (
        "number",
        {
            "label": "Années d'expérience",
            "help_text": "",
            "required": False,
            "min_value": 0,
            "max_value": 50,
        },
    ),
    ("yes_no", {"label": "Êtes-vous mobile ?", "help_text": "", "required": True}),
    (
        "table",
        {
            "label": "Vos expériences",
            "help_text": "",
            "required": True,
            "columns": ["Poste", "Employeur", "Durée"],
        },
    ),
    ("file_upload", {"label": "Votre CV", "help_text": "", "required": False}),
    ("callout", {"title": "Conseil", "text": "<p>Prenez votre temps.</p>"}),
]


def set_body(page, body):
    """Publish a new body for a phase page and return it fresh from the database."""
    page = PhasePage.objects.get(pk=page.pk)
    page.body = body_from_content(body)
    page.save_revision().publish()
    return PhasePage.objects.get(pk=page.pk)


class Questions:
    """Look a page's questions up by label: `q.name("Votre CV")`, `q.child(…)`."""

    def __init__(self, page):
        self.page = page
        self.children = {child.value["label"]: child for child in page.questions()}

    def child(self, label):
        return self.children[label]

    def id(self, label):
        return self.children[label].id

    def name(self, label):
        return field_name(self.children[label].id)

    def keys(self, label, list_name):
        return [item.id for item in self.children[label].value[list_name].bound_blocks]


def complete_data(q, version=0):
    """Valid POST data answering every required question of QUESTIONS."""
    statements = q.keys("Importance de ces conditions de travail", "statements")
    items = q.keys("Classez vos valeurs", "items")
    table = q.name("Vos expériences")
    likert = q.name("Importance de ces conditions de travail")
    ranking = q.name("Classez vos valeurs")
    return {
        "version": str(version),
        q.name("Votre métier actuel"): "Secrétaire de direction",
        q.name("Racontez votre parcours"): "J'ai travaillé quinze ans dans un lycée.",
        q.name("Votre situation"): "En poste",
        q.name("Vos centres d'intérêt"): ["Lecture", "Musique"],
        q.name("Votre niveau de diplôme"): "Licence",
        f"{likert}-{statements[0]}": "Essentiel",
        f"{likert}-{statements[1]}": "Important",
        f"{ranking}-{items[0]}": "2",
        f"{ranking}-{items[1]}": "3",
        f"{ranking}-{items[2]}": "1",
        q.name("Date de début souhaitée"): "2026-09-01",
        q.name("Années d'expérience"): "15",
        q.name("Êtes-vous mobile ?"): "non",
        f"{table}-rows": "3",
        f"{table}-0-0": "Secrétaire",
        f"{table}-0-1": "Lycée Jean Moulin",
        f"{table}-0-2": "15 ans",
    }


@pytest.fixture
def qphase(world, phases):
    """The candidate's first phase, holding one question of every type."""
    return set_body(phases[0], QUESTIONS)


@pytest.fixture
def q(qphase):
    return Questions(qphase)


@pytest.fixture
def phases(db):
    """The ten phases with their titles only: quick, for tests that bring their own
    questions (`full_phases` installs the shipped content)."""
    return install_phases(content={})


@pytest.fixture
def full_phases(db):
    """The ten phases with their real, shipped content."""
    return install_phases()
