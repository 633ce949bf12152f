"""Under the production storage every file the pages load with an integrity hash
is the file that hash describes.

django-dsfr's tags give DSFR's CSS and JavaScript Subresource Integrity hashes; a
storage that rewrote the files (the manifest storage's `url()` and source-map
rewriting) made the browser refuse them all: the production site had no DSFR
style nor script while every test, on plain storage, passed.
"""

import base64
import hashlib
import re
from html import unescape

from django.test import Client

import pytest

from monbilan.static_files import IntactManifestStaticFilesStorage

TAG = re.compile(r'(?:href|src)="(/static/[^"]+)"\s+integrity="(sha384-[^"]+)"')


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    storage = IntactManifestStaticFilesStorage(location=root)
    # collectstatic with the production backend, into a directory of the test's own.
    from django.contrib.staticfiles.management.commands import collectstatic

    command = collectstatic.Command()
    command.storage = storage
    command.set_options(
        interactive=False,
        verbosity=0,
        link=False,
        clear=False,
        dry_run=False,
        ignore_patterns=[],
        use_default_ignore_patterns=True,
        post_process=True,
    )
    command.collect()
    return root


def test_production_storage_is_the_intact_one():
    from monbilan.settings import base

    assert (
        base.STORAGES["staticfiles"]["BACKEND"]
        == "monbilan.static_files.IntactManifestStaticFilesStorage"
    )


def test_every_integrity_hash_matches_the_file_served(db, settings, static_root):
    settings.STATIC_ROOT = str(static_root)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "monbilan.static_files.IntactManifestStaticFilesStorage"
        },
    }
    page = Client().get("/connexion/").content.decode()
    checked = TAG.findall(page)
    assert len(checked) >= 3  # DSFR's CSS, its utilities and its scripts

    for url, integrity in checked:
        name = unescape(url).removeprefix(settings.STATIC_URL)
        assert re.search(r"\.[0-9a-f]{12}\.(css|js)$", name), name  # the hashed copy
        content = (static_root / name).read_bytes()
        digest = base64.b64encode(hashlib.sha384(content).digest()).decode()
        assert integrity == f"sha384-{digest}", name
