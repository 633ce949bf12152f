"""`python manage.py restore_data DOSSIER`: a backup of `backup_data`, into an
empty database and empty storages (nothing is ever overwritten)."""

from django.core.management.base import BaseCommand, CommandError

from ...archive import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restaure une sauvegarde dans une base et des stockages vides."

    def add_arguments(self, parser):
        parser.add_argument("source")

    def handle(self, *args, source, **options):
        try:
            manifest = restore_backup(source)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sauvegarde du {manifest['cree_le']} restaurée : "
            f"{len(manifest['fichiers'])} fichier(s)."
        )
