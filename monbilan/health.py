"""/sante/: the health check a reverse proxy or a load balancer polls.

JSON on the three things every request may need: the database, the cache (the
sessions live there in production) and the storage of uploaded files. 200 when
all answer, 503 when one does not; each part says "ok" or "erreur", nothing
more (no host name, no exception text: the page is public). The failure itself
goes to the log.

Answered by a middleware placed right after the request identifier's, before
all the others: no session is read, no cookie set, no redirect can happen (to
HTTPS, to the consent page, to a password change), and the Host header is not
checked, so that the proxy may poll each app server at its own address. Each
poll costs one `SELECT 1`, a cache set and get of one small key, and a look at
the storage that writes nothing (a HEAD of the S3 bucket, or the opening of the
local folder).

Written here rather than with django-health-check: its current releases (4.9
and later) need Python 3.14, and its storage check writes and deletes a file at
each poll.
"""

import logging
import os

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse

logger = logging.getLogger(__name__)

PATH = "/sante/"
#: A name looked up in a storage neither local nor S3: whether it exists does
#: not matter, only that the storage answers.
STORAGE_PROBE = "sante/sonde"
CACHE_KEY = "monbilan:sante"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    # Every server writes the same value: concurrent polls cannot disagree.
    cache.set(CACHE_KEY, "ok", 60)
    if cache.get(CACHE_KEY) != "ok":
        raise RuntimeError("the cache did not keep the value")


def _storage():
    storage = storages["private"]
    if isinstance(storage, FileSystemStorage):
        # exists() on a local folder never fails (a missing or unreadable folder
        # only answers False): open the folder itself, created first as the
        # storage does at its first file (a new server has none yet).
        os.makedirs(storage.location, exist_ok=True)
        os.scandir(storage.location).close()
    elif _is_s3(storage):
        # A HEAD of the bucket: fails when S3 cannot be reached, the credentials
        # are refused or the bucket is not there (exists() of a file cannot
        # tell: a HEAD of a file answers 404 in a missing bucket too).
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    else:
        storage.exists(STORAGE_PROBE)


def _is_s3(storage):
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages without boto3
        return False
    return isinstance(storage, S3Storage)


CHECKS = {
    "base_de_donnees": _database,
    "cache": _cache,
    "stockage": _storage,
}


def health(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    body = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure is a failed check
            logger.warning("/sante/ : %s en échec : %r", name, error)
            body[name] = "erreur"
        else:
            body[name] = "ok"
    healthy = all(value == "ok" for value in body.values())
    response = JsonResponse(
        {"statut": "ok" if healthy else "erreur", **body},
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return health(request)
        return self.get_response(request)
