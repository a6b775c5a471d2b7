"""A letter dated before the request it answers: "19 January 2011" above "your request ... sent on
the 16th December 2011". In January the old year is typed from habit; a date copied from an
earlier letter does the same. The letter's date is a line of its own among the opening lines;
the request's is one given in a sentence about the request. A period written with its end before
its start ("01/06/2024 - 05/03/2024") is the same slip inside one sentence, and a date no calendar
has ("31 April 2023") a slip in its day or month.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator

from pitlint import regexes
from pitlint.checks import Context
from pitlint.dates import full_dates, heading, impossible_dates
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline
from pitlint.reuse.text import sentence_around

LATE_WEEKDAYS = 25  # weekdays between request and response past which it is late whatever bank holidays fell
# what a letter says of a late response, or of a clock started again
_DELAY_SPOKEN_OF = regexes.compile(
    r"\bdelay|\bapolog|\bsorry\b|\bregret|\blate\b|\blateness|\bextra\s+time"
    # the time extended, not a contract ("an option to extend for a further 12 months")
    r"|\bextend(?:ed|ing)?\s+(?:the\s+)?(?:time|deadline|period\s+for|response)|\bextension\s+(?:of|to)\s+(?:the\s+)?"
    r"(?:time|deadline)|\b(?:time|deadline)\s+extension|\bextended\s+(?:by|until|to)\b"
    r"|\bfurther\s+time|\badditional\s+time|\bclarif|\brefined|\bamended\s+request|\b(?:s\.?|section)\s?10\s?\(\s?3\s?\)"
    r"|\btime\s+limit|\bdeadline|\boverdue|\bbacklog",
    re.IGNORECASE,
)

DATED_BEFORE_REQUEST = Rule(
    "PIT412",
    "dated-before-request",
    Category.TYPO,
    Severity.WARNING,
    "A letter dated before the request it answers.",
    'A response cannot be written before the request it answers. A letter dated "19 January 2011" '
    'that thanks the requester for a request "sent on 16 December 2011" has the wrong year, typed '
    "from habit in January or copied from an earlier letter. The letter's date is a line of its own "
    "in the opening lines; the request's date is one given in a sentence about the request.",
    "19 January 2011\n\nThank you for your request, which you sent on 16 December 2011.",
    "19 January 2012\n\nThank you for your request, which you sent on 16 December 2011.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Correct the letter's date.",
)
PERIOD_REVERSED = Rule(
    "PIT413",
    "period-ends-before-it-starts",
    Category.TYPO,
    Severity.WARNING,
    'A period whose end is dated before its start ("01/06/2024 - 05/03/2024"), a month out of its monthly '
    'series ("Mar-24, Apr-25, May-24"), or a financial year repeated down rows a year apart.',
    "A period the response searched or answers for cannot end before it starts: one of its dates "
    "is wrong, most often the end's year, typed from habit or copied from an earlier response. "
    "Where the end a year later falls within a year of the start, that is suggested. In a table of "
    "months, a month whose neighbours are the months before and after it in another year has its "
    "year wrong; so has a row that repeats the financial year of the row above it in rows a year apart "
    '("2021/22", "2022/23", "2022/23"), and a term of so many years whose end is not that many years '
    'after its start ("awarded on 14 March 2023 for a term of five years, ending on 31 March 2027"). '
    "In the request as quoted the slip is the requester's: it is a note, "
    "and the answer should say which dates it covers.",
    "relating to your request for the period 01/06/2024 - 05/03/2024",
    "relating to your request for the period 01/06/2024 - 05/03/2025",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Correct the date that is wrong.",
)
NO_SUCH_DATE = Rule(
    "PIT414",
    "no-such-date",
    Category.TYPO,
    Severity.WARNING,
    'A date no calendar has ("31 April 2023", "29 February 2023", "Tuesday 25 August 2022").',
    "A day past its month's end, or a day's name the date does not fall on, is a slip in the day or "
    "the month, often a date copied from an earlier response and half changed. Which date was meant "
    "is the author's to say. In the request as quoted it is a note.",
    "Thank you for your request, received on 31 April 2023.",
    "Thank you for your request, received on 30 April 2023.",
    action="Correct the day, the day's name or the month.",
)
LATE_UNEXPLAINED = Rule(
    "PIT416",
    "late-without-explanation",
    Category.TYPO,
    Severity.WARNING,
    "A response dated well over 20 working days after the request, that says nothing of the delay.",
    "The Act gives 20 working days to respond (s10(1); FOISA s10(1) likewise). Time to consider the "
    "public interest may be extended (s10(3)), but the requester must be told so; a response sent "
    "later should say why, or apologise. Reported where the letter's date is more than "
    f"{LATE_WEEKDAYS} weekdays after the request's (a margin for bank holidays) and the letter never "
    "speaks of a delay, an extension, an apology or a clarified request.",
    "10 March 2020\n\nThank you for your request dated 6 January 2020. The information is withheld.",
    "10 March 2020\n\nThank you for your request dated 6 January 2020, and I apologise for the delay "
    "in responding. The information is withheld.",
    action="Say why the response is late (an extension to consider the public interest, a clarified request), "
    "or apologise for the delay.",
)
RULES = (DATED_BEFORE_REQUEST, PERIOD_REVERSED, NO_SUCH_DATE, LATE_UNEXPLAINED)

# a line that is only a date, perhaps labelled: "19 January 2011", "Date: 19/01/2011"
_DATE_LINE = regexes.compile(r"\W*(?:(?:date(?:d)?|sent|response\s+date)\s*[:\-]?\s*)?(?P<date>.{6,30}?)\W*", re.I)
# a response's own date, labelled: "Response date: 28 June 2024", "Date of response: 24 May 2023"
_RESPONSE_DATED = regexes.compile(
    r"\b(?:(?:response|reply)\s+(?:date|sent|issued)|date\s+(?:of\s+)?(?:response|reply)|date\s+sent)\s*[:\-]?\s*$",
    re.IGNORECASE,
)
# a letterhead's "Date:" field run into the fields beside it ("Our Ref: FOI 0312/23 Date: 9 March 2023"),
# in a paragraph of fields no longer than this
_DATE_FIELD = regexes.compile(r"(?:^|\s)date\s*:\s*$", re.IGNORECASE)
FIELDS_LONGEST = 160
# a date of another letter than this one: "Original response date", "Previous response sent"
_EARLIER = regexes.compile(r"\b(?:original|previous|earlier|initial|first)\s*$", re.IGNORECASE)
# a sentence about the request that dates it: "your request ... sent on", "received on", "dated"
_REQUEST_DATED = regexes.compile(
    r"\brequest\b[^.;]{0,120}?\b(?:dated|of|on|received(?:\s+on)?|sent(?:\s+on)?|made\s+on|submitted\s+on"
    r"|received\s+by\s+(?:the\s+)?(?:[A-Z][\w&'-]*\s+){1,5}on)\s+(?:the\s+)?$"  # ("received by Kent Police on")
    r"|\bdate\s+(?:of\s+(?:the\s+)?)?request(?:\s+received)?\s*[:\-]?\s*$"  # a disclosure log's "Date of request:"
    # "Thank you for your email, which we received on": the request by what carried it
    r"|\byour\s+(?:e-?mail|letter|correspondence|application)\b[^.;]{0,40}?\breceived"
    r"(?:\s+by\s+(?:the\s+)?(?:[A-Z][\w&'-]*\s+){1,5}on|\s+on)?\s+(?:the\s+)?$"  # ("received by Cleveland Police on")
    # "I refer to your email dated 12 March 2025, which we are treating as a request"
    r"|\byour\s+(?:e-?mail|letter|correspondence|application)\s+(?:dated|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# the words before a bare "Date:" that make it another date than the letter's
_ANOTHER_DATE = regexes.compile(
    r"\b(?:request|received|original|previous|review|incident|birth|response)\w*\s*$", re.IGNORECASE
)
_IN_THE_REQUEST = ". It is in the request as quoted: say which dates the answer covers."
LABEL_WORDS = 6  # a line this short is a label with its date, not the requester's words
REQUEST_REACH = 30  # paragraphs in which a sentence about the request dates it (below a letterhead)
ROLL_OVER_DAYS = 62  # a date a year later within this many days of the request: the year was the slip


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    for finding in (*_month_out_of_series(document), *_year_out_of_series(document)):
        if finding.location is not None and finding.location.paragraph in outline.quoted:
            _as_the_requesters(finding)
        yield finding
    for paragraph in document.paragraphs:
        # (a short line among the request's is a label of the force's: "Received 30 February 2026.";
        # so is a line that speaks of "your request": "Your request, received on 31 September 2024, was:")
        ours = (
            paragraph.index not in outline.quoted
            or len(paragraph.text.split()) <= LABEL_WORDS
            or _YOURS.search(paragraph.text)
        )
        for finding in _date_slips(paragraph):
            if not ours:  # the requester's words, not the force's to correct: the answer must say what it covers
                _as_the_requesters(finding)
            yield finding
    letter = _letter_date(document)
    if letter is None:
        return
    paragraph, start, end, written = letter
    requested = _request_date(document, outline.quoted)
    if requested is None:
        return
    if written >= requested:
        yield from _late(document, paragraph, start, end, written, requested)
        yield from _entry_dated_before(document, paragraph, requested)
        return
    later = _a_year_later(written)
    fixed = later is not None and requested <= later <= requested + datetime.timedelta(days=ROLL_OVER_DAYS)
    text = paragraph.text[start:end]
    yield DATED_BEFORE_REQUEST.finding(
        f"The letter is dated {text}, before the request it answers ({requested.day} "
        f"{requested.strftime('%B')} {requested.year}).",
        paragraph,
        start,
        end,
        replacement=text.replace(str(written.year), str(written.year + 1)) if fixed else None,
    )


def _as_the_requesters(finding: Finding) -> None:
    """A slip in the request as quoted: a note, with no fix (the requester's words are not rewritten)."""
    finding.severity = Severity.INFO
    finding.message = finding.message.rstrip(".") + _IN_THE_REQUEST
    finding.fix = None
    finding.suggestion = None


def _date_slips(paragraph: Paragraph) -> Iterator[Finding]:
    yield from _reversed_periods(paragraph)
    yield from _term_and_its_end(paragraph)
    for start, end, why in impossible_dates(paragraph.text):
        yield NO_SUCH_DATE.finding(f'"{paragraph.text[start:end]}" is no date: {why}', paragraph, start, end)


def _entry_dated_before(document: Document, letter: Paragraph, requested: datetime.date) -> Iterator[Finding]:
    """A line of the opening that is only a date ("Dated: 07 Jun 2011", a disclosure log's entry
    date), other than the letter's own, dated before the request: the log's date left from another
    entry."""
    for paragraph in heading(document):
        line = _DATE_LINE.fullmatch(paragraph.text)
        if paragraph is letter or line is None:
            continue
        found = full_dates(line["date"])
        if len(found) != 1 or (found[0][0], found[0][1]) != (0, len(line["date"])) or found[0][2] >= requested:
            continue
        offset = line.start("date")
        yield DATED_BEFORE_REQUEST.finding(
            f"The page is dated {line['date']}, before the request it answers ({requested.day} "
            f"{requested.strftime('%B')} {requested.year}).",
            paragraph,
            offset + found[0][0],
            offset + found[0][1],
        )


# a month and its year as a table's rows give them: "Apr-24", "April 2024", "Apr 24"
_MONTH_YEAR = regexes.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*[-\s'](?P<year>\d{4}|\d{2})\b(?![/.:-]\d)"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month_out_of_series(document: Document) -> Iterator[Finding]:
    """A month between the months before and after it, in a year neither of them has ("Mar-24,
    Apr-25, May-24"): its year typed wrong."""
    found = []
    for paragraph in document.paragraphs:
        for match in _MONTH_YEAR.finditer(paragraph.text):
            year = int(match["year"])
            year = year + 2000 if year < 100 else year
            found.append((paragraph, match, year * 12 + _MONTHS.index(match["month"][:3].lower())))
    for before, (paragraph, match, month), after in zip(found, found[1:], found[2:], strict=False):
        if after[2] - before[2] != 2 or month in (before[2] + 1,):
            continue
        if month % 12 != (before[2] + 1) % 12:
            continue  # another month altogether: not this kind of slip
        meant_year = (before[2] + 1) // 12
        written = match["year"]
        year = str(meant_year) if len(written) == 4 else f"{meant_year % 100:02d}"
        meant = match.group()[: match.start("year") - match.start()] + year
        yield PERIOD_REVERSED.finding(
            f'"{match.group()}" breaks the series of months ({before[1].group()}, {after[1].group()}): '
            f'did you mean "{meant}"?',
            paragraph,
            match.start(),
            match.end(),
            replacement=meant,
        )


# a row labelled by its financial year, at its line's start: "2022/23 - £1,214,600", "| 2022-23 | 14 |"
_YEAR_ROW = regexes.compile(r"[ \t|*\u2022-]*(?P<first>(?:19|20)\d\d)(?P<joint>[/-])(?P<second>\d\d)\b")


def _year_out_of_series(document: Document) -> Iterator[Finding]:
    """Rows labelled by financial years a year apart, where a row repeats the year of the row above
    it ("2021/22", "2022/23", "2022/23"): the label copied down and not changed. Any other line
    ends the rows."""
    run: list[tuple[Paragraph, re.Match[str], int]] = []
    for paragraph in document.paragraphs:
        for start, end in paragraph.line_spans():
            row = _YEAR_ROW.match(paragraph.text, start, end)
            if row is None or int(row["second"]) != (int(row["first"]) + 1) % 100:
                yield from _series_slips(run)
                run = []
                continue
            run.append((paragraph, row, int(row["first"])))
    yield from _series_slips(run)


def _series_slips(run: list[tuple[Paragraph, re.Match[str], int]]) -> Iterator[Finding]:
    for at in range(2, len(run)):
        (_, _, first), (_, _, second), (paragraph, row, year) = run[at - 2], run[at - 1], run[at]
        if second != first + 1 or year != second:
            continue
        meant = f"{year + 1}{row['joint']}{(year + 2) % 100:02d}"
        written = row.group().strip(" |*\u2022-")
        yield PERIOD_REVERSED.finding(
            f'"{written}" repeats the year of the row above it, in a series a year apart: did you mean "{meant}"?',
            paragraph,
            row.start("first"),
            row.end(),
            replacement=meant,
        )


def _late(
    document: Document, paragraph: Paragraph, start: int, end: int, written: datetime.date, requested: datetime.date
) -> Iterator[Finding]:
    weekdays = _weekdays_between(requested, written)
    if weekdays <= LATE_WEEKDAYS:
        return
    if any(_DELAY_SPOKEN_OF.search(other.text) for other in document.paragraphs):
        return
    yield LATE_UNEXPLAINED.finding(
        f"The letter is dated {weekdays} weekdays after the request ({requested.day} {requested.strftime('%B')} "
        f"{requested.year}), over the 20 working days the Act allows, and says nothing of the delay.",
        paragraph,
        start,
        end,
    )


def _weekdays_between(first: datetime.date, last: datetime.date) -> int:
    """Weekdays after ``first`` up to and including ``last`` (the day a request arrives is day 0)."""
    days = (last - first).days
    whole, rest = divmod(days, 7)
    count = whole * 5
    for offset in range(1, rest + 1):
        if (first + datetime.timedelta(days=whole * 7 + offset)).weekday() < 5:
            count += 1
    return count


def _letter_date(document: Document) -> tuple[Paragraph, int, int, datetime.date] | None:
    """The letter's date among the opening lines: one labelled as the response's ("Date of
    response: 13/11/14"), else the first line that is only a date ("Dated: 11 Dec 2014", which a
    disclosure log may give its entry too), else a letterhead's "Date:" field run into others, else
    a date ending a letterhead's line of contact fields."""
    opening = heading(document)
    for paragraph in opening:
        for start, end, date in full_dates(paragraph.text):
            label = _RESPONSE_DATED.search(paragraph.text, max(0, start - 40), start)
            if label and not _EARLIER.search(paragraph.text, max(0, label.start() - 20), label.start()):
                return paragraph, start, end, date
    for paragraph in opening:
        line = _DATE_LINE.fullmatch(paragraph.text)
        if line is None:
            continue
        found = full_dates(line["date"])
        if len(found) == 1 and (found[0][0], found[0][1]) == (0, len(line["date"])):
            begin, finish, date = found[0]
            offset = line.start("date")
            return paragraph, offset + begin, offset + finish, date
    for paragraph in opening:
        if len(paragraph.text) > FIELDS_LONGEST:
            continue
        for start, end, date in full_dates(paragraph.text):
            label = _DATE_FIELD.search(paragraph.text, max(0, start - 40), start)
            if label and not _ANOTHER_DATE.search(paragraph.text, max(0, label.start() - 30), label.start()):
                return paragraph, start, end, date
    for paragraph in opening:
        found = full_dates(paragraph.text) if len(paragraph.text) <= FIELDS_LONGEST else ()
        if found and found[-1][1] == len(paragraph.text.rstrip(" .")) and _CONTACT_FIELD.search(paragraph.text):
            start, end, date = found[-1]
            labelled = _DATE_FIELD.search(paragraph.text, max(0, start - 40), start)  # (weighed above)
            if not labelled and not _ANOTHER_DATE.search(paragraph.text, max(0, start - 30), start):
                return paragraph, start, end, date  # "Tel: 101 Ext 800 2507 Fax: 0115 967 2896 10 January 2017"
    return None


# a letterhead's contact field, whose line a date may end unlabelled
_CONTACT_FIELD = regexes.compile(
    r"\b(?:tel(?:ephone)?|fax|phone|e-?mail|direct\s+line)\b\s*:?|@"
    r"|\b(?:our\s+|your\s+)?ref(?:erence)?\b\.?\s*(?:no\.?|number)?\s*:",  # "Our Ref: FOI 2024-01762 6 August 2024"
    re.IGNORECASE,
)


def _request_date(document: Document, quoted: frozenset[int]) -> datetime.date | None:
    """The date a sentence of the opening gives the request ("your request ... sent on the 16th
    December 2011"); the latest, if it gives several (a clarified request). Not in the requester's
    own words, nor a date the request will be published or answered on."""
    dates = []
    for paragraph in document.paragraphs[:REQUEST_REACH]:
        for start, _, date in full_dates(paragraph.text):
            before = paragraph.text[max(0, start - 160) : start]
            if paragraph.index in quoted and not _YOURS.search(before):
                continue  # the requester's words (but "your request ... received on" is the force's, however read)
            if _REQUEST_DATED.search(before) and not _LATER_ON.search(before[before.lower().rfind("request") :]):
                dates.append(date)
    return max(dates) if dates else None


_YOURS = regexes.compile(r"\byour\s+(?:request|e-?mail|letter|correspondence)\b", re.IGNORECASE)
# between "request" and a date: one that is to come ("will be published on", "will be sent on")
_LATER_ON = regexes.compile(r"\bwill\b|\bpublish|\bextend|\bdue\b", re.IGNORECASE)


def _a_year_later(date: datetime.date) -> datetime.date | None:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return None


def _years_later(date: datetime.date, years: int) -> datetime.date:
    """The date so many years on; 29 February goes to the 28th in a year without it."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


# between a period's two dates: "01/06/2024 - 05/03/2024", "1 April 2023 to 31 March 2022",
# "between 1 May 2020 and 1 March 2020"
_BETWEEN_DATES = regexes.compile(r"\s*(?:[-\u2013\u2014]|to|until|till|through|and)\s*", re.IGNORECASE)
_BETWEEN = regexes.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


# a period told in words: its start's verb before the first date, its end's before the second
_STARTS_ON = regexes.compile(
    r"\b(?:commenc\w*|start(?:s|ed|ing)?|began|begins?|effective|runs?\s+from|from)\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_ENDS_ON = regexes.compile(
    r"\b(?:until|till|ends?|ending|ended|expir\w*|terminat\w*|to)\s+(?:on\s+)?(?:the\s+)?$", re.IGNORECASE
)
_STOP = regexes.compile(r"[.;!?]\s")
_VERB_REACH = 25  # characters before the first date in which its verb is looked for
_TOLD_REACH = 60  # characters between the two dates of a period told in words


def _reversed_periods(paragraph: Paragraph) -> Iterator[Finding]:
    """A period written with its end before its start."""
    text = paragraph.text
    dates = full_dates(text)
    for (start, end, first), (next_start, next_end, second) in itertools.pairwise(dates):
        if second >= first:
            continue
        joined = _BETWEEN_DATES.fullmatch(text, end, next_start)
        if joined is None:
            # (or told in words: "commenced on 1 April 2022 and runs until 31 March 2021")
            if not (
                _STARTS_ON.search(text, max(0, start - _VERB_REACH), start)
                and next_start - end <= _TOLD_REACH
                and not _STOP.search(text, end, next_start)
                and _ENDS_ON.search(text, end, next_start)
            ):
                continue
        elif joined.group().strip().lower() == "and" and not _BETWEEN.search(text, max(0, start - 12), start):
            continue  # "on 1 May 2020 and 1 March 2020": two dates, not a period
        later, year_on = _a_year_later(second), _a_year_later(first)
        fixed = (
            later is not None and year_on is not None and first <= later <= year_on
        )  # the end's year typed from habit
        written = text[next_start:next_end]
        yield PERIOD_REVERSED.finding(
            f'The period "{text[start:next_end]}" ends before it starts.',
            paragraph,
            start,
            next_end,
            replacement=text[start:next_start] + _next_year(written, second) if fixed else None,
        )


# a term in years, told between its start and its end: "awarded on 14 March 2023 for a term of five
# years, ending on 31 March 2027"
_TERM = regexes.compile(
    r"\b(?:term|period|duration)\s+of\s+(?P<years>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s*\(\d{1,2}\))?\s+years?\b",
    re.IGNORECASE,
)
_YEARS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TERM_STARTS = regexes.compile(
    r"\b(?:awarded|signed|let|agreed|entered\s+into|commenc\w*|start(?:s|ed|ing)?|began|begins?|effective|from)"
    r"\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
TERM_SLACK_DAYS = 62  # an end this near the start plus the term is the term's end, however counted


def _term_and_its_end(paragraph: Paragraph) -> Iterator[Finding]:
    """A term of so many years whose end, as given, is not that many years after its start."""
    text = paragraph.text
    for term in _TERM.finditer(text):
        start, end = sentence_around(text, term.start(), term.end())
        dates = full_dates(text[start:end])
        began = [
            d
            for d in dates
            if start + d[1] <= term.start()
            and _TERM_STARTS.search(text, max(start, start + d[0] - _VERB_REACH), start + d[0])
        ]
        ended = [
            d
            for d in dates
            if start + d[0] >= term.end()
            and _ENDS_ON.search(text, max(start, start + d[0] - _VERB_REACH), start + d[0])
        ]
        if len(began) != 1 or len(ended) != 1:
            continue
        years = _YEARS.get(term["years"].lower()) or int(term["years"])
        first, last = began[0][2], ended[0][2]
        expected = _years_later(first, years)
        if abs((last - expected).days) <= TERM_SLACK_DAYS:
            continue
        written = text[start + ended[0][0] : start + ended[0][1]]
        unit = "year" if years == 1 else "years"
        yield PERIOD_REVERSED.finding(
            f"A term of {term['years']} {unit} from {text[start + began[0][0] : start + began[0][1]]} ends about "
            f"{expected.day} {expected.strftime('%B')} {expected.year}, not {written}.",
            paragraph,
            start + ended[0][0],
            start + ended[0][1],
        )


def _next_year(written: str, date: datetime.date) -> str:
    """A written date with its year one later, as it is written ("05/03/2024" -> "05/03/2025",
    "5/3/24" -> "5/3/25")."""
    year = str(date.year)
    if written.endswith(year):
        return written[: -len(year)] + str(date.year + 1)
    short = year[2:]
    return written[: -len(short)] + f"{(date.year + 1) % 100:02d}"
