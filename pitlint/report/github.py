"""`--format github`: GitHub Actions workflow commands, one annotation per finding
(`::error file=...,line=...::message`). Word and PDF drafts are annotated on the file, with the
paragraph in the message.

GitHub shows at most ten annotations of each level per step and silently drops the rest, so the
worst come first (drafts that could not be read, errors, warnings, then notices), at most ten of
each are written, and one last notice says how many were left out and where they all are."""

from __future__ import annotations

from pitlint.engine import Report
from pitlint.findings import Finding
from pitlint.printable import printable

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
ORDER = ("error", "warning", "notice")
# GitHub's cap: 10 error, 10 warning and 10 notice annotations per step (50 per job); more are dropped
PER_LEVEL = 10


def _data(text: str) -> str:
    """A command's message: line breaks as GitHub escapes them, other controls shown escaped."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(path: str, file_format: str | None, finding: Finding) -> str:
    properties = [f"file={_property(path)}"]
    message = finding.message
    where = finding.location
    if where is not None and file_format in ("txt", "md", "html") and where.line is not None:
        properties.append(f"line={where.line}")
        if where.column is not None:
            properties.append(f"col={where.column}")
        if where.end_line is not None:
            properties.append(f"endLine={where.end_line}")
        if where.end_column is not None and where.end_line == where.line:
            properties.append(f"endColumn={where.end_column}")
    elif where is not None:
        message += f" (paragraph {where.paragraph}" + (f", page {where.page})" if where.page else ")")
    if finding.suggestion:
        message += f" Suggestion: {finding.suggestion}"
    properties.append(f"title={_property(f'{finding.rule.code} {finding.rule.name}')}")
    return f"::{LEVELS[finding.severity.value]} {','.join(properties)}::{_data(message)}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def render(report: Report) -> str:
    annotations: dict[str, list[str]] = {level: [] for level in ORDER}
    for file in report.unreadable:  # worst of all: a draft nobody has checked
        annotations["error"].append(f"::error file={_property(file.path)},title=pitlint::{_data(file.error or '')}")
    for file in report.files:
        for finding in file.findings:
            annotations[LEVELS[finding.severity.value]].append(_annotation(file.path, file.format, finding))
    over = any(len(found) > PER_LEVEL for found in annotations.values())
    room = {level: PER_LEVEL for level in ORDER}
    if over:
        room["notice"] -= 1  # the last notice is the one that says what is not shown
    lines = [line for level in ORDER for line in annotations[level][: room[level]]]
    if over:
        left = [
            _count(len(annotations[level]) - room[level], level)
            for level in ORDER
            if len(annotations[level]) > room[level]
        ]
        lines.append(
            f"::notice title=pitlint::{', '.join(left)} not shown here (GitHub shows at most {PER_LEVEL} "
            "annotations of each level per step): the job summary counts every finding and the SARIF report lists each"
        )
    return "\n".join(lines) + ("\n" if lines else "")
