"""`make cluster-check`: the cluster works as one site, and survives.

Starts the cluster (services.Cluster), proves each point below through the
site, as a browser would (HTTPS through nginx, cookies, CSRF), and stops it all:

1. a login on one app server continues on the other (sessions in Redis);
2. a phase saved through one is read through the other (one PostgreSQL);
3. an uploaded file is served back through the other (files on S3);
4. requests spread over both (nginx's X-Upstream header says which answered);
5. one app server killed in the middle of an autosave loop loses no
   acknowledged save, and GETs go on through the other;
6. PostgreSQL stopped then started: 503 with Retry-After meanwhile, then
   recovery, nothing acknowledged lost;
7. with two task workers, every queued e-mail is sent exactly once, before
   and after the database restart (django-tasks-db reconnects).

Exits 0 when everything holds; prints the cluster's folder (logs) otherwise.
Bounded: every loop has a count and a deadline; the whole takes a few minutes.
"""

import mailbox
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
import urllib3

from .services import HOST, PORTS, Cluster, ClusterError

PASSWORD = "Demo-Bilan-2026!"  # noqa: S105 (the demo accounts', README)
CANDIDATE = "candidat.partiel"  # phase 1 en cours, phase 2 (with a file) not started


def url(port_name, path):
    return f"https://{HOST}:{PORTS[port_name]}{path}"


class Browser:
    """A person's browser: one cookie jar, CSRF as the pages give it."""

    def __init__(self, cert):
        self.session = requests.Session()
        # Per request: a REQUESTS_CA_BUNDLE in the environment would win over
        # the session's own setting.
        self.cert = cert

    def get(self, port_name, path, **kwargs):
        return self.session.get(
            url(port_name, path), timeout=20, verify=self.cert, **kwargs
        )

    def post(self, port_name, path, data=None, files=None, **kwargs):
        headers = {
            "Referer": url(port_name, path),
            "X-CSRFToken": self.session.cookies.get("csrftoken", ""),
        }
        return self.session.post(
            url(port_name, path),
            data={**(data or {}), "csrfmiddlewaretoken": headers["X-CSRFToken"]},
            files=files,
            headers={**headers, **kwargs.pop("headers", {})},
            timeout=20,
            verify=self.cert,
            allow_redirects=False,
            **kwargs,
        )

    def log_in(self, port_name, username):
        self.get(port_name, "/connexion/")
        response = self.post(
            port_name, "/connexion/", {"username": username, "password": PASSWORD}
        )
        if response.status_code != 302:
            raise ClusterError(f"login of {username} refused ({response.status_code})")


def django_setup(cluster):
    os.environ.update(cluster.env)
    import django

    django.setup()


def ok(text):
    print(f"ok   {text}", flush=True)


def check(condition, text):
    if not condition:
        raise ClusterError(text)


def phase_fields():
    """The phases the check writes into: phase 1 (a long answer) and phase 2 (a
    file), of the candidate's bilan."""
    from phases.models import PhasePage

    phases = list(PhasePage.objects.live().order_by("path"))
    first, second = phases[0], phases[1]
    text = next(c for c in first.questions() if c.block.type_name == "long_text")
    upload = next(c for c in second.questions() if c.block.type_name == "file_upload")
    return first, text, second, upload


def stored_answer(phase, block_id):
    from django.db import close_old_connections

    from phases.models import PhaseSubmission

    close_old_connections()
    submission = PhaseSubmission.objects.get(
        bilan__candidate__username=CANDIDATE, phase=phase
    )
    return submission.version, submission.answers.get(block_id)


def autosave(browser, port_name, phase, block_id, version, text):
    return browser.post(
        port_name,
        f"/mes-reponses/phases/{phase.pk}/enregistrer/",
        {"version": str(version), f"q-{block_id}": text},
        headers={"Accept": "application/json"},
    )


def autosave_loop(browser, phase, block_id, count, *, during=None, workers=3):
    """`count` autosaves through the front, `workers` at a time, as tabs typing
    would; returns (acknowledged numbers, statuses). On a 409 the next save
    takes the stored version, as the page would after reloading."""
    acked, statuses = [], []
    lock = threading.Lock()
    version = [stored_answer(phase, block_id)[0]]

    def one(number):
        text = f"Sauvegarde n° {number:04d}"
        for _attempt in range(3):
            with lock:
                current = version[0]
            try:
                response = autosave(browser, "front", phase, block_id, current, text)
            except requests.RequestException:
                statuses.append("connexion")
                time.sleep(0.2)
                continue
            statuses.append(response.status_code)
            if response.status_code == 200:
                with lock:
                    version[0] = max(version[0], response.json()["version"])
                    acked.append((response.json()["version"], number))
                return
            if response.status_code == 409:
                with lock:
                    version[0] = response.json().get("version", version[0])
                continue
            time.sleep(0.3)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = []
        for number in range(count):
            futures.append(pool.submit(one, number))
            if during is not None and number == count // 3:
                during()
            time.sleep(0.02)
        for future in futures:
            future.result(timeout=60)
    return acked, statuses


