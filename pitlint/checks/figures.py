"""The same count given twice with its digits swapped: "the force has 214 marked vehicles" in the
answer, "each of the 241 marked vehicles" in the harm. A figure retyped in one place and not the
other; the reader cannot tell which is right, and a published response then contradicts itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

FIGURE_SWAPPED = Rule(
    "PIT418",
    "figure-retyped",
    Category.TYPO,
    Severity.WARNING,
    'The same count of the same things given twice with its digits swapped ("214 marked vehicles", then '
    '"241 marked vehicles").',
    "A figure copied from the answer into the harm or the covering letter is sometimes retyped, and two "
    "of its digits swap places. Two counts of three digits or more, each followed by the same words "
    '("marked vehicles", "cameras"), made of the same digits in another order, the later one spoken of as '
    'known ("the 241 marked vehicles", "each of the 321 cameras"), are one figure typed two ways. The later '
    "one is reported; which is right is the author's to say. Years, dates, sums of money and references "
    "are not read as counts.",
    "The force has 214 marked vehicles. ... Each of the 241 marked vehicles is fitted with ANPR.",
    "The force has 214 marked vehicles. ... Each of the 214 marked vehicles is fitted with ANPR.",
    action="Check the figure and give it the same way in both places.",
)
RULES = (FIGURE_SWAPPED,)

# a count and the things counted: up to two describing words and a plural noun ("1,540 cameras",
# "118 unmarked vehicles", "241 marked police vehicles"); not money, a percentage or a year
# ("312 fixed ANPR cameras"; or what they are, after the verb: "of which 118 are unmarked")
_COUNT = regexes.compile(
    r"(?<![\w£$€.,/:-])(?P<count>\d{1,3}(?:,\d{3})+|\d{3,})(?![\w%.,/:-])"
    r"\s+(?:(?P<things>(?:(?:[a-z][a-z-]+|[A-Z]{2,6})\s+){0,3}[a-z][a-z-]+s)\b"
    r"|(?:are|were)\s+(?P<kind>[a-z]{4,}(?:ed|al|ive))\b)"
)
_DEFINITE = regexes.compile(r"\b(?:the|all|these|those)\s+$", re.IGNORECASE)
_NOT_THINGS = frozenset("years months weeks days hours minutes seconds per percent pounds".split())


class _Count(NamedTuple):
    paragraph: Paragraph
    start: int
    end: int
    value: str  # the digits as written, without commas
    things: tuple[str, ...]  # the words that say what is counted, lower case ("unmarked", "vehicles")


def _counts(document: Document, quoted: frozenset[int]) -> Iterator[_Count]:
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        for match in _COUNT.finditer(paragraph.text):
            digits = match["count"].replace(",", "")
            words = tuple(word.lower() for word in (match["things"] or match["kind"]).split())
            if words[-1] in _NOT_THINGS or _a_year(digits):
                continue
            yield _Count(paragraph, match.start("count"), match.end("count"), digits, words)


def _a_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


# more values than this for the same things is a table or a series of counts, where digits coincide
DISTINCT_MOST = 3


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    by_things: dict[str, list[_Count]] = {}
    for count in _counts(document, outline.quoted):
        for word in dict.fromkeys(count.things):  # (each word of what is counted: "unmarked", "vehicles")
            by_things.setdefault(word, []).append(count)
    reported: set[tuple[int, int]] = set()
    for counts in by_things.values():
        if len({count.value for count in counts}) > DISTINCT_MOST:
            continue
        for position, count in enumerate(counts):
            if not _DEFINITE.search(count.paragraph.text, max(0, count.start - 8), count.start):
                continue  # (only a count spoken of as known, "the 241 marked vehicles", refers back to one)
            earlier = next(
                (
                    other
                    for other in counts[:position]
                    if other.value != count.value and sorted(other.value) == sorted(count.value)
                ),
                None,
            )
            where = (count.paragraph.index, count.start)
            if earlier is None or where in reported or (earlier.paragraph.index, earlier.start) in reported:
                continue
            reported.add(where)
            written = earlier.paragraph.text[earlier.start : earlier.end]
            here = count.paragraph.text[count.start : count.end]
            yield FIGURE_SWAPPED.finding(
                f"{here} ({' '.join(count.things)}) here, {written} earlier: the same figure with its digits in "
                "another order?",
                count.paragraph,
                count.start,
                count.end,
                suggestion=f"Check which figure is right: {written} or {here}.",
            )
