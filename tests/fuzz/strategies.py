"""Hypothesis strategies for the form engine, and what a valid stored answer is.

`bodies()` draws phase bodies mixing every question type with random settings (a
référent may leave a list empty, set a minimum above the maximum, repeat a
choice…); `post_data(page)` draws the POST a browser, a stale tab or an attacker
could send for it: the right names with wrong values, missing keys, unexpected
lists, huge strings and names that belong to no question.
"""

import datetime
from collections import Counter

from hypothesis import strategies as st

from phases.content.demo_answers import example_data
from phases.content.install import body_from_content
from phases.models import PhasePage
from phases.questions.blocks import list_items
from phases.questions.form import field_name

HUGE = 25_000  # longer than any field accepts (long text: 20,000)

labels = st.text(min_size=1, max_size=40).filter(str.strip)
short_texts = st.text(max_size=30)
items = st.lists(st.text(min_size=1, max_size=20).filter(str.strip), max_size=5)
maybe_int = st.none() | st.integers(min_value=-1000, max_value=1000)


def _common():
    return {
        "label": labels,
        "help_text": st.text(max_size=30),
        "required": st.booleans(),
    }


QUESTION_SETTINGS = {
    "short_text": {},
    "long_text": {},
    "single_choice": {"choices": items},
    "multiple_choice": {"choices": items},
    "dropdown": {"choices": items},
    "likert": {"statements": items, "scale": items},
    "ranking": {"items": items},
    "date": {},
    "number": {"min_value": maybe_int, "max_value": maybe_int},
    "yes_no": {},
    "table": {"columns": items},
    "file_upload": {},
}


@st.composite
def questions(draw, block_type=None):
    block_type = block_type or draw(st.sampled_from(sorted(QUESTION_SETTINGS)))
    settings = {**_common(), **QUESTION_SETTINGS[block_type]}
    return (block_type, draw(st.fixed_dictionaries(settings)))


@st.composite
def bodies(draw, min_size=1, max_size=8):
    body = draw(st.lists(questions(), min_size=min_size, max_size=max_size))
    if draw(st.booleans()):
        body.insert(0, ("heading", {"text": "Une partie", "level": "h2"}))
    return body


def page_with(body):
    """An unsaved phase page holding `body` (the form engine needs no database)."""
    return PhasePage(title="Phase au hasard", body=body_from_content(body))


def _options(child):
    value = child.value
    texts = []
    for list_name in ("choices", "scale", "items", "statements", "columns"):
        if list_name in value:
            texts += [text for _key, text in list_items(value[list_name])]
    return texts


def scalar_values(options=()):
    return st.one_of(
        st.sampled_from(list(options) or [""]),
        st.text(max_size=40),
        st.sampled_from(["", " ", "0", "-1", "3", "1e9", "oui", "non", "2026-02-30"]),
        st.integers(min_value=-(10**12), max_value=10**12).map(str),
        st.dates().map(datetime.date.isoformat),
        st.just("é" * HUGE),
        st.just("\x00<script>alert(1)</script>"),
    )


def names_for(child):
    """Every POST name a question reads (with a few it does not)."""
    name = field_name(child.id)
    names = [name, f"{name}-rows", f"{name}-0-0", f"{name}-1-1", f"{name}-9999-0"]
    value = child.value
    for list_name in ("statements", "items"):
        if list_name in value:
            names += [f"{name}-{key}" for key, _text in list_items(value[list_name])]
    return names


@st.composite
def post_data(draw, page, version=None):
    """A POST body for `page`'s form, as {name: [values]}."""
    data = {}
    for child in page.questions():
        options = _options(child)
        for name in names_for(child):
            if not draw(st.booleans()):
                continue  # a missing key
            values = draw(st.lists(scalar_values(options), min_size=1, max_size=3))
            data[name] = values
    # Names that belong to nothing, and the form's own keys gone wrong.
    for name in draw(st.lists(st.text(max_size=12), max_size=3)):
        data[name] = draw(st.lists(scalar_values(), min_size=1, max_size=2))
    if version is not None:
        data["version"] = [str(version)]
    elif draw(st.booleans()):
        data["version"] = draw(st.lists(scalar_values(), min_size=1, max_size=2))
    if draw(st.booleans()):
        data["action"] = [
            draw(st.sampled_from(["save", "complete", "add_row:q-x", "", "zzz"]))
        ]
    return data


