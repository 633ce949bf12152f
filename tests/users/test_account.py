import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from users.models import User

from ..factories import PASSWORD

ACCOUNT_URL = reverse("users:account")


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


def base_data(user, **overrides):
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
    }
    data.update(overrides)
    return data


def test_mon_compte_needs_login(client, db):
    response = client.get(ACCOUNT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("users:login"))


def test_mon_compte_link_is_in_the_header_for_every_role(client_as):
    for role in ["candidat", "conseiller", "referent"]:
        content = client_as(role).get(reverse("dashboard")).content.decode()
        assert "Mon compte" in content
        assert "Se déconnecter" in content


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "Zoé"),
        ("last_name", "Durand-Lefort"),
        ("email", "zoe@exemple.fr"),
    ],
)
def test_each_field_is_saved(client_as, world, field, value):
    client = client_as("candidat")
    data = base_data(world.candidat, **{field: value})
    if field == "email":
        data["current_password"] = PASSWORD
    response = client.post(ACCOUNT_URL, data)
    assert response.status_code == 302
    world.candidat.refresh_from_db()
    assert getattr(world.candidat, field) == value
    page = client.get(ACCOUNT_URL).content.decode()
    assert "Vos informations ont été enregistrées" in page
    assert "Enregistrer" in page


def test_email_of_another_account_is_refused(client_as, world):
    client = client_as("candidat")
    response = client.post(
        ACCOUNT_URL, base_data(world.candidat, email="CONSEILLER@exemple.fr")
    )
    assert response.status_code == 200
    assert "déjà utilisée" in response.content.decode()
    world.candidat.refresh_from_db()
    assert world.candidat.email == "candidat@exemple.fr"


def test_own_email_in_another_case_is_not_another_account(client_as, world):
    response = client_as("candidat").post(
        ACCOUNT_URL,
        base_data(
            world.candidat, email="Candidat@exemple.fr", current_password=PASSWORD
        ),
    )
    assert response.status_code == 302
    world.candidat.refresh_from_db()
    assert world.candidat.email == "Candidat@exemple.fr"


