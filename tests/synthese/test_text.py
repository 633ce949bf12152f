"""Plain text in and out: paragraphs and lists kept, nothing typed ever HTML."""

from django.template.loader import render_to_string

from synthese.text import answer_text, quotation, text_to_html


def test_paragraphs_lists_and_line_breaks():
    html = text_to_html(
        "Premier paragraphe,\nsur deux lignes.\r\n\r\n\r\n"
        "Étapes :\n- s'informer\n- se former\n\n1. janvier\n2) mars"
    )
    assert html == (
        "<p>Premier paragraphe,<br>sur deux lignes.</p>\n"
        "<p>Étapes :</p>\n"
        "<ul><li>s&#x27;informer</li><li>se former</li></ul>\n"
        "<ol><li>janvier</li><li>mars</li></ol>"
    )


def test_everything_typed_is_escaped():
    html = text_to_html('<img src=x onerror="alert(1)">\n- <a href="#">x</a> & co')
    assert "<img" not in html and "<a " not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<li>&lt;a href=&quot;#&quot;&gt;x&lt;/a&gt; &amp; co</li>" in html


def test_empty_text_is_nothing():
    assert text_to_html("") == ""
    assert text_to_html("  \n\n ") == ""


def test_answers_read_back_as_plain_text():
    """Each answer template of the phases, as it displays, becomes text."""
    long_text = render_to_string(
        "phases/questions/answers/long_text.html",
        {"text": "J'aime transmettre.\n\nEt organiser."},
    )
    assert answer_text(long_text) == "J'aime transmettre.\n\nEt organiser."
    ranking = render_to_string(
        "phases/questions/answers/list.html",
        {"items": ["Autonomie", "Sécurité"], "ordered": True},
    )
    assert answer_text(ranking) == "1. Autonomie\n2. Sécurité"
    table = render_to_string(
        "phases/questions/answers/table.html",
        {
            "snapshot": {"label": "Expériences"},
            "columns": ["Période", "Employeur"],
            "rows": [["2014 – 2026", "Lycée Jean Moulin"], ["2008", ""]],
        },
    )
    assert answer_text(table) == (
        "- Période : 2014 – 2026 ; Employeur : Lycée Jean Moulin\n- Période : 2008"
    )
    likert = render_to_string(
        "phases/questions/answers/likert.html",
        {"snapshot": {"label": "Valeurs"}, "rows": [("L'autonomie", "Essentiel")]},
    )
    assert answer_text(likert) == "- L'autonomie : Essentiel"


def test_quotation_says_where_the_answer_comes_from():
    assert quotation("Retour historique", "Votre parcours ?", "Douze ans.") == (
        "Réponse du candidat à « Votre parcours ? » (phase « Retour historique ») :\n"
        "« Douze ans. »"
    )
    # A list is not wrapped in guillemets: it stays a list.
    assert quotation("P", "Q", "- a\n- b").endswith(":\n- a\n- b")