@st.composite
def mutated_examples(draw, page, version=None):
    """Plausible answers (the demo's examples) with a few of them spoilt."""
    data = {}
    for child in page.questions():
        for name, value in example_data(f"q-{child.id}", child).items():
            data[name] = value if isinstance(value, list) else [value]
    spoilt = draw(post_data(page, version=version))
    # Field names hold the blocks' random ids: ordered by those, the same draws
    # would pick other fields on Hypothesis' replay (FlakyStrategyDefinition).
    # Ordered by the question's place in the page, a draw always means the same.
    place = {f"q-{child.id}": index for index, child in enumerate(page.questions())}

    def in_page_order(name):
        prefix = name[: len("q-") + 36]
        return (place.get(prefix, len(place)), name[len(prefix) :])

    for name in draw(
        st.lists(st.sampled_from(sorted(spoilt, key=in_page_order) or [""]), max_size=3)
    ):
        if name in spoilt:
            data[name] = spoilt[name]
    for name in draw(
        st.lists(st.sampled_from(sorted(data, key=in_page_order) or [""]), max_size=2)
    ):
        data.pop(name, None)
    if version is not None:
        data["version"] = [str(version)]
    return data


def assert_valid_answers(page, answers, *, complete=False):
    """Every stored answer to a current question has the shape its type allows."""
    assert isinstance(answers, dict)
    for child in page.questions():
        answer = answers.get(child.id)
        value = child.value
        if answer is None:
            assert not (complete and value["required"] and _answerable(child)), (
                f"required {child.block.type_name} left empty on a completed phase"
            )
            continue
        check = CHECKS[child.block.type_name]
        assert check(value, answer), (child.block.type_name, dict(value), answer)


def _answerable(child):
    """False for a grid or ranking with nothing in it (a référent may save one):
    there is nothing to answer, so "required" cannot hold the candidate back."""
    lists = {"likert": ("statements", "scale"), "ranking": ("items",)}
    return all(
        _texts(child.value, name) for name in lists.get(child.block.type_name, ())
    )


def _texts(value, list_name):
    return [text for _key, text in list_items(value[list_name])]


def _keys(value, list_name):
    return [key for key, _text in list_items(value[list_name])]


def _is_int(answer, value):
    if not isinstance(answer, int) or isinstance(answer, bool):
        return False
    low, high = value.get("min_value"), value.get("max_value")
    return (low is None or answer >= low) and (high is None or answer <= high)


def _is_date(answer):
    try:
        datetime.date.fromisoformat(answer)
    except (TypeError, ValueError):
        return False
    return True


def _is_ranking(value, answer):
    # Each item at most once (two items may carry the same text).
    return isinstance(answer, list) and not (
        Counter(answer) - Counter(_texts(value, "items"))
    )


def _is_table(value, answer):
    columns = len(_texts(value, "columns"))
    return (
        isinstance(answer, list)
        and len(answer) <= 50
        and all(
            isinstance(row, list)
            and len(row) == columns
            and all(isinstance(cell, str) and len(cell) <= 2000 for cell in row)
            and any(row)
            for row in answer
        )
    )


CHECKS = {
    "short_text": lambda v, a: isinstance(a, str) and 0 < len(a) <= 500,
    "long_text": lambda v, a: isinstance(a, str) and 0 < len(a) <= 20000,
    "single_choice": lambda v, a: a in _texts(v, "choices"),
    "dropdown": lambda v, a: a in _texts(v, "choices"),
    "multiple_choice": lambda v, a: (
        isinstance(a, list) and a and all(x in _texts(v, "choices") for x in a)
    ),
    "likert": lambda v, a: (
        isinstance(a, dict)
        and a
        and set(a) <= set(_keys(v, "statements"))
        and all(point in _texts(v, "scale") for point in a.values())
    ),
    "ranking": _is_ranking,
    "date": lambda v, a: _is_date(a),
    "number": lambda v, a: _is_int(a, v),
    "yes_no": lambda v, a: a in ("oui", "non"),
    "table": _is_table,
    # No file is ever posted here: a file answer can only come from an upload.
    "file_upload": lambda v, a: False,
}
