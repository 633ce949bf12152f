# ruff: noqa: T201 (a command-line script: it prints its results)
"""A year's « Rapport d'activité » for 50,000 bilans: how long its figures take.

On PostgreSQL, in its own database (`BENCH_DB`, default monbilan_rapport): the
data made by `manage.py generate_data` (1 académie, 5 DABM, 10 conseillers per
DABM, four phase submissions per bilan; it ends with ANALYZE), then shaped into
a year: start dates spread over 2026, one bilan in three closed after 1 to 120
days, one in twenty archived (abandoned), two rendez-vous réalisés per bilan and
a satisfaction questionnaire answered for every closed one. Then
`ActivityReport.recompute` (what creating the report and « Recalculer » run):
one warm-up, `--runs` timed, median and spread printed with the query count,
as Markdown for the notes.

    python -m bench.activity_report [--candidates 50000] [--runs 5] [--reuse]

`--reuse` keeps the generated bilans and shapes them again (idempotent).
"""

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("BENCH_DB", "monbilan_rapport")

from bench.common import DB_NAME, django_setup, manage, recreate_database  # noqa: E402

YEAR = 2026


def generate(candidates):
    recreate_database()
    manage("migrate", "--no-input", quiet=True)
    manage(
        "generate_data",
        "--academies", "1", "--dabms", "5", "--conseillers", "10",
        "--candidates", str(candidates), "--submissions", "4",
    )  # fmt: skip


def shape_year():
    """Dates, closings, abandons, rendez-vous and responses, in set-based SQL
    (and one bulk insert of responses): seconds, not hours."""
    from django.db import connection
    from django.utils import timezone

    from questionnaires.content import install_questionnaires, installed_questionnaire
    from questionnaires.models import QuestionnairePage, QuestionnaireResponse

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE phases_bilan SET start_date = DATE %s + (id %% 330)::int",
            [f"{YEAR}-01-01"],
        )
        cursor.execute(
            "UPDATE phases_bilan SET status = 'termine', "
            "end_date = LEAST(start_date + 1 + (id %% 120)::int, DATE %s) "
            "WHERE id %% 3 = 0",
            [f"{YEAR}-12-31"],
        )
        cursor.execute(
            "UPDATE phases_bilan SET status = 'archive', end_date = start_date + 30 "
            "WHERE id %% 20 = 1",
            [],
        )
        cursor.execute("DELETE FROM phases_rendezvous")
        cursor.execute(
            """
            INSERT INTO phases_rendezvous (bilan_id, kind, starts_at, duration_minutes,
                modalite, place, link, note, status, actual_minutes, marked_at,
                uid, sequence, created_at, updated_at)
            SELECT b.id, 'investigation',
                   b.start_date + n * 7 + TIME '10:00', 90, 'presentiel', '', '', '',
                   'realise', 60 + (b.id %% 4) * 15, now(), gen_random_uuid(), 0,
                   now(), now()
            FROM phases_bilan b CROSS JOIN generate_series(1, 2) AS n
            """,
            [],
        )
    install_questionnaires()
    page = installed_questionnaire(QuestionnairePage.Kind.SATISFACTION)
    answers = {}
    for child in page.questions():
        rows = child.block.tally_rows(child.value)
        if rows and rows[0][0] == "":
            answers[child.id] = rows[0][2][0]
        elif rows:
            answers[child.id] = {key: options[0] for key, _label, options in rows}
    QuestionnaireResponse.objects.filter(questionnaire=page).delete()
    from phases.models import Bilan

    closed = Bilan.objects.filter(status=Bilan.Status.TERMINE).values_list(
        "pk", "end_date"
    )
    QuestionnaireResponse.objects.bulk_create(
        (
            QuestionnaireResponse(
                questionnaire=page,
                bilan_id=pk,
                answers=answers,
                questions={},
                submitted_at=timezone.make_aware(
                    timezone.datetime.combine(end, timezone.datetime.min.time())
                ),
            )
            for pk, end in closed.iterator()
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from activity_report.models import ActivityReport
    from phases.models import Bilan
    from users.models import Academie

    academie = Academie.objects.order_by("-pk").first()
    report = ActivityReport(
        title=f"Rapport d'activité {YEAR}", academie=academie, year=YEAR
    )
    bilans = Bilan.objects.filter(dabm__academie=academie).count()
    report.recompute()  # warm-up: caches, the page tree's StreamFields
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            report.recompute()
        timings.append(time.perf_counter() - started)
    everything = report.figures["groups"][0]
    return {
        "bilans": bilans,
        "queries": len(queries),
        "median": statistics.median(timings),
        "min": min(timings),
        "max": max(timings),
        "started": everything["started"],
        "closed": everything["closed"],
        "abandoned": everything["abandoned"],
        "responses": report.figures["questionnaires"][0]["groups"][0]["responses"],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the bilans already generated"
    )
    options = parser.parse_args()
    if not options.reuse:
        print(f"== generating {options.candidates} bilans in {DB_NAME}", flush=True)
        generate(options.candidates)
    django_setup()
    started = time.monotonic()
    shape_year()
    print(f"  year shaped in {time.monotonic() - started:.1f} s", flush=True)
    result = measure(options.runs)
    print()
    print("| bilans | runs | queries | median | min | max |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {result['bilans']} | {options.runs} | {result['queries']} "
        f"| {result['median']:.2f} s | {result['min']:.2f} s | {result['max']:.2f} s |"
    )
    print(
        f"\nFigures: {result['started']} started, {result['closed']} closed, "
        f"{result['abandoned']} abandoned, {result['responses']} responses."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
