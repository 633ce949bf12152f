"""Shared pieces of the benchmark and load scripts: the bench database, gunicorn,
and a small keep-alive HTTP client with cookies and CSRF (loopback only)."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"


def _free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("BENCH_PORT") or _free_port())
DB_NAME = os.environ.get("BENCH_DB", "monbilan_bench")
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{DB_NAME}",
    "PYTHONPATH": str(ROOT),
    # As deployed: cache and sessions in Redis (README, "Configuration").
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"),
}
PASSWORD = "Bench-Bilan-2026!"  # noqa: S105 (throw-away bench accounts)


def manage(*args, quiet=False):
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def fixtures(*args):
    """Run `python -m bench.fixtures <args>` (Django side); its JSON answer."""
    import json

    output = subprocess.run(  # noqa: S603
        [PYTHON, "-m", "bench.fixtures", *args],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def recreate_database():
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DB_NAME}"')


def django_setup():
    for name, value in ENV.items():
        os.environ.setdefault(name, value)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Gunicorn:
    """gunicorn with 2 sync workers on loopback, as in production."""

    def __init__(self, workers=2, timeout=120):
        self.workers = workers
        self.timeout = timeout
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "gunicorn",
                "monbilan.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"{HOST}:{PORT}",
                "--timeout",
                str(self.timeout),
                "--log-level",
                "warning",
            ],  # fmt: skip
            cwd=ROOT,
            env=ENV,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status = Client().get("/connexion/").status
                if status == 200 and len(self.worker_pids()) == self.workers:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def reset_peaks(self):
        """Reset each worker's peak RSS (VmHWM): Linux's clear_refs, as root."""
        for pid in self.worker_pids():
            try:
                Path(f"/proc/{pid}/clear_refs").write_text("5")
            except OSError:
                pass  # not root: the peak then counts from the worker's start

    def cpu_seconds(self):
        """User + system CPU time used so far by the workers (/proc/<pid>/stat)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.worker_pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def peak_rss_mib(self):
        peaks = {}
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = int(line.split()[1]) / 1024
        return peaks


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Client:
    """One keep-alive connection with its cookies, like one browser tab."""

    def __init__(self, timeout=60):
        self.timeout = timeout
        self.cookies = {}
        self.connection = None

    def _connection(self):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                HOST, PORT, timeout=self.timeout
            )
        return self.connection

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection = self._connection()
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            data = raw.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        for header in raw.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        if raw.headers.get("Connection", "").lower() == "close":
            self.close()
        return Response(raw.status, raw.headers, data)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, headers=None):
        body = urlencode(fields, doseq=True)
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{HOST}:{PORT}{path}",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
                **(headers or {}),
            },
        )

    def login(self, username, password=PASSWORD):
        page = self.get("/connexion/")
        response = self.post(
            "/connexion/",
            {
                "csrfmiddlewaretoken": csrf_token(page.text),
                "username": username,
                "password": password,
            },
        )
        if response.status != 302:
            raise RuntimeError(f"login of {username} failed: {response.status}")
        return self

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def csrf_token(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else ""


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]
