"""Answers survive a référent's edits: reword, reorder, remove, add questions."""

import re
from html import unescape

from phases.content.install import body_from_content
from phases.models import PhasePage, PhaseSubmission

from .conftest import Questions, complete_data

LIKERT = "Importance de ces conditions de travail"
TABLE = "Vos expériences"


def publish_raw(page, change):
    """Edit the page's stored body as the admin editor would, and publish it."""
    page = PhasePage.objects.get(pk=page.pk)
    raw = [dict(item) for item in page.body.raw_data]
    page.body = change(raw)
    page.save_revision().publish()
    return PhasePage.objects.get(pk=page.pk)


def by_label(raw, label):
    return next(
        item
        for item in raw
        if isinstance(item["value"], dict) and item["value"].get("label") == label
    )


def referent_edit(raw):
    reworded = by_label(raw, "Votre métier actuel")
    reworded["value"] = {**reworded["value"], "label": "Quel est votre métier ?"}
    # Reorder: the long answer moves to the top.
    long_text = by_label(raw, "Racontez votre parcours")
    raw.remove(long_text)
    raw.insert(0, long_text)
    # Remove a question.
    raw.remove(by_label(raw, "Votre niveau de diplôme"))
    # Statements reordered and one reworded; table columns reordered.
    likert = by_label(raw, LIKERT)
    statements = list(likert["value"]["statements"])
    statements.reverse()
    statements[1] = {**statements[1], "value": "Mon salaire"}
    likert["value"] = {**likert["value"], "statements": statements}
    table = by_label(raw, TABLE)
    columns = list(table["value"]["columns"])
    columns.reverse()
    table["value"] = {**table["value"], "columns": columns}
    # Add a question.
    raw += body_from_content(
        [("short_text", {"label": "Votre ville", "help_text": "", "required": True})]
    )
    return raw


def test_answers_stay_with_their_questions(client_as, world, qphase, q):
    client = client_as("candidat")
    data = complete_data(q)
    assert client.post(qphase.url, {**data, "action": "save"}).status_code == 302
    before = PhaseSubmission.objects.get()
    statements = q.keys(LIKERT, "statements")

    edited = publish_raw(qphase, referent_edit)
    after = Questions(edited)
    assert after.id("Quel est votre métier ?") == q.id("Votre métier actuel")

    html = client.get(edited.url).content.decode()
    # Reworded: same answer under the new wording.
    assert re.search(
        rf'name="{after.name("Quel est votre métier ?")}"[^>]*value="Secrétaire de '
        'direction"',
        html,
    )
    # Reordered: the long answer now comes first, still filled in.
    assert html.index("Racontez votre parcours") < html.index("Quel est votre métier")
    assert "J&#x27;ai travaillé quinze ans dans un lycée." in html
    # Likert answers follow their statements, whatever their order or wording.
    likert = after.name(LIKERT)
    assert f'name="{likert}-{statements[0]}" value="Essentiel" checked' in html
    assert f'name="{likert}-{statements[1]}" value="Important" checked' in html
    assert "Mon salaire" in html
    # Table cells follow their columns: Durée is now first.
    table = after.name(TABLE)
    assert f'name="{table}-0-0" value="15 ans"' in html
    assert f'name="{table}-0-2" value="Secrétaire"' in html
    # Added: a new, empty question.
    assert re.search(rf'name="{after.name("Votre ville")}"(?![^>]*value=)', html)
    # Removed: the answer is kept and shown apart, with the question it answered.
    removed = html[html.index("Réponses à des questions retirées de cette phase") :]
    assert "Votre niveau de diplôme" in removed
    assert "Licence" in removed
    assert "Question retirée" in removed
    assert f'name="{q.name("Votre niveau de diplôme")}"' not in html

    # Saving the edited form keeps the removed question's answer.
    new_data = {
        "version": str(before.version),
        "action": "save",
        after.name("Quel est votre métier ?"): "Agent comptable",
        after.name("Votre ville"): "Sète",
    }
    assert client.post(edited.url, new_data).status_code == 302
    saved = PhaseSubmission.objects.get()
    assert saved.answers[q.id("Votre niveau de diplôme")] == "Licence"
    assert saved.questions[q.id("Votre niveau de diplôme")]["label"] == (
        "Votre niveau de diplôme"
    )
    assert saved.answers[q.id("Votre métier actuel")] == "Agent comptable"
    assert saved.questions[q.id("Votre métier actuel")]["label"] == (
        "Quel est votre métier ?"
    )
    assert saved.answers[after.id("Votre ville")] == "Sète"

    # The conseiller sees the removed question's answer as such, too.
    url = f"/bilans/{world.bilan.pk}/phases/{qphase.pk}/"
    conseiller_view = client_as("conseiller").get(url).content.decode()
    removed = conseiller_view[conseiller_view.index("questions retirées") :]
    assert "Votre niveau de diplôme" in removed
    assert "Licence" in removed


