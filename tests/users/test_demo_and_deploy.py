import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

from phases.models import Bilan, PhasePage
from users.models import Academie, Dabm, User

ROOT = Path(__file__).resolve().parents[2]


def snapshot():
    return (
        User.objects.count(),
        Academie.objects.count(),
        Dabm.objects.count(),
        PhasePage.objects.count(),
        Bilan.objects.count(),
    )


def test_load_demo_is_idempotent(db):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert first[:3] == (10, 2, 7)
    assert first[3] == 10


def test_demo_accounts_log_in_with_the_documented_password(client, db):
    call_command("load_demo")
    for username in [
        "admin",
        "admin.montpellier",
        "admin.toulouse",
        "referent.sete",
        "conseiller.lunel",
        "conseiller.toulouse",
        "candidat.lunel",
        "candidat.sete",
        "candidat.partiel",
        "candidat.toulouse",
    ]:
        response = client.post(
            "/connexion/", {"username": username, "password": "Demo-Bilan-2026!"}
        )
        assert response.status_code == 302, username
        client.post("/deconnexion/")
    assert User.objects.get(username="referent.sete").is_referent
    assert User.objects.get(username="admin").is_superuser
    partiel = Bilan.objects.get(candidate__username="candidat.partiel")
    assert partiel.conseiller.username == "conseiller.lunel"
    assert partiel.selected_phases.count() == 4


def production_env(tmp_path, **extra):
    """The environment of a production process. Browser tests may allow
    async-unsafe calls in this process; a deployed server never does, so the
    subprocess must not inherit it."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="monbilan.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="monbilan.example.fr",
        SITE_URL="https://monbilan.example.fr",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def manage(env, *args):
    """Run our own manage.py in a separate process, as a server would."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = manage(
        production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage(production_env(tmp_path, SECRET_KEY=None), "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_keeps_sessions_in_redis_when_redis_url_is_set(tmp_path):
    """REDIS_URL is documented in the README: the client library must be installed
    and a session written by one process must be read back by another."""
    env = production_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/15")

    def shell(code):
        result = manage(env, "shell", "--no-imports", "-c", code)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip()

    assert manage(env, "migrate", "--noinput").returncode == 0
    key = shell(
        "from django.contrib.sessions.backends.cached_db import SessionStore; "
        "from django.core.cache import caches; "
        "assert type(caches['default']).__name__ == 'RedisCache'; "
        "s = SessionStore(); s['marque'] = 'conservée'; s.create(); "
        "print(s.session_key)"
    )
    read = shell(
        "from django.conf import settings; from importlib import import_module; "
        "from django.core.cache import cache; "
        f"key = {key!r}; "
        "assert cache.get('django.contrib.sessions.cached_db' + key) is not None; "
        "store = import_module(settings.SESSION_ENGINE).SessionStore(key); "
        "print(store['marque']); store.delete()"
    )
    assert read == "conservée"
