"""The candidate's consent to their bilan, and the page of its text.

Existing bilans get no consent: none was ever given, so their candidates are
asked for it at their next visit (the demo gives it to its candidates with
answers, `load_demo`).
"""

import django.db.models.deletion
import django.utils.timezone
import users.permissions
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('phases', '0006_no_moderation_workflow'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='ConsentPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('body', wagtail.fields.RichTextField(help_text="Ce que le candidat lit avant de donner son accord. La durée de conservation des données s'affiche en dessous, d'après les réglages du site.", verbose_name='texte')),
            ],
            options={
                'verbose_name': "texte de l'accord du candidat",
            },
            bases=(users.permissions.KeptPagesMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='Consent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('given_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='donné le')),
                ('bilan', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='consent', to='phases.bilan', verbose_name='bilan')),
                ('revision', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.revision', verbose_name='version du texte acceptée')),
            ],
            options={
                'verbose_name': 'accord du candidat',
                'verbose_name_plural': 'accords des candidats',
            },
        ),
    ]
