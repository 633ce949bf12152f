# ruff: noqa: T201 (a command-line script: it prints its results)
"""The benchmark phase page rendered in-process: CPU per request, a profile, the HTML.

    BENCH_DB=monbilan_bench python -m bench.profile_phase [--runs 200] [--profile]
        [--html FILE] [--compare]

On the database `make bench` made (the 40-question phase of `bench.fixtures forty`
and its candidates), with bench.settings (production's). Django's test client GETs
the phase page as `bench.candidat1`, `--runs` times after a warm-up, and prints the
median `time.process_time()` of a request: the server's CPU without HTTP or
gunicorn. `--profile` prints cProfile's top functions by cumulative time; `--html`
writes the page's HTML (CSRF tokens and random ids blanked) to compare markup
before and after a change byte for byte. `--compare` alternates the question
form's renderer with the templates alone, request by request, and checks that
both write the same page.
"""

import argparse
import cProfile
import pstats
import re
import statistics
import time

from bench.common import django_setup

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# django-dsfr's breadcrumb draws a random id at each rendering.
BREADCRUMB = re.compile(r"breadcrumb-[a-z]{16}")


def page_html(response):
    html = TOKEN.sub(r"\1TOKEN\2", response.content.decode())
    return BREADCRUMB.sub("breadcrumb-ID", html)


def compare(client, url, runs):
    """The same page through `QuestionRenderer` and through the templates only
    (`TemplatesSetting`, as before issue 16), alternated request by request so
    that the machine's load weighs on both alike; the same HTML, checked."""
    from django.forms.renderers import TemplatesSetting

    from phases.questions.form import PhaseForm

    renderers = {
        "QuestionRenderer": PhaseForm.default_renderer,
        "templates only": TemplatesSetting(),
    }
    timings = {name: [] for name in renderers}
    pages = {}
    for _ in range(runs):
        for name, renderer in renderers.items():
            PhaseForm.default_renderer = renderer
            started = time.process_time()
            response = client.get(url)
            timings[name].append(time.process_time() - started)
            pages[name] = page_html(response)
    PhaseForm.default_renderer = renderers["QuestionRenderer"]
    if len(set(pages.values())) != 1:
        raise RuntimeError("the two renderers wrote different pages")
    for name, values in timings.items():
        print(
            f"{name}: {runs} GETs of {url}, CPU per request median "
            f"{statistics.median(values) * 1000:.1f} ms"
        )
    print("same HTML from both")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--html", help="write the page's HTML (tokens, random ids blanked) here"
    )
    parser.add_argument("--user", default="bench.candidat1")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="alternate, request by request, the form's renderer and the templates",
    )
    options = parser.parse_args()
    django_setup()
    from django.test import Client

    from phases.models import PhasePage
    from users.models import User

    phase = PhasePage.objects.get(slug="phase-de-reference")
    client = Client()
    client.force_login(User.objects.get(username=options.user))
    url = phase.url
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    if options.html:
        with open(options.html, "w", encoding="utf-8") as out:
            out.write(page_html(response))
    for _ in range(10):  # warm-up: template loader, caches
        client.get(url)
    if options.compare:
        return compare(client, url, options.runs)
    profiler = cProfile.Profile() if options.profile else None
    timings = []
    for _ in range(options.runs):
        if profiler:
            profiler.enable()
        started = time.process_time()
        client.get(url)
        timings.append(time.process_time() - started)
        if profiler:
            profiler.disable()
    print(
        f"{options.runs} GETs of {url}: CPU per request median "
        f"{statistics.median(timings) * 1000:.1f} ms, "
        f"min {min(timings) * 1000:.1f} ms"
    )
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
