"""Lighthouse's mobile profile on three pages, as served in production.

    BENCH_DB=monbilan_bench_<you> .venv/bin/python bench/lighthouse.py [--runs 3]

Recreates the bench database (PostgreSQL, `BENCH_DB`), migrates, collects the static
files (whitenoise compresses them and gives them hashed, immutable names), installs
the phases with one candidate who has them all, starts gunicorn with bench.settings
(production's settings, DEBUG off, on loopback HTTP), logs the candidate in and runs
Lighthouse (npm `lighthouse`, pinned in package.json; Debian's Chromium through
CHROME_PATH, never a downloaded browser) with its default mobile profile (simulated
slow 4G, 4× CPU slowdown) on the home page, the candidate's dashboard and a phase page
with Likert questions. The session cookie goes in Lighthouse's extra headers. Prints
each page's performance and accessibility scores (the median of `--runs` runs) and
the first contentful paint.
"""
# ruff: noqa: T201 (a benchmark script: it reports on stdout)

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Production refuses to start without its public address (links in e-mails).
os.environ.setdefault("SITE_URL", "http://127.0.0.1")

from bench.common import (  # noqa: E402
    ENV,
    HOST,
    PORT,
    PYTHON,
    ROOT,
    Client,
    Gunicorn,
    manage,
    recreate_database,
)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
USERNAME = "lighthouse.candidat1"


def setup():
    """Django side (run in a subprocess): the phases and one candidate with them all.

    Prints the pages' paths as JSON.
    """
    from bench.common import django_setup

    django_setup()
    from bench.fixtures import make_candidates
    from phases.content.install import install_phases
    from phases.models import PhasePage
    from users.models import User

    install_phases()
    phases = list(PhasePage.objects.live().order_by("path"))
    likert = next(
        phase
        for phase in phases
        if any(child.block.type_name == "likert" for child in phase.questions())
    )
    if not User.objects.filter(username=f"{USERNAME}").exists():
        conseiller = User.objects.filter(role=User.Role.CONSEILLER).first()
        make_candidates(USERNAME[:-1], 1, conseiller, phases)
    print(
        json.dumps(
            {
                "Accueil": "/",
                "Tableau de bord": "/tableau-de-bord/",
                f"Phase (Likert) : {likert.title}": likert.url,
            }
        )
    )


def report_name(path):
    return path.strip("/").replace("/", "_") or "accueil"


def lighthouse(url, cookie, output, attempts=3):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={output}",
        "--chrome-flags=--headless=new --no-sandbox",
        f"--extra-headers={json.dumps({'Cookie': cookie})}",
    ]
    for attempt in range(1, attempts + 1):
        try:
            subprocess.run(  # noqa: S603
                command, env={**os.environ, "CHROME_PATH": CHROME}, check=True
            )
            break
        except subprocess.CalledProcessError:
            # Lighthouse sometimes loses its trace on a loaded machine
            # (NO_NAVSTART): that run is lost, not the benchmark.
            if attempt == attempts:
                raise
            print(f"  Lighthouse failed on {url}, run again", flush=True)
    report = json.loads(Path(output).read_text())
    audits = report["audits"]
    failing = sorted(
        ref["id"]
        for category in report["categories"].values()
        if category["id"] == "accessibility"
        for ref in category["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
    )
    return {
        "accessibility_failing": failing,
        "final_url": report.get("finalDisplayedUrl") or report.get("finalUrl"),
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "transfer_kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def measure(count=3, reuse=False, reports=None, only=None):
    """{page name: medians of `count` Lighthouse runs}; `reuse` keeps the database
    (`make bench` measures on the one it has just filled)."""
    if not reuse:
        print(f"== database {ENV['DATABASE_URL'].rsplit('/', 1)[-1]}", flush=True)
        recreate_database()
        manage("migrate", "--noinput", quiet=True)
        manage(
            "generate_data",
            "--academies", "1", "--dabms", "1", "--conseillers", "1",
            "--candidates", "1", "--submissions", "0",
        )  # fmt: skip
    manage("collectstatic", "--noinput", "--clear", quiet=True)
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-c", "from bench.lighthouse import setup; setup()"],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = json.loads(output.strip().splitlines()[-1])
    results = {}
    if only:
        pages = {k: v for k, v in pages.items() if k.startswith(only)}
    with Gunicorn(), tempfile.TemporaryDirectory() as folder:
        folder = reports or folder
        client = Client().login(USERNAME)
        # The candidate consents first, or every page sends them to « Votre accord ».
        client.post("/votre-accord/", {"accept": "on"})
        for path in pages.values():
            if client.get(path).status != 200:
                raise RuntimeError(f"{path} does not answer 200 to the candidate")
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        for name, path in pages.items():
            runs = [
                lighthouse(
                    f"http://{HOST}:{PORT}{path}",
                    cookie,
                    f"{folder}/{report_name(path)}-{number}.json",
                )
                for number in range(count)
            ]
            result = {
                key: statistics.median(run[key] for run in runs)
                for key in ("performance", "accessibility", "fcp_s", "lcp_s")
            }
            result["transfer_kib"] = round(runs[-1]["transfer_kib"])
            result["performance_runs"] = [run["performance"] for run in runs]
            result["final_url"] = runs[-1]["final_url"]
            result["accessibility_failing"] = runs[-1]["accessibility_failing"]
            if not result["final_url"].endswith(path):
                raise RuntimeError(f"Lighthouse was sent to {result['final_url']}")
            results[name] = result
            print(f"  {name} ({path}): {json.dumps(result)}", flush=True)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database and static files"
    )
    parser.add_argument("--reports", help="keep Lighthouse's JSON reports here")
    parser.add_argument("--only", help="only the page whose name starts with this")
    options = parser.parse_args()
    results = measure(options.runs, options.reuse, options.reports, options.only)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
