# ruff: noqa: T201, S603 (a command-line script: it prints its results, runs manage.py)
"""purge_bilans on N closed bilans with 4 submissions each: time and memory.

Recreates the database (BENCH_DB, default monbilan_bench_purge), fills it with
`generate_data` (one bilan per candidate, 4 submissions each), closes every bilan
60 days ago, then times `manage.py purge_bilans` in a child process and reads its
peak resident memory. Run at two sizes to see memory stay flat:

    python -m bench.purge [--bilans 10000] [--bilans 1000]
"""

import argparse
import os
import subprocess
import sys

os.environ.setdefault("BENCH_DB", "monbilan_bench_purge")
# The warning e-mails link to the site; nothing is served here.
os.environ.setdefault("SITE_URL", "http://127.0.0.1")

from bench.common import ENV, PYTHON, ROOT, manage, recreate_database  # noqa: E402

CLOSE = """
import datetime
from django.utils import timezone
from phases.models import Bilan
ended = timezone.localdate() - datetime.timedelta(days=60)
Bilan.objects.update(end_date=ended, start_date=ended - datetime.timedelta(days=90),
                     status=Bilan.Status.TERMINE)
print(Bilan.objects.count())
"""

PURGE = """
import io, resource, time
from django.core.management import call_command
start = time.perf_counter()
call_command("purge_bilans", stdout=io.StringIO())
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

COUNT = """
from phases.models import Bilan, PhaseSubmission
from retention.models import DestructionRecord
print(Bilan.objects.filter(purged_at__isnull=True).count(),
      PhaseSubmission.objects.exclude(answers={}).count(),
      DestructionRecord.objects.count())
"""


def shell(code):
    return (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=ENV,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )


def measure(bilans):
    recreate_database()
    manage("migrate", "--no-input", quiet=True)
    manage(
        "generate_data",
        "--candidates",
        str(bilans),
        "--submissions",
        "4",
        quiet=True,
    )
    closed = shell(CLOSE)
    elapsed, peak_kib = shell(PURGE).split()
    left, answered, records = shell(COUNT).split()
    return {
        "bilans": int(closed),
        "seconds": float(elapsed),
        # The purging process's own peak (it also loads Django: ~the baseline).
        "peak_mib": int(peak_kib) / 1024,
        "left": int(left),
        "answered": int(answered),
        "records": int(records),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bilans", type=int, action="append")
    sizes = parser.parse_args().bilans or [1000, 10000]
    print("| bilans | purge_bilans (s) | per bilan (ms) | peak RSS (MiB) | left |")
    print("|---|---|---|---|---|")
    for size in sizes:
        result = measure(size)
        if result["left"] or result["answered"] or result["records"] != size:
            raise SystemExit(f"purge incomplete: {result}")
        peak = f"{result['peak_mib']:.0f}"
        print(
            f"| {result['bilans']:,} | {result['seconds']:.1f} | "
            f"{1000 * result['seconds'] / result['bilans']:.1f} | {peak} | 0 |"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
