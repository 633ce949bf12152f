"""Comments under answers and the bilan's messages: both parties, e-mails, unread."""

from django.core import mail

from phases.models import Post, Thread, ThreadRead
from phases.rules.threads import add_comment

from .conftest import answer, first_question

SECRET = "Mon ancien employeur ne doit pas le savoir"


def comment_url(world, phase):
    return f"/bilans/{world.bilan.pk}/phases/{phase.pk}/commentaires/"


def question_html(html, block_id):
    """The part of a page from one question to the next."""
    start = html.index(f'id="question-{block_id}"')
    end = html.find('class="monbilan-question', start + 1)
    return html[start : end if end > 0 else None]


def test_a_comment_goes_under_the_answer_for_both_parties(
    client_as, world, phases, django_capture_on_commit_callbacks
):
    phase = phases[0]
    answer(world.bilan, phase)
    block_id = first_question(phase).id
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("conseiller").post(
            comment_url(world, phase), {"block_id": block_id, "body": SECRET}
        )
    review = f"/bilans/{world.bilan.pk}/phases/{phase.pk}/"
    assert response.status_code == 302
    assert response["Location"] == f"{review}#question-{block_id}"
    thread = Thread.objects.get()
    assert (thread.bilan, thread.phase_id, thread.block_id) == (
        world.bilan,
        phase.pk,
        block_id,
    )
    # The candidate is told, with a link and without the text.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.candidat.email]
    assert "nouveau commentaire" in message.subject
    assert SECRET not in message.body
    assert f"{phase.url}#question-{block_id}" in message.body

    # Read-only phase: the thread sits right under its question, with a reply form.
    client = client_as("candidat")
    html = client.get(phase.url).content.decode()
    part = question_html(html, block_id)
    assert SECRET in part
    assert "Nouveau" in part
    assert f'action="{comment_url(world, phase)}"' in part
    # Opening the page marked it read.
    html = client.get(phase.url).content.decode()
    assert "Nouveau<" not in question_html(html, block_id)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            comment_url(world, phase),
            {"block_id": block_id, "body": "C'était en 2015."},
        )
    assert response["Location"] == f"{phase.url}#question-{block_id}"
    assert Post.objects.filter(thread=thread).count() == 2
    assert len(mail.outbox) == 2
    reply = mail.outbox[1]
    assert reply.to == [world.conseiller.email]
    assert "C'était en 2015." not in reply.body
    assert f"{review}#question-{block_id}" in reply.body
    html = client_as("conseiller").get(review).content.decode()
    part = question_html(html, block_id)
    assert part.index(SECRET) < part.index("C&#x27;était en 2015.")


def test_the_candidate_replies_from_the_form_while_the_phase_is_open(
    client_as, world, phases
):
    phase = phases[0]
    answer(world.bilan, phase, complete=False)
    block_id = first_question(phase).id
    client_as("conseiller").post(
        comment_url(world, phase), {"block_id": block_id, "body": SECRET}
    )
    html = client_as("candidat").get(phase.url).content.decode()
    part = question_html(html, block_id)
    assert SECRET in part
    # Nested forms are invalid: the reply's fields point to a form after the
    # phase form.
    assert f'form="commentaire-{block_id}"' in part
    form_tag = f'<form method="post" action="{comment_url(world, phase)}" '
    assert form_tag + f'id="commentaire-{block_id}"' in html
    assert html.index('id="phase-form"') < html.index(f'id="commentaire-{block_id}"')
    # Only the conseiller opens a thread: no comment box where there is none.
    other = phase.questions()[1].id
    assert "monbilan-thread" not in question_html(html, other)


def test_threads_can_be_resolved_and_a_new_comment_reopens_them(
    client_as, reviewed, world
):
    client = client_as("conseiller")
    url = f"/bilans/{world.bilan.pk}/commentaires/{reviewed.thread.pk}/resolu/"
    client.post(url, {"resolved": "1"})
    reviewed.thread.refresh_from_db()
    assert reviewed.thread.is_resolved
    assert reviewed.thread.resolved_by == world.conseiller
    html = client_as("candidat").get(reviewed.phase.url).content.decode()
    assert "Résolu" in question_html(html, reviewed.block_id)
    client_as("candidat").post(
        comment_url(world, reviewed.phase),
        {"block_id": reviewed.block_id, "body": "Encore une question."},
    )
    reviewed.thread.refresh_from_db()
    assert not reviewed.thread.is_resolved
    client.post(url, {"resolved": "1"})
    client.post(url, {"resolved": "0"})
    reviewed.thread.refresh_from_db()
    assert not reviewed.thread.is_resolved


