"""The synthèse from draft to accusé de réception, through the screens.

draft → soumis → observations → revised and soumis again → remis → accusé de
réception, each step as the conseiller or the candidate takes it, with the
e-mails it sends and the rows it leaves.
"""

from django.core import mail
from django.template import Context, Template
from django.urls import reverse

import pytest

from synthese.models import Synthese, SyntheseVersion

from .conftest import TEXTS, captured


def editor_url(bilan):
    return reverse("synthese:editor", kwargs={"bilan_id": bilan.pk})


def candidate_url(bilan):
    return reverse("synthese:candidate", kwargs={"bilan_id": bilan.pk})


def post_editor(client, bilan, action="save", version=None, **texts):
    if version is None:
        synthese = Synthese.objects.filter(bilan=bilan).first()
        version = synthese.version if synthese else 0
    data = {"version": str(version), "action": action, **TEXTS, **texts}
    with captured(execute=True):
        return client.post(editor_url(bilan), data)


def test_life_cycle(client, world, answered):
    bilan = answered
    # --- the conseiller writes a draft -----------------------------------------
    client.force_login(world.conseiller)
    page = client.get(editor_url(bilan)).content.decode()
    for heading in (
        "Circonstances du bilan",
        "Compétences et aptitudes",
        "Projet professionnel et principales étapes",
        "Insérer dans la synthèse",
        "Soumettre au candidat",
    ):
        assert heading in page
    assert "Remettre le document de synthèse" not in page  # nothing submitted
    response = post_editor(client, bilan)
    assert response.status_code == 302
    synthese = Synthese.objects.get(bilan=bilan)
    assert synthese.texts() == TEXTS
    assert synthese.version == 1
    assert not mail.outbox  # a draft is the conseiller's alone

    # The candidate sees nothing yet: not on the dashboard, not on the page.
    client.force_login(world.candidat)
    page = client.get(candidate_url(bilan)).content.decode()
    assert "rédige votre document de synthèse" in page
    assert "Mme Martin" not in page

    # --- "Soumettre au candidat" ---------------------------------------------
    client.force_login(world.conseiller)
    response = post_editor(client, bilan, action="submit")
    assert response.status_code == 302
    version1 = SyntheseVersion.objects.get(synthese=synthese, number=1)
    assert version1.texts() == TEXTS
    (message,) = mail.outbox
    assert message.to == [world.candidat.email]
    assert "document de synthèse" in message.subject
    assert "Mme Martin" not in message.body  # a link, never the text
    assert candidate_url(bilan) in message.body

    # --- the candidate reads it and writes "Mes observations" -----------------
    client.force_login(world.candidat)
    page = client.get(candidate_url(bilan)).content.decode()
    assert "Version 1" in page
    assert "<li>un projet réaliste</li>" in page  # lists kept
    assert "Mes observations" in page
    assert "Enregistrer mes observations" in page
    assert "Télécharger le document de synthèse (PDF)" not in page  # not remis
    with captured():
        response = client.post(
            candidate_url(bilan),
            {"number": "1", "observations": "Je préfère travailler à Sète."},
        )
    assert response.status_code == 302
    version1.refresh_from_db()
    assert version1.observations == "Je préfère travailler à Sète."
    assert version1.observed_at is not None
    assert mail.outbox[-1].to == [world.conseiller.email]
    assert "Sète" not in mail.outbox[-1].body

    # --- the conseiller reads them, revises, resubmits -----------------------
    client.force_login(world.conseiller)
    page = client.get(editor_url(bilan)).content.decode()
    assert "Je préfère travailler à Sète." in page
    assert "Version 1, soumise le" in page
    revised = TEXTS["project"] + "\n\n- Formatrice pour adultes à Sète"
    post_editor(client, bilan, action="submit", project=revised)
    version2 = SyntheseVersion.objects.get(synthese=synthese, number=2)
    assert version2.project == revised
    assert version2.observations == ""
    # The first version and its observations are kept, and listed with dates.
    version1.refresh_from_db()
    assert version1.observations == "Je préfère travailler à Sète."
    page = client.get(editor_url(bilan)).content.decode()
    assert "Version 2, soumise le" in page
    assert "Version 1, soumise le" in page
    assert page.index("Version 2, soumise le") < page.index("Version 1, soumise le")

    # The candidate sees version 2, and version 1 among the earlier ones.
    client.force_login(world.candidat)
    page = client.get(candidate_url(bilan)).content.decode()
    assert "Version 2, soumise par votre conseiller" in page
    assert "Versions précédentes" in page
    assert "Je préfère travailler à Sète." in page

    # --- "Remettre le document de synthèse" -----------------------------------
    client.force_login(world.conseiller)
    page = client.get(editor_url(bilan)).content.decode()
    assert "Remettre le document de synthèse" in page
    sent = len(mail.outbox)
    with captured():
        response = client.post(
            reverse("synthese:deliver", kwargs={"bilan_id": bilan.pk})
        )
    assert response.status_code == 302
    synthese.refresh_from_db()
    assert synthese.final_version == version2
    assert synthese.remis_at is not None
    assert mail.outbox[sent].to == [world.candidat.email]
    # Final: the editor no longer takes anything.
    response = post_editor(client, bilan, project="Autre chose")
    synthese.refresh_from_db()
    assert synthese.project == revised
    page = client.get(editor_url(bilan)).content.decode()
    assert 'id="phase-form"' not in page
    assert "Document remis le" in page

    # --- the candidate downloads it and "J'accuse réception" -------------------
    client.force_login(world.candidat)
    page = client.get(candidate_url(bilan)).content.decode()
    assert "Télécharger le document de synthèse (PDF)" in page
    assert "J&#x27;accuse réception" in page or "J'accuse réception" in page
    assert "Enregistrer mes observations" not in page  # remis: final
    pdf = client.get(reverse("synthese:pdf", kwargs={"bilan_id": bilan.pk}))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert pdf.content.startswith(b"%PDF-")
    ack = reverse("synthese:acknowledge", kwargs={"bilan_id": bilan.pk})
    assert client.post(ack).status_code == 302
    synthese.refresh_from_db()
    first = synthese.acknowledged_at
    assert first is not None
    client.post(ack)  # a second click keeps the first date
    synthese.refresh_from_db()
    assert synthese.acknowledged_at == first
    page = client.get(candidate_url(bilan)).content.decode()
    assert "Vous en avez accusé réception le" in page

    # The conseiller sees it was acknowledged.
    client.force_login(world.conseiller)
    page = client.get(editor_url(bilan)).content.decode()
    assert "Le candidat en a accusé réception le" in page


