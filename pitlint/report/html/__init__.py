"""`--format html`: the review page, one self-contained file (nothing fetched, no scripts) for the
people who fix the drafts. A legend, a summary of every file with links to each file and each
finding, then each draft as it reads with every finding marked on its words, its note beside it,
and reused passages beside the issued PIT's wording (tailoring shown as tailoring, only drift as
a slip). It prints: navigation left out, marks told apart by underline and number."""

from __future__ import annotations

import time

from pitlint import __version__
from pitlint.engine import FileReport, Report
from pitlint.findings import Severity
from pitlint.report.html.compare import CARET, side_by_side
from pitlint.report.html.escape import e
from pitlint.report.html.page import SEVERITIES, counts, section
from pitlint.report.html.style import STYLE

__all__ = ["render", "side_by_side"]

LEGEND = f"""<section class="legend" aria-label="Legend"><h2>How to read this page</h2><ul>
<li><mark class="error">marked words<span class="ref">1</span></mark> an error: fix it before the response goes out
(solid underline)</li>
<li><mark class="warning">marked words<span class="ref">2</span></mark> a warning: very likely wrong
(dashed underline)</li>
<li><mark class="info">marked words<span class="ref">3</span></mark> for information, such as a passage reused from an
issued PIT (dotted underline)</li>
<li>The number after a mark links to its note (beside the paragraph, or below it on a narrow screen); the note's
number links back. Marks inside marks are findings on the same words.</li>
<li>Reused passages: <span class="tailored">this draft's own wording</span> is tailoring, not a mistake, beside
<span class="theirs">the issued PIT's words</span>; a <span class="slip">slip</span> is beside
<span class="approved">the approved wording</span>; <span class="gap slip">{CARET}</span> marks a word missing
here.</li>
</ul></section>"""


def _summary(report: Report) -> str:
    rows = []
    for number, file in enumerate(report.files, 1):
        link = f'<a href="#file-{number}">{e(file.path)}</a>'
        if file.error:
            rows.append(
                f'<tr data-path="{e(file.path)}"><td class="path">{link}</td><td colspan="3"></td>'
                f'<td class="unreadable">Could not be read: {e(file.error)}</td></tr>'
            )
            continue
        found = counts(file.findings)
        cells = "".join(f'<td class="n {s.value}">{found[s]}</td>' for s in SEVERITIES)
        status = f"{file.paragraphs} paragraphs" + (
            f", {file.reused_fraction:.0%} reused" if file.reused_fraction is not None else ""
        )
        rows.append(f'<tr data-path="{e(file.path)}"><td class="path">{link}</td>{cells}<td>{e(status)}</td></tr>')
    return (
        '<table class="summary"><thead><tr><th>File</th><th>Errors</th><th>Warnings</th><th>Info</th>'
        f"<th>Read</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def render(report: Report) -> str:
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    files: list[FileReport] = report.files
    body = "\n".join(section(file, number) for number, file in enumerate(files, 1))
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pitlint review: {len(files)} file(s)</title>
<style>{STYLE}</style>
</head>
<body>
<header id="top">
<h1>Public interest test review</h1>
<p class="meta">pitlint {e(__version__)}, {e(time.strftime("%d %B %Y %H:%M"))}: {len(files)} file(s),
<strong>{errors}</strong> errors, <strong>{warnings}</strong> warnings, {infos} info.</p>
</header>
{LEGEND}
<nav class="files" aria-label="Files">{_summary(report)}</nav>
{body}
</body>
</html>
"""
