"""Install the ten phases with their shipped content, without any demo account."""

from django.core.management.base import BaseCommand

from ...content.consent_page import install_consent_page
from ...content.install import install_phases


class Command(BaseCommand):
    help = (
        "Crée la page des phases et les dix phases du bilan avec leur contenu "
        "(sans toucher aux phases déjà rédigées)."
    )

    def handle(self, *args, **options):
        pages = install_phases()
        install_consent_page()
        self.stdout.write(self.style.SUCCESS(f"{len(pages)} phases prêtes."))
