"""`python manage.py backup_data DOSSIER`: the database and every stored file
(`backups.archive`), into an empty folder."""

from django.core.management.base import BaseCommand, CommandError

from ...archive import BackupError, write_backup


class Command(BaseCommand):
    help = "Sauvegarde la base et les fichiers déposés dans un dossier vide."

    def add_arguments(self, parser):
        parser.add_argument("destination")

    def handle(self, *args, destination, **options):
        try:
            manifest = write_backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sauvegarde écrite dans {destination} : base {manifest['base']}, "
            f"{len(manifest['fichiers'])} fichier(s)."
        )
