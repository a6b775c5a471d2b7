"""`--format github`: GitHub Actions workflow commands, one annotation per finding
(`::error file=...,line=...::message`). Word and PDF drafts are annotated on the file, with the
paragraph in the message."""

from __future__ import annotations

from pitlint.engine import Report
from pitlint.findings import Finding
from pitlint.printable import printable

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


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


def render(report: Report) -> str:
    lines = []
    for file in report.files:
        if file.error:
            lines.append(f"::error file={_property(file.path)},title=pitlint::{_data(file.error)}")
        lines.extend(_annotation(file.path, file.format, finding) for finding in file.findings)
    return "\n".join(lines) + ("\n" if lines else "")
