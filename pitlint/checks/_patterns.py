"""Running rule-pack pattern entries over a draft's paragraphs: shared by every check whose
rules are data (known wrong phrases, outdated references, placeholders, a team's own rules)."""

from __future__ import annotations

from collections.abc import Iterator

from pitlint.document import Document
from pitlint.findings import Finding, Rule
from pitlint.packs import PatternEntry


def pattern_findings(
    document: Document, rule: Rule, entries: list[PatternEntry], skip: frozenset[int] = frozenset()
) -> Iterator[Finding]:
    """Findings of a pack's entries, in every paragraph but those in ``skip`` (the requester's words)."""
    for paragraph in document.paragraphs:
        if paragraph.index in skip:
            continue
        for entry in entries:
            for match in entry.pattern.finditer(paragraph.text):
                after = paragraph.text[match.end() :]
                if entry.unless_followed_by and after.lower().startswith(entry.unless_followed_by.lower()):
                    continue
                flagged = match.group()
                message = entry.message or (
                    f'"{flagged}" should be "{entry.suggestion}"'
                    if entry.suggestion
                    else f'"{flagged}": {rule.summary}'
                )
                finding = rule.finding(message, paragraph, match.start(), match.end(), suggestion=entry.suggestion)
                if entry.severity:
                    finding.severity = entry.severity
                yield finding
