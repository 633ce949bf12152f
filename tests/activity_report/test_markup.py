"""The « Indicateurs de résultats » block and the report's admin page are valid
HTML for the Nu HTML Checker (tests/markup/vnu.py), with figures and masked ones."""

import pytest

from tests.markup.vnu import missing_tools, validate
from tests.questionnaires.helpers import plant_responses, questionnaire

from .helpers import plant_bilans, report_for
from .test_block import page_with

pytestmark = pytest.mark.django_db


def test_the_public_block_is_valid_html(client, world, phases, tmp_path):
    problem = missing_tools()
    assert not problem, problem
    plant_bilans(world.conseiller, 6, phases=phases)
    plant_responses(questionnaire(), world.conseiller, 5)
    full = report_for(world.montpellier, title="Indicateurs complets")
    masked = report_for(world.toulouse, title="Indicateurs masqués")
    pages = {
        "bloc avec chiffres": client.get(page_with(full).url).content.decode(),
        "bloc masqué": client.get(page_with(masked).url).content.decode(),
    }
    client.force_login(world.admin)
    pages["page du rapport (admin)"] = client.get(
        f"/admin/rapports-activite/inspect/{full.pk}/"
    ).content.decode()
    assert "Indicateurs complets" in pages["bloc avec chiffres"]
    errors = validate(pages, tmp_path)
    assert not errors, errors