def test_a_removed_question_shows_in_a_read_only_phase(client_as, qphase, q):
    client = client_as("candidat")
    client.post(qphase.url, {**complete_data(q), "action": "complete"})
    edited = publish_raw(
        qphase,
        lambda raw: [item for item in raw if item["type"] != "ranking"],
    )
    html = client.get(edited.url).content.decode()
    removed = html[html.index("Réponses à des questions retirées") :]
    assert "Classez vos valeurs" in removed
    assert "<li>Créativité</li><li>Sécurité</li><li>Reconnaissance</li>" in removed


def test_referents_edit_phase_pages_in_the_admin(client_as, phases):
    url = f"/admin/pages/{phases[0].pk}/edit/"
    assert client_as("referent").get(url).status_code == 200


def test_others_cannot_edit_pages(client_as, phases):
    url = f"/admin/pages/{phases[0].pk}/edit/"
    for role in ("conseiller", "admin", "candidat"):
        assert client_as(role).get(url).status_code in (302, 403), role


def _edit_form(phase, question):
    """The admin's page editor form data, the body holding one question."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": phase.title,
            "slug": phase.slug,
            "intro": rich_text("<p>Introduction</p>"),
            "body": streamfield([question]),
            "action-publish": "action-publish",
        }
    )


def _list(*texts):
    items = {"count": len(texts)}
    for index, text in enumerate(texts):
        items[str(index)] = {"value": text, "deleted": "", "order": index, "id": ""}
    return items


def _question(block_type, **lists):
    return (
        block_type,
        {"label": "Une question", "help_text": "", "required": "on", **lists},
    )


def test_referent_cannot_publish_a_question_nobody_could_answer(client_as, phases):
    """A required choice question without choices would make its phase impossible
    to complete: the editor refuses it, and the page stays as it was."""
    phase = phases[0]
    revision = PhasePage.objects.get(pk=phase.pk).latest_revision_id
    url = f"/admin/pages/{phase.pk}/edit/"
    client = client_as("referent")
    for question, refused in [
        (_question("single_choice", choices=_list()), "choices"),
        (_question("multiple_choice", choices=_list("Un seul choix")), "choices"),
        (_question("dropdown", choices=_list()), "choices"),
        (_question("likert", statements=_list("Salaire"), scale=_list("Oui")), "scale"),
        (
            _question("likert", statements=_list(), scale=_list("Oui", "Non")),
            "statements",
        ),
        (_question("ranking", items=_list("Seul")), "items"),
        (_question("table", columns=_list()), "columns"),
    ]:
        response = client.post(url, _edit_form(phase, question))
        assert response.status_code == 200, question[0]
        html = response.content.decode()
        assert "La page ne peut être enregistrée du fait d&#x27;erreurs" in html
        error = response.context["form"].errors["body"].as_data()[0]
        assert list(error.block_errors[0].block_errors) == [refused], question
        # Nothing saved, not even a draft revision.
        assert PhasePage.objects.get(pk=phase.pk).latest_revision_id == revision

    response = client.post(
        url, _edit_form(phase, _question("single_choice", choices=_list("A", "B")))
    )
    assert response.status_code == 302
    published = PhasePage.objects.get(pk=phase.pk)
    assert [list(c.value["choices"]) for c in published.questions()] == [["A", "B"]]


def _preview(client, phase, body):
    """Wagtail's "Aperçu": the editor posts its form, then the panel (or the new
    tab) loads the preview of what was posted."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": phase.title,
            "slug": phase.slug,
            "intro": rich_text("<p>Une introduction en cours d'écriture.</p>"),
            "body": streamfield(body),
        }
    )
    url = f"/admin/pages/{phase.pk}/edit/preview/"
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    return client.get(url, {"mode": "", "in_preview_panel": "true"})


