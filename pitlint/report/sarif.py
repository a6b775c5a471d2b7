"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other tools. Rule metadata comes
from the registry; every result has a startLine (the paragraph, for Word and PDF drafts) and a
partial fingerprint that survives edits elsewhere in the draft (rule, flagged words, and which
occurrence of them it is).

Code scanning resolves an artifact's URI against the repository root, whatever folder pitlint
ran in, so each file is named relative to the root of the git repository it is in (found by
walking up to a ``.git``; the current folder when there is none), with ``uriBaseId: %SRCROOT%``
and that root in ``originalUriBaseIds``. A file outside the root keeps an absolute file:// URI."""

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
from pitlint.report.help_links import help_uri, rules_page

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
TEXT_FORMATS = ("txt", "md", "html")
ROOT_ID = "%SRCROOT%"


class Artifacts:
    """Each file's artifactLocation, relative to one root: the git top level of the first file
    that is in a repository (a CI run checks one checkout), else the current folder."""

    def __init__(self, files: list[FileReport], cwd: str | None = None) -> None:
        self.cwd = cwd or os.getcwd()
        self._tops: dict[str, str | None] = {}
        tops = (self._top(os.path.dirname(self._absolute(file))) for file in files)
        self.root = next((top for top in tops if top is not None), self.cwd)

    def _absolute(self, file: FileReport) -> str:
        """The file's absolute name, as typed (links not resolved: the repository holds the link)."""
        name = os.fsdecode(file.source) if file.source is not None else file.path
        return os.path.abspath(os.path.join(self.cwd, name))

    def _top(self, folder: str) -> str | None:
        """The nearest folder at or above ``folder`` holding a .git (a folder, or a worktree's file)."""
        visited = []
        top = None
        while True:
            if folder in self._tops:
                top = self._tops[folder]
                break
            visited.append(folder)
            if os.path.lexists(os.path.join(folder, ".git")):
                top = folder
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for seen in visited:
            self._tops[seen] = top
        return top

    def location(self, file: FileReport) -> dict[str, str]:
        """Bytes of a name that are not UTF-8 are percent-encoded as they are ("bad%FF.txt")."""
        absolute = self._absolute(file)
        if os.path.commonpath([self.root, absolute]) == self.root and absolute != self.root:
            relative = PurePath(os.path.relpath(absolute, self.root)).as_posix()
            return {"uri": quote(os.fsencode(relative)), "uriBaseId": ROOT_ID}
        return {"uri": PurePath(absolute).as_uri()}

    @property
    def base_ids(self) -> dict[str, Any]:
        return {ROOT_ID: {"uri": PurePath(self.root).as_uri().rstrip("/") + "/"}}


def _rule(rule: Rule, page: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
    }
    if rule.explanation:  # a team's own rule known only from a JSON report has none
        data["fullDescription"] = {"text": rule.explanation}
        data["help"] = {
            "text": f"{rule.explanation}\n\nBad:\n{rule.bad}\n\nGood:\n{rule.good}",
            "markdown": f"{rule.explanation}\n\n**Bad**\n\n```\n{rule.bad}\n```\n\n**Good**\n\n```\n{rule.good}\n```",
        }
    uri = help_uri(rule, page)
    if uri:
        data["helpUri"] = uri
    data["defaultConfiguration"] = {"level": LEVELS[rule.severity.value]}
    data["properties"] = {"category": rule.category.value, "tags": [rule.category.value]}
    return data


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


def _result(
    finding: Finding, file: FileReport, where: dict[str, str], rule_index: int, occurrence: int
) -> dict[str, Any]:
    text = finding.message
    if finding.suggestion:
        text += f" Suggestion: {finding.suggestion}"
    if finding.location is not None and file.format not in TEXT_FORMATS:
        text += f" (paragraph {finding.location.paragraph}" + (
            f", page {finding.location.page})" if finding.location.page else ")"
        )
    result = {
        "ruleId": finding.rule.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": where, "region": _region(finding, file)}}],
        "partialFingerprints": {"pitlintFinding/v1": fingerprint(finding, occurrence)},
    }
    fix = _fix(finding, file, where)
    if fix is not None:
        result["fixes"] = [fix]
    return result


def _fix(finding: Finding, file: FileReport, where: dict[str, str]) -> dict[str, Any] | None:
    """A safe fix as SARIF's artifact change, for the text formats that `check --fix` rewrites and
    only on one line (across lines the draft's text and the file's differ by the line break)."""
    spot, fix = finding.location, finding.fix
    if fix is None or not fix.safe or file.format not in ("txt", "md") or spot is None:
        return None
    if None in (spot.line, spot.column, spot.end_column) or spot.end_line != spot.line:
        return None
    region = {"startLine": spot.line, "startColumn": spot.column, "endColumn": spot.end_column + 1}
    return {
        "description": {"text": f'Replace with "{fix.replacement}"' if fix.replacement else "Delete the words"},
        "artifactChanges": [
            {
                "artifactLocation": where,
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": fix.replacement}}],
            }
        ],
    }


def _rules(report: Report) -> list[Rule]:
    """The registry's rules, and any rule of a finding it does not hold (a team's own, read back
    from a JSON report), in code order."""
    rules = {rule.code: rule for rule in all_rules()}
    for finding in report.findings:
        rules.setdefault(finding.rule.code, finding.rule)
    return sorted(rules.values(), key=lambda rule: rule.code)


def render(report: Report) -> str:
    rules = _rules(report)
    index = {rule.code: number for number, rule in enumerate(rules)}
    artifacts = Artifacts(report.files)
    page = rules_page()
    results = []
    for file in report.files:
        where = artifacts.location(file)
        seen: Counter[tuple[str, str]] = Counter()
        for finding in file.findings:
            key = (finding.rule.code, finding.excerpt or finding.message)
            seen[key] += 1
            results.append(_result(finding, file, where, index[finding.rule.code], seen[key]))
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{file.path}: {file.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": artifacts.location(file)}}],
        }
        for file in report.unreadable
    ]
    driver: dict[str, Any] = {"name": "pitlint", "version": __version__}
    if page:
        driver["informationUri"] = page
    driver["rules"] = [_rule(rule, page) for rule in rules]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": artifacts.base_ids,
                "results": results,
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
