"""A total whose parts, listed straight after it, do not add up to it: "57 applicants were refused:
14 in 2022, 19 in 2023 and 21 in 2024". A figure retyped in one place and not the other is the
slip; the reader cannot tell which is right."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

PARTS_DISAGREE = Rule(
    "PIT417",
    "total-does-not-add-up",
    Category.TYPO,
    Severity.WARNING,
    "A total whose parts, listed straight after it, add up to another number.",
    'A figure followed by its breakdown ("57 applicants were refused: 14 in 2022, 19 in 2023 and 21 in '
    '2024") is read as a sum. Where the parts add up to another number, one of them (or the total) was '
    "typed wrong or not updated. Only a breakdown whose parts all have the same shape is read (each a "
    'number and a year, "14 in 2022", or a number and a place in brackets), after a colon, a dash or '
    '"of which", in the same sentence.',
    "57 applicants were refused: 14 in 2022, 19 in 2023 and 21 in 2024.",
    "54 applicants were refused: 14 in 2022, 19 in 2023 and 21 in 2024.",
    action="Check the figures: correct the total or the part that is wrong.",
)
RULES = (PARTS_DISAGREE,)

_NUMBER = r"\d{1,3}(?:,\d{3})*|\d+"
# a total, its noun phrase and verb, then a colon, a dash or "of which", then the parts: each a number
# and "in <year>" (or "(<year>)"), joined by commas and a last "and"
_PART = rf"(?:{_NUMBER})\s+(?:in\s+(?:19|20)\d\d(?:/\d\d)?|\((?:19|20)\d\d(?:/\d\d)?\))"
_BREAKDOWN = regexes.compile(
    rf"(?<![\d,.£$])(?P<total>{_NUMBER})(?![\d%]|,\d|\.\d)(?P<between>[^.:;\n\d]{{3,120}}?)"
    r"(?::\s*|\s+[-\u2013\u2014]\s+|,?\s+of\s+which\s+)"
    rf"(?P<parts>{_PART}(?:\s*,\s*{_PART})*\s*,?\s+and\s+{_PART})(?=[\s.;,)]|$)"
)
_PART_NUMBER = regexes.compile(rf"(?P<count>{_NUMBER})\s+(?:in\s+|\()")


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        for match in _BREAKDOWN.finditer(paragraph.text):
            if re.fullmatch(r"(?:19|20)\d\d", match["total"]):
                continue  # a year, not a total: "In 2024: 14 in ..."
            total = _value(match["total"])
            parts = [_value(found["count"]) for found in _PART_NUMBER.finditer(match["parts"])]
            if sum(parts) == total:
                continue
            listed = " + ".join(str(part) for part in parts)
            yield PARTS_DISAGREE.finding(
                f"{match['total']} is given as the total, but its parts add up to {sum(parts)} ({listed}).",
                paragraph,
                match.start(),
                match.end(),
                suggestion=f"Check the figures: the parts add up to {sum(parts)}.",
            )


def _value(number: str) -> int:
    return int(number.replace(",", ""))
