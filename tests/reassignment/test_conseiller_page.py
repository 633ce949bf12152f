"""The conseiller's admin page offers « Réaffecter les candidats », and warns
when a blocked conseiller still follows candidates."""


def url(conseiller):
    return f"/admin/conseillers/{conseiller.pk}/reaffecter/"


def test_the_edit_page_offers_the_action_and_warns_when_blocked(client_as, world):
    edit = f"/admin/conseillers/edit/{world.conseiller.pk}/"
    admin = client_as("admin")
    page = admin.get(edit).content.decode()
    assert f'href="{url(world.conseiller)}"' in page
    assert "est bloqué et suit encore" not in page

    world.conseiller.is_active = False
    world.conseiller.save()
    page = admin.get(edit).content.decode()
    assert "Ce conseiller est bloqué et suit encore 1 bilan(s)" in page
    # A conseiller without candidates has nothing to reassign.
    page = admin.get(f"/admin/conseillers/edit/{world.referent.pk}/").content.decode()
    assert "Réaffecter les candidats" not in page
