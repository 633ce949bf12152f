"""Start and stop the cluster's processes, all on 127.0.0.1.

Every process writes its log in the cluster's folder (a temporary one, printed
at start); `Cluster` is a context manager that stops everything it started,
whatever happens, and drops the cluster's database and bucket.
"""

import mailbox
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PORTS = {
    "front": 8443,  # nginx, both app servers
    "only_a": 8444,  # nginx, app server a only
    "only_b": 8445,  # nginx, app server b only
    "app_a": 8101,
    "app_b": 8102,
    "s3": 8510,
    "smtp": 8025,
}
DATABASE = "monbilan_cluster"
PG_ADMIN = f"postgresql://postgres@{HOST}:5432/postgres"
REDIS_URL = f"redis://{HOST}:6379/7"
BUCKET = "monbilan-cluster"


class ClusterError(Exception):
    pass


def port_is_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


def wait_for_port(port, name, timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_is_open(port):
            return
        if process is not None and process.poll() is not None:
            raise ClusterError(f"{name} stopped at start (exit {process.returncode})")
        time.sleep(0.2)
    raise ClusterError(f"{name} does not listen on {HOST}:{port} after {timeout} s")


def wait_for_health(port, name, timeout=60, process=None):
    """Until the app server itself answers /sante/ (not only its socket)."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ClusterError(f"{name} stopped at start (exit {process.returncode})")
        try:
            with urllib.request.urlopen(  # noqa: S310 (loopback http)
                f"http://{HOST}:{port}/sante/", timeout=5
            ) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise ClusterError(f"{name} does not answer /sante/ after {timeout} s")


class Cluster:
    def __init__(self, folder=None):
        self.folder = Path(folder or tempfile.mkdtemp(prefix="monbilan-cluster-"))
        self.processes = {}
        self.ports_of = {}
        # Task workers are restarted when they exit, as systemd's Restart=always
        # does in production (README): a worker stops when the database is away.
        self.supervised = set()
        self.restarts = {}
        self.stopping = threading.Event()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "monbilan.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "SITE_URL": f"https://{HOST}:{PORTS['front']}",
            "CSRF_TRUSTED_ORIGINS": ",".join(
                f"https://{HOST}:{PORTS[name]}"
                for name in ("front", "only_a", "only_b")
            ),
            "DATABASE_URL": f"postgresql://postgres@{HOST}:5432/{DATABASE}",
            "REDIS_URL": REDIS_URL,
            "S3_BUCKET": BUCKET,
            "S3_ENDPOINT_URL": f"http://{HOST}:{PORTS['s3']}",
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": "cluster",
            "S3_SECRET_ACCESS_KEY": "cluster",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": HOST,
            "EMAIL_PORT": str(PORTS["smtp"]),
            "AXES_IPWARE_PROXY_COUNT": "1",
            "SECURE_HSTS_SECONDS": "0",
            "PYTHONUNBUFFERED": "1",
        }
        for name in ("CI", "DATABASE_URL_TEST"):
            self.env.pop(name, None)

    # --- processes ------------------------------------------------------------
    def spawn(self, name, command, env=None, **kwargs):
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (kept open)
        process = subprocess.Popen(  # noqa: S603 (our own commands)
            command,
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )
        self.processes[name] = process
        return process

    def manage(self, *args, timeout=600, env=None):
        """Run `manage.py …` with the cluster's production settings (and `env`)."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise ClusterError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def kill(self, name, sig=signal.SIGKILL):
        """Kill a process and its children (gunicorn's workers) at once."""
        process = self.processes[name]
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        process.wait(timeout=20)
        for port in self.ports_of.pop(name, ()):
            # Its workers may hold the socket a moment longer than the master.
            deadline = time.monotonic() + 20
            while port_is_open(port) and time.monotonic() < deadline:
                time.sleep(0.1)

    def start_app(self, name, env=None):
        """Start app server `name` (a or b), on other data with `env`."""
        port = PORTS[f"app_{name}"]
        process = self.spawn(
            f"gunicorn-{name}",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "monbilan.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                "2",
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
                "--access-logfile",
                str(self.folder / f"access-{name}.log"),
            ],
            env=env,
        )
        wait_for_port(port, f"gunicorn {name}", process=process)
        self.ports_of[f"gunicorn-{name}"] = (port,)
        wait_for_health(port, f"gunicorn {name}", process=process)
        return process

    def start_worker(self, name):
        self.supervised.add(name)
        return self.spawn(name, [sys.executable, "manage.py", "db_worker"])

    def _supervise(self):
        while not self.stopping.wait(0.5):
            for name in list(self.supervised):
                if (
                    self.processes[name].poll() is not None
                    and not self.stopping.is_set()
                ):
                    self.stopping.wait(2)  # RestartSec=2
                    if self.stopping.is_set():
                        return
                    self.restarts[name] = self.restarts.get(name, 0) + 1
                    self.spawn(name, [sys.executable, "manage.py", "db_worker"])

    # --- the whole ------------------------------------------------------------
    def start(self):
        busy = [name for name, port in PORTS.items() if port_is_open(port)]
        if busy:
            raise ClusterError(
                f"ports already in use: {', '.join(f'{n} ({PORTS[n]})' for n in busy)}"
            )
        if shutil.which("nginx") is None:
            raise ClusterError("nginx is missing: apt-get install -y nginx")
        print(f"cluster: logs in {self.folder}", flush=True)
        self._certificate()
        mailbox.Maildir(self.folder / "maildir", create=True)  # cur/, new/, tmp/
        self.spawn(
            "s3",
            [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(PORTS["s3"])],
        )
        self.spawn(
            "smtp",
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                f"{HOST}:{PORTS['smtp']}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(self.folder / "maildir"),
            ],
        )
        wait_for_port(PORTS["s3"], "S3 (moto)", process=self.processes["s3"])
        wait_for_port(PORTS["smtp"], "SMTP", process=self.processes["smtp"])
        self._fresh_database()
        self._fresh_cache()
        self._fresh_bucket()
        # The static files are compressed meanwhile (the longest step).
        began_static = time.monotonic()
        static = self.spawn(
            "collectstatic", [sys.executable, "manage.py", "collectstatic", "--noinput"]
        )
        for command in (
            ("migrate", "--noinput", "-v0"),
            ("load_demo", "--if-empty"),
            ("install_questionnaires",),
        ):
            began = time.monotonic()
            self.manage(*command)
            print(
                f"cluster: manage.py {command[0]} in {time.monotonic() - began:.0f} s",
                flush=True,
            )
        if static.wait(timeout=600):
            raise ClusterError("manage.py collectstatic failed (collectstatic.log)")
        print(
            f"cluster: static files ready in {time.monotonic() - began_static:.0f} s",
            flush=True,
        )
        self.start_app("a")
        self.start_app("b")
        self.start_worker("worker-1")
        self.start_worker("worker-2")
        threading.Thread(target=self._supervise, daemon=True).start()
        self._nginx()
        for name in ("front", "only_a", "only_b"):
            wait_for_port(PORTS[name], f"nginx {name}", process=self.processes["nginx"])
        return self

    def stop(self):
        self.stopping.set()
        for name in reversed(list(self.processes)):
            process = self.processes[name]
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for name, process in self.processes.items():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill(name)
        self._drop_database()

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
        return False

    # --- pieces -----------------------------------------------------------------
    def _certificate(self):
        subprocess.run(  # noqa: S603
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=IP:{HOST}",
                "-keyout",
                str(self.folder / "key.pem"),
                "-out",
                str(self.folder / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )

    def _nginx(self):
        template = (ROOT / "cluster" / "nginx.conf").read_text()
        values = {
            "DIR": str(self.folder),
            "FRONT": PORTS["front"],
            "ONLY_A": PORTS["only_a"],
            "ONLY_B": PORTS["only_b"],
            "APP_A": PORTS["app_a"],
            "APP_B": PORTS["app_b"],
        }
        for key, value in values.items():
            template = template.replace(f"@{key}@", str(value))
        config = self.folder / "nginx.conf"
        config.write_text(template)
        self.spawn(
            "nginx",
            ["nginx", "-p", str(self.folder), "-c", str(config)],
        )

    def _admin_sql(self, *statements):
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            for statement in statements:
                conn.execute(statement)

    def _fresh_database(self):
        self._admin_sql(
            f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)",
            f"CREATE DATABASE {DATABASE}",
        )

    def _drop_database(self):
        try:
            self._admin_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        except Exception as error:  # noqa: BLE001 (stopping: say it, go on)
            print(f"cluster: could not drop {DATABASE}: {error}", flush=True)

    def _fresh_cache(self):
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()

    def _fresh_bucket(self, bucket=BUCKET):
        import boto3

        boto3.client(
            "s3",
            endpoint_url=self.env["S3_ENDPOINT_URL"],
            region_name=self.env["S3_REGION"],
            aws_access_key_id=self.env["S3_ACCESS_KEY_ID"],
            aws_secret_access_key=self.env["S3_SECRET_ACCESS_KEY"],
        ).create_bucket(Bucket=bucket)
