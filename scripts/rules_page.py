#!/usr/bin/env python3
"""Write docs/rules.md, the rules page SARIF's helpUri and the markdown report link to, from the
one registry of rules (as `pitlint rules` and `pitlint explain` read it). Each rule's heading is
its code alone, so its anchor is the code in lower case (`rules.md#pit104`).

Usage:  python3 scripts/rules_page.py          (a test fails while the page is out of date)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pitlint.findings import Rule, all_rules

PAGE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def _fenced(text: str) -> str:
    """The text in a code block whose fence is longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _section(rule: Rule) -> str:
    fix = rule.fix_summary or "none"
    return (
        f"## {rule.code}\n\n"
        f"**{rule.name}**: {rule.category.value}, {rule.severity.value} by default; fix: {fix}.\n\n"
        f"{rule.summary}\n\n{rule.explanation}\n\n"
        f"Bad:\n\n{_fenced(rule.bad)}\n\nGood:\n\n{_fenced(rule.good)}\n\n"
        f'Silence it with `--ignore {rule.code}` or `ignore = ["{rule.code}"]` in the configuration.\n'
    )


def render() -> str:
    """The page, from the built-in rules (a team's own rules, never coded PIT, are its own to document)."""
    rules = [rule for rule in all_rules() if rule.code.startswith("PIT")]
    index = "\n".join(
        f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {_cell(rule.summary)} |" for rule in rules
    )
    return (
        "# pitlint rules\n\n"
        "<!-- Made by scripts/rules_page.py from the rule registry; do not edit by hand. -->\n\n"
        "Every rule pitlint checks, as `pitlint rules` lists them and `pitlint explain CODE` explains them.\n\n"
        f"| code | name | checks |\n|---|---|---|\n{index}\n\n" + "\n".join(_section(rule) for rule in rules)
    )


if __name__ == "__main__":
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}")
