"""The activity CSV by PostgreSQL's COPY: the bytes of the Python path (issue 16)."""

import csv
import datetime
import io
import sys

from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

import pytest

from phases.models import PhaseSubmission, RendezVous
from phases.reports import activity_copy
from phases.reports.activity import activity_queryset
from phases.reports.views import ActivityReportView
from phases.rules.bilans import create_bilan
from users.models import User

from ..factories import ConseillerFactory, DabmFactory, UserFactory

ACTIVITY = "/admin/activite/"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's"
)


def test_python_whitespace_is_what_str_strip_removes():
    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert set(activity_copy.PY_WHITESPACE) == set(spaces)


def python_bytes(world, params):
    """The same export written by Python (SQLite's path), header included."""
    request = RequestFactory().get(ACTIVITY, {**params, "export": "csv"})
    request.user = world.admin
    view = ActivityReportView()
    view.setup(request)
    queryset = view.get_filtered_queryset()
    stream = view.stream_csv(queryset)
    head = next(stream) + next(stream)  # the BOM and the header row
    return head + b"".join(view.stream_csv_rows(queryset))


def rendezvous(bilan, status, actual=None, minutes=60):
    return RendezVous.objects.create(
        bilan=bilan,
        kind=RendezVous.Kind.values[0],
        starts_at=timezone.now() - datetime.timedelta(days=3),
        duration_minutes=minutes,
        modalite=RendezVous.Modalite.values[0],
        status=status,
        actual_minutes=actual,
    )


@pytest.fixture
def varied(world, phases):
    """Several DABMs, every status, names that need quoting or neutralising."""
    phases[0].title = '=Contexte; "de" la demande'
    phases[1].title = "+Retour\nhistorique"
    phases[2].title = "@Phase\r; tab\t"
    for phase in phases[:3]:
        phase.save(update_fields=["title"])
    world.lunel.name = '-Lunel; "l\'étang"'
    world.lunel.save(update_fields=["name"])
    odd = DabmFactory(academie=world.montpellier, name="\tMauguio\nNord")
    names = [
        ('=HYPERLINK("x")', "Dupont"),
        ("", ""),  # no name: the username
        ("  Anne ", "\n"),  # stripped as Python strips
        ("Jo;sé", 'O"Brien'),
        ("\rRose", "Line\r\nBreak"),
        ("Ève", "-Martin"),
    ]
    conseillers = [world.conseiller, world.autre_conseiller, world.referent]
    for index, (first, last) in enumerate(names):
        conseillers.append(
            ConseillerFactory(
                username=f"c.{index}@ex.fr",
                first_name=first,
                last_name=last,
                dabm=[world.lunel, world.sete, odd][index % 3],
            )
        )
    statuses = list(PhaseSubmission.Status.values)
    modalites = ["presentiel", "distance", "mixte"]
    for index in range(40):
        conseiller = conseillers[index % len(conseillers)]
        candidate = UserFactory(username=f"v.{index}", dabm=conseiller.dabm)
        bilan = create_bilan(
            candidate=candidate,
            conseiller=conseiller,
            modalite=modalites[index % 3],
            phases=phases[index % 3 : index % 3 + index % 6],  # some have none
        )
        for offset, phase in enumerate(phases[: index % 5]):
            PhaseSubmission.objects.create(
                bilan=bilan,
                phase=phase,
                status=statuses[(index + offset) % len(statuses)],
                answers={"x": "secret"},
            )
        if index % 4 == 0:
            rendezvous(bilan, RendezVous.Status.REALISE, actual=90)
            rendezvous(bilan, RendezVous.Status.REALISE, actual=45)
        elif index % 4 == 1:
            rendezvous(bilan, RendezVous.Status.REALISE, actual=60)
            rendezvous(bilan, RendezVous.Status.PLANIFIE)
        elif index % 4 == 2:
            rendezvous(bilan, RendezVous.Status.REALISE, actual=5)
    # Another académie: never in Montpellier's export.
    for index in range(5):
        candidate = UserFactory(
            username=f"t.{index}", dabm=world.conseiller_toulouse.dabm
        )
        create_bilan(
            candidate=candidate,
            conseiller=world.conseiller_toulouse,
            modalite="mixte",
            phases=phases,
        )
    return world


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"modalite": "distance"},
        {"dabm": "lunel"},
        {"phase_terminee": "first"},
        {"phase_non_terminee": "first", "modalite": "mixte"},
        {"identifiant": "v.7"},
        {"identifiant": "number of v.8"},
    ],
)
def test_copy_writes_the_bytes_of_the_python_path(client_as, varied, phases, params):
    params = dict(params)
    if params.get("dabm") == "lunel":
        params["dabm"] = varied.lunel.pk
    for key in ("phase_terminee", "phase_non_terminee"):
        if key in params:
            params[key] = phases[0].pk
    if params.get("identifiant", "").startswith("number of "):
        username = params["identifiant"].removeprefix("number of ")
        params["identifiant"] = str(User.objects.get(username=username).pk)
    response = client_as("admin").get(ACTIVITY, {**params, "export": "csv"})
    assert response.status_code == 200
    copied = b"".join(response.streaming_content)
    expected = python_bytes(varied, params)
    assert copied == expected
    text = copied.decode("utf-8-sig")
    assert "Toulouse" not in text
    assert text.count("\r\n") >= 2 or params  # a header and rows
    if "identifiant" in params:
        # One candidate: the header and their row.
        assert len(list(csv.reader(io.StringIO(text), delimiter=";"))) == 2
    if not params:
        # The varied world is in it: quoting, neutralising, hours.
        assert '"\'=Contexte; ""de"" la demande' in text
        assert "'-Lunel" in text
        assert "2 h 15" in text and "0 h 05" in text and ";1 h;" in text


def test_copy_chunks_are_64_kib(client_as, varied):
    queryset = activity_queryset(varied.admin)
    chunks = list(activity_copy.stream_rows(queryset, chunk=256))
    assert len(chunks) > 1
    assert all(len(chunk) >= 256 for chunk in chunks[:-1])
    assert all(chunk.endswith(b"\r\n") for chunk in chunks)
    assert activity_copy.CHUNK == 64 * 1024


def test_the_export_is_one_copy_whatever_the_rows(
    client_as, varied, django_assert_max_num_queries
):
    client = client_as("admin")
    with django_assert_max_num_queries(12) as export:
        response = client.get(ACTIVITY, {"export": "csv"})
        body = b"".join(response.streaming_content)
    assert body.count(b"\r\n") > 40
    statements = [query["sql"] for query in export.captured_queries]
    assert sum(sql.startswith("COPY (") for sql in statements) == 1
    # No query per chunk: the phases come inside the COPY.
    assert not any(
        "phases_bilanphase" in sql for sql in statements if not sql.startswith("COPY")
    )
