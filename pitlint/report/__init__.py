"""One module per output format, each exporting ``render(report) -> str``. Formatters only
format: they never decide what is a finding."""

from __future__ import annotations

import importlib

from pitlint.engine import Report

FORMATTERS = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
    "markdown": "markdown",
}


def render(report: Report, format_name: str) -> str:
    module = importlib.import_module(f"pitlint.report.{FORMATTERS[format_name]}")
    return module.render(report)
