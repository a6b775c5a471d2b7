"""A total whose parts do not add up to it: listed straight after it in a sentence ("57 applicants
were refused: 14 in 2022, 19 in 2023 and 21 in 2024"), or as the rows above a "Total" row ("Searches
- 212" ... "Total - 333", a table's "| Total | 180 | 775 |"). A figure retyped in one place and not
the other is the slip; the reader cannot tell which is right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline
from pitlint.reuse.text import sentence_around

PARTS_DISAGREE = Rule(
    "PIT417",
    "total-does-not-add-up",
    Category.TYPO,
    Severity.WARNING,
    "A total whose parts, listed straight after it or in the rows above it, add up to another number.",
    'A figure followed by its breakdown ("57 applicants were refused: 14 in 2022, 19 in 2023 and 21 in '
    '2024") is read as a sum. Where the parts add up to another number, one of them (or the total) was '
    "typed wrong or not updated. Only a breakdown whose parts all have the same shape is read (each a "
    'number and a year, "14 in 2022", or a number and a place in brackets), after a colon, a dash or '
    '"of which", in the same sentence. A row labelled "Total" is checked against the rows straight above '
    "it that give the same number of figures, column by column (rows of percentages are not read); and "
    'counts of the same things joined by "and" before "a total of" them in one sentence.',
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
    yield from _total_rows(document, outline)
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        yield from _total_after_its_parts(paragraph)
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


# "9,812 firearm certificates and 14,306 shotgun certificates on issue, a total of 23,118 certificates":
# the parts, each a count of the total's things, before "a total of" in the same sentence
_TOTAL_OF = regexes.compile(
    rf"\b(?:a|the)\s+(?:combined\s+|grand\s+|overall\s+)?total\s+of\s+(?P<total>{_NUMBER})\s+"
    r"(?:[a-z-]+\s+){0,2}?(?P<things>[a-z]+s)\b"
)
_COUNT_OF = regexes.compile(
    rf"(?<![\d,.£$/-])(?P<count>{_NUMBER})(?![\d%/]|[.,]\d)\s+(?:[a-z-]+\s+){{0,3}}?(?P<things>[a-z]+s)\b"
)


def _total_after_its_parts(paragraph: Paragraph) -> Iterator[Finding]:
    """A sentence that gives two or more counts of the same things, joined by "and", then "a total
    of" them, where the counts add up to another number."""
    text = paragraph.text
    for match in _TOTAL_OF.finditer(text):
        sentence = sentence_around(text, match.start(), match.end())[0]
        parts = [
            found
            for found in _COUNT_OF.finditer(text, sentence, match.start())
            if found["things"] == match["things"] and not re.fullmatch(r"(?:19|20)\d\d", found["count"])
        ]
        if len(parts) < 2 or " and " not in text[parts[0].end() : parts[-1].start()]:
            continue
        values = [_value(found["count"]) for found in parts]
        if sum(values) == _value(match["total"]):
            continue
        listed = " + ".join(f"{value:,}" for value in values)
        yield PARTS_DISAGREE.finding(
            f"{match['total']} is given as the total, but its parts add up to {sum(values):,} ({listed}).",
            paragraph,
            match.start("total"),
            match.end("total"),
            suggestion=f"Check the figures: the parts add up to {sum(values):,}.",
        )


def _value(number: str) -> int:
    return int(number.replace(",", ""))


class _Row(NamedTuple):
    paragraph: Paragraph
    label: str
    figures: list[tuple[int, int]]  # each figure's span in the paragraph


# a row's figure: a count or a sum of money, alone in its cell ("212", "£1,187,420", "1,302.50")
_FIGURE = regexes.compile(r"£?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?")
# where a label's figures begin: a dash, a colon, a bar, a tab or a wide gap
_CELL_BREAK = regexes.compile(r"\s+[-\u2013\u2014]\s+|:\s*|\s*\|\s*|\t+\s*|\s{2,}")
_TOTAL_LABEL = regexes.compile(r"\W*(?:grand\s+)?total\W*", re.IGNORECASE)
MIN_PARTS = 2  # rows above a total that make it a sum
_A_YEAR = regexes.compile(r"(?:19|20)\d\d")


def _row(paragraph: Paragraph, start: int, end: int) -> _Row | None:
    """A label and its figures ("Crime scene photography - 64", "| April to June | 44 | 188 |"), or
    None when the line is a sentence or holds anything but figures after its label."""
    text = paragraph.text[start:end].rstrip()
    if not text.rstrip(" |")[-1:].isdigit():
        return None  # (a row ends on a figure: most lines are prose, passed over at once)
    first = text.lstrip(" |")
    offset = start + len(text) - len(first)
    cells = [(m.start(), m.end()) for m in _CELL_BREAK.finditer(first)]
    if not cells:
        return None
    label_end = cells[0][0]
    label = first[:label_end].strip()
    if not label or label[-1:] in ".?!" or len(label.split()) > 12:
        return None
    figures = []
    position = cells[0][1]
    while position < len(first):
        figure = _FIGURE.match(first, position)
        if figure is None:
            return None
        figures.append((offset + figure.start(), offset + figure.end()))
        gap = _CELL_BREAK.match(first, figure.end())
        if gap is None:
            if first[figure.end() :].strip(" |"):
                return None
            break
        position = gap.end()
    return _Row(paragraph, label, figures) if figures else None


def _total_rows(document: Document, outline: Outline) -> Iterator[Finding]:
    """A row labelled "Total" whose figures are not the sums of the rows straight above it."""
    run: list[_Row] = []
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            run = []
            continue
        for start, end in paragraph.line_spans():
            row = _row(paragraph, start, end)
            if row is None:
                run = []
                continue
            if all(_A_YEAR.fullmatch(paragraph.text[slice(*span)]) for span in row.figures):
                run = []  # a header row of years ("Year - 2022 - 2023"), no figures to add
                continue
            if _TOTAL_LABEL.fullmatch(row.label):
                parts = [above for above in run if len(above.figures) == len(row.figures)]
                if len(parts) == len(run) >= MIN_PARTS:
                    yield from _column_sums(parts, row)
                run = []
                continue
            run.append(row)


def _column_sums(parts: list[_Row], total: _Row) -> Iterator[Finding]:
    for column, (start, end) in enumerate(total.figures):
        written = total.paragraph.text[start:end]
        values = [_amount(part.paragraph.text[slice(*part.figures[column])]) for part in parts]
        added = sum(values)
        if abs(added - _amount(written)) < 0.005:
            continue
        shown = f"{added:,.2f}" if "." in written else f"{round(added):,}"
        yield PARTS_DISAGREE.finding(
            f"{written.strip()} is given as the total, but the {len(parts)} rows above it add up to {shown}.",
            total.paragraph,
            start,
            end,
            suggestion=f"Check the figures: the rows add up to {shown}.",
        )
        return  # (one finding a row: a wrong row above throws every column it is in)


def _amount(figure: str) -> float:
    return float(figure.replace("£", "").replace(",", "").strip())
