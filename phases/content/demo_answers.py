"""The demo's answers: the one candidate's story, else a plausible answer to any
question (and the volume data of `manage.py generate_data`, and the tests').

The form engine knows each question's shape (`FieldBlock.example_answer`,
`answer_data`); the prose is here. A question of the shipped phases gets the
story's answer (`demo_story`); one a référent added or reworded gets an example
picked among a few sentences, the same on every run.
"""

import zlib

from ..questions.form import field_name
from .demo_story import story_data

SHORT_EXAMPLES = (
    "Assistante de gestion administrative",
    "Douze ans d'expérience dans l'éducation nationale",
    "Formation de formateur d'adultes",
    "Coordinateur de projets pédagogiques",
    "Travailler au contact du public",
)
LONG_EXAMPLES = (
    "Après douze ans dans le même poste, j'ai envie de donner un nouveau sens à "
    "mon travail. J'aime transmettre et accompagner, et je voudrais savoir comment "
    "valoriser ces compétences ailleurs.",
    "J'ai commencé comme agent administratif, puis je suis devenue gestionnaire "
    "d'un service de vingt personnes. Ce qui m'a le plus plu : organiser, "
    "résoudre des problèmes concrets et travailler en équipe.",
    "Je me sens à l'aise dans l'écoute et la médiation. On me dit souvent que je "
    "sais rassurer et expliquer clairement. J'ai plus de mal avec les tâches "
    "répétitives et l'isolement.",
    "Mon projet principal est de devenir formatrice pour adultes. Une piste "
    "secondaire serait un poste de conseillère en insertion dans une mission "
    "locale, plus proche de mon domicile.",
    "Je souhaite me renseigner auprès de deux organismes de formation, rencontrer "
    "une professionnelle du métier et vérifier les conditions de financement.",
)


# Column keyword → two plausible cells (demo data for tables).
TABLE_EXAMPLES = (
    (("période", "année", "date", "échéance"), ("2014 – 2026", "2008 – 2014")),
    (
        ("employeur", "établissement", "organisme", "structure"),
        ("Lycée Jean Moulin, Sète", "Mairie de Lunel"),
    ),
    (
        ("fonction", "métier", "poste", "piste", "projet"),
        ("Gestionnaire administrative", "Formatrice pour adultes"),
    ),
    (
        ("compétence",),
        ("Accueillir et orienter du public", "Gérer un budget de service"),
    ),
    (
        ("action",),
        (
            "Rencontrer une formatrice d'adultes",
            "S'inscrire à une réunion d'information",
        ),
    ),
    (
        ("diplôme", "formation", "certification"),
        ("BTS Assistant de gestion", "Titre professionnel Formateur d'adultes"),
    ),
    (("niveau",), ("Confirmé", "Intermédiaire")),
    (("oui", "obtenu", "envie"), ("Oui", "En cours")),
)


def pick_example(examples, label):
    """A stable pick, so that the demo data is the same on every run."""
    return examples[zlib.crc32(str(label).encode()) % len(examples)]


class DemoTexts:
    """The prose of the examples, as `FieldBlock.example_answer` asks for it."""

    def short(self, label):
        return pick_example(SHORT_EXAMPLES, label)

    def long(self, label):
        return pick_example(LONG_EXAMPLES, label)

    def cells(self, column):
        """Two cells of a table's column, found by a keyword of its title."""
        lowered = column.lower()
        for keywords, cells in TABLE_EXAMPLES:
            if any(keyword in lowered for keyword in keywords):
                return cells
        return (
            pick_example(SHORT_EXAMPLES, column),
            pick_example(SHORT_EXAMPLES, lowered),
        )


DEMO_TEXTS = DemoTexts()


def example_data(name, child):
    """POST data answering one question (a page's body child) plausibly."""
    answer = child.block.example_answer(child.value, DEMO_TEXTS)
    if answer is None:
        return {}
    return child.block.answer_data(child.value, name, answer) or {}


def demo_answers(phase):
    """POST data answering every question of a phase (files aside): the one
    coherent story of `demo_story`, else a plausible example."""
    data = {}
    for child in phase.questions():
        name = field_name(child.id)
        story = story_data(name, child)
        data.update(story if story is not None else example_data(name, child))
    return data
