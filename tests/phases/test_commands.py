"""install_phases and load_demo: the shipped content and the demo answers."""

from django.core.management import call_command

from phases.content.install import PHASE_TITLES
from phases.models import Bilan, PhasePage, PhaseSubmission
from users.models import User

Status = PhaseSubmission.Status


def test_install_phases_needs_no_user_and_is_idempotent(db):
    call_command("install_phases")
    call_command("install_phases")
    assert not User.objects.exists()
    pages = list(PhasePage.objects.live().order_by("path"))
    assert [page.title for page in pages] == PHASE_TITLES
    for page in pages:
        assert page.intro
        assert page.questions(), page.title


def test_install_phases_fills_bare_pages_but_never_edited_ones(db):
    from phases.content.install import body_from_content, install_phases
    from phases.models import PhaseIndexPage

    # The suite installs the phases once at set-up; start this test from none.
    PhaseIndexPage.objects.all().delete()
    bare = install_phases(content={})
    assert not bare[0].body
    edited = PhasePage.objects.get(pk=bare[1].pk)
    edited.body = body_from_content(
        [("short_text", {"label": "Question du référent", "required": False})]
    )
    edited.save_revision().publish()
    pages = install_phases()
    assert len(pages[0].questions()) > 1
    kept = PhasePage.objects.get(pk=bare[1].pk)
    assert [c.value["label"] for c in kept.questions()] == ["Question du référent"]


def test_load_demo_answers_the_phases(db):
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    expected = {
        "candidat.lunel": (10, 2, 1),
        "candidat.sete": (10, 5, 0),
        "candidat.partiel": (4, 0, 1),
        "candidat.toulouse": (10, 3, 1),
    }
    for username, (selected, completed, drafts) in expected.items():
        bilan = Bilan.objects.get(candidate__username=username)
        assert bilan.selected_phases.count() == selected, username
        submissions = PhaseSubmission.objects.filter(bilan=bilan)
        assert submissions.filter(status=Status.TERMINEE).count() == completed
        assert submissions.filter(status=Status.EN_COURS).count() == drafts
        done = submissions.filter(status=Status.TERMINEE).order_by("phase__path")
        first = [row.phase_id for row in bilan.selected_phases.all()[:completed]]
        assert [s.phase_id for s in done] == first
        for submission in done:
            assert submission.answers
            assert submission.completed_at


def test_every_demo_phase_renders_for_its_candidate(client, db):
    call_command("load_demo")
    for username in ("candidat.lunel", "candidat.sete"):
        client.force_login(User.objects.get(username=username))
        html = client.get("/tableau-de-bord/").content.decode()
        expected = "2 phases" if username == "candidat.lunel" else "5 phases"
        assert f"{expected} terminées sur 10" in html
        for page in PhasePage.objects.live():
            response = client.get(page.url)
            assert response.status_code == 200, (username, page.title)
    client.force_login(User.objects.get(username="candidat.partiel"))
    pages = list(PhasePage.objects.live().order_by("path"))
    assert client.get(pages[3].url).status_code == 200
    assert client.get(pages[4].url).status_code == 404


def test_shipped_phases_pass_the_editors_validation(phases):
    """A référent opening a shipped phase can publish it as it is."""
    for page in phases:
        page.body.stream_block.clean(page.body)  # raises on any invalid block
        page.full_clean()
