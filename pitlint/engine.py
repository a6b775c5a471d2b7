"""check(paths, config) -> Report: find the drafts, read each one, outline it, run the checks,
keep the selected findings, sort them. A file that cannot be read is reported and the run goes
on with the others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pitlint import readers
from pitlint.config import Config
from pitlint.errors import ReadError, UsageError
from pitlint.findings import Finding, Severity, selector_matches, unknown_selectors


@dataclass
class FileReport:
    path: str
    error: str | None = None
    paragraphs: int = 0
    findings: list[Finding] = field(default_factory=list)
    silenced: int = 0  # findings left out by --ignore/--select or config, counted, never lost
    reused_fraction: float | None = None  # set once the draft is compared with the corpus
    format: str | None = None


@dataclass
class Report:
    files: list[FileReport]
    fail_on: str = "error"

    @property
    def findings(self) -> Iterator[Finding]:
        for file in self.files:
            yield from file.findings

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def unreadable(self) -> list[FileReport]:
        return [file for file in self.files if file.error]

    @property
    def exit_code(self) -> int:
        """2 if a file could not be read; 1 if a finding is at or above --fail-on; else 0."""
        if self.unreadable:
            return 2
        if self.fail_on == "never":
            return 0
        threshold = Severity(self.fail_on).rank
        return 1 if any(finding.severity.rank >= threshold for finding in self.findings) else 0


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files to check: each file named, and every supported file under each folder named
    (hidden folders and Word's "~$" lock files skipped), in a stable order, without repeats."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                relative = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in relative) or candidate.name.startswith("~$"):
                    continue
                if candidate.is_file() and readers.is_supported(candidate):
                    found.append(candidate)
        else:
            found.append(path)
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(str(path), path)
    return list(unique.values())


def _selected(finding: Finding, config: Config) -> bool:
    rule = finding.rule
    chosen = not config.select or any(selector_matches(rule, s) for s in config.select)
    return chosen and not any(selector_matches(rule, s) for s in config.ignore)


def check_file(path: Path, config: Config) -> FileReport:
    from pitlint import outline as outline_module
    from pitlint.checks import Context, load

    report = FileReport(str(path))
    try:
        document = readers.read(path)
    except ReadError as error:
        report.error = error.reason
        return report
    report.format = document.format
    report.paragraphs = len(document.paragraphs)
    outline = outline_module.build(document)
    context = Context(config)
    findings: list[Finding] = []
    for module in load():
        findings.extend(module.check(document, outline, context))
    kept = [finding for finding in findings if _selected(finding, config)]
    report.silenced = len(findings) - len(kept)
    report.findings = sorted(kept, key=lambda finding: finding.sort_key)
    return report


def check(paths: Iterable[Path], config: Config) -> Report:
    bad = unknown_selectors([*config.select, *config.ignore])
    if bad:
        raise UsageError(
            f"unknown rule selector '{bad[0]}' (use a code such as PIT104, a code prefix, a rule name "
            "or a category; see `pitlint rules`)"
        )
    return Report([check_file(path, config) for path in discover(paths)], config.fail_on)
