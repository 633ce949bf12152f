"""Référents edit pages but never delete them; a phase that bilans hold is never
deleted, and the admin says why before any confirm page (no ProtectedError)."""

from html import unescape

from django.contrib.messages import get_messages

from wagtail.models import Page

import pytest

from home.models import ContentPage
from home.setup import install_site_pages
from phases.models import PhasePage


def delete_url(page):
    return f"/admin/pages/{page.pk}/delete/"


def messages_of(response):
    # Wagtail's admin messages are HTML (escaped text, optional buttons).
    return [unescape(str(m)).strip() for m in get_messages(response.wsgi_request)]


@pytest.fixture
def site_page(world):
    install_site_pages()
    return ContentPage.objects.live().first()


@pytest.fixture
def unused_phase(phases):
    phase = PhasePage(title="Une phase de plus", slug="une-phase-de-plus")
    phases[0].get_parent().add_child(instance=phase)
    phase.save_revision().publish()
    return PhasePage.objects.get(pk=phase.pk)


def test_referent_cannot_delete_a_page_by_post(client_as, site_page, unused_phase):
    client = client_as("referent")
    for page in (site_page, unused_phase):
        assert client.get(delete_url(page)).status_code != 200
        response = client.post(delete_url(page))
        assert response.status_code in (302, 403)
        assert Page.objects.filter(pk=page.pk).exists(), page.title


def test_referent_is_offered_no_delete_action(client_as, site_page, unused_phase):
    client = client_as("referent")
    for page in (site_page, unused_phase):
        for url in (
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.get_parent().pk}/",
        ):
            response = client.get(url)
            assert response.status_code == 200
            # Neither the page's "…" menu nor its row in the listing offer it.
            # (Wagtail shows the same bulk action bar to everyone: its delete
            # lists the pages as not deletable, see the bulk test below.)
            assert delete_url(page) not in response.content.decode(), url


def test_referent_can_still_unpublish(client_as, site_page):
    client = client_as("referent")
    response = client.post(f"/admin/pages/{site_page.pk}/unpublish/")
    assert response.status_code == 302
    assert not ContentPage.objects.get(pk=site_page.pk).live


def test_referent_bulk_delete_is_refused(client_as, site_page):
    url = f"/admin/bulk/wagtailcore/page/delete/?id={site_page.pk}"
    client_as("referent").post(url)
    assert Page.objects.filter(pk=site_page.pk).exists()


def test_a_used_phase_is_explained_before_any_confirm_page(client_as, world, phases):
    client = client_as("superuser")
    phase = phases[0]
    response = client.get(delete_url(phase))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{phase.pk}/edit/"
    [message] = messages_of(response)
    # world: three bilans select every phase.
    assert message == (
        f"La phase « {phase.title} » ne peut pas être supprimée : 3 bilans "
        "l'utilisent, et les réponses des candidats y sont attachées. Pour ne plus "
        "la proposer, dépubliez-la."
    )
    page = client.get(response["Location"]).content.decode()
    assert "ne peut pas être supprimée" in page
    assert "référencé" not in page


def test_posting_the_delete_of_a_used_phase_deletes_nothing(client_as, world, phases):
    client = client_as("superuser")
    response = client.post(delete_url(phases[0]))
    assert response.status_code == 302
    assert PhasePage.objects.filter(pk=phases[0].pk).exists()


def test_the_phases_index_holding_used_phases_is_kept(client_as, world, phases):
    index = phases[0].get_parent()
    response = client_as("superuser").post(delete_url(index))
    assert response.status_code == 302
    [message] = messages_of(response)
    assert "elle contient des phases que 3 bilans utilisent" in message
    assert PhasePage.objects.count() == len(phases)


def test_a_used_phase_in_a_bulk_delete_is_kept(client_as, world, phases):
    url = f"/admin/bulk/wagtailcore/page/delete/?id={phases[1].pk}&next=/admin/"
    response = client_as("superuser").post(url)
    assert response.status_code == 302
    assert "ne peut pas être supprimée" in messages_of(response)[0]
    assert PhasePage.objects.filter(pk=phases[1].pk).exists()


def test_a_phase_one_bilan_selects_cannot_be_deleted(client_as, world, unused_phase):
    from phases.models import BilanPhase

    BilanPhase.objects.create(bilan=world.bilan, phase=unused_phase, position=99)
    response = client_as("superuser").get(delete_url(unused_phase))
    [message] = messages_of(response)
    assert ": 1 bilan l'utilise," in message


def test_a_superuser_deletes_an_unused_phase(client_as, world, unused_phase):
    client = client_as("superuser")
    confirm = client.get(delete_url(unused_phase))
    assert confirm.status_code == 200
    assert client.post(delete_url(unused_phase)).status_code == 302
    assert not PhasePage.objects.filter(pk=unused_phase.pk).exists()
