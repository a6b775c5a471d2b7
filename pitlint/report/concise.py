"""`--format concise`: one line per finding, ``path:line:col: CODE message`` (``path:para N:``
for Word, PDF and HTML drafts, ``path:`` for the document as a whole), as editors' problem
matchers and grep want it; then the summary line, unless ``--quiet``."""

from __future__ import annotations

from pitlint.engine import FileReport, Report
from pitlint.findings import Finding
from pitlint.printable import for_log
from pitlint.report import Style
from pitlint.report.colour import Painter
from pitlint.report.text import ending, place, shown_path


def line(finding: Finding, file: FileReport, paint: Painter) -> str:
    where = place(finding, file.format)
    spot = f"{shown_path(file.path)}:{where}:" if where else f"{shown_path(file.path)}:"
    code = paint.severity(finding.severity.value, finding.rule.code)
    return f"{paint.bold(spot)} {code} {for_log(finding.message)}"


def render(report: Report, style: Style | None = None) -> str:
    style = style or Style()
    paint = Painter(style.colour)
    lines = [line(finding, file, paint) for file in report.files for finding in file.findings]
    listing = "".join(entry + "\n" for entry in lines)
    if style.quiet:
        return listing
    return listing + ("\n" if lines else "") + ending(report, style.width)
