"""The conseiller plans a rendez-vous; the candidate sees it in « Mes rendez-vous »
and receives the invitation. Once it has taken place, the conseiller marks it
« Réalisé » and the candidate confirms their presence, the hours line moving —
in a real browser, by visible labels."""

import datetime
import os
import re
from pathlib import Path

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from phases.models import RendezVous
from phases.templatetags.french_dates import french_datetime, jour_heure_fr
from tests.e2e.helpers import E2E

pytestmark = E2E


def test_the_conseiller_plans_and_the_candidate_sees_it(page, login, world):
    day = timezone.localdate() + datetime.timedelta(days=7)
    when = french_datetime(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(14, 0)))
    )

    login("conseiller")
    page.goto(f"/bilans/{world.bilan.pk}/")
    page.get_by_role("link", name="Planifier un rendez-vous").click()
    expect(
        page.get_by_role("heading", name="Planifier un rendez-vous", level=1)
    ).to_be_visible()
    page.get_by_label("Type d'entretien").select_option(
        label="Entretien d'investigation"
    )
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Heure de début").fill("14:00")
    page.get_by_label("Durée").select_option(label="1 heure 30")
    page.get_by_text("Visioconférence", exact=True).click()
    page.get_by_label("Lien de la visioconférence").fill(
        "https://visio.example.org/bilan"
    )
    page.get_by_role("button", name="Planifier le rendez-vous").click()
    expect(page.get_by_text("Le rendez-vous est planifié")).to_be_visible()
    expect(page.get_by_text(when, exact=True)).to_be_visible()
    rendezvous = RendezVous.objects.get()
    assert rendezvous.duration_minutes == 90

    (message,) = [m for m in mail.outbox if m.to == [world.candidat.email]]
    assert when in message.subject
    assert any(
        part.get_content_type() == "text/calendar" for part in message.message().walk()
    )

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    login("candidat")
    page.goto("/tableau-de-bord/")
    expect(page.get_by_role("heading", name="Mes rendez-vous")).to_be_visible()
    expect(page.get_by_text(when, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Demander un autre créneau")).to_be_visible()
    capture(page, "rendez-vous-candidat")


def test_the_conseiller_marks_it_realise_and_the_candidate_confirms(page, login, world):
    held = RendezVous.objects.create(
        bilan=world.bilan,
        kind=RendezVous.Kind.INVESTIGATION,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
        duration_minutes=90,
        modalite=RendezVous.Modalite.PRESENTIEL,
        place="DABM de Lunel, salle 2",
    )
    when = jour_heure_fr(held.starts_at)

    login("conseiller")
    page.goto(f"/bilans/{world.bilan.pk}/")
    panel = page.get_by_role("region", name="Émargement des rendez-vous")
    expect(panel.get_by_text("Heures réalisées : 0 h sur 24 h")).to_be_visible()
    capture(page, "emargement-conseiller-avant")
    panel.get_by_role("link", name=f"Marquer ce rendez-vous — {when}").click()
    expect(
        page.get_by_role("heading", name="Émargement du rendez-vous", level=1)
    ).to_be_visible()
    page.get_by_label("Réalisé", exact=True).check()
    # The planned duration is offered; the rendez-vous lasted 1 h 30 as planned.
    expect(page.get_by_label("Durée réelle, en minutes")).to_have_value("90")
    capture(page, "emargement-marquer")
    page.get_by_role("button", name="Enregistrer l'émargement").click()
    expect(
        page.get_by_text("L'émargement du rendez-vous est enregistré.")
    ).to_be_visible()
    panel = page.get_by_role("region", name="Émargement des rendez-vous")
    expect(panel.get_by_text("Heures réalisées : 1 h 30 sur 24 h")).to_be_visible()
    expect(panel.get_by_text("Réalisé", exact=True)).to_be_visible()
    capture(page, "emargement-conseiller-apres")
    held.refresh_from_db()
    assert (held.status, held.actual_minutes) == (RendezVous.Status.REALISE, 90)
    assert held.marked_at is not None and held.confirmed_at is None

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    login("candidat")
    page.goto("/tableau-de-bord/")
    panel = page.get_by_role("region", name="Émargement des rendez-vous")
    expect(panel.get_by_text("Heures réalisées : 1 h 30 sur 24 h")).to_be_visible()
    confirm = panel.get_by_role("button", name=f"Je confirme ma présence — {when}")
    expect(confirm).to_be_visible()
    capture(page, "emargement-candidat")
    confirm.click()
    expect(page.get_by_text("Votre présence est confirmée.")).to_be_visible()
    panel = page.get_by_role("region", name="Émargement des rendez-vous")
    expect(panel.get_by_text("Aucun rendez-vous à confirmer.")).to_be_visible()
    expect(
        panel.get_by_text(re.compile(rf" du {when} : présence confirmée le .+\."))
    ).to_be_visible()
    expect(panel.get_by_text("Heures réalisées : 1 h 30 sur 24 h")).to_be_visible()
    expect(
        page.get_by_role("button", name=re.compile("Je confirme ma présence"))
    ).to_have_count(0)
    capture(page, "emargement-candidat-confirme")
    held.refresh_from_db()
    assert held.confirmed_at is not None


def capture(page, name):
    """Under SCREENSHOTS_DIR, the page at 1280 and 375 px, to be looked at;
    at both widths nothing scrolls sideways. The journey then goes on at the
    width it had (on a phone, « Se déconnecter » hides in the menu)."""
    folder = os.environ.get("SCREENSHOTS_DIR")
    size = page.viewport_size
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        assert page.evaluate(
            "document.documentElement.scrollWidth"
            " <= document.documentElement.clientWidth"
        ), f"{name} scrolls sideways at {width} px"
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=Path(folder) / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size(size)
