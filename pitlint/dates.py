"""When a response was written, read from its own text: the date in a letter's heading. Rules
about names and numbering that changed on a known date (ACPO to the NPCC in 2015, s40's
subsections in 2018) use it to tell a slip from a response that was right when it was sent."""

from __future__ import annotations

import re

from pitlint.document import Document

HEADING_PARAGRAPHS = 12  # a letter's date is in its first lines, before the request is quoted
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?P<long>(?:19|20)\d\d)\b"  # 11 June 2015
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<us>(?:19|20)\d\d)\b"  # June 11, 2015
    r"|\b(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.](?P<short>(?:19|20)?\d\d)\b",  # 11/06/2015, 13/11/14
    re.IGNORECASE,
)


def written_year(document: Document) -> int | None:
    """The year of the latest full date in the response's opening paragraphs (its own date comes
    after the request's), or None when it gives none."""
    years = []
    for paragraph in document.paragraphs[:HEADING_PARAGRAPHS]:
        for found in _FULL_DATE.finditer(paragraph.text):
            year = found["long"] or found["us"] or found["short"]
            years.append(int(year) if len(year) == 4 else 2000 + int(year))
    return max(years) if years else None
