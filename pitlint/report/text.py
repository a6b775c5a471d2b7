"""`--format text`: a table per file (tabulate) that an FOI officer can read: where, what, the
words flagged and what to write instead; then one summary line."""

from __future__ import annotations

import shutil

from tabulate import tabulate

from pitlint.engine import FileReport, Report
from pitlint.findings import Finding, Severity
from pitlint.printable import for_log

_FIXED = 12 + 6 + 8 + 2 * 5  # where, rule, severity, and the gaps between the six columns


def _widths() -> list[int]:
    """Column widths that fit the terminal (or $COLUMNS; 140 when the output is not a terminal)."""
    room = max(shutil.get_terminal_size((140, 24)).columns - _FIXED, 48)
    what, flagged = max(room * 40 // 100, 16), max(room * 27 // 100, 16)
    return [12, 8, 8, what, flagged, max(room - what - flagged, 16)]


_FLAGGED_CHARS = 90  # longer excerpts (whole reused passages) are shown by their two ends


def clip(text: str, limit: int = _FLAGGED_CHARS) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit * 2 // 3].rsplit(" ", 1)[0]
    tail = text[-(limit // 3) :].split(" ", 1)[-1]
    return f"{head} ... {tail}"


def where(finding: Finding, file_format: str | None) -> str:
    spot = finding.location
    if spot is None:
        return "document"
    if file_format in ("txt", "md") and spot.line is not None:
        return f"{spot.line}:{spot.column}"
    if spot.page is not None:
        return f"p.{spot.page} para {spot.paragraph}"
    return f"para {spot.paragraph}"


def _path(path: str) -> str:
    """A file name as shown: escaped, and never starting a line with "::" ("./::error x")."""
    shown = for_log(path)
    return f"./{shown}" if shown.startswith(":") else shown


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _file_block(file: FileReport) -> str:
    path = _path(file.path)
    if file.error:
        return f"{path}: cannot be checked: {for_log(file.error)}"
    details = [_plural(file.paragraphs, "paragraph")]
    if file.reused_fraction is not None:
        details.append(f"{file.reused_fraction:.0%} reused")
    if file.identical_to:
        details.append(f"identical to issued PIT {for_log(file.identical_to)}, compared with the others")
    header = f"{path} ({', '.join(details)})"
    if not file.findings:
        return f"{header}: no problems found"
    rows = [
        [
            where(finding, file.format),
            finding.rule.code,
            finding.severity.value,
            for_log(finding.message),
            for_log(clip(finding.excerpt or "")),
            for_log(finding.suggestion or ""),
        ]
        for finding in file.findings
    ]
    table = tabulate(
        rows,
        headers=["where", "rule", "severity", "what", "flagged", "suggestion"],
        tablefmt="simple",
        maxcolwidths=_widths(),
        disable_numparse=True,
    )
    return f"{header}\n{table}"


def summary(report: Report) -> str:
    files = len(report.files)
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    total = errors + warnings + infos
    line = (
        f"{_plural(total, 'finding')} in {_plural(files, 'file')} "
        f"({_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {infos} info)"
    )
    unreadable = len(report.unreadable)
    if unreadable:
        line += f"; {_plural(unreadable, 'file')} could not be read"
    silenced = sum(file.silenced for file in report.files)
    if silenced:
        line += f"; {silenced} silenced by --select/--ignore, config or inline comments"
    baselined = sum(file.baselined for file in report.files)
    if baselined:
        line += f"; {baselined} already in the baseline"
    if report.fixed_in_baseline:
        line += (
            f"; {_plural(report.fixed_in_baseline, 'baselined finding')} fixed since "
            "(--prune-baseline drops them from the baseline)"
        )
    return line + "."


def render(report: Report) -> str:
    blocks = [_file_block(file) for file in report.files]
    if not report.files:
        blocks.append("No drafts found to check (pitlint reads .docx, .pdf, .md, .txt and .html).")
    text = "\n\n".join(blocks) + "\n\n" + summary(report) + "\n"
    if any(file.findings for file in report.files):
        text += "Run `pitlint explain CODE` to see what a rule checks and how to fix it.\n"
    return text
