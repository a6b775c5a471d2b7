"""Running rule-pack pattern entries over a draft's paragraphs: shared by every check whose
rules are data (known wrong phrases, outdated references, placeholders, a team's own rules)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from pitlint.document import Document
from pitlint.errors import ConfigError
from pitlint.findings import Finding, Rule, cased_like
from pitlint.packs import PatternEntry

PATTERN_SECONDS = 2.0  # per pattern and draft: the shipped ones take a few milliseconds


def pattern_findings(
    document: Document, rule: Rule, entries: list[PatternEntry], skip: frozenset[int] = frozenset()
) -> Iterator[Finding]:
    """Findings of a pack's entries, in every paragraph but those in ``skip`` (the requester's words).

    A team's pattern may backtrack without end on some text ("(a|aa)+b"): each entry has
    PATTERN_SECONDS for the whole draft, and one that runs out stops the run with one line naming
    the pattern's file and key (a pack is configuration: it must be fixed, not worked around)."""
    spent = [0.0] * len(entries)
    for paragraph in document.paragraphs:
        if paragraph.index in skip:
            continue
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
                message = entry.message or (
                    f'"{flagged}" should be "{entry.suggestion}"'
                    if entry.suggestion
                    else f'"{flagged}": {rule.summary}'
                )
                applicability = entry.applicability(rule)
                finding = rule.finding(
                    message,
                    paragraph,
                    match.start(),
                    match.end(),
                    suggestion=entry.suggestion,
                    replacement=cased_like(entry.suggestion, flagged) if applicability and entry.suggestion else None,
                    applicability=applicability,
                )
                if entry.severity:
                    finding.severity = entry.severity
                yield finding
