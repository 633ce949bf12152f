# ruff: noqa: T201 (a command-line script: it prints its results)
"""Django-side set-up of the benchmark: the 40-question phase, its peer form page,
the accounts the clients log in with, and query counts.

    python -m bench.fixtures forty N   → JSON {phase_url, phase_id, peer_url, users}
    python -m bench.fixtures querycounts → JSON of query counts at 10 and 1,000 rows
    python -m bench.fixtures root      → the superuser `bench.root` (if missing)

Every load ends with ANALYZE, as `generate_data` does (tests/phases/
test_bench_fixtures.py).
"""

import json
import sys

from bench.common import PASSWORD, django_setup

FORTY = (
    [("short_text", f"Réponse courte n° {n}") for n in range(1, 11)]
    + [("long_text", f"Réponse longue n° {n}") for n in range(1, 11)]
    + [("single_choice", f"Choix unique n° {n}") for n in range(1, 6)]
    + [("multiple_choice", f"Choix multiple n° {n}") for n in range(1, 6)]
    + [("dropdown", f"Liste déroulante n° {n}") for n in range(1, 5)]
    + [("date", f"Date n° {n}") for n in range(1, 4)]
    + [("number", f"Nombre n° {n}") for n in range(1, 4)]
)
CHOICES = ["Tout à fait", "Plutôt oui", "Plutôt non", "Pas du tout"]
PEER_TYPES = {
    "short_text": "singleline",
    "long_text": "multiline",
    "single_choice": "radio",
    "multiple_choice": "checkboxes",
    "dropdown": "dropdown",
    "date": "date",
    "number": "number",
}


def analyze():
    """ANALYZE after a load, as `generate_data` ends (the same function): the
    benchmark then measures the plans production makes, not plans for the empty
    tables the statistics still describe (autovacuum would only catch up later)."""
    from phases.management.commands.generate_data import analyze as run_analyze

    return run_analyze()


def make_candidates(prefix, count, conseiller, phases):
    """`count` candidates named `<prefix><n>`, each with a bilan of `phases`.

    Each has consented (as after « Votre accord pour ce bilan »): until then the
    consent gate sends a candidate there from every page, and the benchmark would
    time a redirection instead of the phase page.
    """
    from phases.rules.bilans import create_bilan
    from phases.rules.consent import consent_text, give_consent
    from users.models import User

    users = []
    consent_page = consent_text()
    for number in range(1, count + 1):
        username = f"{prefix}{number}"
        candidate = User.objects.create_user(
            username=username,
            password=PASSWORD,
            email=f"{username}@exemple.fr",
            role=User.Role.CANDIDAT,
            dabm=conseiller.dabm,
            academie=conseiller.dabm.academie,
        )
        create_bilan(
            candidate=candidate,
            conseiller=conseiller,
            modalite="distance",
            phases=phases,
        )
        give_consent(candidate, page=consent_page)
        users.append(username)
    return users


def forty(count):
    from django.db import transaction

    from bench.peer.models import PeerFormField, PeerFormPage
    from home.models import HomePage
    from phases.content.install import (
        body_from_content,
        get_phase_index,
        install_phases,
    )
    from phases.models import PhasePage
    from users.models import User

    if len(FORTY) != 40:
        raise RuntimeError("the peer comparison needs exactly 40 questions")
    install_phases()
    with transaction.atomic():
        body = []
        for block_type, label in FORTY:
            value = {
                "label": label,
                "help_text": "Aide à la réponse",
                "required": False,
            }
            if block_type in ("single_choice", "multiple_choice", "dropdown"):
                value["choices"] = CHOICES
            if block_type == "number":
                value.update(min_value=0, max_value=100)
            body.append((block_type, value))
        index = get_phase_index()
        phase = PhasePage(
            title="Phase de référence (40 questions)",
            slug="phase-de-reference",
            body=body_from_content(body),
        )
        index.add_child(instance=phase)
        phase.save_revision().publish()

        home = HomePage.objects.first()
        peer = PeerFormPage(title="Formulaire de référence (40 champs)", slug="pair")
        home.add_child(instance=peer)
        for order, (block_type, label) in enumerate(FORTY):
            PeerFormField.objects.create(
                page=peer,
                sort_order=order,
                label=label,
                help_text="Aide à la réponse",
                required=False,
                field_type=PEER_TYPES[block_type],
                choices="\n".join(CHOICES)
                if "choice" in block_type or block_type == "dropdown"
                else "",
            )
        peer.save_revision().publish()

        conseiller = User.objects.filter(role=User.Role.CONSEILLER).first()
        users = make_candidates("bench.candidat", count, conseiller, [phase])
        root()
    analyze()
    fields = {f"q-{child.id}": child.block.type_name for child in phase.questions()}
    peer_fields = {
        field.clean_name: field.field_type for field in peer.get_form_fields()
    }
    return {
        "phase_url": phase.url,
        "phase_id": phase.pk,
        "peer_url": peer.url,
        "users": users,
        "fields": fields,
        "peer_fields": peer_fields,
    }


def root():
    """The superuser the activity table and its CSV are measured with."""
    from users.models import User

    if not User.objects.filter(username="bench.root").exists():
        User.objects.create_superuser("bench.root", "root@exemple.fr", PASSWORD)
    return {"username": "bench.root"}


