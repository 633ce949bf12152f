"""The conseiller reads a phase's questions and answers, not the instructions
written for the candidate."""

from .conftest import answer


def test_the_conseiller_reads_questions_and_answers_without_the_candidates_instructions(
    client_as, world, phases
):
    phase = phases[0]  # Contexte de la demande: intro, two callouts, headings
    answer(world.bilan, phase)
    page_html = (
        client_as("conseiller")
        .get(f"/bilans/{world.bilan.pk}/phases/{phase.pk}/")
        .content.decode()
    )
    # The questions, their answers and the sections that group them.
    for question in phase.questions():
        assert str(question.value["label"]).replace("'", "&#x27;") in page_html
    assert "Agent public titulaire (fonctionnaire)" in page_html
    assert "Votre situation actuelle" in page_html
    # Not what is addressed to the candidate: the callouts and the introduction.
    assert "Comment remplir ce formulaire" not in page_html
    assert "écrivez avec vos" not in page_html
    assert "Bienvenue dans votre bilan" not in page_html
    # What is left out is said, with the way to see it.
    assert "les consignes et les conseils écrits pour le candidat" in page_html
    assert f'href="{phase.url}"' in page_html


def test_the_candidate_still_reads_the_instructions_with_their_answers(
    client_as, world, phases
):
    phase = phases[0]
    answer(world.bilan, phase)
    page_html = client_as("candidat").get(phase.url).content.decode()
    assert "Comment remplir ce formulaire" in page_html
