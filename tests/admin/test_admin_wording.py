"""The Wagtail admin speaks French where Wagtail's own catalogue does not.

The project's catalogue (locale/fr, first in LOCALE_PATHS) overrides the few
entries of Wagtail's French that are wrong; the default workflow, named in
English after a group nobody belongs to, is off.
"""

from django.utils import translation

from wagtail.models import ModelLogEntry, Workflow

from phases.models import PhasePage


def test_the_site_summary_says_pages_creees(client_as, world, phases):
    html = client_as("referent").get("/admin/").content.decode()
    assert 'pages <span class="w-sr-only">créées dans Mon Bilan en Ligne' in html
    assert "crées dans" not in html


def test_a_page_edited_just_now_says_a_l_instant(client_as, world, phases):
    page = PhasePage.objects.get(pk=phases[0].pk)
    # The status panel says when the page was *first* published: the shipped
    # phases were, minutes before this test in a full run. Publish it as new.
    page.first_published_at = None
    page.save_revision(user=world.referent).publish()
    html = client_as("referent").get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "À l&#x27;instant" in html
    assert "0\xa0minute" not in html and "0 minute" not in html


def test_model_log_entries_are_entries_of_the_journal():
    with translation.override("fr"):
        assert str(ModelLogEntry._meta.verbose_name) == "entrée du journal"
        assert str(ModelLogEntry._meta.verbose_name_plural) == "entrées du journal"


def test_referents_publish_without_an_english_moderation_workflow(
    client_as, world, phases
):
    """Référents publish what they edit; nobody is a moderator here, so Wagtail's
    "Soumettre à Moderators approval" would only wait forever."""
    html = client_as("referent").get(f"/admin/pages/{phases[0].pk}/edit/")
    content = html.content.decode()
    assert "Soumettre" not in content
    assert "Moderators" not in content
    assert "Publier" in content
    workflow = Workflow.objects.get()
    assert (workflow.name, workflow.active) == ("Validation par un modérateur", False)
