"""Drift: reused wording that differs from what most issued PITs say, the way a slip does."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity, cased_like
from pitlint.outline import Outline

if TYPE_CHECKING:
    from pitlint.reuse.matching import Slip

DRIFT = Rule(
    "PIT302",
    "boilerplate-drift",
    Category.DRIFT,
    Severity.WARNING,
    "Reused wording that differs from what most issued PITs say, the way a slip does.",
    "When a passage is copied by hand, small slips creep in: a wrong word form, a misspelling, a "
    "small word dropped or doubled. The corpus shows the wording most issued PITs use (at least "
    "three of them, and most of those with the passage); where this draft differs from it by a "
    "slip, the approved wording is suggested with the number of PITs that use it. A difference is a "
    "slip only where the draft's words are worse English than the approved ones: a word not in the "
    "dictionary, or a pair of words English does not use where the approved pair is usual. "
    'Deliberate changes (a different noun, "the community that we serve" for "the community we '
    'serve") are not drift.',
    "The Police Service is charged with enforcing the law, preventing and detecting crime and "
    "protection the communities we serve.",
    "The Police Service is charged with enforcing the law, preventing and detecting crime and "
    "protecting the communities we serve.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
RULES = (DRIFT,)

MIN_MAJORITY = 3  # issued PITs that must use the approved wording
MIN_SHARE = 0.6  # of those that use any wording of the passage


def _pairs(words: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(pairwise(words))


_PRONOUNS = frozenset("we it they he she our its their his her us them".split())


def _another_speaker(added: set[str], removed: set[str]) -> bool:
    """Whether the draft only says it of another speaker: a pronoun for a pronoun, and the verb
    agreeing with it ("it serves" for "we serve")."""
    if not added or not added & _PRONOUNS:
        return False
    verbs = {word for word in added if word not in _PRONOUNS}
    return all(word.removesuffix("s") in removed or f"{word}s" in removed for word in verbs) and bool(
        removed & _PRONOUNS
    )


def _worse(slip: Slip, context: Context) -> bool:
    """Whether the draft's words are worse English than the approved ones: a word the dictionary
    does not know, or a word pair English does not use where every approved pair is usual."""
    from pitlint import language

    changed = set(slip.draft_words) - set(slip.approved_words)
    if any(word.isalpha() and not context.speller.known(word) for word in changed):
        return True
    if _another_speaker(changed, set(slip.approved_words) - set(slip.draft_words)):
        return False  # "the communities it serves" for "the communities we serve": the subject's choice
    drafted = _pairs(slip.draft_words) - _pairs(slip.approved_words)
    approved = _pairs(slip.approved_words) - _pairs(slip.draft_words)
    return (
        any(language.pair(*pair) == 0 for pair in drafted)
        and bool(approved)
        and all(language.pair(*pair) > 0 for pair in approved)
    )


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    analysis = context.reuse(document)
    if analysis is None:
        return
    for slip in analysis.slips:
        if slip.majority < MIN_MAJORITY or slip.majority < MIN_SHARE * slip.total or not _worse(slip, context):
            continue
        flagged = slip.paragraph.text[slip.start : slip.end]
        yield DRIFT.finding(
            f'Reused wording has drifted: "{flagged}" where {slip.majority} of {slip.total} issued PITs say '
            f'"{slip.approved}"',
            slip.paragraph,
            slip.start,
            slip.end,
            # (the message names the approved wording and how many use it: the suggestion is its words)
            replacement=cased_like(slip.approved, flagged),
            source={"document": slip.document, "paragraph": None, "similarity": None, "text": slip.approved},
        )
