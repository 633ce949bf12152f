"""`python manage.py send_follow_ups`: the six-month follow-ups.

Six months (BILAN_FOLLOW_UP_DAYS) after a bilan closed, invites its candidate to
« Où en êtes-vous six mois après votre bilan ? » and reminds its conseiller to
plan an « Entretien de suivi ». Run it once a day from a scheduler, like
purge_bilans (README); several hosts may run it at the same time and a second
run sends nothing: no bilan is followed up twice.
"""

from django.core.management.base import BaseCommand

from ...followup import send_follow_ups


class Command(BaseCommand):
    help = "Envoie le questionnaire des six mois et le rappel de l'entretien de suivi."

    def handle(self, *args, **options):
        sent = send_follow_ups()
        self.stdout.write(f"{sent} suivi(s) à six mois envoyé(s).")
