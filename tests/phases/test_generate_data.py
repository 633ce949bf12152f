"""generate_data: the volume data of the benchmarks must be data the site accepts."""

import csv
import io

from django.core.management import CommandError, call_command
from django.test import Client

import pytest

from phases.content.demo_answers import example_data
from phases.content.install import PHASE_TITLES
from phases.management.commands.generate_data import _query_dict, example_answers
from phases.models import Bilan, PhaseSubmission
from phases.questions.form import PhaseForm
from users.models import Academie, Dabm, User

PASSWORD = "Bench-Bilan-2026!"  # noqa: S105 (the command's default, documented)


def generate(**options):
    args = []
    for name, value in options.items():
        args += [f"--{name}", str(value)]
    out = io.StringIO()
    call_command("generate_data", *args, stdout=out)
    return out.getvalue()


def test_counts_and_links_are_consistent(db):
    output = generate(academies=2, dabms=2, conseillers=2, candidates=9, submissions=3)
    assert "9 candidates and bilans, 27 submissions (prefix gen1)" in output

    academies = Academie.objects.filter(name__startswith="Académie gen1-")
    assert academies.count() == 2
    assert Dabm.objects.filter(academie__in=academies).count() == 4
    conseillers = User.objects.filter(username__startswith="gen1.conseiller")
    assert conseillers.count() == 8
    assert set(conseillers.values_list("role", flat=True)) == {"conseiller"}

    candidates = User.objects.filter(username__startswith="gen1.candidat")
    assert candidates.count() == 9
    bilans = Bilan.objects.filter(candidate__in=candidates).select_related(
        "candidate", "conseiller", "dabm"
    )
    assert bilans.count() == 9
    for bilan in bilans:
        # The candidate, the conseiller and the bilan sit in one DABM.
        assert bilan.dabm_id == bilan.conseiller.dabm_id == bilan.candidate.dabm_id
        assert bilan.candidate.academie_id == bilan.dabm.academie_id
        titles = [bp.phase.title for bp in bilan.selected_phases.order_by("position")]
        assert titles == PHASE_TITLES
        submissions = PhaseSubmission.objects.filter(bilan=bilan)
        assert submissions.count() == 3
        for submission in submissions:
            done = submission.status != PhaseSubmission.Status.EN_COURS
            assert (submission.completed_at is not None) == done


def test_answers_are_valid_even_for_completing_the_phase(db, phases):
    """A "terminée" submission holds what "J'ai terminé cette phase" would accept."""
    for phase in phases:
        answers, snapshots = example_answers(phase)
        assert answers, phase.title
        assert set(snapshots) == set(answers)
        data = {"version": "0"}
        for child in phase.questions():
            data.update(example_data(f"q-{child.id}", child))
        form = PhaseForm(phase, draft=False, data=_query_dict(data))
        assert form.is_valid(), (phase.title, form.errors)


def test_accounts_log_in_and_stay_in_their_scope(db):
    generate(academies=2, dabms=1, conseillers=2, candidates=8, submissions=2)
    client = Client()

    def log_in(username):
        response = client.post(
            "/connexion/", {"username": username, "password": PASSWORD}
        )
        assert response.status_code == 302, username

    log_in("gen1.conseiller1-1")
    conseiller = User.objects.get(username="gen1.conseiller1-1")
    assert client.get("/tableau-de-bord/").status_code == 200
    for bilan in Bilan.objects.all():
        expected = 200 if bilan.conseiller_id == conseiller.pk else 404
        assert client.get(f"/bilans/{bilan.pk}/").status_code == expected
    assert Bilan.objects.filter(conseiller=conseiller).exists()
    client.post("/deconnexion/")

    # The administrator has the role group: the activity table and its CSV open,
    # with the académie's bilans only.
    log_in("gen1.admin1")
    admin = User.objects.get(username="gen1.admin1")
    response = client.get("/admin/activite/?export=csv")
    assert response.status_code == 200
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert len(rows) - 1 == Bilan.objects.filter(dabm__academie=admin.academie).count()
    assert len(rows) - 1 < Bilan.objects.count()


def test_runs_again_with_new_names_and_refuses_bad_options(db):
    generate(candidates=2, submissions=0)
    output = generate(candidates=2, submissions=0)
    assert "(prefix gen2)" in output
    assert User.objects.filter(username__startswith="gen2.candidat").count() == 2
    with pytest.raises(CommandError, match="--submissions"):
        generate(submissions=11)
