"""Load the demo académies, DABMs, accounts, phases and bilans (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.setup import install_site_pages
from users.models import Academie, Dabm, User

from ...content.consent_page import install_consent_page
from ...content.demo_answers import demo_answers
from ...content.install import install_phases
from ...models import Bilan, PhaseSubmission
from ...rules.answers import InvalidAnswers, complete_phase, save_draft
from ...rules.bilans import create_bilan
from ...rules.consent import give_consent

DEMO_PASSWORD = "Demo-Bilan-2026!"  # noqa: S105 (documented demo password)

ACADEMIES = {
    "Montpellier": ["Lunel", "Sète", "Montpellier", "Nîmes", "Perpignan", "Béziers"],
    "Toulouse": ["Toulouse"],
}

# username, first name, last name, role, référent, académie, DABM
ACCOUNTS = [
    ("admin", "Alice", "Martin", User.Role.SUPERUTILISATEUR, False, None, None),
    (
        "admin.montpellier",
        "Bernard",
        "Roux",
        User.Role.ADMINISTRATEUR,
        False,
        "Montpellier",
        None,
    ),
    (
        "admin.toulouse",
        "Claire",
        "Fabre",
        User.Role.ADMINISTRATEUR,
        False,
        "Toulouse",
        None,
    ),
    (
        "referent.sete",
        "Damien",
        "Vidal",
        User.Role.CONSEILLER,
        True,
        "Montpellier",
        "Sète",
    ),
    (
        "conseiller.lunel",
        "Élodie",
        "Garcia",
        User.Role.CONSEILLER,
        False,
        "Montpellier",
        "Lunel",
    ),
    (
        "conseiller.toulouse",
        "François",
        "Blanc",
        User.Role.CONSEILLER,
        False,
        "Toulouse",
        "Toulouse",
    ),
    (
        "candidat.lunel",
        "Gaëlle",
        "Moreau",
        User.Role.CANDIDAT,
        False,
        "Montpellier",
        "Lunel",
    ),
    (
        "candidat.sete",
        "Hugo",
        "Lefèvre",
        User.Role.CANDIDAT,
        False,
        "Montpellier",
        "Sète",
    ),
    (
        "candidat.partiel",
        "Inès",
        "Bonnet",
        User.Role.CANDIDAT,
        False,
        "Montpellier",
        "Lunel",
    ),
    (
        "candidat.toulouse",
        "Julien",
        "Mercier",
        User.Role.CANDIDAT,
        False,
        "Toulouse",
        "Toulouse",
    ),
]

# candidate, conseiller, modalité, how many phases selected (from the first)
BILANS = [
    ("candidat.lunel", "conseiller.lunel", "presentiel", 10),
    ("candidat.sete", "referent.sete", "distance", 10),
    ("candidat.partiel", "conseiller.lunel", "distance", 4),
    ("candidat.toulouse", "conseiller.toulouse", "mixte", 10),
]

# candidate: how many of their first phases are terminées, and whether the next one
# is started (en cours, a draft).
SUBMISSIONS = {
    "candidat.lunel": (2, True),
    "candidat.sete": (5, False),
    "candidat.partiel": (0, True),
    "candidat.toulouse": (3, True),
}


class Command(BaseCommand):
    help = "Charge les données de démonstration (sans effet si elles existent déjà)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ne rien faire si la base contient déjà des utilisateurs.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if options["if_empty"] and User.objects.exists():
            self.stdout.write(
                "La base contient déjà des utilisateurs : rien à charger."
            )
            return
        dabms = {}
        for academie_name, dabm_names in ACADEMIES.items():
            academie, _ = Academie.objects.get_or_create(name=academie_name)
            for name in dabm_names:
                dabms[name], _ = Dabm.objects.get_or_create(
                    academie=academie, name=name
                )
        academies = {a.name: a for a in Academie.objects.all()}

        users = {}
        for username, first, last, role, referent, academie, dabm in ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@demo.monbilanenligne.fr",
                    role=role,
                    is_referent=referent,
                    is_superuser=role == User.Role.SUPERUTILISATEUR,
                    is_staff=role == User.Role.SUPERUTILISATEUR,
                    academie=academies.get(academie),
                    dabm=dabms.get(dabm),
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
            users[username] = user

        install_site_pages()
        phases = install_phases()
        install_consent_page()
        for candidate, conseiller, modalite, count in BILANS:
            if not Bilan.objects.filter(candidate=users[candidate]).exists():
                create_bilan(
                    candidate=users[candidate],
                    conseiller=users[conseiller],
                    modalite=modalite,
                    phases=phases[:count],
                )
        for username in SUBMISSIONS:  # the candidates with answers consented first
            give_consent(users[username])
        self.answer_phases(users)
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))

    def answer_phases(self, users):
        for username, (completed, started) in SUBMISSIONS.items():
            bilan = Bilan.objects.filter(candidate=users[username]).first()
            if bilan is None:
                continue
            phases = [
                row.phase for row in bilan.selected_phases.select_related("phase")
            ]
            count = completed + (1 if started else 0)
            for position, phase in enumerate(phases[:count]):
                if PhaseSubmission.objects.filter(bilan=bilan, phase=phase).exists():
                    continue
                try:
                    if position < completed:
                        complete_phase(
                            bilan,
                            phase,
                            data=demo_answers(phase),
                            expected_version=0,
                            notify=False,
                        )
                    else:
                        save_draft(
                            bilan, phase, data=demo_answers(phase), expected_version=0
                        )
                except InvalidAnswers as error:
                    # A required question the demo cannot answer (a file): keep the
                    # phase as a draft rather than stop the whole command.
                    self.stderr.write(
                        f"{username} · {phase.title} : {error.form.errors.as_text()}"
                    )
                    save_draft(
                        bilan, phase, data=demo_answers(phase), expected_version=0
                    )
