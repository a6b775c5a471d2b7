"""From findings to edits: which fixes apply (safe ones; unsafe ones only when asked), each cut
down to the words that change ("the the" -> "the" deletes " the", not both words), and no two
touching the same characters (the first in reading order wins; the other waits for the next run,
as ruff leaves an overlapping fix for its next pass)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pitlint import regexes
from pitlint.document import Document
from pitlint.findings import Finding

_TOKEN = regexes.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Edit:
    """Replace ``paragraph.text[start:end]`` (of paragraph number ``paragraph``, 1-based) with
    ``replacement``; an insertion has start == end."""

    paragraph: int
    start: int
    end: int
    replacement: str
    finding: Finding

    def overlaps(self, other: Edit) -> bool:
        if self.paragraph != other.paragraph:
            return False
        if self.start == self.end or other.start == other.end:  # an insertion touches what is around it
            return self.start <= other.end and other.start <= self.end
        return self.start < other.end and other.start < self.end


@dataclass
class Plan:
    """The edits to make in one draft, and the fixable findings left for another run or another mode."""

    edits: list[Edit]
    unsafe_left: int = 0  # findings with an unsafe fix, not applied (no --unsafe-fixes)
    overlapping: int = 0  # fixes left because another fix changes the same words


def smallest(old: str, new: str) -> tuple[int, int, str]:
    """The part of ``old`` that changes, by whole words, as (start, end, replacement): the words
    ``old`` and ``new`` share at either end are left alone."""
    ours, theirs = _TOKEN.findall(old), _TOKEN.findall(new)
    head = 0
    while head < min(len(ours), len(theirs)) and ours[head] == theirs[head]:
        head += 1
    tail = 0
    while tail < min(len(ours), len(theirs)) - head and ours[-1 - tail] == theirs[-1 - tail]:
        tail += 1
    start = sum(len(token) for token in ours[:head])
    end = len(old) - sum(len(token) for token in ours[len(ours) - tail :])
    return start, end, "".join(theirs[head : len(theirs) - tail])


def plan(findings: Iterable[Finding], document: Document, unsafe: bool = False) -> Plan:
    """The edits for the findings' fixes, in reading order."""
    chosen = Plan([])
    candidates: list[Edit] = []
    for finding in findings:
        fix, where, span = finding.fix, finding.location, finding.span
        if fix is None or where is None or span is None or not 0 < where.paragraph <= len(document.paragraphs):
            continue
        if not fix.safe and not unsafe:
            chosen.unsafe_left += 1
            continue
        text = document.paragraphs[where.paragraph - 1].text
        start, end = span
        if not 0 <= start <= end <= len(text) or "\n" in fix.replacement:
            continue
        offset, stop, replacement = smallest(text[start:end], fix.replacement)
        if offset == stop and not replacement:
            continue  # nothing to change: the words already read as the fix would write them
        candidates.append(Edit(where.paragraph, start + offset, start + stop, replacement, finding))
    for edit in sorted(candidates, key=lambda e: (e.paragraph, e.start, e.end)):
        if chosen.edits and edit.overlaps(chosen.edits[-1]):  # (kept edits are in order and apart)
            chosen.overlapping += 1
            continue
        chosen.edits.append(edit)
    return chosen


def applied(text: str, edits: list[Edit]) -> str:
    """A paragraph's text with its edits made (edits of that paragraph, not overlapping)."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text
