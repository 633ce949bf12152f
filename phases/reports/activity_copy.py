"""The activity CSV at the database's speed, on PostgreSQL (issue 16).

The rows of `activity_rows` computed by PostgreSQL itself and streamed by
`COPY (…) TO STDOUT (FORMAT csv, DELIMITER ';')` through psycopg 3's
`cursor.copy()`: the same scoped, filtered queryset as the screen, the labels,
the hours, the dates and the formula neutralisation in SQL, the phases as
`StringAgg` subqueries. The bytes are those of the Python path (a test compares
them): empty cells become NULL so that COPY leaves them unquoted, and each row's
"\\n" becomes the "\\r\\n" of Python's csv module (COPY sends one message per
row, so the row's end is the message's end).

Nothing here reads the content of an answer: submissions are read by status.
"""

from django.contrib.postgres.aggregates import StringAgg
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    Func,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, NullIf, TruncDate
from django.utils import timezone

from ..hours import REALISE
from ..models import Bilan, BilanPhase, PhaseSubmission, RendezVous
from .activity import last_activity_annotation

#: Bytes handed to the response at a time.
CHUNK = 64 * 1024

#: What Python's `str.strip()` removes (`str.isspace()`), for the conseiller's name.
PY_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def supported():
    """COPY is PostgreSQL's: elsewhere the export keeps the Python path."""
    return connection.vendor == "postgresql"


class Cell(Func):
    """A text cell: `neutralise_formula` in SQL (a quote before = + - @ tab or CR
    at the start), and NULL when empty (COPY quotes "" but not NULL). The
    expression is read once: a subquery is not run twice."""

    template = (
        "NULLIF(regexp_replace(%(expressions)s, '^([=+\\-@\\t\\r])', '''\\1'), '')"
    )
    output_field = CharField()


class ToChar(Func):
    function = "to_char"
    output_field = CharField()


class StripLikePython(Func):
    """`str.strip()` in SQL: btrim of `PY_WHITESPACE`, spelled with chr() so that
    the statement stays on one line and tokenizes anywhere (`psql \\copy`)."""

    template = "btrim(%(expressions)s, {})".format(
        " || ".join(f"chr({ord(char)})" for char in PY_WHITESPACE)
    )
    output_field = CharField()


class HoursText(Func):
    """`format_minutes` of an integer expression: « 7 h 30 », « 24 h »."""

    template = (
        "(CASE WHEN mod(%(expressions)s, 60) = 0 "
        "THEN (floor(%(expressions)s / 60.0)::bigint)::text || ' h' "
        "ELSE (floor(%(expressions)s / 60.0)::bigint)::text || ' h ' || "
        "lpad(((%(expressions)s) - 60 * floor(%(expressions)s / 60.0)::bigint)::text,"
        " 2, '0') END)"
    )
    output_field = CharField()


def _phase_titles(done_only=False):
    """The bilan's selected phases (or only the terminée / validée ones), their
    titles joined by ", " in the bilan's order."""
    done = Exists(
        PhaseSubmission.objects.filter(
            bilan_id=OuterRef("bilan_id"),
            phase_id=OuterRef("phase_id"),
            status__in=PhaseSubmission.DONE,
        )
    )
    return Subquery(
        BilanPhase.objects.filter(bilan=OuterRef("pk"))
        .order_by()
        .values("bilan")
        .annotate(
            titles=StringAgg(
                "phase__title",
                ", ",
                order_by=("position", "pk"),
                filter=done if done_only else None,
            )
        )
        .values("titles"),
        output_field=CharField(),
    )


def _realised_text():
    """The hours réalisées as text, formatted inside their own subquery (the sum is
    computed once), « 0 h » without any réalisé rendez-vous."""
    hours = (
        RendezVous.objects.filter(bilan=OuterRef("pk"), status=REALISE)
        .order_by()
        .values("bilan")
        .annotate(total=Sum("actual_minutes"))
        .annotate(text=HoursText(F("total")))
        .values("text")
    )
    return Coalesce(Subquery(hours, output_field=CharField()), Value("0 h"))


def copy_queryset(queryset):
    """The activity queryset as the CSV's cells, one text (or int) per column,
    in the order of `ACTIVITY_COLUMNS`."""
    modalite = Case(
        *(
            When(modalite=value, then=Value(str(label)))
            for value, label in Bilan.Modalite.choices
        ),
        default=F("modalite"),
        output_field=CharField(),
    )
    conseiller = Coalesce(
        NullIf(
            StripLikePython(
                Concat(
                    "conseiller__first_name",
                    Value(" "),
                    "conseiller__last_name",
                    output_field=CharField(),
                )
            ),
            Value(""),
        ),
        "conseiller__username",
        output_field=CharField(),
    )
    day = Value("DD/MM/YYYY")
    return (
        queryset.prefetch_related(None)
        .annotate(
            csv_dabm=Cell("dabm__name"),
            csv_conseiller=Cell(conseiller),
            csv_modalite=Cell(modalite),
            csv_phases=Cell(_phase_titles()),
            csv_done=Cell(_phase_titles(done_only=True)),
            csv_heures=Cell(_realised_text()),
            csv_debut=Cell(ToChar("start_date", day)),
            csv_derniere=Cell(
                ToChar(
                    TruncDate(
                        last_activity_annotation(),
                        tzinfo=timezone.get_current_timezone(),
                    ),
                    day,
                )
            ),
        )
        .values_list(
            "candidate_id",
            "csv_dabm",
            "csv_conseiller",
            "csv_modalite",
            "csv_phases",
            "csv_done",
            "csv_heures",
            "csv_debut",
            "csv_derniere",
        )
    )


def copy_statement(queryset):
    """The COPY statement of the queryset, its parameters bound on the client by
    psycopg (COPY takes no bind parameters): every value is quoted by psycopg's
    adapters, never formatted into the text by us."""
    from psycopg import ClientCursor

    sql, params = copy_queryset(queryset).query.sql_with_params()
    with connection.cursor() as cursor:
        raw = cursor.connection  # the psycopg connection under Django's wrapper
        select = ClientCursor(raw).mogrify(sql, params)
    return f"COPY ({select}) TO STDOUT (FORMAT csv, DELIMITER ';', QUOTE '\"')"


def stream_rows(queryset, chunk=CHUNK):
    """The CSV's rows as bytes, about `chunk` bytes at a time, as PostgreSQL sends
    them (memory stays flat: one chunk in hand)."""
    statement = copy_statement(queryset)
    buffer = bytearray()
    if connection.queries_logged:
        # `cursor.copy()` is psycopg's, below Django's debug cursor: logged here,
        # so that query counts (tests, debug toolbar) see it.
        connection.queries_log.append({"sql": statement, "time": "0.000"})
    with connection.cursor() as cursor:
        with cursor.cursor.copy(statement) as copy:
            for row in copy:
                # One message per row, ending with "\n": Python's csv ends with "\r\n".
                buffer += row[:-1]
                buffer += b"\r\n"
                if len(buffer) >= chunk:
                    yield bytes(buffer)
                    buffer.clear()
    if buffer:
        yield bytes(buffer)
