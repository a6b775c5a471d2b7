"""Typos: the wrong phrases a team has published before (from the rule packs), and doubled
words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

KNOWN_WRONG_PHRASE = Rule(
    "PIT401",
    "known-wrong-phrase",
    Category.TYPO,
    Severity.WARNING,
    "A phrase known to be wrong in issued PITs.",
    "Some slips in approved wording were published and then copied from PIT to PIT. The rule packs "
    "list them with the right wording (add your team's own in a pack: see the README).",
    "...and do not leave the open to unauthorised access.",
    "...and do not leave them open to unauthorised access.",
)
DOUBLED_WORD = Rule(
    "PIT402",
    "doubled-word",
    Category.TYPO,
    Severity.WARNING,
    "The same word twice in a row.",
    'A word typed twice ("the the") is a slip that survives a quick read, often at a line break.',
    "Disclosure would would provide details of force systems.",
    "Disclosure would provide details of force systems.",
)
RULES = (KNOWN_WRONG_PHRASE, DOUBLED_WORD)

_DOUBLED = re.compile(r"\b(\w+)(\s+)\1\b", re.IGNORECASE)
_FINE_DOUBLES = frozenset({"that", "had", "is", "do"})  # "that that", "had had" can be right


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from pattern_findings(document, KNOWN_WRONG_PHRASE, context.packs.for_rule(KNOWN_WRONG_PHRASE.code))
    for paragraph in document.paragraphs:
        for match in _DOUBLED.finditer(paragraph.text):
            word = match.group(1)
            if word.lower() in _FINE_DOUBLES or word.isdigit():
                continue
            yield DOUBLED_WORD.finding(
                f'"{word}" is written twice', paragraph, match.start(), match.end(), suggestion=word
            )
