# ruff: noqa: T201 (a command-line script: it prints its results)
"""`make load`: 100 simulated candidates for 60 s with Locust (headless, loopback)
against gunicorn (2 workers) + PostgreSQL, twice: undisturbed, then with
PostgreSQL restarted in the middle. After each run the database is checked: every
save and completion the server acknowledged must be stored.

    python -m bench.load [--users 100] [--seconds 60] [--restart-at 25]

Stops by itself (Locust's --run-time, then a hard timeout). Results go to stdout
and $TMPDIR/monbilan-load-results.json.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import (
    ENV,
    HOST,
    PORT,
    PYTHON,
    ROOT,
    Client,
    Gunicorn,
    fixtures,
    manage,
    recreate_database,
)


def restart_postgresql():
    version = sorted(Path("/etc/postgresql").iterdir())[-1].name
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],  # noqa: S607
        check=True,
    )
    return time.monotonic() - started


def probe_recovery(deadline_s=60):
    """Seconds until the site answers a database-backed page again."""
    started = time.monotonic()
    client = Client(timeout=5)
    while time.monotonic() - started < deadline_s:
        try:
            if client.get("/connexion/").status == 200:
                return time.monotonic() - started
        except OSError:
            client.close()
        time.sleep(0.2)
    return None


def run(setup, users, seconds, restart_at=None):
    acks = Path(tempfile.mkstemp(prefix="monbilan-load-", suffix=".json")[1])
    env = {**ENV, "LOAD_SETUP": json.dumps(setup), "LOAD_ACKS": str(acks)}
    events = {}
    with Gunicorn(timeout=30):
        began = time.monotonic()
        locust = subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "locust",
                "-f",
                "bench/locustfile.py",
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(1, users // 5)),
                "--run-time",
                f"{seconds}s",
                "--stop-timeout",
                "10",
                "--host",
                f"http://{HOST}:{PORT}",
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
        )
        if restart_at is not None:

            def restart():
                time.sleep(restart_at)
                events["restart_started_s"] = time.monotonic() - began
                events["restart_duration_s"] = restart_postgresql()
                events["site_recovered_after_s"] = probe_recovery()

            threading.Thread(target=restart, daemon=True).start()
        try:
            locust.wait(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            locust.kill()
            raise
    result = fixtures("check", str(acks))
    result.update(events)
    server_errors = [e for e in result["errors"] if e["status"] >= 500]
    result["server_5xx"] = len(server_errors)
    result["connection_errors"] = sum(1 for e in result["errors"] if e["status"] == 0)
    if result["errors"]:
        times = [e["at"] for e in result["errors"] if e["at"]]
        result["errors_window_s"] = (max(times) - min(times)) if times else None
    result["errors"] = result["errors"][:10]
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--restart-at", type=int, default=25)
    parser.add_argument(
        "--skip-restart", action="store_true", help="only the undisturbed run"
    )
    options = parser.parse_args()
    results = {"options": vars(options)}
    runs = [("steady", None), ("postgresql_restart", options.restart_at)]
    for name, restart_at in runs[:1] if options.skip_restart else runs:
        print(f"== load run: {name}", flush=True)
        recreate_database()
        manage("migrate", "--noinput", quiet=True)
        manage("collectstatic", "--noinput", quiet=True)
        manage("generate_data", "--candidates", "200", "--submissions", "2", quiet=True)
        setup = fixtures("load", str(options.users), "5")
        results[name] = run(setup, options.users, options.seconds, restart_at)
        print(json.dumps(results[name], indent=2), flush=True)
    (Path(tempfile.gettempdir()) / "monbilan-load-results.json").write_text(
        json.dumps(results, indent=2)
    )
    lost = sum(results[name]["lost"] for name, _at in runs if name in results)
    steady_5xx = results["steady"]["server_5xx"]
    print(f"lost acknowledged saves: {lost}; 5xx in the steady run: {steady_5xx}")
    sys.exit(1 if lost or steady_5xx else 0)


if __name__ == "__main__":
    main()
