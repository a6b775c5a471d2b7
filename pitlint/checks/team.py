"""A team's own rules, defined in its rule packs (see packs.py): pattern rules run like the
built-in phrase rules."""

from __future__ import annotations

from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings
from pitlint.document import Document
from pitlint.findings import Finding
from pitlint.outline import Outline

RULES = ()  # registered from the packs when they are loaded


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    for rule in context.packs.rules:
        yield from pattern_findings(document, rule, context.packs.for_rule(rule.code))
