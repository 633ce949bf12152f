"""« Renvoyer l'invitation »: a new one-time link for an account that never
logged in, and the old link dead (in the admin and on the conseiller's site)."""

import html
import re

from django.core import mail
from django.test import Client

from wagtail.models import ModelLogEntry

import pytest

from users.accounts import create_account
from users.models import User

LINK = re.compile(r"http://testserver(/mot-de-passe/nouveau/[^\s]+)")
NEW_PASSWORD = "Un-nouveau-mot-de-passe-2026"


def text(response):
    return html.unescape(response.content.decode())


def can_log_in(username, password):
    response = Client().post(
        "/connexion/", {"username": username, "password": password}
    )
    return response.status_code == 302


def links(message):
    return LINK.findall(message.body)


def choose_password(link):
    """Open a one-time link as its recipient would; True if it let them choose."""
    client = Client()
    page = client.get(link, follow=True)
    if "Ce lien n'est plus valable" in text(page):
        return False
    response = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    return response.status_code == 302


def invited_conseiller(world, password=None):
    return create_account(
        role=User.Role.CONSEILLER,
        created_by=world.admin,
        password=password,
        notify=True,
        username="nouveau.conseiller",
        email="nouveau.conseiller@exemple.fr",
        first_name="Nina",
        last_name="Nouvelle",
        dabm=world.lunel,
    )


def resend(client, account):
    return client.post(f"/admin/comptes/{account.pk}/renvoyer-l-invitation/")


def test_resend_kills_the_old_link_and_the_new_one_works(
    client_as, world, django_capture_on_commit_callbacks
):
    account = invited_conseiller(world)
    (old_link,) = links(mail.outbox[0])
    admin = client_as("admin")
    edit = f"/admin/conseillers/edit/{account.pk}/"
    page = text(admin.get(edit))
    assert "Ce compte ne s'est encore jamais connecté" in page
    assert "Renvoyer l'invitation" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = resend(admin, account)
    assert response.status_code == 302 and response["Location"] == edit
    page = text(admin.get(edit))
    assert "Un nouveau lien a été envoyé à nouveau.conseiller@exemple.fr" in page

    assert len(mail.outbox) == 2
    message = mail.outbox[1]
    assert message.to == ["nouveau.conseiller@exemple.fr"]
    assert "nouveau lien" in message.subject
    (new_link,) = links(message)
    assert new_link != old_link
    assert not choose_password(old_link)
    assert choose_password(new_link)
    assert can_log_in(account.username, NEW_PASSWORD)

    entry = ModelLogEntry.objects.get(
        object_id=str(account.pk), action="monbilan.account.invitation_resent"
    )
    assert entry.user == world.admin
    assert entry.data == {"provisional_password_withdrawn": False}


def test_a_provisional_password_is_withdrawn_and_said_so(
    client_as, world, django_capture_on_commit_callbacks
):
    account = invited_conseiller(world, password="nouveau.conseiller")
    admin = client_as("admin")
    page = text(admin.get(f"/admin/conseillers/edit/{account.pk}/"))
    assert "le mot de passe provisoire choisi à la création ne fonctionneront plus" in (
        page
    )
    with django_capture_on_commit_callbacks(execute=True):
        resend(admin, account)
    page = text(admin.get(f"/admin/conseillers/edit/{account.pk}/"))
    assert "ni le mot de passe provisoire choisi à la création" in page
    assert not can_log_in(account.username, "nouveau.conseiller")
    assert ModelLogEntry.objects.get(
        object_id=str(account.pk), action="monbilan.account.invitation_resent"
    ).data == {"provisional_password_withdrawn": True}


def test_no_button_once_logged_in_and_a_late_post_is_refused(client_as, world):
    account = invited_conseiller(world)
    Client().force_login(account)  # their first login
    admin = client_as("admin")
    page = text(admin.get(f"/admin/conseillers/edit/{account.pk}/"))
    assert "Renvoyer l'invitation" not in page
    response = resend(admin, account)
    assert response.status_code == 302
    page = text(admin.get(response["Location"]))
    assert "Ce compte s'est déjà connecté" in page
    assert len(mail.outbox) == 1  # the creation's only


