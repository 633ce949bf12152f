"""`make restore-check`: a backup restores, and the site reads it back.

On the cluster (services.Cluster): a candidate writes an answer and uploads a
file through the site, their conseiller hands over the document de synthèse;
`manage.py backup_data` writes the backup; `manage.py restore_data` restores it
into a fresh database and a fresh bucket; app server b is restarted on them,
the sessions and cache emptied; through b, the candidate logs in again and
finds their answer, their file (the same bytes) and their synthèse's PDF (its
text read back with pypdf).
"""

import io
import sys
import time
import uuid

import urllib3
from pypdf import PdfReader

from .check import (
    CANDIDATE,
    Browser,
    autosave,
    check,
    django_setup,
    ok,
    phase_fields,
    stored_answer,
)
from .services import BUCKET, DATABASE, REDIS_URL, Cluster

RESTORED_DATABASE = f"{DATABASE}_restore"
RESTORED_BUCKET = f"{BUCKET}-restore"


def hand_over_synthese(project):
    """The conseiller writes, submits and hands over the candidate's synthèse
    (the rules the synthèse's screens call)."""
    from phases.models import Bilan
    from synthese import rules

    bilan = Bilan.objects.get(candidate__username=CANDIDATE)
    synthese = rules.synthese_for(bilan)
    rules.save_draft(
        bilan,
        texts={
            "circumstances": "Un bilan pour préparer une reconversion.",
            "competences": "Organisation, écoute, rédaction.",
            "project": project,
        },
        expected_version=synthese.version if synthese.pk else 0,
    )
    rules.submit(bilan, notify=False)
    rules.deliver(bilan, notify=False)
    return bilan


def pdf_text(content):
    return " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(content)).pages
    )


def main():
    urllib3.disable_warnings()
    started = time.monotonic()
    cluster = Cluster()
    failed = False
    try:
        cluster.start()
        django_setup(cluster)
        cert = str(cluster.folder / "cert.pem")
        browser = Browser(cert)
        browser.log_in("only_a", CANDIDATE)

        # What must come back.
        first, text_question, second, upload_question = phase_fields()
        version, _answer = stored_answer(first, text_question.id)
        words = f"Réponse à retrouver après restauration {uuid.uuid4().hex[:8]}"
        saved = autosave(browser, "only_a", first, text_question.id, version, words)
        check(saved.status_code == 200, f"autosave: {saved.status_code}")
        content = b"%PDF-1.4\n% sauvegarde " + uuid.uuid4().hex.encode() + b"\n%%EOF\n"
        uploaded = browser.post(
            "only_a",
            second.url,
            {"action": "save", "version": "0"},
            files={
                f"q-{upload_question.id}": (
                    "cv-sauvegarde.pdf",
                    content,
                    "application/pdf",
                )
            },
        )
        check(uploaded.status_code == 302, f"upload: {uploaded.status_code}")
        project = f"Formatrice pour adultes, projet {uuid.uuid4().hex[:6]}"
        bilan = hand_over_synthese(project)
        pdf_url = f"/bilans/{bilan.pk}/document-de-synthese/pdf/"
        before = browser.get("only_a", pdf_url)
        check(before.status_code == 200, f"synthèse PDF before: {before.status_code}")
        check(project in pdf_text(before.content), "the PDF lacks the project")
        from phases.models import SubmissionFile

        file_pk = SubmissionFile.objects.get(original_name="cv-sauvegarde.pdf").pk
        ok("an answer, a file on S3 and a synthèse remise, through the site")

        # The backup.
        backup = cluster.folder / "sauvegarde"
        out = cluster.manage("backup_data", str(backup))
        ok(out.strip())

        # A fresh database and bucket, restored.
        cluster._admin_sql(
            f"DROP DATABASE IF EXISTS {RESTORED_DATABASE} WITH (FORCE)",
            f"CREATE DATABASE {RESTORED_DATABASE}",
        )
        cluster._fresh_bucket(RESTORED_BUCKET)
        restored = {
            "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{RESTORED_DATABASE}",
            "S3_BUCKET": RESTORED_BUCKET,
        }
        out = cluster.manage("restore_data", str(backup), env=restored)
        ok(out.strip())

        # App server b on the restored data, nothing remembered elsewhere.
        cluster.kill("gunicorn-b")
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        cluster.start_app("b", env=restored)
        browser = Browser(cert)
        browser.log_in("only_b", CANDIDATE)
        page = browser.get("only_b", first.url)
        check(words in page.text, "the answer did not come back")
        served = browser.get("only_b", f"/fichiers/{file_pk}/")
        check(
            served.status_code == 200 and served.content == content,
            f"the file did not come back ({served.status_code})",
        )
        after = browser.get("only_b", pdf_url)
        check(after.status_code == 200, f"synthèse PDF after: {after.status_code}")
        check(project in pdf_text(after.content), "the synthèse did not come back")
        ok("restored into a fresh database and bucket: answer, file and synthèse back")
        ok(f"restore check done in {time.monotonic() - started:.0f} s")
    except Exception as error:  # noqa: BLE001 (reported, then a non-zero exit)
        failed = True
        print(f"FAIL {error}", flush=True)
        print(f"logs: {cluster.folder}", flush=True)
    finally:
        from django.db import connections

        connections.close_all()
        cluster.stop()
        try:
            cluster._admin_sql(
                f"DROP DATABASE IF EXISTS {RESTORED_DATABASE} WITH (FORCE)"
            )
        except Exception as error:  # noqa: BLE001
            print(f"cluster: could not drop {RESTORED_DATABASE}: {error}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
