"""The editor's guarantees: nothing typed is lost, a stale tab overwrites nothing,
insertions reach the chosen section, and its query count stays flat."""

import json
import re

from django.urls import reverse

import pytest

from phases.rules.answers import save_draft as save_answers
from synthese import rules
from synthese.models import Synthese, SyntheseVersion

from .conftest import TEXTS, demo_answers


def autosave_url(bilan):
    return reverse("synthese:autosave", kwargs={"bilan_id": bilan.pk})


def editor_url(bilan):
    return reverse("synthese:editor", kwargs={"bilan_id": bilan.pk})


def autosave(client, bilan, version, **texts):
    return client.post(
        autosave_url(bilan),
        {"version": str(version), **TEXTS, **texts},
        HTTP_ACCEPT="application/json",
    )


def test_autosave_saves_and_counts_versions(client, world, answered):
    client.force_login(world.conseiller)
    response = autosave(client, answered, 0)
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert re.fullmatch(r"\d\d:\d\d", body["saved_at_display"])
    response = autosave(client, answered, 1, competences="Plus tard.")
    assert response.json()["version"] == 2
    assert Synthese.objects.get(bilan=answered).competences == "Plus tard."


def test_a_stale_tab_overwrites_nothing(client, world, answered):
    """Two tabs opened at version 0: the first saves; the second's autosave is
    refused in French and the first one's text stays."""
    client.force_login(world.conseiller)
    autosave(client, answered, 0, competences="Écrit dans le premier onglet.")
    response = autosave(client, answered, 0, competences="Second onglet, ancien.")
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "conflict"
    assert body["version"] == 1
    assert "autre onglet" in body["message"]
    synthese = Synthese.objects.get(bilan=answered)
    assert synthese.competences == "Écrit dans le premier onglet."
    assert synthese.version == 1


