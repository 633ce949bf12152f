"""Generate volume data for benchmarks and load tests, with bulk inserts.

    manage.py generate_data --academies 2 --dabms 3 --conseillers 5 \\
        --candidates 5000 --submissions 4

Makes N académies, each with its DABMs, conseillers (and one administrator), then
candidates spread over the conseillers, one bilan each with the ten phases
selected, and that many phase submissions per bilan (plausible answers, a mix of
"en cours", "terminée" and "validée"). Every account gets the same password
(`--password`). Usernames carry a prefix (`--prefix`, default "gen") and a run
number, so the command can be run again to add more.

Not for production data: it writes straight to the tables (bulk_create), without
e-mails or audit entries, for speed. The administrators get their role group, so
that they reach the admin as created ones do. It ends with `ANALYZE` (PostgreSQL
and SQLite), so that the benchmarks measure tables as production has them.
"""

import itertools
import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from users.models import Academie, Dabm, User
from users.roles import ADMINISTRATEUR_GROUP, role_group

from ...content.demo_answers import example_data
from ...content.install import install_phases
from ...models import Bilan, BilanPhase, PhaseSubmission
from ...questions.form import PhaseForm, field_name

FIRST_NAMES = [
    "Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Jules",
    "Inès", "Arthur", "Sarah", "Nathan", "Emma", "Paul", "Jade", "Théo",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
    "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel",
]  # fmt: skip
BATCH = 2000


def example_answers(phase):
    """Plausible, valid answers to a phase (the demo's examples, not its story)."""
    data = {"version": "0"}
    for child in phase.questions():
        data.update(example_data(field_name(child.id), child))
    form = PhaseForm(phase, draft=True, data=_query_dict(data))
    if not form.is_valid():
        return {}, {}
    answers = {k: v for k, v in form.answers().items() if v is not None}
    snapshots = {
        child.id: child.block.snapshot(child.value)
        for child in phase.questions()
        if child.id in answers
    }
    return answers, snapshots


