"""Fixing the drafts of a checked Report: text drafts rewritten in place (``check --fix``) or shown
as a diff (``--diff``), a Word draft fixed into a copy with tracked changes (``pitlint fix``). Each
draft is read again for its paragraphs, as the checks saw them; what a fix cannot reach is counted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pitlint import readers
from pitlint.document import Document
from pitlint.engine import FileReport, Report
from pitlint.errors import PitlintError, ReadError
from pitlint.files import write_atomic
from pitlint.findings import Finding
from pitlint.fix import TEXT_FORMATS
from pitlint.fix.edits import Plan, applied, plan
from pitlint.fix.text import fix_text, unified_diff


@dataclass
class FileFix:
    """What fixing one draft did, or would do."""

    file: FileReport
    fixed: int = 0  # findings fixed (or, with --diff, that would be)
    left: int = 0  # fixes that could not be placed in the file
    unsafe_left: int = 0  # fixes left because they are unsafe
    overlapping: int = 0  # fixes left because another changes the same words
    diff: str = ""
    error: str | None = None
    fixed_findings: tuple[Finding, ...] = ()

    def remaining(self) -> list[Finding]:
        """The draft's findings that no fix made here resolves."""
        fixed = {id(finding) for finding in self.fixed_findings}
        return [finding for finding in self.file.findings if id(finding) not in fixed]


def _document(file: FileReport) -> Document:
    return readers.read(file.source or Path(file.path))


def _outcome(file: FileReport, chosen: Plan) -> FileFix:
    return FileFix(file, unsafe_left=chosen.unsafe_left, overlapping=chosen.overlapping)


def fix_in_place(file: FileReport, unsafe: bool, write: bool, target: Path | None = None) -> FileFix:
    """A .txt or .md draft's fixes: written into the file when ``write`` (into ``target`` instead
    when given), and as a diff either way."""
    try:
        document = _document(file)
        chosen = plan(file.findings, document, unsafe)
        outcome = _outcome(file, chosen)
        if not chosen.edits:
            return outcome
        source = file.source or Path(file.path)
        result = fix_text(source, document, chosen.edits)
        outcome.fixed, outcome.left = len(result.made), len(result.left)
        outcome.fixed_findings = tuple(edit.finding for edit in result.made)
        if not result.changed:
            return outcome
        outcome.diff = unified_diff(file.path, result.before, result.after)
        if target is not None:
            write_atomic(target, result.data)
        elif write:
            real = source.resolve()  # a linked draft is fixed where it is, the link kept
            if real.read_bytes() != result.original:
                raise ReadError(source, "not fixed: it changed while it was being checked")
            write_atomic(real, result.data)
    except PitlintError as error:
        return FileFix(file, error=str(error))
    except OSError as error:
        return FileFix(file, error=f"{file.path}: cannot write the fixes ({error.strerror or error})")
    return outcome


def text_diff(file: FileReport, unsafe: bool) -> FileFix:
    """For a draft that is not text (Word): the fixes as a diff of its paragraphs' text."""
    try:
        document = _document(file)
    except PitlintError as error:
        return FileFix(file, error=str(error))
    chosen = plan(file.findings, document, unsafe)
    outcome = _outcome(file, chosen)
    if not chosen.edits:
        return outcome
    before = [paragraph.text for paragraph in document.paragraphs]
    after = list(before)
    for number in {edit.paragraph for edit in chosen.edits}:
        after[number - 1] = applied(before[number - 1], [e for e in chosen.edits if e.paragraph == number])
    outcome.fixed = len(chosen.edits)
    outcome.fixed_findings = tuple(edit.finding for edit in chosen.edits)
    outcome.diff = unified_diff(f"{file.path} (text)", "\n".join(before) + "\n", "\n".join(after) + "\n")
    return outcome


def fix_word_copy(file: FileReport, target: Path, unsafe: bool) -> FileFix:
    """A Word draft's fixes as tracked changes in a copy at ``target``."""
    from pitlint.fix.docx import fix_docx

    document = _document(file)
    chosen = plan(file.findings, document, unsafe)
    outcome = _outcome(file, chosen)
    result = fix_docx(file.source or Path(file.path), target, document, chosen.edits)
    outcome.fixed, outcome.left = len(result.made), len(result.left)
    outcome.fixed_findings = tuple(edit.finding for edit in result.made)
    return outcome


def fix_report(report: Report, unsafe: bool, write: bool) -> list[FileFix]:
    """Every checked draft's fixes: text drafts fixed in place (``write``) or shown; other
    formats shown as a diff of their text (a Word draft is fixed into a copy by `pitlint fix`)."""
    outcomes = []
    for file in report.files:
        if file.error or not any(finding.fix for finding in file.findings):
            continue
        if file.format in TEXT_FORMATS:
            outcomes.append(fix_in_place(file, unsafe, write))
        else:
            outcomes.append(text_diff(file, unsafe))
    return outcomes


@dataclass
class StdinFix:
    """Fixes for a draft read from standard input, made while its spooled copy exists (see
    engine.check_stdin): the fixed bytes for standard output (``check --fix -``, as ruff writes
    them) or the diff (``--diff``)."""

    unsafe: bool
    outcome: FileFix | None = None
    fixed: bytes = b""
    remaining: FileReport | None = None  # the fixed text checked again, as ruff reports what is left

    def __call__(self, spool: Path, file: FileReport, recheck: Callable[[Path], FileReport]) -> None:
        if file.format in TEXT_FORMATS:
            target = spool.with_name(f"fixed{spool.suffix}")
            self.outcome = fix_in_place(file, self.unsafe, write=False, target=target)
            self.fixed = (target if target.exists() else spool).read_bytes()
            if target.exists():
                self.remaining = recheck(target)
                self.remaining.path, self.remaining.source = file.path, None
        else:  # a Word draft's fixes shown as a diff of its text; fixed only into a copy
            self.outcome = text_diff(file, self.unsafe)
            self.fixed = spool.read_bytes()
