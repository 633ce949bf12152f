"""Load the demo académies, DABMs, accounts, phases and bilans (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from users.models import Academie, Dabm, User

from ...bilans import create_bilan
from ...models import Bilan
from ...setup import install_phases

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

        phases = install_phases()
        for candidate, conseiller, modalite, count in BILANS:
            if not Bilan.objects.filter(candidate=users[candidate]).exists():
                create_bilan(
                    candidate=users[candidate],
                    conseiller=users[conseiller],
                    modalite=modalite,
                    phases=phases[:count],
                )
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
