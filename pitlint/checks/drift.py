"""Drift: reused wording that differs from what most issued PITs say, the way a slip does."""

from __future__ import annotations

from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

DRIFT = Rule(
    "PIT302",
    "boilerplate-drift",
    Category.DRIFT,
    Severity.WARNING,
    "Reused wording that differs from what most issued PITs say, the way a slip does.",
    "When a passage is copied by hand, small slips creep in: a wrong word form, a misspelling, a "
    "small word dropped or doubled. The corpus shows the wording most issued PITs use; where this "
    "draft differs from it only by such a slip, the approved wording is suggested with the number "
    "of PITs that use it. Deliberate changes (a different noun, an added clause) are not drift.",
    "The Police Service is charged with enforcing the law, preventing and detecting crime and "
    "protection the communities we serve.",
    "The Police Service is charged with enforcing the law, preventing and detecting crime and "
    "protecting the communities we serve.",
)
RULES = (DRIFT,)


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    analysis = context.reuse(document)
    if analysis is None:
        return
    for slip in analysis.slips:
        flagged = slip.paragraph.text[slip.start : slip.end]
        yield DRIFT.finding(
            f'Reused wording has drifted: "{flagged}" where {slip.majority} of {slip.total} issued PITs say '
            f'"{slip.approved}"',
            slip.paragraph,
            slip.start,
            slip.end,
            suggestion=f'"{slip.approved}" ({slip.majority} of {slip.total} issued PITs)',
            source={"document": slip.document, "paragraph": None, "similarity": None, "text": slip.approved},
        )
