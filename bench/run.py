# ruff: noqa: T201 (a command-line script: it prints its results)
"""`make bench`: phase page vs Wagtail form page, activity table and CSV at 5,000
and 50,000 bilans, query counts at 10 and 1,000 rows. Loopback only.

Recreates the PostgreSQL database `monbilan_bench` on 127.0.0.1, generates the
data (`manage.py generate_data`), runs gunicorn (2 workers, bench.settings =
production settings over plain HTTP) and prints the figures as Markdown (also
written to $TMPDIR/monbilan-bench-results.json) for docs/benchmarks.md.

    python -m bench.run [--seconds 15] [--clients 4] [--large 50000]
"""

import argparse
import json
import random
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from bench.common import (
    ENV,
    PYTHON,
    ROOT,
    Client,
    Gunicorn,
    csrf_token,
    manage,
    percentile,
    recreate_database,
)
from bench.fixtures import CHOICES


def answer(name, kind, rng):
    if kind in ("short_text", "singleline"):
        return f"Réponse {rng.randint(1, 10**6)}"
    if kind in ("long_text", "multiline"):
        return "Un paragraphe de réponse. " * rng.randint(5, 30)
    if kind in ("single_choice", "dropdown", "radio"):
        return rng.choice(CHOICES)
    if kind in ("multiple_choice", "checkboxes"):
        return rng.sample(CHOICES, 2)
    if kind == "date":
        return f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    return str(rng.randint(0, 100))


def run_clients(clients, seconds, action):
    """`action(client, state)` in a loop on each client; latencies and statuses."""
    latencies, statuses = [], {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def loop(client):
        state = client.__dict__.setdefault("state", {})  # kept across runs
        rng = random.Random(id(client))  # noqa: S311
        while time.monotonic() < stop:
            started = time.perf_counter()
            status = action(client, state, rng)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=loop, args=(c,)) for c in clients]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - began
    return {
        "requests": len(latencies),
        "rps": len(latencies) / duration,
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "statuses": statuses,
    }


def compare_forms(setup, seconds, concurrency):
    fields, peer_fields = setup["fields"], setup["peer_fields"]
    phase_url, peer_url = setup["phase_url"], setup["peer_url"]
    autosave = f"/mes-reponses/phases/{setup['phase_id']}/enregistrer/"
    candidates = [Client().login(u) for u in setup["users"][:concurrency]]
    anonymous = [Client() for _ in range(concurrency)]
    for client in anonymous:
        client.get(peer_url)  # CSRF cookie
    results = {}

    def get_phase(client, state, rng):
        return client.get(phase_url).status

    def get_peer(client, state, rng):
        return client.get(peer_url).status

    def save_draft(client, state, rng):
        body = {name: answer(name, kind, rng) for name, kind in fields.items()}
        body["version"] = state.get("version", 0)
        response = client.post(autosave, body)
        if response.status == 200:
            state["version"] = json.loads(response.body)["version"]
        elif response.status == 409:
            state["version"] = json.loads(response.body).get("version", 0)
        return response.status

    def post_peer(client, state, rng):
        if "token" not in state:
            state["token"] = csrf_token(client.get(peer_url).text)
        body = {name: answer(name, kind, rng) for name, kind in peer_fields.items()}
        body["csrfmiddlewaretoken"] = state["token"]
        return client.post(peer_url, body).status

    for client in candidates:  # the current version of each candidate's answers
        client.get(phase_url)
    for name, clients, action in [
        ("GET phase page (40 questions, candidate)", candidates, get_phase),
        ("GET Wagtail form page (40 fields)", anonymous, get_peer),
        ("POST draft save (autosave, 40 answers)", candidates, save_draft),
        ("POST Wagtail form page submission", anonymous, post_peer),
    ]:
        run_clients(clients, 2, action)  # warm-up
        results[name] = run_clients(clients, seconds, action)
        print(f"  {name}: {results[name]}", flush=True)
    return results


def activity(server, repeats=3):
    root = Client(timeout=900).login("bench.root")
    results = {}
    for name, path in [
        ("Tableau d'activité (page 1)", "/admin/activite/"),
        ("Export CSV du tableau d'activité", "/admin/activite/?export=csv"),
    ]:
        times, sizes = [], []
        server.reset_peaks()
        baseline = max(server.peak_rss_mib().values())
        for _ in range(repeats):
            started = time.perf_counter()
            try:
                response = root.get(path)
            except OSError as error:  # e.g. the worker killed past its timeout
                response = None
                print(f"  {path}: {error!r}", flush=True)
            times.append(time.perf_counter() - started)
            if response is None or response.status != 200:
                sizes.append(0)
                break
            sizes.append(len(response.body))
        peak = max(server.peak_rss_mib().values())
        results[name] = {
            "seconds_median": sorted(times)[len(times) // 2],
            "seconds_max": max(times),
            "bytes": sizes[-1],
            "rows": (
                response.body.count(b"\n") - 1 if response and "csv" in path else None
            ),
            "status": response.status if response else "no response",
            "worker_peak_rss_mib": peak,
            "worker_rss_before_mib": baseline,
        }
        print(f"  {name}: {results[name]}", flush=True)
    return results


def generate(candidates):
    started = time.monotonic()
    manage(
        "generate_data",
        "--academies", "1", "--dabms", "5", "--conseillers", "10",
        "--candidates", str(candidates), "--submissions", "4",
    )  # fmt: skip
    return time.monotonic() - started


def fixtures(*args):
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-m", "bench.fixtures", *args],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--small", type=int, default=5000)
    parser.add_argument("--large", type=int, default=50000)
    parser.add_argument(
        "--activity-only",
        action="store_true",
        help="measure the activity table and query counts on the existing data",
    )
    options = parser.parse_args()
    results = {"options": vars(options)}
    if options.activity_only:
        with Gunicorn(timeout=900) as server:
            results["activity"] = activity(server, repeats=2)
        results["querycounts"] = fixtures("querycounts")
        print(json.dumps(results, indent=2))
        return

    print("== database monbilan_bench", flush=True)
    recreate_database()
    manage("migrate", "--noinput", quiet=True)
    manage("collectstatic", "--noinput", quiet=True)
    results["generate_small_s"] = generate(options.small)
    setup = fixtures("forty", str(options.clients))

    with Gunicorn(timeout=900) as server:
        print("== phase page vs wagtail.contrib.forms page", flush=True)
        results["forms"] = compare_forms(setup, options.seconds, options.clients)
        print(f"== activity table, {options.small} bilans", flush=True)
        results["activity_small"] = activity(server)

    results["generate_large_s"] = generate(options.large - options.small)
    with Gunicorn(timeout=900) as server:
        print(f"== activity table, {options.large} bilans", flush=True)
        results["activity_large"] = activity(server)

    print("== query counts", flush=True)
    results["querycounts"] = fixtures("querycounts")
    (Path(tempfile.gettempdir()) / "monbilan-bench-results.json").write_text(
        json.dumps(results, indent=2)
    )
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
