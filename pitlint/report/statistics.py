"""`--statistics`: how many findings each rule made, most first, instead of the findings
themselves (ruff's ``--statistics``): where to start on a folder of old drafts."""

from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from pitlint.engine import Report
from pitlint.report import Style
from pitlint.report.text import ending


def _fixable(fixed: int, count: int) -> str:
    """ "yes" when every finding of the rule carries a fix, "2 of 5" when some do, "" when none."""
    if not fixed:
        return ""
    return "yes" if fixed == count else f"{fixed} of {count}"


def table(report: Report) -> str:
    counts: Counter[str] = Counter()
    fixes: Counter[str] = Counter()
    names: dict[str, str] = {}
    for finding in report.findings:
        counts[finding.rule.code] += 1
        fixes[finding.rule.code] += finding.fix is not None
        names[finding.rule.code] = finding.rule.name
    rows = [
        [count, code, names[code], _fixable(fixes[code], count)]
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return tabulate(
        rows,
        headers=["count", "code", "name", "fixable"],
        tablefmt="simple",
        colalign=("right", "left", "left", "left"),
        disable_numparse=True,
    )


def render(report: Report, style: Style | None = None) -> str:
    style = style or Style()
    listing = table(report) + "\n" if any(True for _ in report.findings) else ""
    if style.quiet:
        return listing
    return listing + ("\n" if listing else "") + ending(report, style.width)
