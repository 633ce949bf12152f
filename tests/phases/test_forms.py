"""Form building from the question blocks: every type, valid and invalid input."""

import datetime

import pytest

from phases.questions.form import PhaseForm

from .conftest import complete_data

LIKERT = "Importance de ces conditions de travail"
RANKING = "Classez vos valeurs"
TABLE = "Vos expériences"


def form(qphase, data, draft=False):
    return PhaseForm(qphase, data=data, draft=draft)


def test_every_question_becomes_a_field_in_page_order(qphase, q):
    built = PhaseForm(qphase)
    labels = [field.label for _child, field in built.bound_questions()]
    assert labels == [
        "Votre métier actuel",
        "Racontez votre parcours",
        "Votre situation",
        "Vos centres d'intérêt",
        "Votre niveau de diplôme",
        LIKERT,
        RANKING,
        "Date de début souhaitée",
        "Années d'expérience",
        "Êtes-vous mobile ?",
        TABLE,
        "Votre CV",
    ]
    # Content blocks are not questions.
    assert len(built.fields) == 12


def test_valid_answers_of_every_type(qphase, q):
    bound = form(qphase, complete_data(q))
    assert bound.is_valid(), bound.errors
    answers = bound.answers()
    statements = q.keys(LIKERT, "statements")
    assert answers[q.id("Votre métier actuel")] == "Secrétaire de direction"
    assert answers[q.id("Racontez votre parcours")].startswith("J'ai travaillé")
    assert answers[q.id("Votre situation")] == "En poste"
    assert answers[q.id("Vos centres d'intérêt")] == ["Lecture", "Musique"]
    assert answers[q.id("Votre niveau de diplôme")] == "Licence"
    assert answers[q.id(LIKERT)] == {
        statements[0]: "Essentiel",
        statements[1]: "Important",
    }
    assert answers[q.id(RANKING)] == ["Créativité", "Sécurité", "Reconnaissance"]
    assert answers[q.id("Date de début souhaitée")] == "2026-09-01"
    assert answers[q.id("Années d'expérience")] == 15
    assert answers[q.id("Êtes-vous mobile ?")] == "non"
    # Blank rows are dropped.
    assert answers[q.id(TABLE)] == [["Secrétaire", "Lycée Jean Moulin", "15 ans"]]
    assert answers[q.id("Votre CV")] is None


def test_a_draft_accepts_unanswered_required_questions(qphase):
    assert form(qphase, {}, draft=True).is_valid()


def test_completing_checks_every_required_question(qphase, q):
    bound = form(qphase, {})
    assert not bound.is_valid()
    required = {
        "Votre métier actuel",
        "Racontez votre parcours",
        "Votre situation",
        "Votre niveau de diplôme",
        LIKERT,
        RANKING,
        "Êtes-vous mobile ?",
        TABLE,
    }
    assert set(bound.errors) == {q.name(label) for label in required}


def test_fields_keep_their_required_mark_in_draft_mode(qphase, q):
    bound = form(qphase, {}, draft=True)
    bound.is_valid()
    assert bound.fields[q.name("Votre métier actuel")].required is True
    assert bound.fields[q.name("Date de début souhaitée")].required is False


def _likert(q, first, second=None):
    name = q.name(LIKERT)
    statements = q.keys(LIKERT, "statements")
    data = {f"{name}-{statements[0]}": first}
    if second:
        data[f"{name}-{statements[1]}"] = second
    return data


def _ranking(q, *ranks):
    name = q.name(RANKING)
    return {
        f"{name}-{key}": rank
        for key, rank in zip(q.keys(RANKING, "items"), ranks, strict=False)
    }


def _table(q, cell):
    name = q.name(TABLE)
    return {f"{name}-rows": "1", f"{name}-0-0": cell}


