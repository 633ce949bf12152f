"""axe-core, run in the page, against WCAG 2.0/2.1 A and AA (what RGAA 4 follows).

The axe-core script comes from the pinned PyPI package `axe-playwright-python`,
which bundles it (no CDN, no download): we only inject that file and call
`axe.run` ourselves, to choose the rules and read the impacts.

A check fails on any violation of impact "serious" or "critical", except those
listed in KNOWN_VIOLATIONS: each entry is a real defect of the site, written down
with its fix, that must be removed from the list once the fix lands (an entry that
no longer matches anything fails the check too, so the list cannot go stale).
"""

from functools import cache
from importlib.resources import files

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

# (page key, rule id) → why it is known and how to fix it. The page key is the
# name given to `check_page`; "*" matches every page.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}


@cache
def axe_script():
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def settle(page, timeout_ms=5000):
    """Wait for CSS transitions and animations to end (a message fading in has, for
    a moment, a contrast it does not keep); infinite ones are ignored."""
    page.wait_for_function(
        """() => document.getAnimations().every((animation) =>
            animation.playState !== "running"
            || animation.effect?.getTiming().iterations === Infinity)""",
        timeout=timeout_ms,
    )


def run_axe(page):
    """axe's violations on the current page (every impact)."""
    settle(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    results = page.evaluate(
        """async (tags) => {
            const results = await window.axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({
                    target: n.target.join(" "),
                    summary: n.failureSummary,
                    html: n.html.slice(0, 200),
                })),
            }));
        }""",
        WCAG_TAGS,
    )
    return results


def blocking(violations):
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def check_page(page, key, known=KNOWN_VIOLATIONS):
    """Fail on serious/critical violations that are not known defects of `key`.

    Returns the known violations found, so that the caller can assert that each
    known entry still matches (see `assert_known_still_apply`).
    """
    page.wait_for_load_state("load")
    found = blocking(run_axe(page))
    allowed = {rule for (page_key, rule) in known if page_key in (key, "*")}
    unexpected = [v for v in found if v["id"] not in allowed]
    assert not unexpected, (
        f"Accessibility violations on {key} ({page.url}):\n{describe(unexpected)}"
    )
    return {(key, v["id"]) for v in found if v["id"] in allowed}