def test_an_empty_comment_is_refused(client_as, reviewed, world):
    response = client_as("conseiller").post(
        comment_url(world, reviewed.phase),
        {"block_id": reviewed.block_id, "body": "   "},
        follow=True,
    )
    assert "Écrivez votre commentaire avant de l" in response.content.decode()
    assert Post.objects.count() == 1


def test_messages_between_candidate_and_conseiller(
    client_as, world, django_capture_on_commit_callbacks
):
    url = f"/bilans/{world.bilan.pk}/messages/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("candidat").post(url, {"body": SECRET})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.conseiller.email]
    assert "nouveau message" in message.subject
    assert SECRET not in message.body
    assert f"http://testserver{url}" in message.body

    client = client_as("conseiller")
    dashboard = client.get("/tableau-de-bord/").content.decode()
    assert "1 non lu" in dashboard
    html = client.get(url).content.decode()
    assert SECRET in html
    assert "Nouveau" in html
    assert "1 non lu" not in client.get("/tableau-de-bord/").content.decode()
    assert ThreadRead.objects.filter(user=world.conseiller).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"body": "Je vous réponds demain."})
    assert mail.outbox[1].to == [world.candidat.email]
    candidate = client_as("candidat")
    html = candidate.get("/tableau-de-bord/").content.decode()
    assert "Vous avez 1 message non lu." in html
    assert f'href="{url}"' in html
    candidate.get(url)
    html = candidate.get("/tableau-de-bord/").content.decode()
    assert "Aucun nouveau message." in html


def test_an_empty_message_keeps_the_page(client_as, world):
    response = client_as("candidat").post(
        f"/bilans/{world.bilan.pk}/messages/", {"body": ""}
    )
    assert response.status_code == 200
    assert "Écrivez votre message avant de l" in response.content.decode()
    assert Post.objects.count() == 0


def test_unread_comments_count_on_both_dashboards(client_as, reviewed, world):
    # The conseiller's comment is unread for the candidate, per phase.
    html = client_as("candidat").get("/tableau-de-bord/").content.decode()
    rest = html[html.index(reviewed.phase.title) :]
    assert "1 non lu" in rest[: rest.index("</tr>")]
    client_as("candidat").get(reviewed.phase.url)
    html = client_as("candidat").get("/tableau-de-bord/").content.decode()
    rest = html[html.index(reviewed.phase.title) :]
    assert "fr-badge--new" not in rest[: rest.index("</tr>")]

    client_as("candidat").post(
        comment_url(world, reviewed.phase),
        {"block_id": reviewed.block_id, "body": "Voici."},
    )
    html = client_as("conseiller").get("/tableau-de-bord/").content.decode()
    assert "1 non lu" in html
    detail = client_as("conseiller").get(f"/bilans/{world.bilan.pk}/").content
    assert b"fr-badge--new" in detail
    client_as("conseiller").get(f"/bilans/{world.bilan.pk}/phases/{reviewed.phase.pk}/")
    html = client_as("conseiller").get("/tableau-de-bord/").content.decode()
    assert "non lu" not in html


def test_phase_page_query_budget_with_comments(
    client_as, world, phases, django_assert_max_num_queries
):
    from tests.phases.test_dashboard import PHASE_PAGE_BUDGET

    phase = phases[0]
    answer(world.bilan, phase, complete=False)
    for child in phase.questions()[:5]:
        add_comment(
            world.bilan,
            phase,
            child.id,
            author=world.conseiller,
            body="?",
            notify=False,
        )
    client = client_as("candidat")
    with django_assert_max_num_queries(PHASE_PAGE_BUDGET + 2):
        html = client.get(phase.url).content.decode()
    assert html.count("monbilan-thread") == 5
    # Read now: the second visit does not mark them again.
    with django_assert_max_num_queries(PHASE_PAGE_BUDGET + 1):
        html = client.get(phase.url).content.decode()
    assert html.count("monbilan-thread") == 5


def test_conseiller_dashboard_spells_out_what_is_unread(client_as, world, phases):
    phase = phases[0]
    answer(world.bilan, phase, complete=False)
    add_comment(
        world.bilan,
        phase,
        phase.questions()[0].id,
        author=world.candidat,
        body="Pouvez-vous préciser ?",
        notify=False,
    )
    html = client_as("conseiller").get("/tableau-de-bord/").content.decode()
    assert 'title="0 message, 1 commentaire"' in html
    assert '<span class="fr-sr-only">0 message, 1 commentaire</span>' in html