def last_acknowledged_is_kept(phase, block_id, acked, browser):
    check(acked, "no autosave was acknowledged")
    version, number = max(acked)
    stored_version, stored = stored_answer(phase, block_id)
    check(
        stored_version >= version,
        f"acknowledged version {version} lost: stored {stored_version}",
    )
    stored_number = int(re.search(r"(\d{4})", stored).group(1))
    if stored_version == version:
        check(stored_number == number, f"save n° {number} lost: stored {stored}")
    page = browser.get("only_b", phase.url)
    check(stored in page.text, "the stored answer is not on the page")
    return version, stored


def main():  # noqa: C901, PLR0915 (one list of checks, read in order)
    urllib3.disable_warnings()
    started = time.monotonic()
    cluster = Cluster()
    failed = False
    try:
        cluster.start()
        django_setup(cluster)
        cert = str(cluster.folder / "cert.pem")
        ok(f"cluster up in {time.monotonic() - started:.0f} s")

        # 0. Each app server's health, as a proxy polls it.
        for name in ("only_a", "only_b"):
            health = requests.get(url(name, "/sante/"), verify=cert, timeout=5)
            check(
                health.status_code == 200 and health.json().get("statut") == "ok",
                f"/sante/ through {name}: {health.status_code} {health.text[:200]}",
            )
        ok("/sante/ answers ok on both app servers (database, cache, S3)")

        # 1. A login on a continues on b.
        browser = Browser(cert)
        browser.log_in("only_a", CANDIDATE)
        dashboard = browser.get("only_b", "/tableau-de-bord/", allow_redirects=False)
        check(
            dashboard.status_code == 200 and "Mes phases" in dashboard.text,
            f"the session opened on a is not known to b ({dashboard.status_code})",
        )
        ok("a login on app server a continues on app server b")

        # 2. Saved through a, read through b.
        first, text_question, second, upload_question = phase_fields()
        version, _answer = stored_answer(first, text_question.id)
        words = f"Écrit sur a, lu sur b : {uuid.uuid4().hex[:8]}"
        saved = autosave(browser, "only_a", first, text_question.id, version, words)
        check(saved.status_code == 200, f"autosave on a: {saved.status_code}")
        read = browser.get("only_b", first.url)
        check(words in read.text, "the answer saved on a is not on b's page")
        ok("a phase saved through a is read through b")

        # 3. A file uploaded through a, served back through b.
        content = (
            b"%PDF-1.4\n% cluster check " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        )
        uploaded = browser.post(
            "only_a",
            second.url,
            {"action": "save", "version": "0"},
            files={
                f"q-{upload_question.id}": (
                    "cv-cluster.pdf",
                    content,
                    "application/pdf",
                )
            },
        )
        check(uploaded.status_code == 302, f"upload on a: {uploaded.status_code}")
        from phases.models import SubmissionFile

        stored_file = SubmissionFile.objects.get(original_name="cv-cluster.pdf")
        check(
            stored_file.file.storage.__class__.__name__ == "S3Storage",
            "the file is not on S3",
        )
        served = browser.get("only_b", f"/fichiers/{stored_file.pk}/")
        check(
            served.status_code == 200 and served.content == content,
            f"the file is not served back by b ({served.status_code})",
        )
        ok("a file uploaded through a (to S3) is served back through b")

        # 4. Requests spread over both.
        upstreams = [
            browser.get("front", "/tableau-de-bord/").headers.get("X-Upstream")
            for _ in range(20)
        ]
        counts = {address: upstreams.count(address) for address in set(upstreams)}
        check(len(counts) == 2, f"requests did not spread: {counts}")
        ok(f"20 requests spread over both app servers: {sorted(counts.values())}")

        # 5. App server a killed in the middle of an autosave loop.
        acked, statuses = autosave_loop(
            browser,
            first,
            text_question.id,
            60,
            during=lambda: cluster.kill("gunicorn-a"),
        )
        version, stored = last_acknowledged_is_kept(
            first, text_question.id, acked, browser
        )
        conflicts = statuses.count(409)  # two tabs' saves crossing: sent again
        failures = len(statuses) - statuses.count(200) - conflicts
        gets = [browser.get("front", first.url).status_code for _ in range(10)]
        check(gets == [200] * 10, f"GETs after the kill: {gets}")
        ok(
            f"a killed mid-loop: {len(acked)} saves acknowledged, none lost "
            f"(stored version {version}); {failures} cut by the kill and "
            f"{conflicts} crossing saves sent again; GETs all answered by b"
        )
        cluster.start_app("a")

        # 7a. E-mails queued, two workers: each sent once.
        sent_before = send_emails_exactly_once(cluster, "avant", 20)
        ok(f"{sent_before} e-mails queued, each sent exactly once by two workers")

        # 6. PostgreSQL stopped, then started again.
        cluster_version = postgres_cluster()
        subprocess.run(["pg_ctlcluster", *cluster_version, "stop"], check=True)  # noqa: S603, S607
        try:
            outage = [
                autosave(browser, "front", first, text_question.id, version, "panne")
                for _ in range(5)
            ]
            health = requests.get(url("front", "/sante/"), verify=cert, timeout=15)
        finally:
            subprocess.run(["pg_ctlcluster", *cluster_version, "start"], check=True)  # noqa: S603, S607
        check(
            all(r.status_code == 503 and r.headers.get("Retry-After") for r in outage),
            f"during the outage: {[r.status_code for r in outage]}",
        )
        check(
            health.status_code == 503 and health.json().get("base_de_donnees") != "ok",
            f"/sante/ during the outage: {health.status_code} {health.text[:200]}",
        )
        from django.db import connections

        connections.close_all()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if browser.get("front", "/tableau-de-bord/").status_code == 200:
                break
            time.sleep(0.5)
        else:
            raise ClusterError("the site did not recover after PostgreSQL restarted")
        stored_version, stored_after = stored_answer(first, text_question.id)
        check(stored_after == stored, "an acknowledged save was lost in the restart")
        acked, _statuses = autosave_loop(browser, first, text_question.id, 10)
        last_acknowledged_is_kept(first, text_question.id, acked, browser)
        ok(
            "PostgreSQL stopped: 503 with Retry-After, /sante/ says the database "
            "is down "
            f"(Retry-After {outage[0].headers['Retry-After']} s); started: the site "
            "recovered, nothing acknowledged lost"
        )

        # 7b. The workers reconnected: each e-mail still sent once.
        sent_after = send_emails_exactly_once(cluster, "apres", 20)
        restarts = sum(cluster.restarts.values())
        ok(
            f"after the restart, {sent_after} more e-mails, each sent exactly once "
            f"(workers restarted by the supervisor: {restarts})"
        )
        ok(f"cluster check done in {time.monotonic() - started:.0f} s")
    except Exception as error:  # noqa: BLE001 (reported, then a non-zero exit)
        failed = True
        print(f"FAIL {error}", flush=True)
        print(f"logs: {cluster.folder}", flush=True)
    finally:
        from django.db import connections

        connections.close_all()
        cluster.stop()
    return 1 if failed else 0


