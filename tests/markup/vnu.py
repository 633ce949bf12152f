"""The Nu HTML Checker (npm's `vnu-jar`), run on the machine's Java.

`make test` installs it into node_modules/ (`npm ci --ignore-scripts`). Java takes
seconds to start, so every page of a test goes to one invocation.
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist"
VNU_JAR = VNU_JAR / "vnu.jar"


def missing_tools():
    """Why the checker cannot run here, or "" when it can."""
    if shutil.which("java") is None:
        return "Java is missing (Debian: apt-get install default-jre-headless)."
    if not VNU_JAR.exists():
        return f"{VNU_JAR} is missing: run `make node_modules/.installed`."
    return ""


def validate(pages, folder):
    """The checker's errors for each page: {name: [message, …]}.

    `pages` maps a name (any string) to an HTML document; `folder` is a scratch
    directory. Warnings and informational messages are not errors.
    """
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        path = (Path(folder) / f"page-{number:03d}.html").resolve()
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    completed = subprocess.run(  # noqa: S603 (a fixed command on our own files)
        [
            shutil.which("java"),
            "-Xss4m",  # the checker's parser recurses deeply on long pages
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            *files,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if not completed.stdout.strip():
        raise AssertionError(f"The Nu HTML Checker did not run:\n{completed.stderr}")
    errors = {}
    for message in json.loads(completed.stdout)["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        # The checker names a file "file:/tmp/…".
        path = unquote(urlparse(message.get("url", "")).path)
        text = f"line {message.get('lastLine', '?')}: {message['message']}"
        extract = message.get("extract", "").strip()
        if extract:
            text += f"\n        {extract}"
        errors.setdefault(files.get(path, path), []).append(text)
    return errors