def test_a_blocked_account_is_refused(client_as, world):
    account = invited_conseiller(world)
    account.is_active = False
    account.save()
    admin = client_as("admin")
    page = text(admin.get(f"/admin/conseillers/edit/{account.pk}/"))
    assert "Renvoyer l'invitation" not in page
    resend(admin, account)
    page = text(admin.get(f"/admin/conseillers/edit/{account.pk}/"))
    assert "débloquez-le avant de renvoyer l'invitation" in page
    assert len(mail.outbox) == 1


@pytest.mark.mail_links_unchecked(reason="the candidate's account is changed")
def test_a_candidate_from_the_admin(
    client_as, world, django_capture_on_commit_callbacks
):
    admin = client_as("admin")
    account_page = f"/admin/candidats/compte/{world.candidat.pk}/"
    assert "Renvoyer l'invitation" in text(admin.get(account_page))
    with django_capture_on_commit_callbacks(execute=True):
        response = resend(admin, world.candidat)
    assert response["Location"] == account_page
    assert mail.outbox[0].to == [world.candidat.email]


def test_an_administrator_by_a_superuser(
    client_as, world, django_capture_on_commit_callbacks
):
    root = client_as("superuser")
    page = text(root.get(f"/admin/administrateurs/edit/{world.admin.pk}/"))
    assert "Renvoyer l'invitation" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = resend(root, world.admin)
    assert response["Location"] == f"/admin/administrateurs/edit/{world.admin.pk}/"
    assert mail.outbox[0].to == [world.admin.email]


@pytest.mark.parametrize(
    ("who", "whom"),
    [
        ("admin_toulouse", "conseiller"),
        ("admin_toulouse", "candidat"),
        ("admin", "conseiller_toulouse"),
        ("admin", "admin_toulouse"),
        ("admin", "superuser"),
    ],
)
def test_outside_what_they_manage_is_a_404(client_as, world, who, whom):
    account = getattr(world, whom)
    assert resend(client_as(who), account).status_code == 404
    assert not mail.outbox


def test_get_is_not_allowed(client_as, world):
    response = client_as("admin").get(
        f"/admin/comptes/{world.conseiller.pk}/renvoyer-l-invitation/"
    )
    assert response.status_code == 405


# --- On the site: the conseiller's candidate ---------------------------------


def site_resend(client, world):
    return client.post(
        f"/comptes/{world.candidat.pk}/renvoyer-l-invitation/",
        {"next": f"/bilans/{world.bilan.pk}/"},
    )


def test_the_conseiller_resends_to_their_candidate(
    client_as, world, django_capture_on_commit_callbacks
):
    conseiller = client_as("conseiller")
    bilan_page = f"/bilans/{world.bilan.pk}/"
    assert "Renvoyer l'invitation" in text(conseiller.get(bilan_page))
    with django_capture_on_commit_callbacks(execute=True):
        response = site_resend(conseiller, world)
    assert response.status_code == 302 and response["Location"] == bilan_page
    page = text(conseiller.get(bilan_page))
    assert f"Un nouveau lien a été envoyé à {world.candidat.email}" in page
    (message,) = mail.outbox
    assert message.to == [world.candidat.email]
    (link,) = links(message)
    assert choose_password(link)
    # Logged in now: the button is gone.
    assert can_log_in(world.candidat.username, NEW_PASSWORD)
    assert "Renvoyer l'invitation" not in text(conseiller.get(bilan_page))


def test_only_the_candidates_own_conseiller(client_as, world):
    for role in ("autre_conseiller", "referent", "admin", "candidat"):
        assert site_resend(client_as(role), world).status_code == 404, role
    assert not mail.outbox


def test_a_foreign_next_is_not_followed(client_as, world):
    response = client_as("conseiller").post(
        f"/comptes/{world.candidat.pk}/renvoyer-l-invitation/",
        {"next": "https://ailleurs.example/"},
    )
    assert response["Location"] == "/tableau-de-bord/"
