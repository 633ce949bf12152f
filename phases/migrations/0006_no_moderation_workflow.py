"""No "Soumettre à Moderators approval" for the référents.

Wagtail installs a default workflow, named after its group in English, which
sends a page to the "Moderators" group for approval. Nobody is in that group
here: conseillers référents publish the pages they edit themselves (they hold
the publish permission), so submitting would wait for a moderator who does not
exist. The workflow is turned off, and renamed in French should a superuser turn
it on again.
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
FRENCH_NAME = "Validation par un modérateur"


def turn_off(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WAGTAIL_NAME).update(name=FRENCH_NAME, active=False)
    Task.objects.filter(name=WAGTAIL_NAME).update(name=FRENCH_NAME)


def turn_on(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=FRENCH_NAME).update(name=WAGTAIL_NAME, active=True)
    Task.objects.filter(name=FRENCH_NAME).update(name=WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("phases", "0005_question_lists_minimum"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(turn_off, turn_on)]
