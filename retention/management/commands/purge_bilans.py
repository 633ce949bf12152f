"""`python manage.py purge_bilans [--dry-run]`: the daily end of documents.

Warns the candidates whose documents go in 15 days, destroys those whose date
has come (R6313-7), then warns and removes inactive candidates' accounts, and
deletes the « Signaler un problème » reports past their retention period. Run it
once a day from a scheduler (README); several hosts may run it at the same time.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from retention.inactive import run_inactive
from retention.personal_data import prune_archives
from retention.purge import new_run
from retention.schedule import run_schedule
from support.reports import prune_reports


class Command(BaseCommand):
    help = (
        "Prévient puis détruit les documents des bilans dont la durée de "
        "conservation est écoulée, et les comptes candidats inactifs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Liste ce qui serait fait, sans rien envoyer ni détruire.",
        )

    def handle(self, *args, dry_run=False, **options):
        run = new_run()
        report = self.stdout.write
        warned, purged = run_schedule(run=run, dry_run=dry_run, report=report)
        inactive_warned, inactive_purged = run_inactive(
            run=run, dry_run=dry_run, report=report
        )
        # The archives of "Télécharger mes données" live ARCHIVE_LIFETIME at most.
        archives = 0 if dry_run else prune_archives()
        reports = prune_reports(dry_run=dry_run)
        prefix = "Simulation : " if dry_run else ""
        self.stdout.write(
            f"{prefix}{warned} candidat(s) prévenu(s), {purged} bilan(s) détruit(s), "
            f"{inactive_warned} compte(s) inactif(s) prévenu(s), "
            f"{inactive_purged} supprimé(s), {archives} archive(s) expirée(s) "
            f"effacée(s), {reports} signalement(s) de plus de "
            f"{settings.PROBLEM_REPORT_RETENTION_DAYS} jours effacé(s) ; "
            f"exécution {run}"
        )
