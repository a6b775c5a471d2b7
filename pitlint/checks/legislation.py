"""Legislation named wrongly: the title of an Act or regulations, with its year, written close to a
title the packs know (rules/legislation.yaml) but not as enacted: words reordered, dropped or
changed ("the Freedom of Information (Fees and Appropriate Limit) Regulations 2004"). Only titles
of the same kind and year are compared, so "the Terrorism Act 2000" is never taken for the Freedom
of Information Act 2000, and a title close to none the packs know is left alone."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pitlint import regexes
from pitlint.checks import Context
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline
from pitlint.reuse.text import sentence_around

MISNAMED_LEGISLATION = Rule(
    "PIT507",
    "misnamed-legislation",
    Category.LINK,
    Severity.WARNING,
    "An Act or regulations cited by a title they do not have.",
    'A response that cites law should name it as enacted: a title written from memory ("the Freedom '
    'of Information (Fees and Appropriate Limit) Regulations 2004") names nothing a requester can '
    "look up. A title is compared with the titles of the same kind and year in the rule packs "
    "(rules/legislation.yaml); add your own under 'legislation:'. A title that one law has (under "
    "'legislation-once:') written with a year it does not have (\"the Environmental Information "
    'Regulations 2000") is told its year.',
    "The cost limit is set by the Freedom of Information (Fees and Appropriate Limit) Regulations 2004.",
    "The cost limit is set by the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
    "Regulations 2004.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.UNSAFE,
    action="Write the title as enacted.",
)
ENGLISH_TEMPLATE = Rule(
    "PIT510",
    "english-law-in-scottish-response",
    Category.COPY_PASTE,
    Severity.WARNING,
    "A response under the Scottish Act that names the Act of 2000 or sends the requester to the ICO.",
    "A response under the Freedom of Information (Scotland) Act 2002 that names the Freedom of "
    'Information Act 2000 ("a refusal notice under section 16 of the Freedom of Information Act 2000"), '
    "or sends the requester to the Information Commissioner's Office to appeal, was written from a "
    "template of a body in England, Wales or Northern Ireland: FOISA applies, and the Scottish "
    "Information Commissioner hears its appeals. (The ICO regulates data protection in Scotland too, "
    "so a sentence about personal data is left alone.)",
    "If you remain dissatisfied you may apply to the Information Commissioner's Office, Wycliffe House, "
    "Water Lane, Wilmslow, Cheshire SK9 5AF.",
    "If you remain dissatisfied you may apply to the Scottish Information Commissioner, Kinburn Castle, "
    "Doubledykes Road, St Andrews, Fife KY16 9DS.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=Applicability.UNSAFE,
    action="Name the Scottish Act, or the Scottish Information Commissioner and its address.",
)
RULES = (MISNAMED_LEGISLATION, ENGLISH_TEMPLATE)

MAX_CITED = 200  # titles compared per draft (a PIT cites a handful)
SIMILAR = 85  # rapidfuzz token_sort_ratio from which a title is the known one written wrongly
LOOK_BACK = 200  # characters before "Act 2000" in which a title's words are looked for
_CITED = regexes.compile(r"\b(?P<kind>Act|Regulations|Order|Rules)\s+(?P<year>(?:19|20)\d\d)\b")
_WORD = regexes.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+")
_CONNECTORS = frozenset("of and the for to in on with at etc".split())  # lower-case words inside a title
_BETWEEN = regexes.compile(r"[\s(),.]*")  # what may stand between two words of one title
_PLAIN = regexes.compile(r"[^a-z0-9]+")
# an abbreviation given inside a title: "(FOI)", "(FoI)" (two capitals at least: not "(Scotland)")
_ABBREVIATION = regexes.compile(r"\(\s*(?=[a-z]*[A-Z][a-z]*[A-Z])[A-Za-z]{2,8}\s*\)")
_YEAR_AT_END = regexes.compile(r" (?:19|20)\d\d$")  # of a title as plain words


@dataclass(frozen=True)
class _Title:
    written: str  # as the pack gives it
    plain: str  # lower case, words only
    words: int


_THIS_ACT = regexes.compile(r"\bFreedom\s+of\s+Information\s+Act\s+2000\b")


def _the_act_of_england(document: Document, outline: Outline) -> Iterator[Finding]:
    """The Freedom of Information Act 2000 named in a response under the Scottish Act: left from a
    letter of a body in England, Wales or Northern Ireland ("a refusal notice under section 16 of
    the Freedom of Information Act 2000", where the Scottish Act's section 16 is meant)."""
    if not outline.scottish:
        return
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        for match in _THIS_ACT.finditer(paragraph.text):
            yield ENGLISH_TEMPLATE.finding(
                "This response answers under the Freedom of Information (Scotland) Act 2002, but names the "
                "Freedom of Information Act 2000, which does not apply to a Scottish public authority.",
                paragraph,
                match.start(),
                match.end(),
                replacement="Freedom of Information (Scotland) Act 2002",
            )


# the regulator of the Act of 2000, named where the requester's appeal is explained
_THE_ICO = regexes.compile(r"Information\s+Commissioner['\u2019]?s\s+Office|\bICO\b|Wycliffe\s+House")
_APPEAL = regexes.compile(
    r"\bappeal|\bapply\b|\bapplication|\bcomplain|\bdissatisfied|\bunhappy|\bdecision\b", re.IGNORECASE
)
_ICO_POSTCODE = regexes.compile(r"SK9\s?5AF\b", re.IGNORECASE)
_ADDRESS_REACH = 80  # characters after the ICO's name or house in which its postcode ends its address
_DATA_PROTECTION = regexes.compile(r"\bdata\s+protection|\bpersonal\s+data|\bGDPR\b", re.IGNORECASE)


def _the_regulator_of_england(document: Document, outline: Outline) -> Iterator[Finding]:
    """The ICO named as where to appeal in a response under the Scottish Act: the requester appeals
    to the Scottish Information Commissioner (FOISA s47). (The ICO regulates data protection in
    Scotland too, so a sentence about personal data is left alone.)"""
    if not outline.scottish:
        return
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        match = _THE_ICO.search(paragraph.text)
        if match is None:
            continue
        start, end = sentence_around(paragraph.text, match.start(), match.end())
        sentence = paragraph.text[start:end]
        if not _APPEAL.search(sentence) or _DATA_PROTECTION.search(sentence):
            continue
        # (from its name to the last of its address in the sentence: "..., Wycliffe House, ... SK9 5AF")
        address_end = max(found.end() for found in _THE_ICO.finditer(paragraph.text, match.start(), end))
        postcode = _ICO_POSTCODE.search(paragraph.text, address_end, address_end + _ADDRESS_REACH)
        yield ENGLISH_TEMPLATE.finding(
            "This response answers under the Freedom of Information (Scotland) Act 2002, but sends the requester "
            "to the ICO: an appeal goes to the Scottish Information Commissioner (Kinburn Castle, Doubledykes "
            "Road, St Andrews, Fife KY16 9DS).",
            paragraph,
            match.start(),
            postcode.end() if postcode else address_end,
            suggestion="Name the Scottish Information Commissioner and its address.",
        )


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from _the_act_of_england(document, outline)
    yield from _the_regulator_of_england(document, outline)
    legislation = tuple(context.packs.legislation)
    known, undated = _known(legislation)
    bare = _bare_titles(legislation)
    once = _once(tuple(context.packs.legislation_once))
    if not known:
        return
    examined = 0
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue  # the requester's words
        yield from _kind_left_out(paragraph, *bare)
        for cited in _CITED.finditer(paragraph.text):
            examined += 1
            if examined > MAX_CITED:
                return  # (a hostile file of a million titles is not compared title by title)
            titles = known.get((cited["kind"].lower(), cited["year"]))
            if not titles:
                yield from _wrong_year(paragraph, cited, known, once)
                continue
            found = _misnamed(paragraph.text, cited, titles, undated)
            if found is None:
                yield from _wrong_year(paragraph, cited, known, once)
                continue
            start, title = found
            written = paragraph.text[start : cited.end()]
            yield MISNAMED_LEGISLATION.finding(
                f'"{written}" is not a title the law has: did you mean the {title.written}?',
                paragraph,
                start,
                cited.end(),
                replacement=title.written,
            )


_YEAR = regexes.compile(r"\b(?:19|20)\d\d\b")
_KIND_AFTER = regexes.compile(r"\s+(?:Act|Regulations|Order|Rules)\b")


def _kind_left_out(
    paragraph: Paragraph, bare: dict[tuple[str, str], _Title], years: frozenset[str]
) -> Iterator[Finding]:
    """A title the packs know written without its "Act" or "Regulations" before the year ("the
    Freedom of Information 2000"): the words and the year are the title's (`_bare_titles`), the
    kind is missing."""
    text = paragraph.text
    if not any(year in text for year in years):
        return
    for examined, year in enumerate(_YEAR.finditer(text)):
        if examined >= MAX_CITED:
            return
        if _KIND_AFTER.match(text, year.end()):
            continue  # "the Freedom of Information 2000 Act": the kind there, after the year
        starts = _title_starts(text, year.start())
        # the title is the whole run of title words ("the Dorset Police 1996 report" is no Police
        # Act), or the run after its first word "The"
        for start in starts[: 2 if starts and text[starts[0] : starts[0] + 4] in ("The ", "THE ") else 1]:
            title = bare.get((_plain(_ABBREVIATION.sub(" ", text[start : year.start()])), year.group()))
            if title is not None:
                yield MISNAMED_LEGISLATION.finding(
                    f'"{text[start : year.end()]}" leaves out a word of the title: the {title.written}.',
                    paragraph,
                    start,
                    year.end(),
                    replacement=title.written,
                )
                break


@functools.lru_cache(maxsize=8)
def _bare_titles(legislation: tuple[str, ...]) -> tuple[dict[tuple[str, str], _Title], frozenset[str]]:
    """The packs' titles by their words without the kind and the year, and the year:
    ("freedom of information", "2000") for the Freedom of Information Act 2000; and their years."""
    bare: dict[tuple[str, str], _Title] = {}
    for (kind, year), titles in _known(legislation)[0].items():
        for title in titles:
            words = title.plain.removesuffix(f" {year}")
            if words.endswith(f" {kind}"):
                bare[(words.removesuffix(f" {kind}"), year)] = title
    return bare, frozenset(year for _, year in bare)


def _wrong_year(
    paragraph: Paragraph, cited: re.Match[str], known: dict[tuple[str, str], list[_Title]], once: frozenset[str]
) -> Iterator[Finding]:
    """A title enacted once (the packs' legislation-once) written with a year it does not have
    ("the Environmental Information Regulations 2000"), where no title of the written year is like
    it (the Scottish Act of 2002 is another Act, not a wrong year)."""
    kind, year = cited["kind"].lower(), cited["year"]
    starts = _title_starts(paragraph.text, cited.start())
    for start in starts:
        name = _plain(_ABBREVIATION.sub(" ", paragraph.text[start : cited.start()]))
        years = {
            title_year: title
            for (title_kind, title_year), titles in known.items()
            if title_kind == kind
            for title in titles
            if title.plain in once and _YEAR_AT_END.sub("", title.plain) == f"{name} {kind}"
        }
        if len(years) != 1:
            continue
        ((right, title),) = years.items()
        from rapidfuzz import fuzz

        if right == year or any(
            fuzz.token_sort_ratio(other.plain, f"{name} {kind} {year}") >= SIMILAR
            for other in known.get((kind, year), [])
        ):
            return
        name_as_enacted = title.written[: -len(right) - 1]
        verb = "are" if kind == "regulations" else "is"
        yield MISNAMED_LEGISLATION.finding(
            f'"{paragraph.text[start : cited.end()]}": the {name_as_enacted} {verb} of {right}, not {year}.',
            paragraph,
            start,
            cited.end(),
            replacement=title.written,
        )
        return


def _misnamed(
    text: str, cited: re.Match[str], titles: list[_Title], undated: frozenset[str]
) -> tuple[int, _Title] | None:
    """Where the title ending at ``cited`` starts and the known title it is a wrong form of, or
    None when it is written right, is close to no known title, or is a known title of another year
    ("the Freedom of Information (Scotland) Act 2000": which of title and year is wrong is not for
    this rule to guess)."""
    starts = _title_starts(text, cited.start())
    if not starts:
        return None
    # each suffix of the title as plain words, an abbreviation in brackets left out ("Information (FOI) Act")
    plains = {start: _plain(_ABBREVIATION.sub(" ", text[start : cited.end()])) for start in starts}
    if any(_YEAR_AT_END.sub("", plain) in undated for plain in plains.values()):
        return None
    from rapidfuzz import fuzz

    best: tuple[float, int, _Title] | None = None
    for title in titles:
        for start in starts[-(title.words + 3) :]:  # suffixes a little shorter or longer than the title
            plain = plains[start]
            if plain == title.plain or plain.endswith(" " + title.plain):
                return None  # written as enacted
            score = fuzz.token_sort_ratio(plain, title.plain)
            if score >= SIMILAR and (best is None or score > best[0]):
                best = (score, start, title)
    return None if best is None else (best[1], best[2])


def _title_starts(text: str, end: int) -> list[int]:
    """Where each word of the run of title words before ``end`` starts, first to last: capitalised
    words and the small words titles hold ("of", "and"), joined by spaces, brackets or commas."""
    words = list(_WORD.finditer(text, max(0, end - LOOK_BACK), end))
    run: list[re.Match[str]] = []
    following = end
    for word in reversed(words):
        token = word.group()
        if not _BETWEEN.fullmatch(text, word.end(), following):
            break  # a full stop, a colon or other text between: the title ended
        if not (token[:1].isupper() or token.lower() in _CONNECTORS):
            break
        run.append(word)
        following = word.start()
    run.reverse()
    # a title starts with a word of its own, never "of" or "and": "Enforcement and the Freedom of ..."
    # may start at "Enforcement" or "Freedom", not at "and" or "the"
    return [word.start() for word in run if word.group()[:1].isupper()]


def _plain(text: str) -> str:
    return _PLAIN.sub(" ", text.lower()).strip()


@functools.lru_cache(maxsize=8)
def _once(titles: tuple[str, ...]) -> frozenset[str]:
    """The packs' titles that one law has, as plain words."""
    return frozenset(_plain(title) for title in titles)


@functools.lru_cache(maxsize=8)
def _known(titles: tuple[str, ...]) -> tuple[dict[tuple[str, str], list[_Title]], frozenset[str]]:
    """The packs' titles by (kind, year), and all of them without their years as plain words
    ("freedom of information scotland act")."""
    known: dict[tuple[str, str], list[_Title]] = {}
    for written in titles:
        found = _CITED.search(written)
        if found is None:
            continue
        plain = _plain(written)
        known.setdefault((found["kind"].lower(), found["year"]), []).append(_Title(written, plain, len(plain.split())))
    return known, frozenset(_YEAR_AT_END.sub("", _plain(title)) for title in titles)
