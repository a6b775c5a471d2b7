"""When a response was written, read from its own text: the date in a letter's heading. Rules
about names and numbering that changed on a known date (ACPO to the NPCC on 1 April 2015, s40's
subsections on 25 May 2018) use it to tell a slip from a response that was right when it was sent."""

from __future__ import annotations

import calendar
import datetime
import functools
import re

from pitlint import regexes
from pitlint.document import Document, Paragraph

HEADING_PARAGRAPHS = 12  # a letter's date is in its first lines, before the request is quoted
HEADING_CHARACTERS = 400  # and further down past a letterhead of short lines (name, address, Tel, Fax)
HEADING_MOST = 30  # paragraphs, however short


def heading(document: Document) -> list[Paragraph]:
    """A letter's opening lines: its first paragraphs, and more while they are a letterhead's short
    lines (an address block of a dozen lines puts "17 July 2009" below them)."""
    found: list[Paragraph] = []
    length = 0
    for paragraph in document.paragraphs[:HEADING_MOST]:
        if len(found) >= HEADING_PARAGRAPHS and length >= HEADING_CHARACTERS:
            break
        found.append(paragraph)
        length += len(paragraph.text)
    return found


MONTH_NAMES = tuple("january february march april may june july august september october november december".split())
DAY_NAMES = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTH_NAMES = tuple(name[:3] for name in MONTH_NAMES)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_FULL_DATE = regexes.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTHS})\s+(?P<long>(?:19|20)\d\d)\b"  # 11 June 2015
    rf"|\b(?P<us_month>{_MONTHS})\s+(?P<us_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<us>(?:19|20)\d\d)\b"  # June 11, 2015
    r"|\b(?P<short_day>0?[1-9]|[12]\d|3[01])[/.](?P<short_month>0?[1-9]|1[0-2])[/.]"
    r"(?P<short>(?:19|20)?\d\d)\b",  # 11/06/2015, 13/11/14
    re.IGNORECASE,
)
# a line that is only a month and year: "April 2014"
_MONTH_YEAR = regexes.compile(rf"\s*(?P<month>{_MONTHS})\s+(?P<year>(?:19|20)\d\d)\s*", re.IGNORECASE)


def written_on(document: Document) -> datetime.date | None:
    """The latest full date in the response's opening paragraphs (its own date comes after the
    request's), or None when it gives none. A line that is only a month and year ("April 2014")
    dates the response to that month's first day; with no date at all, a request reference that
    carries its year ("Deaths in custody (8956/17)", "FOI 2019-0412") dates it to that year's
    first day: the benefit of the doubt goes to the text."""
    dates = []
    years = []
    for paragraph in heading(document):
        month_year = _MONTH_YEAR.fullmatch(paragraph.text)
        if month_year:
            dates.append(datetime.date(int(month_year["year"]), _month(month_year["month"]), 1))
        for found in _FULL_DATE.finditer(paragraph.text):
            date = _date(found)
            if date is not None:
                dates.append(date)
        years += [_reference_year(found) for found in _REFERENCE_YEAR.finditer(paragraph.text)]
    if dates:
        return max(dates)
    years = [year for year in years if FOI_IN_FORCE <= year <= datetime.date.today().year]
    return datetime.date(min(years), 1, 1) if years else None


@functools.lru_cache(maxsize=4096)  # (several checks ask of each paragraph)
def full_dates(text: str) -> tuple[tuple[int, int, datetime.date], ...]:
    """(start, end, date) of each full date written in a text ("11 June 2015", "13/11/14")."""
    found = []
    for match in _FULL_DATE.finditer(text):
        date = _date(match)
        if date is not None:
            found.append((match.start(), match.end(), date))
    return tuple(found)


_PART_OF_A_NUMBER = regexes.compile(r"[/.\-]\w")  # "31/04/2023/123", "29/02/23-AB": a reference


# a day's name right before a date: "Tuesday 25 August 2022", "Tuesday, the 25th of August 2022"
_WEEKDAY_BEFORE = regexes.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$", re.IGNORECASE
)


def impossible_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, why) of each written date no calendar has: "31 April 2023", "29 February 2023",
    "31/06/2021" (a day past its month's end; a month or day of 0 or a month over 12 is not read as
    a date at all), or "Tuesday 25 August 2022" (a Thursday)."""
    found = []
    for match in _FULL_DATE.finditer(text):
        date = _date(match)
        if date is not None and not _PART_OF_A_NUMBER.match(text, match.end()):
            named = _WEEKDAY_BEFORE.search(text, max(0, match.start() - 16), match.start())
            if named and named["day"].lower() != calendar.day_name[date.weekday()].lower():
                day = calendar.day_name[date.weekday()]
                found.append(
                    (
                        named.start(),
                        match.end(),
                        f"{date.day} {MONTH_NAMES[date.month - 1].capitalize()} {date.year} was a {day}",
                    )
                )
            continue
        if date is not None or _PART_OF_A_NUMBER.match(text, match.end()):
            continue
        if match["short"] and ("." in match.group() or (match.start() and text[match.start() - 1] in "./-")):
            continue  # "paragraph 30.2.15", "ref 1/31/06/21": a numbering, not a date
        year, month, day = _parts(match)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        name = MONTH_NAMES[month - 1].capitalize()
        last = calendar.monthrange(year, month)[1]
        why = f"{name} {year} had {last} days" if month == 2 else f"{name} has {last} days"
        found.append((match.start(), match.end(), why))
    return found


FOI_IN_FORCE = 2005  # the Act's right of access began on 1 January 2005
# a request's reference with its year: "(8956/17)", "Reference No: 001234/19", "Reference: SM289/13",
# "FOI 2019-0412"
_REFERENCE_YEAR = regexes.compile(
    r"(?:\b(?:ref(?:erence)?|foi|request|our\s+ref)\b[\s.:#-]*(?:no\.?|number)?[\s.:#-]*|\()"
    r"(?:(?:foi\s*|[a-z]{1,4})?\d{2,7}/(?P<short>\d{2})|(?P<long>20\d\d)[-/]\d{2,7})(?=\)|[\s,.;:]|$)",
    re.IGNORECASE,
)


def _reference_year(found: re.Match[str]) -> int:
    return int(found["long"]) if found["long"] else 2000 + int(found["short"])


def _date(found: re.Match[str]) -> datetime.date | None:
    try:
        return datetime.date(*_parts(found))
    except ValueError:  # "31 June 2015": no such day
        return None


def _parts(found: re.Match[str]) -> tuple[int, int, int]:
    """A written date's year, month and day, as written."""
    if found["long"]:
        return int(found["long"]), _month(found["month"]), int(found["day"])
    if found["us"]:
        return int(found["us"]), _month(found["us_month"]), int(found["us_day"])
    year = int(found["short"])
    return (year if year >= 100 else 2000 + year), int(found["short_month"]), int(found["short_day"])


def _month(name: str) -> int:
    return _MONTH_NAMES.index(name[:3].lower()) + 1