def test_submitting_needs_the_two_first_sections_and_keeps_the_draft(
    client, world, answered
):
    client.force_login(world.conseiller)
    response = post_editor(
        client, answered, action="submit", competences="", project=""
    )
    assert response.status_code == 302
    synthese = Synthese.objects.get(bilan=answered)
    assert synthese.circumstances == TEXTS["circumstances"]  # kept
    assert not synthese.versions.exists()
    assert not mail.outbox
    page = client.get(response["Location"]).content.decode()
    assert "complétez « Compétences et aptitudes »" in page


def test_the_same_version_is_not_submitted_twice(client, world, submitted):
    bilan = submitted.synthese.bilan
    client.force_login(world.conseiller)
    response = post_editor(client, bilan, action="submit")
    assert submitted.synthese.versions.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Le candidat a déjà reçu cette version" in page


def test_remettre_refuses_a_draft_the_candidate_has_not_read(client, world, submitted):
    bilan = submitted.synthese.bilan
    client.force_login(world.conseiller)
    post_editor(client, bilan, project="Un projet revu, pas encore soumis.")
    page = client.get(editor_url(bilan)).content.decode()
    assert "Le brouillon a été modifié depuis cette version" in page
    response = client.post(reverse("synthese:deliver", kwargs={"bilan_id": bilan.pk}))
    synthese = Synthese.objects.get(bilan=bilan)
    assert synthese.remis_at is None
    page = client.get(response["Location"]).content.decode()
    assert "soumettez-la-lui d&#x27;abord" in page or "soumettez-la-lui d'abord" in page


def test_remettre_needs_a_submitted_version(client, world, answered):
    client.force_login(world.conseiller)
    post_editor(client, answered)
    client.post(reverse("synthese:deliver", kwargs={"bilan_id": answered.pk}))
    assert Synthese.objects.get(bilan=answered).remis_at is None


def test_observations_on_an_older_version_are_not_lost(client, world, submitted):
    """The conseiller submitted version 2 while the candidate was writing on 1:
    nothing is recorded on either, and the text stays on screen."""
    bilan = submitted.synthese.bilan
    client.force_login(world.conseiller)
    post_editor(client, bilan, action="submit", competences="Revu.")
    client.force_login(world.candidat)
    response = client.post(
        candidate_url(bilan), {"number": "1", "observations": "Mon texte à moi."}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Mon texte à moi." in page
    assert "nouvelle version" in page
    assert not SyntheseVersion.objects.exclude(observations="").exists()


def test_typed_text_is_never_html(client, world, answered):
    client.force_login(world.conseiller)
    post_editor(
        client,
        answered,
        action="submit",
        competences='<script>alert("x")</script>\n- <b>gras</b>',
    )
    client.force_login(world.candidat)
    page = client.get(candidate_url(answered)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<li>&lt;b&gt;gras&lt;/b&gt;</li>" in page


@pytest.mark.parametrize("role", ["conseiller", "candidat"])
def test_dashboards_tags_show_where_it_stands(rf, world, submitted, role):
    bilan = submitted.synthese.bilan
    request = rf.get("/")
    request.user = getattr(world, role)
    template = Template(
        "{% load synthese_tags %}{% synthese_for_conseiller bilan %}"
        "{% synthese_for_candidate bilan %}"
    )
    html = template.render(Context({"request": request, "bilan": bilan}))
    if role == "conseiller":
        assert "Document de synthèse" in html
        assert "Version 1 soumise au candidat le" in html
        assert "Votre document de synthèse" not in html
    else:
        assert "Votre document de synthèse" in html
        assert "Votre conseiller vous soumet la version 1" in html
        assert editor_url(bilan) not in html


def test_dashboard_tags_render_nothing_for_anyone_else(rf, world, submitted):
    template = Template(
        "{% load synthese_tags %}{% synthese_for_conseiller bilan %}"
        "{% synthese_for_candidate bilan %}"
    )
    for name in ("autre_conseiller", "autre_candidat", "admin", "superuser"):
        request = rf.get("/")
        request.user = getattr(world, name)
        html = template.render(
            Context({"request": request, "bilan": submitted.synthese.bilan})
        )
        assert html.strip() == "", name


def test_candidate_card_waits_for_a_submitted_version(rf, world, answered):
    request = rf.get("/")
    request.user = world.candidat
    template = Template("{% load synthese_tags %}{% synthese_for_candidate bilan %}")
    assert (
        template.render(Context({"request": request, "bilan": answered})).strip() == ""
    )