def postgres_cluster():
    """(version, name) of the local PostgreSQL cluster (Debian's pg_lsclusters)."""
    output = subprocess.run(  # noqa: S603, S607
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=True
    ).stdout.split()
    return output[0], output[1]


def send_emails_exactly_once(cluster, label, count, timeout=90):
    """Queue `count` e-mails, wait until the SMTP server has them all, then a
    little more: each subject exactly once."""
    from django.db import close_old_connections

    from users.tasks import send_email

    close_old_connections()
    run = f"{label}-{uuid.uuid4().hex[:6]}"
    subjects = {f"Vérification {run} n° {n}" for n in range(count)}
    for subject in sorted(subjects):
        send_email.enqueue(
            subject=subject,
            body="Message de vérification.",
            to=["verification@example.org"],
        )
    box = mailbox.Maildir(cluster.folder / "maildir", create=False)
    deadline = time.monotonic() + timeout
    received = []
    while time.monotonic() < deadline:
        received = [
            str(message["Subject"]) for message in box if run in str(message["Subject"])
        ]
        if len(received) >= count:
            break
        time.sleep(0.5)
    time.sleep(3)  # a duplicate would arrive now
    box = mailbox.Maildir(cluster.folder / "maildir", create=False)
    received = [
        decoded(message["Subject"])
        for message in box
        if run in decoded(message["Subject"])
    ]
    check(len(received) == count, f"{len(received)} of {count} e-mails arrived")
    check(set(received) == subjects, "some e-mail arrived twice, another never")
    return count


def decoded(header):
    from email.header import decode_header, make_header

    return str(make_header(decode_header(str(header))))


if __name__ == "__main__":
    sys.exit(main())
