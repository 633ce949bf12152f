# ruff: noqa: T201 (a command-line script: it prints its results)
"""`make bench`: every performance target of issue 16 in one run. Loopback only.

In order: the phase page vs a Wagtail form page with the same 40 fields (worker
CPU per request), the activity table and its CSV at 5,000 and 50,000 bilans, the
CSV vs `psql \\copy` of its own COPY statement at 50,000, query counts at 10 and
1,000 rows, a login's CPU (bench/login.py, in-process) and Lighthouse's mobile
profile (bench/lighthouse.py: node_modules, CHROME_PATH or /usr/bin/chromium).

Recreates the PostgreSQL database `monbilan_bench` (or $BENCH_DB) on 127.0.0.1,
generates the data (`manage.py generate_data`, which ends with ANALYZE), runs
gunicorn (2 workers, bench.settings = production settings over plain HTTP) and
prints the figures as JSON (also written to $TMPDIR/monbilan-bench-results.json)
and, last, one Markdown line per target of the issue: measured, met or not.

    python -m bench.run [--seconds 30] [--rounds 3] [--clients 4] [--large 50000]
        [--export-rounds 5] [--login-runs 21] [--lighthouse-runs 3 (0: none)]
    python -m bench.run --forms-only      # the phase page vs the peer only
    python -m bench.run --activity-only   # activity table on the existing data
    python -m bench.run --export-only     # the CSV vs `psql \\copy`, existing data
    python -m bench.run --login-only      # a login's CPU
    python -m bench.run --lighthouse-only # Lighthouse on the existing data
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
    DB_NAME,
    ENV,
    PYTHON,
    ROOT,
    Client,
    Gunicorn,
    csrf_token,
    fixtures,
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


def run_clients(clients, seconds, action, server=None):
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
    cpu_before = server.cpu_seconds() if server else 0
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - began
    cpu = (server.cpu_seconds() - cpu_before) if server else 0
    return {
        "requests": len(latencies),
        "seconds": duration,
        "latencies": latencies,
        "statuses": statuses,
        "worker_cpu_s": cpu,
    }


def summary(runs):
    """Figures of one scenario over its rounds (requests/s over the whole time)."""
    latencies = [value for run in runs for value in run["latencies"]]
    statuses = {}
    for run in runs:
        for status, count in run["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    requests = sum(run["requests"] for run in runs)
    return {
        "requests": requests,
        "rps": requests / sum(run["seconds"] for run in runs),
        "rps_per_round": [run["requests"] / run["seconds"] for run in runs],
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "worker_cpu_ms_per_request": (
            1000 * sum(run["worker_cpu_s"] for run in runs) / requests
            if requests
            else None
        ),
        "worker_cpu_ms_per_request_per_round": [
            1000 * run["worker_cpu_s"] / run["requests"] if run["requests"] else None
            for run in runs
        ],
        "statuses": statuses,
    }


def compare_forms(setup, seconds, concurrency, server, rounds=3):
    """The phase page and the peer, interleaved in `rounds` rounds.

    The machine's speed drifts between runs (a shared virtual machine): each
    round measures every scenario back to back, so the ratios compare figures
    taken minutes apart at most; the round-by-round ratios show the spread.
    Beside requests/s, each scenario reports the gunicorn workers' CPU time per
    request, which other load on the machine barely changes.
    """
    fields, peer_fields = setup["fields"], setup["peer_fields"]
    phase_url, peer_url = setup["phase_url"], setup["peer_url"]
    autosave = f"/mes-reponses/phases/{setup['phase_id']}/enregistrer/"
    candidates = [Client().login(u) for u in setup["users"][:concurrency]]
    # The peer read both ways: anonymously (as Wagtail form pages usually are) and
    # by the same logged-in candidates, who then pay for their session as well.
    peer_candidates = [Client().login(u) for u in setup["users"][:concurrency]]
    anonymous = [Client() for _ in range(concurrency)]
    for client in anonymous:
        client.get(peer_url)  # CSRF cookie

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
    scenarios = [
        ("GET phase page (40 questions, candidate)", candidates, get_phase),
        ("GET Wagtail form page (40 fields)", anonymous, get_peer),
        ("GET Wagtail form page (40 fields, candidate)", peer_candidates, get_peer),
        ("POST draft save (autosave, 40 answers)", candidates, save_draft),
        ("POST Wagtail form page submission", anonymous, post_peer),
    ]
    for name, clients, action in scenarios:
        warm_up = run_clients(clients, 2, action)
        # Only 200s are the figures asked for: a redirection (to the consent page,
        # to the login) would be timed as if it were the page.
        if set(warm_up["statuses"]) != {200}:
            raise RuntimeError(f"{name}: answered {warm_up['statuses']}")
    runs = {name: [] for name, _clients, _action in scenarios}
    for number in range(1, rounds + 1):
        for name, clients, action in scenarios:
            run = run_clients(clients, seconds / rounds, action, server)
            runs[name].append(run)
            print(
                f"  round {number}, {name}: "
                f"{run['requests'] / run['seconds']:.1f} req/s",
                flush=True,
            )
    results = {name: summary(scenario_runs) for name, scenario_runs in runs.items()}
    for name, result in results.items():
        print(f"  {name}: {result}", flush=True)
    # As in the warm-up: a figure with other answers than 200s is not the page's.
    wrong = {
        n: r["statuses"] for n, r in results.items() if set(r["statuses"]) != {200}
    }
    if wrong:
        raise RuntimeError(f"answers other than 200 during the rounds: {wrong}")
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


COPY_STATEMENT = """
from phases.reports.activity import activity_queryset
from phases.reports.activity_copy import copy_statement
from users.models import User
print(copy_statement(activity_queryset(User.objects.get(username="bench.root"))))
"""


def export_vs_copy(server, rounds=5):
    """The activity CSV over HTTP alternated with `psql \\copy` of the very COPY
    statement the view runs (same query, same options), `rounds` times each;
    medians, their ratio, and the worker's peak RSS over its resident size before."""
    statement = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "-c", COPY_STATEMENT],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # The last line: `shell` may first say what it imported.
    [statement] = [line for line in statement.splitlines() if line.startswith("COPY (")]
    psql = [
        "psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", DB_NAME,
        "-c", "\\copy " + statement.removeprefix("COPY "),
    ]  # fmt: skip
    root = Client(timeout=900).login("bench.root")
    root.get("/admin/activite/?export=csv")  # warm: the worker's imports, caches
    server.reset_peaks()
    baseline = max(server.peak_rss_mib().values())
    export, copy, size, rows = [], [], 0, 0
    for _ in range(rounds):
        started = time.perf_counter()
        response = root.get("/admin/activite/?export=csv")
        export.append(time.perf_counter() - started)
        size, rows = len(response.body), response.body.count(b"\r\n") - 1
        started = time.perf_counter()
        subprocess.run(psql, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        copy.append(time.perf_counter() - started)
    median_export, median_copy = sorted(export)[rounds // 2], sorted(copy)[rounds // 2]
    result = {
        "rounds": rounds,
        "rows": rows,
        "bytes": size,
        "export_seconds_median": median_export,
        "export_seconds": export,
        "psql_copy_seconds_median": median_copy,
        "psql_copy_seconds": copy,
        "ratio": median_export / median_copy,
        "worker_rss_before_mib": baseline,
        "worker_peak_rss_mib": max(server.peak_rss_mib().values()),
    }
    print(f"  export vs psql \\copy: {result}", flush=True)
    return result


def generate(candidates):
    started = time.monotonic()
    manage(
        "generate_data",
        "--academies", "1", "--dabms", "5", "--conseillers", "10",
        "--candidates", str(candidates), "--submissions", "4",
    )  # fmt: skip
    return time.monotonic() - started


def login_cpu(runs):
    """bench/login.py in its own process: test settings, its own test database."""
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-m", "bench.login", "--runs", str(runs), "--json"],
        cwd=ROOT,
        env={**ENV, "DJANGO_SETTINGS_MODULE": "monbilan.settings.test"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    results = json.loads(output.strip().splitlines()[-1])
    for row in results:
        print(f"  {row}", flush=True)
    return results


def lighthouse(runs):
    """bench/lighthouse.py on the database this run filled."""
    from bench import lighthouse as lighthouse_script

    return lighthouse_script.measure(runs, reuse=True)


def ratio(numerator, denominator):
    return numerator / denominator if numerator and denominator else float("nan")


def report(results):
    """Issue 16's targets, one line each, as Markdown: figure, target, met or not."""
    lines = ["| target (issue 16) | measured | met |", "|---|---|---|"]

    def line(name, measured, met):
        lines.append(f"| {name} | {measured} | {'yes' if met else '**no**'} |")

    forms = results.get("forms")
    if forms:
        phase = forms["GET phase page (40 questions, candidate)"]
        peer = forms["GET Wagtail form page (40 fields)"]
        cpu = ratio(
            phase["worker_cpu_ms_per_request"], peer["worker_cpu_ms_per_request"]
        )
        line(
            "phase page ≤ 0.7× the peer's worker CPU per request",
            f"{phase['worker_cpu_ms_per_request']:.1f} ms vs "
            f"{peer['worker_cpu_ms_per_request']:.1f} ms = {cpu:.2f}× "
            f"(throughput {ratio(phase['rps'], peer['rps']):.2f}×)",
            cpu <= 0.7,
        )
    export = results.get("export_vs_copy")
    if export:
        line(
            f"CSV export ≤ 1.5× `psql \\copy` ({export['rows']:,} rows)",
            f"{export['export_seconds_median']:.2f} s vs "
            f"{export['psql_copy_seconds_median']:.2f} s = {export['ratio']:.2f}×; "
            f"worker RSS {export['worker_rss_before_mib']:.0f} → "
            f"{export['worker_peak_rss_mib']:.0f} MiB",
            export["ratio"] <= 1.5,
        )
    login = results.get("login")
    if login:
        after = next(row for row in login if "after" in row["hasher"])
        line(
            "a login ≤ 60 ms of server CPU",
            f"{after['login_ms']:.0f} ms (hash {after['verify_ms']:.0f} ms)",
            after["login_ms"] <= 60,
        )
    pages = results.get("lighthouse")
    if pages:
        scores = {name: page["performance"] for name, page in pages.items()}
        line(
            "Lighthouse performance ≥ 90 (mobile)",
            ", ".join(f"{name} {score:.0f}" for name, score in scores.items()),
            min(scores.values()) >= 90,
        )
        scores = {name: page["accessibility"] for name, page in pages.items()}
        line(
            "Lighthouse accessibility 100",
            ", ".join(f"{name} {score:.0f}" for name, score in scores.items()),
            min(scores.values()) >= 100,
        )
    counts = results.get("querycounts")
    if counts:
        flat = all(
            len({v["queries"] for v in by.values()}) == 1 for by in counts.values()
        )
        line(
            "query counts flat from 10 to 1,000 rows",
            "; ".join(
                f"{name} {'/'.join(str(v['queries']) for v in by.values())}"
                for name, by in counts.items()
            ),
            flat,
        )
    return "\n".join(lines)


RESULTS = Path(tempfile.gettempdir()) / "monbilan-bench-results.json"


def save(results):
    """The figures so far: a step that fails later loses only its own."""
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))


def finish(results):
    save(results)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print()
    print(report(results))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--seconds", type=int, default=30, help="per scenario, over all rounds"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--small", type=int, default=5000)
    parser.add_argument("--large", type=int, default=50000)
    parser.add_argument(
        "--export-rounds", type=int, default=5, help="export / psql \\copy pairs"
    )
    parser.add_argument("--login-runs", type=int, default=21)
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="0: no Lighthouse"
    )
    parser.add_argument(
        "--activity-only",
        action="store_true",
        help="measure the activity table and query counts on the existing data",
    )
    parser.add_argument(
        "--export-only",
        action="store_true",
        help="the activity CSV vs `psql \\copy` of its query, on the existing data",
    )
    parser.add_argument(
        "--forms-only",
        action="store_true",
        help="only the phase page vs the Wagtail form page (on --small bilans)",
    )
    parser.add_argument(
        "--login-only", action="store_true", help="only a login's CPU (bench/login.py)"
    )
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="only Lighthouse, on the existing data (bench/lighthouse.py)",
    )
    options = parser.parse_args()
    results = {"options": vars(options), "started": time.strftime("%Y-%m-%d %H:%M")}
    if options.export_only:
        fixtures("root")
        with Gunicorn(timeout=900) as server:
            results["export_vs_copy"] = export_vs_copy(server, options.export_rounds)
        return finish(results)
    if options.activity_only:
        fixtures("root")
        with Gunicorn(timeout=900) as server:
            results["activity"] = activity(server, repeats=2)
        results["querycounts"] = fixtures("querycounts")
        return finish(results)
    if options.login_only:
        results["login"] = login_cpu(options.login_runs)
        return finish(results)
    if options.lighthouse_only:
        results["lighthouse"] = lighthouse(options.lighthouse_runs or 3)
        return finish(results)

    print("== database monbilan_bench", flush=True)
    recreate_database()
    manage("migrate", "--noinput", quiet=True)
    manage("collectstatic", "--noinput", quiet=True)
    results["generate_small_s"] = generate(options.small)
    setup = fixtures("forty", str(options.clients))

    with Gunicorn(timeout=900) as server:
        print("== phase page vs wagtail.contrib.forms page", flush=True)
        results["forms"] = compare_forms(
            setup, options.seconds, options.clients, server, options.rounds
        )
        save(results)
        if options.forms_only:
            return finish(results)
        print(f"== activity table, {options.small} bilans", flush=True)
        results["activity_small"] = activity(server)
        save(results)

    results["generate_large_s"] = generate(options.large - options.small)
    with Gunicorn(timeout=900) as server:
        print(f"== activity table, {options.large} bilans", flush=True)
        results["activity_large"] = activity(server)
        print(f"== CSV export vs psql \\copy, {options.large} bilans", flush=True)
        results["export_vs_copy"] = export_vs_copy(server, options.export_rounds)
    save(results)

    print("== query counts", flush=True)
    results["querycounts"] = fixtures("querycounts")
    save(results)
    print("== login CPU (in-process, test settings)", flush=True)
    results["login"] = login_cpu(options.login_runs)
    save(results)
    if options.lighthouse_runs:
        print("== Lighthouse, mobile profile", flush=True)
        results["lighthouse"] = lighthouse(options.lighthouse_runs)
    return finish(results)


if __name__ == "__main__":
    main()