def _query_dict(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in data.items():
        if isinstance(value, list):
            query.setlist(name, [str(item) for item in value])
        else:
            query[name] = str(value)
    return query


def analyze():
    """Refresh the planner's statistics after a bulk load, as production has them.

    Without it, the benchmarks measure plans made for empty tables (PostgreSQL's
    autovacuum only gets to them later; SQLite never does). True if it ran.
    """
    if connection.vendor not in ("postgresql", "sqlite"):
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


class Command(BaseCommand):
    help = "Generate académies, conseillers, candidates, bilans and submissions."

    def add_arguments(self, parser):
        parser.add_argument("--academies", type=int, default=1)
        parser.add_argument("--dabms", type=int, default=3, help="per académie")
        parser.add_argument("--conseillers", type=int, default=5, help="per DABM")
        parser.add_argument("--candidates", type=int, default=100, help="in all")
        parser.add_argument(
            "--submissions", type=int, default=3, help="per bilan (0 to 10)"
        )
        parser.add_argument("--prefix", default="gen")
        parser.add_argument("--password", default="Bench-Bilan-2026!")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        started = time.monotonic()
        rng = random.Random(options["seed"])  # noqa: S311 (fake data, not secrets)
        per_bilan = options["submissions"]
        if not 0 <= per_bilan <= 10:
            raise CommandError("--submissions must be between 0 and 10.")
        phases = install_phases()
        answers = [example_answers(phase) for phase in phases]
        password = make_password(options["password"])
        run = self._run_number(options["prefix"])
        prefix = f"{options['prefix']}{run}"

        with transaction.atomic():
            academies = Academie.objects.bulk_create(
                Academie(name=f"Académie {prefix}-{index + 1}")
                for index in range(options["academies"])
            )
            dabms = Dabm.objects.bulk_create(
                Dabm(academie=academie, name=f"DABM {prefix}-{a + 1}-{d + 1}")
                for a, academie in enumerate(academies)
                for d in range(options["dabms"])
            )
            staff = [
                self._user(
                    f"{prefix}.admin{a + 1}",
                    User.Role.ADMINISTRATEUR,
                    password,
                    rng,
                    academie=academie,
                )
                for a, academie in enumerate(academies)
            ]
            staff += [
                self._user(
                    f"{prefix}.conseiller{d + 1}-{c + 1}",
                    User.Role.CONSEILLER,
                    password,
                    rng,
                    academie=dabm.academie,
                    dabm=dabm,
                )
                for d, dabm in enumerate(dabms)
                for c in range(options["conseillers"])
            ]
            User.objects.bulk_create(staff, batch_size=BATCH)
            group = role_group(ADMINISTRATEUR_GROUP)
            group.user_set.add(
                *User.objects.filter(
                    username__startswith=f"{prefix}.admin",
                    role=User.Role.ADMINISTRATEUR,
                )
            )
        conseillers = list(
            User.objects.filter(
                username__startswith=f"{prefix}.conseiller", role=User.Role.CONSEILLER
            ).select_related("dabm")
        )
        if not conseillers and options["candidates"]:
            raise CommandError("Candidates need at least one conseiller.")

        now = timezone.now()
        statuses = [
            PhaseSubmission.Status.EN_COURS,
            PhaseSubmission.Status.TERMINEE,
            PhaseSubmission.Status.VALIDEE,
        ]
        modalites = [choice for choice, _label in Bilan.Modalite.choices]
        cycle = itertools.cycle(conseillers)
        made = 0
        for start in range(0, options["candidates"], BATCH):
            count = min(BATCH, options["candidates"] - start)
            with transaction.atomic():
                pairs = [(start + index, next(cycle)) for index in range(count)]
                candidates = User.objects.bulk_create(
                    self._user(
                        f"{prefix}.candidat{number + 1}",
                        User.Role.CANDIDAT,
                        password,
                        rng,
                        academie=conseiller.dabm.academie,
                        dabm=conseiller.dabm,
                    )
                    for number, conseiller in pairs
                )
                bilans = Bilan.objects.bulk_create(
                    Bilan(
                        candidate=candidate,
                        conseiller=conseiller,
                        dabm=conseiller.dabm,
                        modalite=rng.choice(modalites),
                    )
                    for candidate, (_number, conseiller) in zip(
                        candidates, pairs, strict=True
                    )
                )
                BilanPhase.objects.bulk_create(
                    (
                        BilanPhase(bilan=bilan, phase=phase, position=position)
                        for bilan in bilans
                        for position, phase in enumerate(phases)
                    ),
                    batch_size=BATCH * 5,
                )
                submissions = []
                for bilan in bilans:
                    for position in range(per_bilan):
                        status = rng.choice(statuses)
                        phase_answers, snapshots = answers[position]
                        done = status != PhaseSubmission.Status.EN_COURS
                        submissions.append(
                            PhaseSubmission(
                                bilan=bilan,
                                phase=phases[position],
                                answers=phase_answers,
                                questions=snapshots,
                                status=status,
                                version=1,
                                started_at=now,
                                completed_at=now if done else None,
                                validated_at=(
                                    now
                                    if status == PhaseSubmission.Status.VALIDEE
                                    else None
                                ),
                            )
                        )
                PhaseSubmission.objects.bulk_create(submissions, batch_size=BATCH)
            made += count
            self.stdout.write(f"  {made} candidates…")

        analyzed = analyze()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(academies)} académies, {len(dabms)} DABM, {len(conseillers)} "
                f"conseillers, {made} candidates and bilans, {made * per_bilan} "
                f"submissions (prefix {prefix}) in {elapsed:.1f} s"
                f"{', tables analyzed' if analyzed else ''}."
            )
        )

    def _run_number(self, prefix):
        # One "…-1" académie per earlier run.
        earlier = Academie.objects.filter(
            name__startswith=f"Académie {prefix}", name__endswith="-1"
        )
        return earlier.count() + 1

    def _user(self, username, role, password, rng, **fields):
        return User(
            username=username,
            email=f"{username}@exemple.fr",
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            role=role,
            password=password,
            **fields,
        )