def test_a_stale_post_keeps_the_typing_on_screen(client, world, answered):
    """Without JavaScript, "Enregistrer" from a stale tab: 409, the typed text
    shown back with the conflict message and the current version number, so a
    second, deliberate click may keep it."""
    client.force_login(world.conseiller)
    autosave(client, answered, 0)
    response = client.post(
        editor_url(answered),
        {"version": "0", "action": "save", **TEXTS, "project": "Mon texte tardif"},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "modifié dans un autre onglet" in page
    assert "Mon texte tardif" in page
    assert 'name="version" value="1"' in page
    assert Synthese.objects.get(bilan=answered).project == TEXTS["project"]
    # The deliberate second click saves it.
    client.post(
        editor_url(answered),
        {"version": "1", "action": "save", **TEXTS, "project": "Mon texte tardif"},
    )
    assert Synthese.objects.get(bilan=answered).project == "Mon texte tardif"


def test_submitting_from_a_stale_tab_submits_nothing(client, world, answered):
    client.force_login(world.conseiller)
    autosave(client, answered, 0)
    response = client.post(
        editor_url(answered), {"version": "0", "action": "submit", **TEXTS}
    )
    assert response.status_code == 409
    assert not SyntheseVersion.objects.exists()


def test_a_section_left_out_is_left_as_it_is(client, world, answered):
    client.force_login(world.conseiller)
    autosave(client, answered, 0)
    response = client.post(
        autosave_url(answered), {"version": "1", "project": "Seulement ceci."}
    )
    assert response.status_code == 200
    synthese = Synthese.objects.get(bilan=answered)
    assert synthese.project == "Seulement ceci."
    assert synthese.circumstances == TEXTS["circumstances"]


def test_autosave_refusals(client, world, answered):
    # Logged out: 401 in JSON, in French.
    response = autosave(client, answered, 0)
    assert response.status_code == 401
    assert "reconnectez-vous" in response.json()["message"]
    client.force_login(world.conseiller)
    # No version: 400.
    response = client.post(autosave_url(answered), TEXTS)
    assert response.status_code == 400
    # Someone else's bilan: 404.
    client.force_login(world.autre_conseiller)
    assert autosave(client, answered, 0).status_code == 404
    # Remis: 409, nothing changes.
    client.force_login(world.conseiller)
    rules.save_draft(answered, texts=TEXTS, expected_version=0)
    rules.submit(answered, notify=False)
    rules.deliver(answered, notify=False)
    response = autosave(client, answered, 1, project="Trop tard")
    assert response.status_code == 409
    assert response.json()["error"] == "locked"
    assert Synthese.objects.get(bilan=answered).project == TEXTS["project"]


def test_the_editor_shows_the_answers_with_their_quotations(client, world, answered):
    client.force_login(world.conseiller)
    page = client.get(editor_url(answered)).content.decode()
    texts = json.loads(
        re.search(
            r'<script id="synthese-texts" type="application/json">(.*?)</script>',
            page,
            re.S,
        ).group(1)
    )
    quotations = texts["quotations"]
    assert "%(section)s" in texts["inserted"]
    # One per answered question of the three finished phases and the started one.
    phase = world.bilan.selected_phases.first().phase
    assert any(key.startswith(f"{phase.pk}-") for key in quotations)
    for key, quotation in quotations.items():
        assert f'value="{key}"' in page  # its insert button
        assert f'id="section-{key}"' in page  # its section menu
        assert quotation.startswith("Réponse du candidat à « ")
    assert page.count('name="insert"') == len(quotations)
    # A phase without answers has no group.
    untouched = world.bilan.selected_phases.all()[6].phase
    assert f'id="reponses-{untouched.pk}"' not in page


def test_inserting_without_javascript(client, world, answered):
    """The insert button posts the form: what was typed is saved, the
    quotation is added at the end of the chosen section."""
    client.force_login(world.conseiller)
    page = client.get(editor_url(answered)).content.decode()
    key = re.search(r'name="insert" value="([^"]+)"', page).group(1)
    response = client.post(
        editor_url(answered),
        {
            "version": "0",
            "insert": key,
            f"section-{key}": "project",
            **TEXTS,
            "project": "Ce que je tapais.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#id_project")
    synthese = Synthese.objects.get(bilan=answered)
    assert synthese.project.startswith("Ce que je tapais.\n\nRéponse du candidat à")
    assert synthese.circumstances == TEXTS["circumstances"]
    assert synthese.version == 2
    # An unknown answer or section inserts nothing.
    response = client.post(
        editor_url(answered),
        {"version": "2", "insert": "0-x", "section-0-x": "project", **TEXTS},
    )
    assert response.status_code == 404


def test_another_candidates_answers_never_show(client, world, answered, phases):
    save_answers(
        world.autre_bilan,
        phases[0],
        data={**demo_answers(phases[0])},
        expected_version=0,
    )
    client.force_login(world.conseiller)
    page = client.get(editor_url(answered)).content.decode()
    other = client.get(editor_url(world.autre_bilan))
    assert other.status_code == 404
    assert page.count("Insérer dans la synthèse") > 0


@pytest.mark.parametrize("phase_count, versions", [(1, 1), (10, 6)])
def test_editor_query_count_is_flat(
    client, world, phases, django_assert_max_num_queries, phase_count, versions
):
    """The same budget with one answered phase and one version as with ten
    phases and six versions."""
    bilan = world.bilan
    for phase in phases[:phase_count]:
        save_answers(bilan, phase, data=demo_answers(phase), expected_version=0)
    for number in range(versions):
        rules.save_draft(
            bilan,
            texts={**TEXTS, "project": f"Version {number}"},
            expected_version=number,
        )
        rules.submit(bilan, notify=False)
    client.force_login(world.conseiller)
    client.get(editor_url(bilan))  # warm the session and Wagtail's caches
    # Session, user, bilan, synthèse, submissions, phase order, selected phases,
    # versions, and the Wagtail userbar's two permission queries.
    with django_assert_max_num_queries(10):
        response = client.get(editor_url(bilan))
    assert response.status_code == 200
    assert response.content.decode().count("soumise le") >= versions
