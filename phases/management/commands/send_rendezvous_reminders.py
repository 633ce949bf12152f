"""`python manage.py send_rendezvous_reminders`: the day-before reminders.

E-mails each candidate whose rendez-vous is tomorrow (Europe/Paris). Run it once
a day from a scheduler, like purge_bilans (README); several hosts may run it at
the same time and a second run sends nothing: no rendez-vous is reminded twice.
"""

from django.core.management.base import BaseCommand

from phases.rules.rendezvous import send_due_reminders


class Command(BaseCommand):
    help = "Envoie le rappel des rendez-vous du lendemain aux candidats."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} rappel(s) de rendez-vous envoyé(s).")
