"""Locust: candidates autosaving and completing phases (used by bench/load.py).

Each simulated candidate logs in, then works through its "phases de charge" one
after the other: several autosaves (each with the version the server last
acknowledged and a unique marker in the first answer), then "J'ai terminé cette
phase". Every acknowledged save and completion is recorded, so that bench/load.py
can check afterwards that the database holds each of them.
"""

import json
import os
import re
import threading
from itertools import count

from locust import HttpUser, between, events, task

SETUP = json.loads(os.environ["LOAD_SETUP"])
ACKS_FILE = os.environ["LOAD_ACKS"]
PASSWORD = "Bench-Bilan-2026!"  # noqa: S105 (throw-away bench accounts)
USERNAMES = count()
ACKS = []
LOCK = threading.Lock()


def record(entry):
    with LOCK:
        ACKS.append(entry)


STATUSES = {}
ERRORS = []


@events.request.add_listener
def count_status(name, response, exception, start_time=None, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    with LOCK:
        STATUSES[status] = STATUSES.get(status, 0) + 1
        if status == 0 or status >= 500:
            ERRORS.append({"at": start_time, "name": name, "status": status})


@events.quitting.add_listener
def write_acks(environment, **kwargs):
    with open(ACKS_FILE, "w", encoding="utf-8") as handle:
        json.dump({"acks": ACKS, "statuses": STATUSES, "errors": ERRORS}, handle)


class Candidate(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.username = SETUP["users"][next(USERNAMES) % len(SETUP["users"])]
        self.phases = list(SETUP["phases"])
        self.saves = 0
        self.version = 0
        self.logged_in = False
        self.log_in()

    def log_in(self):
        page = self.client.get("/connexion/", name="GET /connexion/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        response = self.client.post(
            "/connexion/",
            {
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": self.username,
                "password": PASSWORD,
            },
            headers={"Referer": self.host + "/connexion/"},
            allow_redirects=False,
            name="POST /connexion/",
        )
        self.logged_in = response.status_code == 302
        self.open_phase()

    def open_phase(self):
        if not self.phases:
            return
        phase = self.phases[0]
        page = self.client.get(phase["url"], name="GET phase")
        match = re.search(r'name="version" value="(\d+)"', page.text)
        self.version = int(match.group(1)) if match else 0
        self.saves = 0

    def answers(self, marker):
        names = SETUP["fields_by_phase"][str(self.phases[0]["id"])]
        data = dict.fromkeys(names[1:], f"Réponse {marker} " * 8)
        data[names[0]] = marker
        return data

    @task
    def work(self):
        if not self.logged_in:
            self.log_in()
            return
        if not self.phases:
            self.phases = []  # every phase done: keep reading the dashboard
            self.client.get("/tableau-de-bord/", name="GET dashboard")
            return
        phase = self.phases[0]
        token = self.client.cookies.get("csrftoken", "")
        marker = f"{self.username}/{phase['id']}/{self.version + 1}"
        if self.saves < 5:
            with self.client.post(
                phase["autosave"],
                {**self.answers(marker), "version": self.version},
                headers={"X-CSRFToken": token, "Referer": self.host + phase["url"]},
                name="POST autosave",
                catch_response=True,
            ) as response:
                if response.status_code == 200:
                    self.version = response.json()["version"]
                    self.saves += 1
                    record(
                        {
                            "kind": "save",
                            "user": self.username,
                            "phase": phase["id"],
                            "version": self.version,
                            "marker": marker,
                        }
                    )
                    response.success()
                elif response.status_code == 409:
                    # Stale version (a request that timed out did commit):
                    # reload, as the page asks the candidate to.
                    response.success()
                    self.open_phase()
                else:
                    response.failure(f"HTTP {response.status_code}")
            return
        with self.client.post(
            phase["url"],
            {
                **self.answers(marker),
                "version": self.version,
                "action": "complete",
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": self.host + phase["url"]},
            allow_redirects=False,
            name="POST complete",
            catch_response=True,
        ) as response:
            done = response.headers.get("Location", "").endswith("/tableau-de-bord/")
            if response.status_code == 302 and done:
                record(
                    {
                        "kind": "complete",
                        "user": self.username,
                        "phase": phase["id"],
                        "version": self.version + 1,
                        "marker": marker,
                    }
                )
                response.success()
                self.phases.pop(0)
                self.open_phase()
            elif response.status_code in (302, 400, 409):
                response.success()
                self.open_phase()
            else:
                response.failure(f"HTTP {response.status_code}")
