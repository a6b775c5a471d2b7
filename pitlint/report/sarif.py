"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other tools. Rule metadata comes
from the registry; every result has a startLine (the paragraph, for Word and PDF drafts) and a
partial fingerprint that survives edits elsewhere in the draft (rule, flagged words, and which
occurrence of them it is)."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from pitlint import __version__
from pitlint.engine import FileReport, Report
from pitlint.findings import Finding, Rule, all_rules

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
TEXT_FORMATS = ("txt", "md", "html")


def _uri(file: FileReport) -> str:
    """The file's URI reference, from its name on disk: bytes that are not UTF-8 percent-encoded
    as they are ("bad%FF.txt"), which the escaped name shown elsewhere is not."""
    if file.source is not None:
        return quote(os.fsencode(file.source.as_posix()))
    return quote(PurePath(file.path).as_posix())


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {
            "text": f"{rule.explanation}\n\nBad:\n{rule.bad}\n\nGood:\n{rule.good}",
            "markdown": f"{rule.explanation}\n\n**Bad**\n\n```\n{rule.bad}\n```\n\n**Good**\n\n```\n{rule.good}\n```",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"category": rule.category.value, "tags": [rule.category.value]},
    }


def _region(finding: Finding, file: FileReport) -> dict[str, Any]:
    where = finding.location
    if where is None:
        return {"startLine": 1}
    if file.format in TEXT_FORMATS and where.line is not None:
        region: dict[str, Any] = {"startLine": where.line}
        if where.column is not None:
            region["startColumn"] = where.column
        if where.end_line is not None:
            region["endLine"] = where.end_line
        if where.end_column is not None:
            region["endColumn"] = where.end_column + 1  # SARIF columns end after the last character
    else:
        region = {"startLine": where.paragraph}  # Word and PDF: the paragraph stands for the line
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    return region


def fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across runs and edits elsewhere: the rule, the flagged words (or, for a document-level
    finding, its message) and which occurrence of them in the file this is."""
    key = f"{finding.rule.code}\0{finding.excerpt or finding.message}\0{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(finding: Finding, file: FileReport, rule_index: int, occurrence: int) -> dict[str, Any]:
    text = finding.message
    if finding.suggestion:
        text += f" Suggestion: {finding.suggestion}"
    if finding.location is not None and file.format not in TEXT_FORMATS:
        text += f" (paragraph {finding.location.paragraph}" + (
            f", page {finding.location.page})" if finding.location.page else ")"
        )
    return {
        "ruleId": finding.rule.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": text},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(file)}, "region": _region(finding, file)}}
        ],
        "partialFingerprints": {"pitlintFinding/v1": fingerprint(finding, occurrence)},
    }


def render(report: Report) -> str:
    rules = all_rules()
    index = {rule.code: number for number, rule in enumerate(rules)}
    results = []
    for file in report.files:
        seen: Counter[tuple[str, str]] = Counter()
        for finding in file.findings:
            key = (finding.rule.code, finding.excerpt or finding.message)
            seen[key] += 1
            results.append(_result(finding, file, index[finding.rule.code], seen[key]))
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{file.path}: {file.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file)}}}],
        }
        for file in report.unreadable
    ]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "pitlint", "version": __version__, "rules": [_rule(r) for r in rules]}},
                "results": results,
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
