"""`--format json`: one object on stdout, exactly as CONTRACT.md describes it."""

from __future__ import annotations

import json
from typing import Any

from pitlint import __version__
from pitlint.engine import FileReport, Report
from pitlint.findings import Finding


def finding_to_dict(finding: Finding, file_format: str | None) -> dict[str, Any]:
    where = finding.location
    data: dict[str, Any] = {
        "code": finding.rule.code,
        "name": finding.rule.name,
        "category": finding.rule.category.value,
        "severity": finding.severity.value,
        "message": finding.message,
        "excerpt": finding.excerpt,
        "line": where.line if where else None,
        "column": where.column if where else None,
        "end_line": where.end_line if where else None,
        "end_column": where.end_column if where else None,
        "paragraph": where.paragraph if where else None,
        "section": finding.section,
        "suggestion": finding.suggestion,
        "source": finding.source,
        # the words that replace the excerpt, and whether --fix makes it ("safe") or only --unsafe-fixes
        "fix": {"replacement": finding.fix.replacement, "applicability": finding.fix.applicability.value}
        if finding.fix
        else None,
    }
    if file_format == "pdf":
        data["page"] = where.page if where else None
    return data


def file_to_dict(file: FileReport) -> dict[str, Any]:
    if file.error:
        return {"path": file.path, "error": file.error, "stats": None, "findings": []}
    return {
        "path": file.path,
        "error": None,
        "stats": {
            "paragraphs": file.paragraphs,
            "reused_fraction": file.reused_fraction,
            "identical_to": file.identical_to,
            "silenced": file.silenced,
            "baselined": file.baselined,
        },
        "findings": [finding_to_dict(finding, file.format) for finding in file.findings],
    }


def render(report: Report) -> str:
    data = {"pitlint_version": __version__, "files": [file_to_dict(file) for file in report.files]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
