"""The synthèse's pages are valid HTML for the Nu HTML Checker, at every step:
the editor empty, with a draft, with versions and observations, in conflict,
remis; the candidate's page before a version, with one, remis with share links;
the share link's refusal and the PDF's unavailability."""

import sys

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from synthese import rules
from tests.markup.vnu import missing_tools, validate

from .conftest import TEXTS


def test_every_synthese_page_is_valid_html(
    client, world, answered, tmp_path, monkeypatch
):
    problem = missing_tools()
    assert not problem, problem
    bilan = answered
    editor = reverse("synthese:editor", kwargs={"bilan_id": bilan.pk})
    reading = reverse("synthese:candidate", kwargs={"bilan_id": bilan.pk})
    pages = {}

    def get(name, user, url, **post):
        client.force_login(user)
        response = client.post(url, post) if post else client.get(url)
        assert response.status_code in (200, 409, 503), (name, response.status_code)
        pages[name] = response.content.decode()

    get("candidat, rien de soumis", world.candidat, reading)
    get("éditeur vide", world.conseiller, editor)
    rules.save_draft(bilan, texts=TEXTS, expected_version=0)
    get("éditeur, brouillon", world.conseiller, editor)
    get("éditeur, conflit", world.conseiller, editor, version="0", **TEXTS)
    rules.submit(bilan, notify=False)
    rules.save_observations(bilan, number=1, text="Une remarque.", notify=False)
    rules.save_draft(bilan, texts={**TEXTS, "project": "Revu"}, expected_version=1)
    rules.submit(bilan, notify=False)
    get("éditeur, deux versions", world.conseiller, editor)
    get("candidat, version 2", world.candidat, reading)
    get("candidat, observations périmées", world.candidat, reading, number="1")
    rules.deliver(bilan, notify=False)
    link = rules.share(bilan)
    rules.revoke(bilan, rules.share(bilan).pk)
    get("éditeur, remis", world.conseiller, editor)
    get("candidat, remis et partagé", world.candidat, reading)
    rules.revoke(bilan, link.pk)
    response = client.get(f"/partage/{link.token}/")
    assert response.status_code == 410
    pages["lien révoqué"] = response.content.decode()
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    get(
        "PDF indisponible",
        world.candidat,
        reverse("synthese:pdf", kwargs={"bilan_id": bilan.pk}),
    )
    # The two tags the dashboards include, in a page of their own.
    for role, tag in (
        ("conseiller", "synthese_for_conseiller"),
        ("candidat", "synthese_for_candidate"),
    ):
        request = RequestFactory().get("/")
        request.user = getattr(world, role)
        html = Template(f"{{% load synthese_tags %}}{{% {tag} bilan %}}").render(
            Context({"request": request, "bilan": bilan})
        )
        assert "synthese" in html, tag
        pages[tag] = (
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            f"<title>{tag}</title></head><body>{html}</body></html>"
        )
    errors = validate(pages, tmp_path)
    assert not errors, errors
