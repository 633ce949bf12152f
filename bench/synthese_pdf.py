# ruff: noqa: T201 (a command-line script: it prints its results)
"""The document de synthèse's PDF: how long a six-page one takes to render.

In-process, no server and no database: the same template and WeasyPrint call as
"Télécharger le document de synthèse (PDF)" (`synthese.pdf.render_pdf`), on a
remis synthèse built in memory, its three sections filled until the PDF has six
pages. One warm-up render, then `--runs` timed ones; prints the figures as
Markdown for docs/benchmarks.md. Target: under one second.

    python -m bench.synthese_pdf [--runs 10] [--pages 6]
"""

import argparse
import io
import os
import statistics
import time
from datetime import date, timedelta

import django

PARAGRAPH = (
    "Au fil des entretiens, le bénéficiaire a décrit son parcours, ses réussites "
    "et ce qui l'a fait douter ; il a confronté ses envies à la réalité des métiers "
    "visés, rencontré deux professionnels et vérifié les conditions d'accès aux "
    "formations. Les échanges ont fait apparaître des compétences transférables — "
    "organisation, écoute, conduite de projets — qu'il sait désormais nommer. "
)
LIST = "- rencontrer un organisme de formation\n- vérifier le financement\n- postuler"


def document(paragraphs):
    """A remis synthèse in memory (never saved), each section `paragraphs` long."""
    from django.utils import timezone

    from phases.models import Bilan
    from synthese.models import Synthese, SyntheseVersion
    from users.models import Academie, Dabm, User

    academie = Academie(name="Montpellier")
    dabm = Dabm(name="Lunel", academie=academie)
    bilan = Bilan(
        candidate=User(username="c", first_name="Camille", last_name="Martin"),
        conseiller=User(username="k", first_name="Karim", last_name="Benali"),
        dabm=dabm,
        start_date=date(2026, 9, 7),
        end_date=date(2026, 12, 4),
    )
    text = "\n\n".join([PARAGRAPH * 2] * paragraphs + [LIST])
    now = timezone.now()
    version = SyntheseVersion(
        number=2,
        circumstances=text,
        competences=text,
        project=text,
        submitted_at=now - timedelta(days=3),
        observations="Je souhaite préciser que le projet vise Sète.",
        observed_at=now - timedelta(days=2),
    )
    return Synthese(bilan=bilan, final_version=version, remis_at=now)


def pages(pdf):
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=6)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "monbilan.settings.test")
    django.setup()
    from synthese.pdf import render_pdf

    # The longest text that still fits in `--pages` pages.
    paragraphs = 1
    while pages(render_pdf(document(paragraphs + 1))) <= args.pages:
        paragraphs += 1
    synthese = document(paragraphs)
    pdf = render_pdf(synthese)  # warm-up: fonts read, templates compiled
    timings = []
    for _run in range(args.runs):
        started = time.perf_counter()
        pdf = render_pdf(synthese)
        timings.append(time.perf_counter() - started)
    low, mid, high = (
        round(value * 1000)
        for value in (min(timings), statistics.median(timings), max(timings))
    )
    print("| pages | bytes | runs | min | median | max |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {pages(pdf)} | {len(pdf):,} | {args.runs} "
        f"| {low} ms | **{mid} ms** | {high} ms |"
    )


if __name__ == "__main__":
    main()