def querycounts():
    """Queries per page for a user with 10 rows and one with 1,000 rows."""
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from phases.models import Bilan, PhasePage
    from phases.rules.consent import give_consent
    from users.models import Academie, User

    results = {}
    for rows in (10, 1000):
        prefix = f"qc{rows}-"
        if not Academie.objects.filter(name__startswith=f"Académie {prefix}").exists():
            call_command(
                "generate_data",
                academies=1,
                dabms=1,
                conseillers=1,
                candidates=rows,
                submissions=4,
                prefix=prefix,
                stdout=open("/dev/null", "w"),  # noqa: SIM115
            )
        academie = Academie.objects.filter(
            name__startswith=f"Académie {prefix}"
        ).first()
        admin = User.objects.get(role=User.Role.ADMINISTRATEUR, academie=academie)
        conseiller = User.objects.get(
            role=User.Role.CONSEILLER, dabm__academie=academie
        )
        bilan = Bilan.objects.filter(conseiller=conseiller).order_by("pk").first()
        candidate = bilan.candidate
        # Else the consent gate answers the candidate's pages with a redirection.
        give_consent(candidate)
        phase = (
            PhasePage.objects.live()
            .filter(pk=bilan.selected_phases.first().phase_id)
            .first()
        )
        pages = [
            ("Tableau de bord candidat", candidate, "/tableau-de-bord/"),
            ("Page d'une phase (candidat)", candidate, phase.url),
            ("Tableau de bord conseiller", conseiller, "/tableau-de-bord/"),
            ("Accueil admin (tableau de bord administrateur)", admin, "/admin/"),
            ("Tableau d'activité", admin, "/admin/activite/"),
            ("Candidats (admin)", admin, "/admin/candidats/"),
            ("Conseillers (admin)", admin, "/admin/conseillers/"),
        ]
        for name, user, url in pages:
            client = Client()
            client.force_login(user)
            client.get(url)  # warm caches (site root paths, etc.)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{name}: {url} answered {response.status_code}")
            results.setdefault(name, {})[rows] = {
                "queries": len(captured.captured_queries),
                "status": response.status_code,
            }
    return results


def load(count, phases_count):
    """Accounts and phases for the load test: `count` candidates, each with the
    same `phases_count` "phases de charge" (ten text questions, none required)."""
    from django.db import transaction

    from phases.content.install import (
        body_from_content,
        get_phase_index,
        install_phases,
    )
    from phases.models import PhasePage
    from users.models import User

    install_phases()
    conseiller = User.objects.filter(role=User.Role.CONSEILLER).first()
    with transaction.atomic():
        index = get_phase_index()
        phases = []
        for number in range(1, phases_count + 1):
            body = [
                ("short_text", {"label": "Repère", "help_text": "", "required": False})
            ]
            body += [
                (
                    "long_text" if n % 2 else "short_text",
                    {"label": f"Question {n}", "help_text": "", "required": False},
                )
                for n in range(1, 10)
            ]
            phase = PhasePage(
                title=f"Phase de charge {number}", body=body_from_content(body)
            )
            index.add_child(instance=phase)
            phase.save_revision().publish()
            phases.append(phase)
        users = make_candidates("load.candidat", count, conseiller, phases)
    analyze()
    return {
        "users": users,
        "phases": [
            {
                "id": phase.pk,
                "url": phase.url,
                "autosave": f"/mes-reponses/phases/{phase.pk}/enregistrer/",
            }
            for phase in phases
        ],
        "fields_by_phase": {
            str(phase.pk): [f"q-{child.id}" for child in phase.questions()]
            for phase in phases
        },
    }


def check(acks_file):
    """Every acknowledged save or completion is in the database."""
    from phases.models import PhaseSubmission

    data = json.loads(open(acks_file, encoding="utf-8").read())  # noqa: SIM115
    last = {}
    for ack in data["acks"]:
        key = (ack["user"], ack["phase"])
        if key not in last or ack["version"] >= last[key]["version"]:
            last[key] = ack
    lost, newer, checked = [], 0, 0
    for (username, phase_id), ack in last.items():
        submission = PhaseSubmission.objects.filter(
            bilan__candidate__username=username, phase_id=phase_id
        ).first()
        checked += 1
        if submission is None or submission.version < ack["version"]:
            lost.append(ack)
            continue
        if submission.version > ack["version"]:
            newer += 1  # a later save committed whose answer never arrived
            continue
        if ack["marker"] not in submission.answers.values():
            lost.append(ack)
        elif ack["kind"] == "complete" and submission.status not in (
            PhaseSubmission.DONE
        ):
            lost.append(ack)
    return {
        "acknowledged": len(data["acks"]),
        "acknowledged_saves": sum(1 for a in data["acks"] if a["kind"] == "save"),
        "acknowledged_completions": sum(
            1 for a in data["acks"] if a["kind"] == "complete"
        ),
        "submissions_checked": checked,
        "lost": len(lost),
        "lost_examples": lost[:5],
        "stored_newer_than_last_ack": newer,
        "statuses": data["statuses"],
        "errors": data["errors"],
    }


if __name__ == "__main__":
    django_setup()
    command = sys.argv[1]
    if command == "forty":
        print(json.dumps(forty(int(sys.argv[2]))))
    elif command == "root":
        print(json.dumps(root()))
    elif command == "querycounts":
        print(json.dumps(querycounts()))
    elif command == "load":
        print(json.dumps(load(int(sys.argv[2]), int(sys.argv[3]))))
    elif command == "check":
        print(json.dumps(check(sys.argv[2])))