INVALID = [
    (
        "short_text too long",
        lambda q: {q.name("Votre métier actuel"): "x" * 501},
        "Votre métier actuel",
        "au plus 500",
    ),
    (
        "unknown radio choice",
        lambda q: {q.name("Votre situation"): "Retraité"},
        "Votre situation",
        "choix valide",
    ),
    (
        "unknown checkbox",
        lambda q: {q.name("Vos centres d'intérêt"): ["Cuisine"]},
        "Vos centres d'intérêt",
        "choix valide",
    ),
    (
        "unknown dropdown",
        lambda q: {q.name("Votre niveau de diplôme"): "Doctorat"},
        "Votre niveau de diplôme",
        "choix valide",
    ),
    (
        "likert point not on the scale",
        lambda q: _likert(q, "Capital"),
        LIKERT,
        "parmi ceux proposés",
    ),
    ("ranking rank twice", lambda q: _ranking(q, "1", "1", "2"), RANKING, "même rang"),
    (
        "ranking out of range",
        lambda q: _ranking(q, "1", "2", "7"),
        RANKING,
        "entre 1 et 3",
    ),
    ("ranking not a number", lambda q: _ranking(q, "un"), RANKING, "entre 1 et 3"),
    (
        "impossible date",
        lambda q: {q.name("Date de début souhaitée"): "2026-02-31"},
        "Date de début souhaitée",
        "date valide",
    ),
    (
        "number above the maximum",
        lambda q: {q.name("Années d'expérience"): "51"},
        "Années d'expérience",
        "inférieure ou égale à 50",
    ),
    (
        "not a number",
        lambda q: {q.name("Années d'expérience"): "quinze"},
        "Années d'expérience",
        "nombre entier",
    ),
    (
        "yes/no neither",
        lambda q: {q.name("Êtes-vous mobile ?"): "peut-être"},
        "Êtes-vous mobile ?",
        "choix valide",
    ),
    ("table cell too long", lambda q: _table(q, "x" * 2001), TABLE, "2000"),
]


@pytest.mark.parametrize(
    ("case", "make_data", "label", "message"), INVALID, ids=[c[0] for c in INVALID]
)
@pytest.mark.parametrize("draft", [True, False], ids=["draft", "complete"])
def test_malformed_answers_are_refused_even_in_a_draft(
    qphase, q, case, make_data, label, message, draft
):
    data = {**complete_data(q), **make_data(q)}
    bound = form(qphase, data, draft=draft)
    assert not bound.is_valid()
    assert list(bound.errors) == [q.name(label)]
    assert message in " ".join(bound.errors[q.name(label)])


def test_partial_likert_and_ranking_are_a_draft_not_a_completion(qphase, q):
    data = {**complete_data(q), **_likert(q, "Essentiel")}
    data.pop(f"{q.name(LIKERT)}-{q.keys(LIKERT, 'statements')[1]}")
    for key in q.keys(RANKING, "items"):
        data.pop(f"{q.name(RANKING)}-{key}")
    data.update(_ranking(q, "1"))
    assert form(qphase, data, draft=True).is_valid()
    bound = form(qphase, data, draft=False)
    assert not bound.is_valid()
    assert "Il reste 1 affirmation sans réponse." in bound.errors[q.name(LIKERT)]
    assert "Classez tous les éléments, de 1 à 3." in bound.errors[q.name(RANKING)]


def test_saved_answers_fill_the_form_again(qphase, q):
    answers = form(qphase, complete_data(q))
    assert answers.is_valid()
    again = PhaseForm(qphase, answers=answers.answers())
    html = str(again[q.name("Votre métier actuel")].as_field_group())
    assert 'value="Secrétaire de direction"' in html
    assert again[q.name("Date de début souhaitée")].value() == datetime.date(2026, 9, 1)
    ranking = str(again[q.name(RANKING)].as_field_group())
    # Créativité (third item) is ranked first.
    assert ranking.count("selected>") == 3
    assert '<option value="1" selected>' in ranking
    table = str(again[q.name(TABLE)].as_field_group())
    assert 'value="Lycée Jean Moulin"' in table
    likert = str(again[q.name(LIKERT)].as_field_group())
    assert likert.count(" checked") == 2


def test_the_table_shows_blank_rows_and_more_on_request(qphase, q):
    name = q.name(TABLE)
    plain = str(PhaseForm(qphase)[name].as_field_group())
    assert f'name="{name}-rows" value="3"' in plain
    assert "Ajouter une ligne" in plain
    more = PhaseForm(qphase, extra_rows={q.id(TABLE): 5})
    assert f'name="{name}-rows" value="5"' in str(more[name].as_field_group())


def test_each_grid_caption_names_its_question(qphase, q):
    """RGAA 5.4: a table's caption says which table it is, not just its kind."""
    likert = str(PhaseForm(qphase)[q.name(LIKERT)].as_field_group())
    assert f"<caption>Grille de réponses : {LIKERT}</caption>" in likert
    table = str(PhaseForm(qphase)[q.name(TABLE)].as_field_group())
    assert f"<caption>Tableau à compléter : {TABLE}</caption>" in table


def test_each_likert_radio_is_named_by_its_statement_and_point(qphase, q):
    html = str(PhaseForm(qphase)[q.name(LIKERT)].as_field_group())
    assert (
        '<span class="fr-sr-only">Le salaire : </span>'
        '<span class="monbilan-likert__point">Essentiel</span></label>'
    ) in html
