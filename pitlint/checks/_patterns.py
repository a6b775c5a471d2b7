"""Running rule-pack pattern entries over a draft's paragraphs: shared by every check whose
rules are data (known wrong phrases, outdated references, placeholders, a team's own rules)."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pitlint import regexes
from pitlint.dates import written_on
from pitlint.document import Document
from pitlint.errors import ConfigError
from pitlint.findings import Finding, Rule, cased_like
from pitlint.packs import PatternEntry
from pitlint.reuse.text import said_near

if TYPE_CHECKING:
    pass

PATTERN_SECONDS = 2.0  # per pattern and draft: the shipped ones take a few milliseconds
_YEAR = regexes.compile(r"\b(?:19|20)\d\d\b")
_NAMED_BY_YEAR = regexes.compile(r"\b(?:Act|Regulations?|Order|Rules|Code)\s*,?\s*$")


def _earlier_year(text: str, start: int, end: int, since: int) -> int | None:
    """A year before ``since`` named in the sentence around ``text[start:end]`` (outside the match
    itself, whose own year is its name: "DPA 1998"; and not an Act's: "the 2000 Act"), or None."""
    from pitlint.reuse.text import sentence_around

    sentence_start, sentence_end = sentence_around(text, start, end)
    for found in _YEAR.finditer(text, sentence_start, sentence_end):
        if (found.start() < end and found.end() > start) or _NAMED_BY_YEAR.search(text, 0, found.start()):
            continue  # the match's own year, or an Act's ("the Freedom of Information Act 2000")
        if int(found.group()) <= since:  # ("closed in 2012", "merged ... in April 2013": the change itself)
            return int(found.group())
    return None


def right_then(written: datetime.date | None, text: str, start: int, end: int, since: datetime.date) -> bool:
    """Whether a name or number that changed on ``since`` is right where it stands: the response is
    dated (``written``, `pitlint.dates.written_on`) before the change, or the sentence is about an
    earlier year ("In 2004 ACPO concluded"). Such text is not reported: it was no slip, and on
    published responses reviewers judged even an info note about it wrong."""
    if written is not None and written < since:
        return True
    return _earlier_year(text, start, end, since.year) is not None


def pattern_findings(
    document: Document, rule: Rule, entries: list[PatternEntry], skip: frozenset[int] = frozenset()
) -> Iterator[Finding]:
    """Findings of a pack's entries, in every paragraph but those in ``skip`` (the requester's words).

    A team's pattern may backtrack without end on some text ("(a|aa)+b"): each entry has
    PATTERN_SECONDS for the whole draft, and one that runs out stops the run with one line naming
    the pattern's file and key (a pack is configuration: it must be fixed, not worked around)."""
    spent = [0.0] * len(entries)
    written = written_on(document) if any(entry.since for entry in entries) else None  # once a draft
    for paragraph in document.paragraphs:
        if paragraph.index in skip:
            continue
        reported: list[tuple[int, int]] = []  # one finding per slip, however many entries match its words
        for number, entry in enumerate(entries):
            started = time.perf_counter()
            try:
                matches = list(entry.pattern.finditer(paragraph.text, timeout=PATTERN_SECONDS - spent[number]))
            except TimeoutError:
                raise ConfigError(
                    f"{entry.origin}: takes over {PATTERN_SECONDS:g} s on {document.path} (it backtracks without "
                    "end on some text); simplify the pattern"
                ) from None
            spent[number] += time.perf_counter() - started
            for match in matches:
                after = paragraph.text[match.end() :]
                if entry.unless_followed_by and after.lower().startswith(entry.unless_followed_by.lower()):
                    continue
                flagged = match.group()
                if entry.since and right_then(written, paragraph.text, match.start(), match.end(), entry.since):
                    continue
                if any(start < match.end() and match.start() < end for start, end in reported):
                    continue
                reported.append(match.span())
                message = entry.message or (
                    f'"{flagged}" should be "{entry.suggestion}"'
                    if entry.suggestion
                    else f'"{flagged}": {rule.summary}'
                )
                suggestion = entry.suggestion
                if suggestion and entry.no_fix_near and said_near(entry.no_fix_near, paragraph.text, *match.span()):
                    suggestion = None  # the suggestion would be wrong in this sentence
                applicability = entry.applicability(rule) if suggestion else None
                finding = rule.finding(
                    message,
                    paragraph,
                    match.start(),
                    match.end(),
                    suggestion=suggestion,
                    replacement=cased_like(suggestion, flagged) if applicability and suggestion else None,
                    applicability=applicability,
                )
                if entry.severity:
                    finding.severity = entry.severity
                yield finding