def test_the_preview_shows_the_phase_as_a_candidate_sees_it(
    client_as, world, qphase, q
):
    # A candidate has answered: the preview must show none of it.
    candidate = client_as("candidat")
    candidate.post(qphase.url, {**complete_data(q), "action": "save"})
    saved = PhaseSubmission.objects.get(bilan=world.bilan, phase=qphase)
    revision = PhasePage.objects.get(pk=qphase.pk).latest_revision_id

    client = client_as("referent")
    response = _preview(
        client,
        qphase,
        [
            ("heading", {"text": "Avant de commencer", "level": "h2"}),
            _question("short_text"),
            (
                "likert",
                {
                    "label": "Ce qui compte pour vous",
                    "help_text": "",
                    "required": "on",
                    "statements": _list("Le salaire", "L'autonomie"),
                    "scale": _list("Peu", "Beaucoup"),
                },
            ),
            (
                "single_choice",
                {
                    "label": "Votre situation",
                    "help_text": "",
                    "required": "on",
                    "choices": _list("En poste", "En recherche d'emploi"),
                },
            ),
        ],
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The questions, as fields a candidate fills, with the edited content.
    assert "Une introduction en cours d" in html
    assert "Avant de commencer" in html
    for label in ("Une question", "Ce qui compte pour vous", "Votre situation"):
        assert label in html
    assert len(re.findall(r'<input[^>]+type="radio"', html)) == 2 * 2 + 2
    assert re.search(r'<input[^>]+type="text"', html)
    assert "Aperçu : voici la phase telle que les candidats la verront." in html
    # Inert: no autosave, no submit, nothing posted anywhere.
    assert "data-autosave-url" not in html
    assert "autosave.js" not in html
    assert 'method="get"' in html
    assert len(re.findall(r"<button[^>]+type=\"submit\"[^>]*disabled", html)) >= 3
    # No candidate's data.
    assert "Secrétaire de direction" not in html
    # Nothing saved: neither the page nor the candidate's answers.
    assert PhasePage.objects.get(pk=qphase.pk).latest_revision_id == revision
    after = PhaseSubmission.objects.get(pk=saved.pk)
    assert (after.answers, after.version) == (saved.answers, saved.version)


def test_the_preview_of_a_new_phase_shows_its_questions(client_as, phases):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    index = phases[0].get_parent()
    url = f"/admin/pages/add/phases/phasepage/{index.pk}/preview/"
    data = nested_form_data(
        {
            "title": "Une nouvelle phase",
            "slug": "une-nouvelle-phase",
            "intro": rich_text(""),
            "body": streamfield([_question("yes_no")]),
        }
    )
    client = client_as("referent")
    assert client.post(url, data).json()["is_valid"] is True
    html = client.get(url, {"mode": ""}).content.decode()
    assert "Une question" in html
    assert len(re.findall(r'<input[^>]+type="radio"', html)) == 2
    assert not PhasePage.objects.filter(slug="une-nouvelle-phase").exists()


def test_the_editor_says_how_many_bilans_answered_each_question(
    client_as, world, qphase, q
):
    # Two bilans answer; one question is then removed from the page.
    client_as("candidat").post(qphase.url, {**complete_data(q), "action": "save"})
    other = client_as("autre_candidat")
    other.post(
        qphase.url,
        {"version": "0", q.name("Votre métier actuel"): "Infirmier", "action": "save"},
    )
    publish_raw(
        qphase,
        lambda raw: [i for i in raw if i["type"] != "dropdown"],
    )
    html = client_as("referent").get(f"/admin/pages/{qphase.pk}/edit/")
    content = unescape(html.content.decode())
    assert "Des candidats ont déjà répondu à des questions de cette phase." in content
    assert "« Votre métier actuel » : 2 bilans y ont répondu" in content
    assert "« Racontez votre parcours » : 1 bilan y a répondu" in content
    assert (
        "« Votre niveau de diplôme » : 1 bilan y a répondu "
        "(question déjà retirée de la page)"
    ) in content
    # Counts, never the answers themselves.
    assert "Infirmier" not in content and "Secrétaire de direction" not in content
    # The panel stands before the questions, where the référent edits them.
    assert content.index("déjà répondu") < content.index("data-w-block-data-value")


def test_the_editor_says_nothing_when_nobody_answered(client_as, world, qphase):
    html = client_as("referent").get(f"/admin/pages/{qphase.pk}/edit/")
    assert "déjà répondu" not in html.content.decode()
