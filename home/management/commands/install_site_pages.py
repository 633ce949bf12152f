from django.core.management.base import BaseCommand

from ...setup import install_site_pages


class Command(BaseCommand):
    help = (
        "Crée les pages du site (accessibilité, mentions légales, données "
        "personnelles) qui n'existent pas encore."
    )

    def handle(self, *args, **options):
        created = install_site_pages()
        self.stdout.write(
            self.style.SUCCESS(f"{len(created)} page(s) du site créée(s).")
        )
