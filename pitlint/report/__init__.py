"""One module per output format, each exporting ``render(report) -> str``. Formatters only
format: they never decide what is a finding.

The formats people read in a terminal (``text``, ``concise``) also take a Style: the width to
wrap at, whether to colour, and ``--quiet``/``--statistics``; the formats for tools ignore it."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from pitlint.engine import Report

FORMATTERS = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
    "markdown": "markdown",
}
FOR_PEOPLE = ("text", "concise")  # the formats a Style applies to


@dataclass(frozen=True)
class Style:
    """How a report for people is laid out."""

    width: int = 80  # wrap messages and help at this many columns (never inside a word or URL)
    colour: bool = False  # ANSI colour (see pitlint.report.colour for when)
    quiet: bool = False  # only the findings: no file headers, summary or hints
    statistics: bool = False  # a count per rule instead of the findings


def render(report: Report, format_name: str, style: Style | None = None) -> str:
    if format_name in FOR_PEOPLE:
        style = style or Style()
        name = "statistics" if style.statistics else FORMATTERS[format_name]
        return importlib.import_module(f"pitlint.report.{name}").render(report, style)
    module = importlib.import_module(f"pitlint.report.{FORMATTERS[format_name]}")
    return module.render(report)
