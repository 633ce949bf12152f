"""`python manage.py install_questionnaires`: the two questionnaires, once.

Run by `make demo` after the migrations; an existing questionnaire is never
touched (the référents edit them in the CMS).
"""

from django.core.management.base import BaseCommand

from ...content import install_questionnaires


class Command(BaseCommand):
    help = "Installe le questionnaire de satisfaction et celui des six mois."

    def handle(self, *args, **options):
        pages = install_questionnaires()
        self.stdout.write(f"{len(pages)} questionnaire(s) en place.")