def test_avatar_upload_is_shown_in_the_header_and_served_privately(
    client_as, world, client
):
    session = client_as("candidat")
    upload = SimpleUploadedFile("moi.png", png_bytes(), content_type="image/png")
    response = session.post(
        ACCOUNT_URL, {**base_data(world.candidat), "avatar": upload}
    )
    assert response.status_code == 302
    world.candidat.refresh_from_db()
    assert world.candidat.avatar
    avatar_url = reverse("users:avatar", args=[world.candidat.pk])
    assert avatar_url in session.get(reverse("dashboard")).content.decode()
    response = session.get(avatar_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    # Their conseiller may see it; a candidate of someone else may not.
    session.force_login(world.conseiller)
    assert session.get(avatar_url).status_code == 200
    session.force_login(world.autre_candidat)
    assert session.get(avatar_url).status_code == 404
    session.logout()
    assert session.get(avatar_url).status_code == 302


def test_non_image_avatar_is_refused_and_typed_values_kept(client_as, world):
    client = client_as("candidat")
    upload = SimpleUploadedFile("virus.png", b"pas une image", content_type="image/png")
    response = client.post(
        ACCOUNT_URL,
        {**base_data(world.candidat, first_name="Nouveau"), "avatar": upload},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Téléversez une image valide" in content
    assert 'value="Nouveau"' in content
    world.candidat.refresh_from_db()
    assert not world.candidat.avatar
    assert world.candidat.first_name != "Nouveau"


def test_oversized_avatar_is_refused(client_as, world, settings):
    settings.AVATAR_MAX_BYTES = 100
    client = client_as("candidat")
    upload = SimpleUploadedFile("grand.png", png_bytes((200, 200)), "image/png")
    response = client.post(ACCOUNT_URL, {**base_data(world.candidat), "avatar": upload})
    assert response.status_code == 200
    assert "trop lourde" in response.content.decode()


def test_password_change(client_as, world):
    client = client_as("candidat")
    new = "Encore-un-mot-de-passe-2026"
    response = client.post(
        ACCOUNT_URL,
        {
            **base_data(world.candidat),
            "current_password": PASSWORD,
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert response.status_code == 302
    world.candidat.refresh_from_db()
    assert world.candidat.check_password(new)
    # This session stays open after the change.
    assert client.get(ACCOUNT_URL).status_code == 200


def test_password_mismatch_is_refused(client_as, world):
    client = client_as("candidat")
    response = client.post(
        ACCOUNT_URL,
        {
            **base_data(world.candidat),
            "current_password": PASSWORD,
            "new_password1": "Encore-un-mot-de-passe-2026",
            "new_password2": "Autre-chose-completement-2026",
        },
    )
    assert response.status_code == 200
    assert "ne correspondent pas" in response.content.decode()
    assert User.objects.get(pk=world.candidat.pk).check_password(PASSWORD)


def test_password_change_needs_the_current_password(client_as, world):
    client = client_as("candidat")
    new = "Encore-un-mot-de-passe-2026"
    response = client.post(
        ACCOUNT_URL,
        {
            **base_data(world.candidat),
            "current_password": "faux",
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert response.status_code == 200
    assert "mot de passe actuel est incorrect" in response.content.decode()
    assert User.objects.get(pk=world.candidat.pk).check_password(PASSWORD)


def test_page_with_an_avatar_never_links_the_private_file(client_as, world):
    client = client_as("candidat")
    upload = SimpleUploadedFile("moi.png", png_bytes(), content_type="image/png")
    client.post(ACCOUNT_URL, {**base_data(world.candidat), "avatar": upload})
    response = client.get(ACCOUNT_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Une image est enregistrée" in content
    assert "avatars/" not in content
    # Clearing it removes the image.
    response = client.post(
        ACCOUNT_URL, {**base_data(world.candidat), "avatar-clear": "on"}
    )
    assert response.status_code == 302
    world.candidat.refresh_from_db()
    assert not world.candidat.avatar


def _label(html, for_id):
    match = re.search(rf'<label[^>]*for="{for_id}"[^>]*>(.*?)</label>', html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip()


def test_the_current_password_is_not_labelled_optional(client_as):
    html = client_as("candidat").get(ACCOUNT_URL).content.decode()
    label = _label(html, "id_current_password")
    assert label.startswith("Mot de passe actuel")
    assert "Optionnel" not in label
    assert "Obligatoire pour changer votre adresse de courriel" in label
    # Not a browser-required field: changing one's name needs no password.
    assert not re.search(r'<input[^>]*name="current_password"[^>]*required', html)


def test_changing_the_email_needs_the_current_password(client_as, world):
    client = client_as("candidat")
    new = base_data(world.candidat, email="nouvelle@exemple.fr")
    missing = client.post(ACCOUNT_URL, new)
    assert missing.status_code == 200
    assert "Saisissez votre mot de passe actuel" in missing.content.decode()
    wrong = client.post(ACCOUNT_URL, {**new, "current_password": "faux"})
    assert "mot de passe actuel est incorrect" in wrong.content.decode()
    assert User.objects.get(pk=world.candidat.pk).email == "candidat@exemple.fr"
    right = client.post(ACCOUNT_URL, {**new, "current_password": PASSWORD})
    assert right.status_code == 302
    assert User.objects.get(pk=world.candidat.pk).email == "nouvelle@exemple.fr"
    # The name alone still changes without it.
    world.candidat.refresh_from_db()
    name = client.post(ACCOUNT_URL, base_data(world.candidat, first_name="Zoé"))
    assert name.status_code == 302


def test_an_avatar_chosen_on_a_failing_form_is_asked_for_again(client_as, world):
    client = client_as("candidat")
    upload = SimpleUploadedFile("moi.png", png_bytes(), content_type="image/png")
    response = client.post(
        ACCOUNT_URL,
        {**base_data(world.candidat, email="CONSEILLER@exemple.fr"), "avatar": upload},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "choisissez-la de nouveau" in html
    # No image is stored: nothing points to one (it answered 404: a broken image).
    avatar_url = reverse("users:avatar", args=[world.candidat.pk])
    assert avatar_url not in html
    assert "Une image est enregistrée" not in html
    assert not User.objects.get(pk=world.candidat.pk).avatar


def test_a_failing_form_keeps_showing_the_stored_avatar(client_as, world):
    client = client_as("candidat")
    first = SimpleUploadedFile("moi.png", png_bytes(), content_type="image/png")
    client.post(ACCOUNT_URL, {**base_data(world.candidat), "avatar": first})
    second = SimpleUploadedFile("autre.png", png_bytes((60, 60)), "image/png")
    response = client.post(
        ACCOUNT_URL,
        {**base_data(world.candidat, email="CONSEILLER@exemple.fr"), "avatar": second},
    )
    html = response.content.decode()
    avatar_url = reverse("users:avatar", args=[world.candidat.pk])
    srcs = re.findall(r'<img[^>]*src="([^"]+)"', html)
    assert avatar_url in srcs
    assert all(client.get(src).status_code == 200 for src in srcs if "avatar" in src)
    assert "Une image est enregistrée" in html
    assert "choisissez-la de nouveau" in html


def test_the_avatar_field_is_the_dsfr_upload_component(client_as):
    html = client_as("candidat").get(ACCOUNT_URL).content.decode()
    assert re.search(r'<div class="fr-upload-group[^"]*">\s*<label', html)
    assert re.search(r'<input type="file" name="avatar"[^>]*class="fr-upload"', html)
    # A French face over the browser's own "Choose File" (static/js/upload.js).
    assert "Choisir une image" in html
    assert "/static/js/upload.js" in html
