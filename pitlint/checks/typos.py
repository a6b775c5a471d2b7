"""Typos: the wrong phrases a team has published before (from the rule packs), doubled words,
misspellings and American spellings against a British English dictionary."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pitlint import regexes
from pitlint.checks import Context, addresses
from pitlint.checks._patterns import pattern_findings
from pitlint.dates import DAY_NAMES, MONTH_NAMES
from pitlint.document import Document, Paragraph, link_spans, opens_sentence
from pitlint.findings import Applicability, Category, Finding, FixAvailability, Rule, Severity
from pitlint.outline import Outline, told_by_the_force

if TYPE_CHECKING:
    from pitlint.spelling import Speller

KNOWN_WRONG_PHRASE = Rule(
    "PIT401",
    "known-wrong-phrase",
    Category.TYPO,
    Severity.WARNING,
    'A phrase known to be wrong in issued PITs, or non-standard usage ("with regards to").',
    "Some slips in approved wording were published and then copied from PIT to PIT. The rule packs "
    "list them with the right wording (add your team's own in a pack: see the README).",
    "...and do not leave the open to unauthorised access.",
    "...and do not leave them open to unauthorised access.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
    action="Correct the phrase, or reword the sentence.",
)
DOUBLED_WORD = Rule(
    "PIT402",
    "doubled-word",
    Category.TYPO,
    Severity.WARNING,
    "The same word twice in a row.",
    'A word typed twice ("the the") is a slip that survives a quick read, often at a line break. '
    '"had had" is left alone, and "that that" is reported only where the second "that" cannot be '
    'a pronoun or determiner ("expect that that the ..."). So are a word written again in the other '
    'number where an edit went on ("under sections Section 36(2)"), the same form of "be" or "have" on '
    'both sides of "not" ("will be not be"), and "section" written out and abbreviated ("section s.30").',
    "Disclosure would would provide details of force systems.",
    "Disclosure would provide details of force systems.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
MISSPELLING = Rule(
    "PIT403",
    "misspelling",
    Category.TYPO,
    Severity.WARNING,
    "A word not in the British English dictionary, the FOI vocabulary or the corpus "
    "(also words run together or broken by a space, digits in words).",
    "Words are checked against a British English word list (SCOWL, the source of the en_GB "
    "dictionaries of LibreOffice and Debian), the rule packs' FOI and policing vocabulary, and every "
    "word of the corpus of issued PITs. A line mostly of words none of these know is another "
    "language's (a Welsh letterhead) or names, and is left alone. A capitalised word is checked "
    "only where it cannot be a name (not beside a title or a known name, and close to a common "
    "word), and a word with digits "
    'in it only where it reads as a common word ("informati11"). The words of the ICO\'s and the '
    "Scottish Information Commissioner's postal addresses, which the review rights copy, are compared "
    'with the addresses ("Water Lane, Wimslow"). Add a team\'s own words under '
    "'words:' in a rule pack.",
    "The recieved request was considered by the Corupt Practices team.",
    "The received request was considered by the Corrupt Practices team.",
    fix=FixAvailability.SOMETIMES,
    fix_safety=None,
    action="Correct the spelling; if the word is right, add it to your pack's words list.",
)
AMERICAN_SPELLING = Rule(
    "PIT404",
    "american-spelling",
    Category.TYPO,
    Severity.WARNING,
    "An American spelling where British English is expected.",
    "UK public authorities write British English (GOV.UK style: -ise, -our, -re, -ce). The word is "
    "the American spelling of a British word in the dictionary (SCOWL's American and British "
    'lists), so the British form is suggested. "judgment" and "program" are British too and are '
    'left alone. Where only -ize stands for -ise ("organization"), the word is also Oxford English, '
    "which British dictionaries accept: that is info, and its fix is made only when asked. British "
    'English also spells some nouns apart from their verbs: after "the", "a" or "its", or before a '
    'licence compound\'s noun ("firearms license holders"), "license" and "practise" are the nouns '
    '"licence" and "practice"; after "to" or a modal and before its object ("to licence the venue"), '
    '"licence" is the verb "license".',
    "The organization will analyze the center's defense of the decision.",
    "The organisation will analyse the centre's defence of the decision.",
    fix=FixAvailability.ALWAYS,
    fix_safety=None,
)
SPACE_BEFORE_PUNCTUATION = Rule(
    "PIT409",
    "space-before-punctuation",
    Category.TYPO,
    Severity.INFO,
    "A space before a full stop, comma or semicolon.",
    'A space left before a full stop or comma ("need to be articulated .") is a slip of editing that '
    "shows in the published text.",
    "The harm and the public interest need to be articulated .",
    "The harm and the public interest need to be articulated.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.SAFE,
)
STRAY_PUNCTUATION = Rule(
    "PIT410",
    "stray-punctuation",
    Category.TYPO,
    Severity.WARNING,
    'Punctuation typed twice, out of place or left out ("request.0.", "information however; we").',
    "A full stop doubled, a comma beside a full stop or a stray character between two full stops after "
    'a word ("your request.0.") is a slip of the keyboard that shows in the published text. An '
    'ellipsis ("...") and abbreviations ("etc.,", "e.g.,") are left alone. So is a full stop after a '
    'word no sentence ends on, before one in small letters ("In. addition"); a semicolon after '
    '"however" where it belongs before it; a full stop left out between two sentences on one line '
    '("materials In the tribunal"; lines a reader joined are left alone), or a comma where one belongs '
    '("requested, In weighing the prejudice"); a comma between a subject and its verb ("A public '
    'authority in receipt of a request, must state"); and no space after a full '
    'stop ("principles.In", info: a paragraph break lost from a web page looks the same); and a '
    'possessive pronoun with an apostrophe ("in its\' fight", "the choice is your\'s").',
    "I write in connection with your Freedom of Information request.0. Below is our response..",
    "I write in connection with your Freedom of Information request. Below is our response.",
    fix=FixAvailability.ALWAYS,
    fix_safety=Applicability.UNSAFE,
)
RULES = (
    KNOWN_WRONG_PHRASE,
    DOUBLED_WORD,
    MISSPELLING,
    AMERICAN_SPELLING,
    SPACE_BEFORE_PUNCTUATION,
    STRAY_PUNCTUATION,
)
# after a word of three letters or more (not an abbreviation): ".0.", ",.", ".,", ";.", ".;", ".." (not
# "..."), ",,", ";;" (not an empty field of comma-separated values: "a,,b")
_STRAY = regexes.compile(
    r"(?<![.\w/])(?P<word>[A-Za-z]{3,}|[0-9]{2,})(?P<stray>\.[0-9]\.|,\.|\.,|;\.|\.;|\.\.|,,|;;)(?![.,;\w])"
)
_ABBREVIATIONS = frozenset(
    {"etc", "inc", "ltd", "plc", "nos", "approx", "para", "paras", "ref", "tel", "cont", "esq", "dept", "govt", "cllr"}
    | {"supt", "insp", "corp", "incl", "excl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct"}
    | {"nov", "dec"}
)
# a full stop after a word no sentence ends on, before a word in small letters: "In. addition"
_STOP_MID_SENTENCE = regexes.compile(
    r"(?<![\w.])(?P<word>(?i:in|the|of|to|and|for|by|with|from|an|or|on|at))\.(?=\s+[a-z])"
)
# a semicolon after a linking adverb that opens the next clause, where it belongs before it: "does
# hold this information however; we are unable" (after a comma, "..., however; it" ends a clause).
# Led by the adverb, the word before read back from it (a pattern led by "[A-Za-z]{2,}" would try
# every letter of a long run of letters again: quadratic).
_SEMICOLON_AFTER_LINK = regexes.compile(
    r"\b(?P<link>however|therefore|furthermore|moreover|nevertheless|consequently);(?=[ \t]+[a-z])"
)
_LINK_INSIDE = frozenset(
    "is are was were be been has have had will would can could may might must and but or not".split()
)
# a sentence run into the next on one line, its full stop left out: "terrorist materials In the
# Information Tribunal". After a word in small letters that does not lead into a title ("in The
# Times", "called The Hub"), a capitalised word that opens sentences, before one in small letters.
_STOP_LEFT_OUT = regexes.compile(
    r"\b(?P<opener>In|The|This|These|It|We|However|Therefore|Although|Please)(?=[ \t]+[a-z]{2,}\b)"
)
# a comma where a full stop belongs: "the content of the information requested, In weighing the
# prejudice" (after a word in small letters; not "The", which opens addresses and titles)
_COMMA_FOR_STOP = regexes.compile(
    r"(?<=[a-z]{3}),[ \t]+(?P<opener>In|This|These|It|We|However|Therefore|Although)(?=[ \t]+[a-z]{2,}\b)"
)
# a semicolon after a word no clause ends on, where a colon would introduce what follows: "I have
# decided to; (a) ..." (led by the semicolon, the word before read back)
_SEMICOLON_AFTER_SMALL_WORD = regexes.compile(r";(?<=[a-z];)")
_ENDS_NO_CLAUSE = frozenset("to the a an of for with by from".split())
# a full stop with no space after it, before a sentence's first word: "principles.In the present
# case" (not an address, "Leave.EU", "report.pdf": the word after starts with a capital, goes on in
# small letters and is followed by a space)
_NO_SPACE_AFTER_STOP = regexes.compile(r"\.(?<=[a-z][a-z][a-z]\.)(?P<next>[A-Z][a-z]+)(?=[ ,;:])")
# an apostrophe typed as a double quotation mark: "the Council"s response"
_QUOTE_FOR_APOSTROPHE = regexes.compile(r'(?<=[A-Za-z][A-Za-z])"s(?=[ \t,.;:])')
# a possessive pronoun given an apostrophe, which it never takes: "in its' fight", "the decision is
# your's" (not the word itself in quotation marks: "'its' is a possessive")
_PRONOUN_APOSTROPHE = regexes.compile(
    r"(?<![\w'\u2018\u2019\"\u201c])(?P<pronoun>[Ii]ts|[Yy]our|[Tt]heir|[Oo]ur|[Hh]er)['\u2019](?P<s>s?)(?![\w'\u2019])"
)
_POSSESSIVE_PRONOUNS = {"its": "its", "your": "yours", "their": "theirs", "our": "ours", "her": "hers"}
# a comma before "and" in a list of two sections, where no list of three needs it: "Sections 24, and 31 are"
_SERIAL_COMMA_OF_TWO = regexes.compile(
    r"\b(?i:sections)\s+\d{1,2}[A-Z]?(?:\s?\([0-9A-Za-z]{1,4}\))*(?P<comma>,)\s+and\s+\d{1,2}[A-Z]?"
    r"(?:\s?\([0-9A-Za-z]{1,4}\))*(?!\s*,|\s*\d|\s+and\b)"
)
# a dash with a space before it and none after, before a word: "Question 1 –I am writing"
_DASH_WITHOUT_SPACE = regexes.compile("(?<=[\\w)] )[\u2013\u2014](?=[A-Za-z])")
# "Spend April 2024 (, subsequent months": a bracket opened on a comma, its words (a link?) lost
_BRACKET_ON_COMMA = regexes.compile(r"\(\s?(?P<mark>[,;])(?!\s?\))")  # (not a mark named: "a comma (,)")
_WORD_BEHIND = regexes.compile(r"(?<![\w.'\u2019-])(?P<word>[A-Za-z]{2,40})(?P<gap>[ \t]?)$")
_LEADS_INTO_A_TITLE = frozenset(
    "the and for from with into under upon via see read visit called named entitled titled headed marked "
    "says said stated reads quote quoted under within about".split()
)

_DOUBLED = regexes.compile(r"\b(\w+)(\s+)\1\b", re.IGNORECASE)
# a word written again in the other number, as an edit leaves it: "under sections Section 36(2)"
_DOUBLED_NUMBER = regexes.compile(
    r"\b(?P<word>[A-Za-z]{3,})(?P<plural>e?s)?\s+(?P=word)(?P<again>e?s)?\b", re.IGNORECASE
)
_FINE_DOUBLES = frozenset({"had"})  # "had had" is grammatical
# a form of "be" or "have" on both sides of "not", one left from an edit: "will be not be releasing"
# (led by "not", its literal, for a fast scan; the word before is checked by hand)
_AROUND_NOT = regexes.compile(r"not\s+(be|is|are|was|were|been|has|have)\b")
_WORD_BEFORE = regexes.compile(r"(\w+)(\s+)$")
# "that that" is right when the second is a pronoun or determiner ("said that that was wrong",
# "so that that information"); after it, a word that starts a clause shows a slip.
_CLAUSE_STARTS = frozenset(
    "the a an any all we they he she it i you there this these those our their no some its".split()
)
# words: letters with inner apostrophes or hyphens, or letters and digits mixed
_TOKEN = regexes.compile(r"(?<![\w@/.\-])[A-Za-z0-9][A-Za-z0-9'\u2019\-]*[A-Za-z0-9](?![\w@/\-]|\.\w)")
# two words given as alternatives ("Sir/Madam", "and/or", "he/she"): each a word, where _TOKEN takes
# neither (a slash beside a word is a path's or an address's)
_ALTERNATIVES = regexes.compile(r"(?<![\w@/.:\-])([A-Za-z]{2,15})/([A-Za-z]{2,15})(?![\w@/\-]|\.\w)")
_TITLES = frozenset(
    "mr mrs ms miss dr sir dame lord lady pc dc ds di dci dsu det sgt insp supt cllr prof professor "
    "sergeant constable inspector superintendent detective chief councillor officer judge justice "
    "rev st saint".split()
)
_ROMAN = regexes.compile(r"(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})", re.IGNORECASE)
MAX_UNKNOWN = 2000  # distinct unknown words beyond which, if they are also a large share ...
UNKNOWN_SHARE = 0.3  # ... of all the words, the text is not English prose to spell-check word by word
SPLIT_MIN_LENGTH = 6  # shorter unknown words are not split ("isit")
SPLIT_USUAL = 100_000_000  # a pair this usual in English ("this is") is what a word run together meant
SPLIT_MIN_PART = 2  # each half of a word run together is this long ("informationis"; not "a" + "...")
LOST_SPACES = 3  # words run together in one draft from which the spaces were lost in conversion, not typed
_COMMON_WHOLE = 1_000_000  # two known words joined must make a word at least this common
# words that start a new phrase after any word ("detect or prevent" is no broken "detector")
_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as is are was were be been it its this that "
    "these those not no we you they he she i our your their his her".split()
)
# words a noun phrase starts with ("no table" is no broken "notable")
_DETERMINERS = frozenset("a an the no any some every each all my our your their his her its this that".split())
TRANSPOSED_NAME_LENGTH = 7  # a capitalised word this long, two letters from a known name swapped, is checked
CAPITAL_FAR_LENGTH = 8  # a capitalised word this long is checked against words two edits away too
_INVISIBLE = regexes.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_POSSESSIVE = regexes.compile(r"'s?$")
_COMMON = 1_000_000  # uses in the English word counts: a word anyone would mean
COMPOUND_OVER_NEAR_WORD = 10  # a split this much more usual than the near word names a compound written solid
CAPITALS_MIN_LENGTH = 7  # a word in capitals this long is checked (shorter ones are acronyms: "NPCC", "ANPR")
NAME_RUN = 6  # capitalised words looked along for the end of a body's name
_NAME_JOINERS = frozenset({"and", "of", "for", "the", "&"})
_BODIES = frozenset(
    "authority agency service council commission commissioner office department board trust police "
    "constabulary unit team directorate inspectorate tribunal court ministry executive partnership "
    "limited ltd plc llp inc group holdings".split()  # (and a company's: "Datrix Limited")
)
# the English words public bodies' names are made of: one of them misspelt ("Independant Office
# for Police Conduct", "HM Goverment") is a slip, not a name
_NAME_WORDS = _BODIES | frozenset(
    "independent government environment national public crown home foreign justice health social care "
    "education transport defence security standards conduct information complaints ombudsman protection "
    "prosecution revenue customs parliamentary borough county metropolitan regional fire rescue ambulance "
    "hospital foundation university college panel committee federation association constabulary "
    # police ranks and roles, capitalised as titles ("Custody Sergeants", "the Chief Inspector")
    "sergeant sergeants constable constables inspector inspectors superintendent superintendents chief "
    "detective detectives officer officers commissioner commander".split()
)
_SCHEMES = frozenset({"mailto", "http", "https", "ftp", "tel", "www"})
_SCHEME = regexes.compile(r":|\.\w")  # after a scheme's name: "mailto:", "www.example"
FOREIGN_LINE_WORDS = 3  # a line of at least this many words ...
FOREIGN_SENTENCE_WORDS = 6  # ... or a sentence of a longer paragraph this long
FOREIGN_LINE_SHARE = 0.5  # ... more than this share of them unknown is another language's (a Welsh letterhead) or names
_PREFIXES = frozenset(
    "non pre co re anti sub multi inter ex self semi post counter cyber e mid over under cross well "
    "un pro de bi tri mis out up".split()
)


@dataclass(frozen=True)
class _Word:
    paragraph: Paragraph
    start: int
    text: str  # possessive 's removed, curly apostrophes straightened

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from pattern_findings(
        document, KNOWN_WRONG_PHRASE, context.packs.for_rule(KNOWN_WRONG_PHRASE.code), outline.quoted
    )
    yield from _doubled(document, outline.quoted)
    yield from _spaces(document, outline.quoted)
    yield from _stray(document, outline.quoted)
    yield from _spelling(document, context, _requester_written(document, outline.quoted))
    yield from _broken_dates(document, outline.quoted)
    yield from addresses.slips(document, MISSPELLING, outline.quoted)


def _requester_written(document: Document, quoted: frozenset[int]) -> frozenset[int]:
    """The paragraphs of the request in the requester's own words: not one the force tells in its own
    ("You asked for ..."), whose spelling is the force's."""
    return frozenset(index for index in quoted if not told_by_the_force(document.paragraphs[index - 1].text))


_MONTH = "(?:" + "|".join(name.capitalize() for name in MONTH_NAMES) + ")"
# a date whose year lost a digit ("3 June 202."; not "1 May 200 officers"), a year run into a
# month's name ("2016September"), or a month run into its year ("November2010")
_BROKEN_DATE = regexes.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<short>(?:19|20)\d)(?=[.,;:)]|\s*$)"
    rf"|\b(?P<year>(?:19|20)\d\d)(?P<month>{_MONTH})\b(?P<year_again>\s+(?:19|20)\d\d)?"
    rf"|\b(?P<month_first>{_MONTH})(?P<year_after>(?:19|20)\d\d)\b"
    # a year glued to the comma after the day: "to July 22,2024."
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?P<glued>,(?:19|20)\d\d)\b"
    # a full date with a second year after it: "dated 29 July 2012 2010" (not a range, "2012 - 2013")
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<dated>(?:19|20)\d\d)"
    r"[ \t]+(?P<extra>(?:19|20)\d\d)\b(?![/\-\u2013]|\d)"
)


# after a date and a number: a word it counts ("2000 calls", "1987 officers"), not a verb or a stop
_A_COUNT_FOLLOWS = regexes.compile(r"\s+(?!(?:has|have|was|were|is|are|and|or|to|in|of|the|a)\b)[a-z]+")


def _broken_dates(document: Document, quoted: frozenset[int]) -> Iterator[Finding]:
    """Dates typed wrong: which date was meant is the author's to say where two are run together
    ("5 March 2016September 2016"), so only a space is ever suggested, and never inside a link."""
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        links = link_spans(paragraph.text)
        for match in _BROKEN_DATE.finditer(paragraph.text):
            if any(start <= match.start() < end for start, end in links):
                continue  # ".../archive/2016September/report.pdf"
            if match["month_first"]:
                yield MISSPELLING.finding(
                    f'"{match.group()}": a month run into its year',
                    paragraph,
                    match.start(),
                    match.end(),
                    replacement=f"{match['month_first']} {match['year_after']}",
                    applicability=Applicability.SAFE,
                )
            elif match["glued"]:
                yield MISSPELLING.finding(
                    f'"{match.group()}": no space between the day\'s comma and the year',
                    paragraph,
                    match.start(),
                    match.end(),
                    replacement=match.group().replace(match["glued"], ", " + match["glued"][1:]),
                    applicability=Applicability.SAFE,
                )
            elif match["extra"]:
                if _A_COUNT_FOLLOWS.match(paragraph.text, match.end()):
                    continue  # "On 1 April 2020 2000 calls were received": a number of something
                yield MISSPELLING.finding(
                    f'"{match.group()}": a second year after the date', paragraph, match.start(), match.end()
                )
            elif match["short"]:
                yield MISSPELLING.finding(
                    f'"{match.group()}": the year has lost a digit', paragraph, match.start(), match.end()
                )
            else:
                end = match.end("month")
                yield MISSPELLING.finding(
                    f'"{paragraph.text[match.start() : end]}": a year run into a month\'s name',
                    paragraph,
                    match.start(),
                    end,
                    # (with a year after it, two dates ran together: which one is meant is not a space's)
                    replacement=None if match["year_again"] else f"{match['year']} {match['month']}",
                    applicability=Applicability.UNSAFE,
                )


def _doubled(document: Document, quoted: frozenset[int]) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue  # the requester's words
        yield from _around_not(paragraph)
        yield from _doubled_in_number(paragraph)
        yield from _section_twice(paragraph)
        for match in _DOUBLED.finditer(paragraph.text):
            word = match.group(1)
            lower = word.lower()
            if lower in _FINE_DOUBLES or word.isdigit() or (word.islower() and _ROMAN.fullmatch(word)):
                continue  # ("i i": a list's numbers, read across the page)
            again = paragraph.text[match.end(2) : match.end()]
            if len(word) > 1 and word.isupper() != again.isupper():
                continue  # "REQUEST Request Number:": a heading in capitals run into a label, not a slip
            if lower == "that":
                following = re.match(r"\s+([A-Za-z]+)", paragraph.text[match.end() :])
                if not following or following.group(1).lower() not in _CLAUSE_STARTS:
                    continue
            yield DOUBLED_WORD.finding(
                f'"{word}" is written twice',
                paragraph,
                match.start(),
                match.end(),
                replacement=word,
                # "the The": two sentences, or two columns read across, as often as a slip
                applicability=Applicability.SAFE if len(set(match.group().split())) == 1 else Applicability.UNSAFE,
            )


# "under section s.30(b)": the citation word written out and abbreviated
_SECTION_TWICE = regexes.compile(r"\b(?P<word>[Ss]ections?)\s+(?P<again>s\.?\s?)(?=\d)")


def _section_twice(paragraph: Paragraph) -> Iterator[Finding]:
    for match in _SECTION_TWICE.finditer(paragraph.text):
        yield DOUBLED_WORD.finding(
            f'"{match.group().strip()}": "section" is written twice, in full and as "s."',
            paragraph,
            match.start(),
            match.end("again"),
            replacement=match["word"] + " ",
            applicability=Applicability.UNSAFE,
        )


def _doubled_in_number(paragraph: Paragraph) -> Iterator[Finding]:
    """A noun written twice, once singular and once plural, where the second is where the edit
    went on: capitalised after a small letter, or before a number ("sections Section 36(2)"); not
    a noun then its verb ("the need needs")."""
    text = paragraph.text
    for match in _DOUBLED_NUMBER.finditer(text):
        if bool(match["plural"]) == bool(match["again"]):
            continue
        first, second = match.group().split()
        capitalised = second[:1].isupper() and first[:1].islower()
        if not capitalised and not re.match(r"\s?\d", text[match.end() :]):
            continue
        yield DOUBLED_WORD.finding(
            f'"{match.group()}": the word is written twice',
            paragraph,
            match.start(),
            match.end(),
            replacement=second,
            applicability=Applicability.UNSAFE,
        )


def _around_not(paragraph: Paragraph) -> Iterator[Finding]:
    text = paragraph.text
    for match in _AROUND_NOT.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "'"):
            continue  # "cannot", "knot"
        before = _WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
        if before is None or before.group(1).lower() != match.group(1).lower():
            continue
        word = before.group(1)
        # "will be not be" -> "will not be"; "is not is" -> "is not"
        replacement = f"not {match.group(1)}" if word.lower() == "be" else f"{word} not"
        yield DOUBLED_WORD.finding(
            f'"{word}" is written on both sides of "not": one is left over',
            paragraph,
            before.start(),
            match.end(),
            replacement=replacement,
            applicability=Applicability.UNSAFE,
        )


_SPACE_BEFORE = regexes.compile(r"(?<![\w)])(\w{1,40}\)?)[ \t]+([.,;)])(?=\s|$)")  # (also "44(1)(a) .", "36 )")


def _spaces(document: Document, quoted: frozenset[int]) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        for match in _SPACE_BEFORE.finditer(paragraph.text):
            yield SPACE_BEFORE_PUNCTUATION.finding(
                f'A space before "{match[2]}"',
                paragraph,
                match.start(),
                match.end(),
                replacement=match[1] + match[2],
            )


def _stray(document: Document, quoted: frozenset[int]) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        yield from _keys_typed_twice(paragraph)
        yield from _semicolons(paragraph)
        yield from _marks_misplaced(paragraph)
        yield from _sentences_run_together(paragraph)
        yield from _comma_for_a_stop(paragraph)


def _keys_typed_twice(paragraph: Paragraph) -> Iterator[Finding]:
    """ "request.0.", "information,.", and a full stop where the sentence goes on ("In. addition")."""
    for match in _STRAY.finditer(paragraph.text):
        if match["word"].lower() in _ABBREVIATIONS:
            continue
        if match["word"].isdigit() and match["stray"][1].isdigit():
            continue  # "by 10.5.": a decimal, not a stray key
        keep = {".,": ",", ",,": ",", ";;": ";"}.get(match["stray"], ".")  # (a full stop ends ",." and ".0.")
        yield STRAY_PUNCTUATION.finding(
            f'Stray punctuation after "{match["word"]}": "{match["stray"]}"',
            paragraph,
            match.start(),
            match.end(),
            replacement=match["word"] + keep,
        )
    for match in _STOP_MID_SENTENCE.finditer(paragraph.text):
        yield STRAY_PUNCTUATION.finding(
            f'A full stop after "{match["word"]}", where the sentence goes on',
            paragraph,
            match.start(),
            match.end(),
            replacement=match["word"],
        )


def _semicolons(paragraph: Paragraph) -> Iterator[Finding]:
    """A semicolon after "however" where it belongs before it, or after a word no clause ends on."""
    for match in _SEMICOLON_AFTER_LINK.finditer(paragraph.text):
        before = _word_behind(paragraph.text, match.start())
        if before is None:
            continue
        # after a verb or a conjunction the adverb sits inside its clause: "is, however, not"
        inside = before.lower() in _LINK_INSIDE
        yield STRAY_PUNCTUATION.finding(
            f'A semicolon after "{match["link"]}"'
            + (", where commas belong around it" if inside else ", where it belongs before it"),
            paragraph,
            match.start() - len(before) - 1,
            match.end(),
            replacement=f"{before}, {match['link']}," if inside else f"{before}; {match['link']},",
        )
    for match in _SEMICOLON_AFTER_SMALL_WORD.finditer(paragraph.text):
        before = _word_behind(paragraph.text, match.start(), gap=False)
        if before is None or before not in _ENDS_NO_CLAUSE:
            continue
        yield STRAY_PUNCTUATION.finding(
            f'A semicolon after "{before}": a colon introduces what follows',
            paragraph,
            match.start() - len(before),
            match.end(),
            replacement=f"{before}:",
            applicability=Applicability.UNSAFE,
        )


# a citation's subsection whose bracket is never closed: "Section 24(1 National Security"
_SUBSECTION_OPEN = regexes.compile(
    r"\b(?P<number>\d{1,3}\((?:\d{1,2}[A-Z]?|[a-z]{1,3}))(?=[ \t]+[A-Za-z]|[,;]|\s*$)(?![^()\n]{0,40}\))"
)  # (not "questions 1(a, b and c)", closed further on)
_SHOWN_WHOLE = 12  # characters after an unclosed bracket shown in its message
# a list item's label before its closing bracket: "a)", "2)", "iv)", at the start or after a space
_LIST_LABEL = regexes.compile(r"(?:^|[\s(])(?:[a-zA-Z]|[A-Za-z]?\d{1,2}(?:\.\d{1,2})?[a-z]?|[ivxIVX]{1,4})$")


def _never_closed(paragraph: Paragraph) -> Iterator[Finding]:
    """A bracket opened and never closed: in a citation ("Section 24(1 National Security"), or in a
    sentence of a finished paragraph ("for each deployment (including the offence categories are
    exempt."); and one closed that was never opened ("Section 31(1)(a) Law Enforcement)"). After a
    list's label ("a)", "iv)") the rest of the paragraph is left alone: which bracket is missing
    cannot be told."""
    text = paragraph.text
    if "(" not in text and ")" not in text:
        return
    told = set()
    for match in _SUBSECTION_OPEN.finditer(text):
        number = match["number"]
        told.add(match.start() + number.index("("))
        yield STRAY_PUNCTUATION.finding(
            f'"{number}": the bracket is never closed',
            paragraph,
            match.start(),
            match.end(),
            replacement=f"{number})",
            applicability=Applicability.UNSAFE,
        )
    open_at: list[int] = []
    for position, char in enumerate(text):
        if char == "(":
            open_at.append(position)
        elif char == ")":
            if open_at:
                open_at.pop()
                continue
            if _LIST_LABEL.search(text, max(0, position - 6), position) or text[position - 1 : position] in ":;":
                return  # a list label's bracket ("a)", "(ii)"): which bracket is missing cannot be told
            shown = text[max(0, position - _SHOWN_WHOLE) : position + 1].split("\n")[-1]
            yield STRAY_PUNCTUATION.finding(
                f'"{shown}": a bracket closed here was never opened',
                paragraph,
                position,
                position + 1,
            )
            return
    if not open_at or not text.rstrip().endswith((".", "!", "?")):
        return  # (a paragraph cut off, as a page's end or a heading can be, may close it later)
    for start in open_at:
        if start in told or text[start - 1 : start] in (":", ";") or _BRACKET_ON_COMMA.match(text, start):
            continue  # told above, or as a bracket opened on a comma; ":(" is a face
        shown = text[start : start + _SHOWN_WHOLE].split("\n")[0]
        yield STRAY_PUNCTUATION.finding(
            f'"{shown}...": a bracket opened here is never closed', paragraph, start, start + 1
        )


# a sentence whose subject is an Act's name, a comma between it and its verb: "The Freedom of
# Information Act 2000, creates a statutory right" (after a stop, or a heading the reader joined on:
# "Appendix A The Freedom ...")
_ACT_SUBJECT_COMMA = regexes.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[A-Z0-9]\s))\W*(?P<subject>The\s+(?:(?:[A-Z][\w-]*|of|and|the|on|for)\s+)*Act(?:\s+\d{4})?"
    r"(?:\s+\([A-Z]{2,8}\))?),(?P<space>\s+)(?P<verb>[a-z]{3,}s)\b"
)
# a sentence's subject, a comma, then its modal verb: "A Public Authority in receipt of a request, must
# if permitted state" (a parenthesis has a comma on each side: "The force, in our view, must")
_SUBJECT_COMMA_MODAL = regexes.compile(
    r"(?:^|(?<=[.!?:]\s))\W*(?P<subject>(?:The|A|An|Each|Every|Any)\s+[^,.;:()]{2,80}?),"
    r"(?P<space>\s+)(?P<verb>must|will|shall|should|may|can|would|could|cannot)\s+(?=[a-z])"
)
_HAS_ITS_VERB = regexes.compile(
    r"\b(?:must|will|shall|should|may|can|would|could|cannot|is|are|was|were|has|have|had)\b", re.IGNORECASE
)
# what closes an aside after its first comma: "The Act, states the guidance, requires"
_ASIDE_CLOSES = regexes.compile(r"(?:\s+[\w'-]+){0,4},")


def _comma_before_the_verb(paragraph: Paragraph) -> Iterator[Finding]:
    """A comma between a sentence's subject and its verb: after an Act's name ("The Freedom of
    Information Act 2000, creates"), or before a modal ("A public authority ..., must")."""
    from pitlint import language

    for match in _ACT_SUBJECT_COMMA.finditer(paragraph.text):
        if language.plain_form(match["verb"]) is None:
            continue  # not a verb in both numbers: "this", "thus", "unless", "always", "sections"
        if _ASIDE_CLOSES.match(paragraph.text, match.end()):
            continue  # an aside closed by its second comma: "The Act, states the guidance, requires"
        start = match.start("subject")
        yield STRAY_PUNCTUATION.finding(
            f'"{match["subject"]}, {match["verb"]}": a comma between the subject and its verb',
            paragraph,
            start,
            match.end(),
            replacement=f"{match['subject']} {match['verb']}",
        )
    for match in _SUBJECT_COMMA_MODAL.finditer(paragraph.text):
        if _HAS_ITS_VERB.search(match["subject"]):
            continue  # a verb already: a list of what it would do ("An answer would show X, would allow Y")
        yield STRAY_PUNCTUATION.finding(
            f'"{match["subject"]}, {match["verb"]}": a comma between the subject and its verb',
            paragraph,
            match.start("subject"),
            match.end("verb"),
            replacement=f"{match['subject']} {match['verb']}",
        )


def _marks_misplaced(paragraph: Paragraph) -> Iterator[Finding]:
    """An apostrophe typed as a quotation mark, a comma in a list of two sections, a bracket that
    opens on a comma, a dash spaced on one side only."""
    for match in _QUOTE_FOR_APOSTROPHE.finditer(paragraph.text):
        yield STRAY_PUNCTUATION.finding(
            "An apostrophe typed as a quotation mark", paragraph, match.start(), match.end(), replacement="'s"
        )
    for match in _PRONOUN_APOSTROPHE.finditer(paragraph.text):
        pronoun = match["pronoun"].lower()
        if pronoun != "its" and not match["s"]:
            continue  # "your'" is a closing quotation mark's business
        meant = _POSSESSIVE_PRONOUNS[pronoun]
        meant = meant[0].upper() + meant[1:] if match["pronoun"][0].isupper() else meant
        yield STRAY_PUNCTUATION.finding(
            f'"{match.group()}": a possessive pronoun takes no apostrophe ("{meant}")',
            paragraph,
            match.start(),
            match.end(),
            replacement=meant,
        )
    for match in _SERIAL_COMMA_OF_TWO.finditer(paragraph.text):
        yield STRAY_PUNCTUATION.finding(
            f'A comma before "and" in a list of two: "{match.group()}"',
            paragraph,
            match.start(),
            match.end(),
            replacement=match.group().replace(",", "", 1),
        )
    for match in _BRACKET_ON_COMMA.finditer(paragraph.text):
        yield STRAY_PUNCTUATION.finding(
            f'"{match.group()}": a bracket opens on a {"comma" if match["mark"] == "," else "semicolon"}; '
            "what it held (a link?) is missing",
            paragraph,
            match.start(),
            match.end(),
        )
    yield from _never_closed(paragraph)
    yield from _comma_before_the_verb(paragraph)
    for match in _DASH_WITHOUT_SPACE.finditer(paragraph.text):
        finding = STRAY_PUNCTUATION.finding(
            "A space before the dash but none after it",
            paragraph,
            match.start(),
            match.end() + 1,
            replacement=f"{match.group()} {paragraph.text[match.end()]}",
        )
        finding.severity = Severity.INFO
        yield finding


def _sentences_run_together(paragraph: Paragraph) -> Iterator[Finding]:
    """No space after a full stop (info), or a full stop left out between two sentences on one line."""
    from pitlint import language

    links = None
    for match in _NO_SPACE_AFTER_STOP.finditer(paragraph.text):
        before = _word_behind(paragraph.text, match.start(), gap=False)
        links = link_spans(paragraph.text) if links is None else links
        if before is None or any(start <= match.start() < end for start, end in links):
            continue
        if language.count(match["next"].lower()) < _COMMON:
            continue  # a name or a file's extension ("report.Docx"), not a sentence's first word
        finding = STRAY_PUNCTUATION.finding(
            f'No space after the full stop: "{before}.{match["next"]}"',
            paragraph,
            match.start() - len(before),
            match.end(),
            replacement=f"{before}. {match['next']}",
        )
        finding.severity = Severity.INFO  # (a web page's lost paragraph break looks the same)
        yield finding
    for match in _STOP_LEFT_OUT.finditer(paragraph.text):
        before = _word_behind(paragraph.text, match.start())
        if before is None or len(before) < 3 or not before.islower() or before in _LEADS_INTO_A_TITLE:
            continue
        if _apart_in_the_source(paragraph, match.start() - 1, match.start()):
            continue  # lines joined by the reader: a line ending without a stop (a link, a heading)
        yield STRAY_PUNCTUATION.finding(
            f'"{before} {match["opener"]}": a full stop left out? "{match["opener"]}" opens a sentence',
            paragraph,
            match.start() - len(before) - 1,
            match.end(),
            replacement=f"{before}. {match['opener']}",
        )


def _comma_for_a_stop(paragraph: Paragraph) -> Iterator[Finding]:
    """A comma where a full stop belongs, before a sentence's opener ("requested, In weighing")."""
    if paragraph.text.startswith("Dear "):
        return  # "Dear requester, In response to ...": a salutation run into the letter
    for match in _COMMA_FOR_STOP.finditer(paragraph.text):
        before = _word_behind(paragraph.text, match.start(), gap=False)
        if before is None or _apart_in_the_source(paragraph, match.start(), match.start("opener")):
            continue
        yield STRAY_PUNCTUATION.finding(
            f'"{before}, {match["opener"]}": a full stop for the comma? "{match["opener"]}" opens a sentence',
            paragraph,
            match.start() - len(before),
            match.end(),
            replacement=f"{before}. {match['opener']}",
        )


def _apart_in_the_source(paragraph: Paragraph, before: int, after: int) -> bool:
    """Whether two places of the paragraph's text lie on different lines, pages or Word paragraphs
    of the file (a reader joins a text's wrapped lines into one paragraph)."""
    first, second = paragraph.locate(before, before + 1), paragraph.locate(after, after + 1)
    blocks = paragraph.block_span(before, after + 1)
    return (first.line, first.page) != (second.line, second.page) or (blocks is not None and blocks[0] != blocks[2])


def _word_behind(text: str, end: int, gap: bool = True) -> str | None:
    """The whole word that ends one space or tab before ``end`` (or at ``end``, without ``gap``),
    if there is one (read from at most 41 characters back)."""
    found = _WORD_BEHIND.search(text, max(0, end - 41), end)
    return found["word"] if found and bool(found["gap"]) == gap else None


def _words(document: Document, quoted: frozenset[int]) -> list[_Word]:
    """Every word outside links, e-mail addresses and the requester's own words, with a trailing
    possessive removed."""
    found = []
    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        text = paragraph.text
        hidden = link_spans(text)
        invisible = _INVISIBLE.search(text) is not None
        spans = [match.span() for match in _TOKEN.finditer(text)]
        if "/" in text:  # each word of "Sir/Madam"
            spans += [m.span(side) for m in _ALTERNATIVES.finditer(text) for side in (1, 2)]
            spans.sort()
        for start, end in spans:
            if hidden and any(left <= start < right for left, right in hidden):
                continue
            if invisible and (_INVISIBLE.match(text, end) or (start and _INVISIBLE.match(text, start - 1))):
                continue  # part of a word split by a soft hyphen or zero-width character: not a word of its own
            word = text[start:end]
            if len(word) <= 6 and word.lower() in _SCHEMES and _SCHEME.match(text, end):
                continue  # "mailto:" of an address the page broke up: not a word
            if "'" in word or "\u2019" in word:
                word = _POSSESSIVE.sub("", word.replace("\u2019", "'"))
            if word:
                found.append(_Word(paragraph, start, word))
    return found


def _spelling(document: Document, context: Context, quoted: frozenset[int]) -> Iterator[Finding]:
    words = _words(document, quoted)
    yield from _verb_for_noun(words)
    speller = context.speller
    parts = {part for word in words for part in _parts(word.text)}
    unknown = set(speller.unknown(parts))
    if unknown and context.index is not None:
        unknown -= context.index.known_words({part.lower() for part in unknown})
    if unknown and quoted:
        # the requester's own words for the subject ("callsigns", "watchlist"): the response takes them
        # up (not a slip of theirs one keystroke from a word, "camras", which the response copies)
        asked = _requester_words(document, quoted)
        unknown = {part for part in unknown if not _asked_for(part.lower(), asked) or _near_miss(part, speller)}
    if len(unknown) > MAX_UNKNOWN and len(unknown) > len(parts) * UNKNOWN_SHARE:
        yield MISSPELLING.finding(
            f"{len(unknown)} of the {len(parts)} different words are not in the dictionary: is this English "
            "text? Misspellings are not listed one by one."
        )
        return
    foreign = _foreign_stretches(words, unknown)
    if foreign:
        words = [word for position, word in enumerate(words) if position not in foreign]
    term_pairs = _term_pairs(tuple(context.packs.terms))
    split = _split_words(words, speller, term_pairs)
    joins = {
        p: joined for p, word in enumerate(words) if p not in split and (joined := _run_together(word.text, speller))
    }
    uses = Counter(word.text for word in words)
    for position, word in enumerate(words):
        if position in split:
            suggestion, first, certain = split[position]
            if first:
                following = words[position + 1]
                yield MISSPELLING.finding(
                    f'"{word.text} {following.text}" splits a word: did you mean "{suggestion}"?',
                    word.paragraph,
                    word.start,
                    following.end,
                    replacement=suggestion,
                    applicability=Applicability.SAFE if certain else Applicability.UNSAFE,
                )
            continue
        if position in joins:
            yield _joined(word, joins[position], len(joins))
            continue
        if not word.text.isalpha() and any(char.isdigit() for char in word.text):
            yield from _garbled(word, speller)
            continue
        missing = [part for part in _parts(word.text) if part in unknown]
        if missing == [word.text] and _prefix_apart(words, position, speller):
            following = words[position + 1]
            joined = f"{word.text}-{following.text}"
            yield MISSPELLING.finding(
                f'"{word.text} {following.text}": a prefix is joined to its word: "{joined}"',
                word.paragraph,
                word.start,
                following.end,
                replacement=joined,
                applicability=Applicability.UNSAFE,  # or written solid: "preplanned"
            )
            continue
        if (
            not missing
            or _ROMAN.fullmatch(word.text)
            or len(set(word.text.lower())) == 1  # "xxxxx": a redaction, or a placeholder (PIT601's)
            or ("-" in word.text and speller.known(word.text.replace("-", "")))
        ):
            continue  # "co-ordinated" is "coordinated"
        if any(char.isupper() for char in word.text[1:]) and not word.text.isupper():
            continue  # a product's or system's name: "eCase", "PowerPoint"
        if word.text[:1].isupper() and (
            uses[word.text] > 1 or not _checkable_capital(words, position, speller, term_pairs)
        ):
            # (a capitalised word used again the same way is a name: "Bamber", twice)
            continue
        if word.text[:1].isupper() and word.text.upper() != word.text and uses[word.text.upper()]:
            continue  # an acronym the draft also writes in capitals: "Pava" beside "PAVA"
        if _glued_label(word, speller):
            continue
        british = speller.british(word.text) if "-" not in word.text else None
        if british:
            yield _american(word, british)
            continue
        yield from _misspelt(word, missing, speller)


_NUMBER_BEFORE = regexes.compile(r"\b\d{1,4}[ \t]+$")
_NUMBER_AFTER = regexes.compile(r"[ \t]+\d{1,4}\b")
_TABLE_ENTRY = regexes.compile(r"\d[ \t]+([A-Z][a-z]{2,})(?=[ \t]+\d)")  # a capitalised word between numbers


def _a_table_entry(word: _Word, speller: Speller) -> bool:
    """Whether a capitalised word stands between two numbers in a table of names, as its rows do
    when its cells are read as one line ("07 Warsop 08 Worksop 10"): not where most of the row's
    entries are English words ("Burglary 45 52 Robery 30 28": a misspelt one among them)."""
    text = word.paragraph.text
    if not (_NUMBER_BEFORE.search(text, max(0, word.start - 8), word.start) and _NUMBER_AFTER.match(text, word.end)):
        return False
    entries = [match.group(1) for match in _TABLE_ENTRY.finditer(text)]
    return sum(1 for entry in entries if speller.known(entry)) * 2 < len(entries)


def _near_miss(word: str, speller: Speller) -> bool:
    """Whether a word is a keystroke or two letters swapped from a dictionary word (two such slips in
    a long word): a slip, even where the requester made it first ("camras", "commisison",
    "survelliance")."""
    from rapidfuzz.distance import OSA

    far = len(word) >= CAPITAL_FAR_LENGTH
    if _compound_of_two(word, speller):
        return False  # "callsign", "watchlist": a compound the dictionary lacks, the subject's own term
    nearest = speller.suggest(word, far=far)
    return bool(nearest) and OSA.distance(nearest.lower(), word.lower()) <= (2 if far else 1)


INFLECTED_STEM_LENGTH = 5  # a stem this long ends a known word's -ing or -ed form ("pickpocket-ing")


def _inflected_known_word(lower: str, speller: Speller) -> bool:
    """Whether a word is the -ing or -ed form of a dictionary word ("pickpocketing", "geofenced")."""
    for ending in ("ing", "ed"):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= INFLECTED_STEM_LENGTH:
            return speller.known(stem) or speller.known(stem + "e")
    return False


def _compound_of_two(word: str, speller: Speller) -> bool:
    """Whether a word is two dictionary words of three letters or more run together."""
    lower = word.lower()
    return any(speller.known(lower[:cut]) and speller.known(lower[cut:]) for cut in range(3, len(lower) - 2))


def _asked_for(word: str, asked: set[str]) -> bool:
    """Whether the requester used the word, in the singular or the plural ("watchlist", "watchlists")."""
    return word in asked or word + "s" in asked or (word.endswith("s") and word[:-1] in asked)


def _requester_words(document: Document, quoted: frozenset[int]) -> set[str]:
    """The words of the requester's paragraphs, in small letters."""
    return {
        match.group().lower()
        for paragraph in document.paragraphs
        if paragraph.index in quoted
        for match in _TOKEN.finditer(paragraph.text)
    }


def _glued_label(word: _Word, speller: Speller) -> bool:
    """A list's next label run onto the word before it, where a page lost the line break:
    "those negotiationsb) Ensuring", after an "a)" item. The word is right; the layout is not."""
    text, end = word.paragraph.text, word.end
    label = word.text[-1:]
    if not ("b" <= label <= "z") or text[end : end + 1] != ")" or not speller.known(word.text[:-1]):
        return False
    return f"{chr(ord(label) - 1)})" in text[: word.start]


def _foreign_stretches(words: list[_Word], unknown: set[str]) -> set[int]:
    """The positions of words in paragraphs, or sentences, mostly of words the dictionaries lack:
    another language's line in a bilingual letter ("Adran yr Economi, Gwyddoniaeth a
    Thrafnidiaeth", "Ein cyf/Our ref"), a Welsh sentence before its English ("Rydym yn croesawu
    gohebiaeth yn Gymraeg ... We welcome correspondence in Welsh"), or a line of names.
    Misspellings are not looked for word by word there: the dictionary does not apply."""
    if len(unknown) < 2:
        return set()  # (most drafts: no line can be mostly unknown words)
    from pitlint.reuse.text import sentence_bounds

    bounds: dict[int, list[int]] = {}
    members: dict[tuple[int, int], list[int]] = {}
    for position, word in enumerate(words):
        paragraph = word.paragraph
        if paragraph.index not in bounds:
            bounds[paragraph.index] = [start for start, _ in sentence_bounds(paragraph.text)]
        sentence = bisect.bisect_right(bounds[paragraph.index], word.start) - 1
        members.setdefault((paragraph.index, sentence), []).append(position)
    found: set[int] = set()
    for (index, _), positions in members.items():
        whole = len(bounds[index]) <= 1
        counted = [p for p in positions if words[p].text.isalpha()]
        if len(counted) < (FOREIGN_LINE_WORDS if whole else FOREIGN_SENTENCE_WORDS):
            continue
        # (where capitalised words are unknown, names or another language's, the words in small
        # letters decide: "Officers Pryddech, Rhydderch, Gwynfor and Llywarch atended the scene" is
        # English with names, "Rydym wedi ystyried eich cais o dan Ddeddf Rhyddid" is Welsh; a line
        # of names alone, or a letterhead's "Adran yr Economi", is weighed whole)
        missed = {p for p in counted if any(part in unknown for part in _parts(words[p].text))}
        small = [p for p in counted if words[p].text[:1].islower()]
        if any(not words[p].text[:1].islower() for p in missed):
            if len(small) >= FOREIGN_LINE_WORDS:
                counted = small
            elif not whole:
                counted = []
        missing = sum(1 for p in counted if p in missed)
        if len(counted) >= FOREIGN_LINE_WORDS and missing > len(counted) * FOREIGN_LINE_SHARE:
            found.update(positions)
    return found


# British English spells some nouns and their verbs apart: "a licence", "to license"; "the practice",
# "to practise". The verb's spelling after a determiner is the noun meant (American English writes both alike).
_VERB_SPELLINGS = {"license": "licence", "licenses": "licences", "practise": "practice", "practises": "practices"}


_NOUN_SPELLINGS = {"licence": "license"}  # the noun's spelling before the verb's object: the verb meant
_DEGREE = frozenset("less more well better much little".split())  # "may price less keenly": a verb's adverb
# the nouns a licence's compounds end in ("licence holders", "licence fees"): "license" before one of
# them is the noun (a verb's object could not be one of these)
_COMPOUND_HEADS = frozenset(
    "holder holders fee fees number numbers application applications condition conditions renewal renewals".split()
)
# verbs whose subject the word before them is: "whose firearms license has been revoked"
_SUBJECTS_VERBS = frozenset("has had is was will expires expired lapsed lapses".split())
# what follows the verb "license": its object ("to licence the venue", "will licence premises")
_OBJECT_FOLLOWS = frozenset("the a an it them this that these those premises any all such his her their".split())
# words after which the word is the noun, besides a determiner: "good practise", "in practise"
_BEFORE_THE_NOUN = frozenset("good best common standard usual normal in".split())
# how adjectives end, before which the word is the noun: "national practise", "professional license"
# (a singular subject before the verb would want "practises")
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ful", "ary", "ent", "ant", "ic", "ern")
NOUN_BEFORE_IS = 0.2  # a word English puts before "is" this often (per use) is a noun: "student", "hospital"
# words after which an adjective is said of a subject, and the verb follows it ("not yet competent practise")
_BEFORE_A_PREDICATE = frozenset("is are was were be been being not yet very fully already still so too".split())
# words after which the word is a verb: "to license", "we practise", "will license"
_BEFORE_A_VERB = frozenset("to will would may might can could must shall should we they i you does do did".split())


def _verb_for_noun(words: list[_Word]) -> Iterator[Finding]:
    """The verb's spelling where British English writes the noun: after a determiner ("the license",
    "good practise" aside) or before a compound's head ("firearms license holders"); and the noun's
    where it writes the verb ("to licence")."""
    for position, word in enumerate(words):
        lower = word.text.lower()
        noun, verb = _VERB_SPELLINGS.get(lower), _NOUN_SPELLINGS.get(lower)
        if noun is None and verb is None:
            continue
        before = _neighbour(words, position, -1)
        after = _neighbour(words, position, 1)
        said = before.text.lower() if before else ""
        if noun is not None and (
            said in _DETERMINERS
            or said in _BEFORE_THE_NOUN
            or (lower in ("practise", "license") and _after_an_adjective(words, position))
            or (lower in ("license", "licenses") and _a_compounds_head(words, position))
            or (
                lower == "license"
                and after is not None
                and (after.text in _COMPOUND_HEADS or after.text in _SUBJECTS_VERBS)
                and said not in _BEFORE_A_VERB | {"not", "who"}
            )
        ):
            yield AMERICAN_SPELLING.finding(
                f'"{word.text}" is the verb in British English: the noun is "{noun}"',
                word.paragraph,
                word.start,
                word.end,
                replacement=noun.capitalize() if word.text[:1].isupper() else noun,
            )
        elif (
            verb is not None
            and before is not None
            and before.text in _BEFORE_A_VERB  # (in small letters: "Can licence holders ...?" asks)
            and after is not None
            and after.text.lower() in _OBJECT_FOLLOWS
        ):
            yield AMERICAN_SPELLING.finding(
                f'"{word.text}" is the noun in British English: the verb is "{verb}"',
                word.paragraph,
                word.start,
                word.end,
                replacement=verb,
            )


# what may follow a noun's phrase, but not the verb "license" (which takes its object first)
_AFTER_A_NOUN = frozenset("in for of from with at by on under per are is were was have has held issued".split())


def _a_compounds_head(words: list[_Word], position: int) -> bool:
    """The word ends a compound after a noun ("a firearms license in 2023", "1,420 user licenses
    allocated"), a preposition, a verb of its own or the clause's end after it: the verb "license"
    would have its object there ("officers license drones", "the council licenses premises")."""
    from pitlint import language
    from pitlint.checks.wording.words import CLOSED_CLASS

    before, after = _neighbour(words, position, -1), _neighbour(words, position, 1)
    if before is None or not before.text.isalpha() or before.text != before.text.lower():
        return False
    noun = before.text
    if noun in CLOSED_CLASS or noun in _BEFORE_A_VERB or noun in _BEFORE_A_PREDICATE or noun in _BEFORE_THE_NOUN:
        return False  # (a word of grammar, no noun: "Application of License.")
    # (a plural the pair counts lack is read by its singular: "firearms" by "firearm")
    known = noun if language.pair("the", noun) or not noun.endswith("s") else noun[:-1]
    if language.pair("the", known) <= max(language.pair("to", known), language.pair("it", known), 1):
        return False  # (not a noun: "they both license")
    if after is None:  # (a stop, a comma or the paragraph's end after it)
        text = words[position].paragraph.text
        return text[words[position].end : words[position].end + 1] in ("", ".", ",", ";", ":", ")")
    follows = after.text.lower()
    return follows in _AFTER_A_NOUN or (follows.endswith("ed") and follows not in _OBJECT_FOLLOWS)


def _after_an_adjective(words: list[_Word], position: int) -> bool:
    """The word follows one that ends as adjectives do and is not a noun ("in line with national
    practise", "Current practise"): not a subject ("Staff at the hospital practise"; a noun is one
    English often puts before "is"), a name ("across Gwent practise"), or an adjective after "be"
    ("who are not yet competent practise")."""
    from pitlint import language

    before = _neighbour(words, position, -1)
    if before is None or len(before.text) <= 4:
        return False
    earlier = _neighbour(words, position - 1, -1)
    # a participle between a determiner and the word: "the established practise"; or after "It is",
    # whose complement the noun is: "It is established practise within the police service"
    it_is = earlier is not None and earlier.text.lower() in ("is", "was") and _it_before(words, position - 2)
    participle = (
        before.text.lower().endswith("ed") and earlier is not None and (earlier.text.lower() in _DETERMINERS or it_is)
    )
    if not (before.text.lower().endswith(_ADJECTIVE_ENDINGS) or participle):
        return False
    word = before.text.lower()
    text = before.paragraph.text
    if before.text != word and not (before.text[1:] == word[1:] and opens_sentence(text, before.start)):
        return False  # a capital inside a sentence: a name
    if language.pair(word, "is") >= NOUN_BEFORE_IS * max(1, language.count(word)):
        return False
    return earlier is None or earlier.text.lower() not in _BEFORE_A_PREDICATE or it_is


def _it_before(words: list[_Word], position: int) -> bool:
    """Whether the word before ``position`` is "it", "this" or "that" ("It is established practise")."""
    subject = _neighbour(words, position, -1)
    return subject is not None and subject.text.lower() in ("it", "this", "that")


def _neighbour(words: list[_Word], position: int, step: int) -> _Word | None:
    """The word before (step -1) or after (step 1), when only a space is between them."""
    other = position + step
    if not 0 <= other < len(words) or words[other].paragraph is not words[position].paragraph:
        return None
    first, second = (words[other], words[position]) if step < 0 else (words[position], words[other])
    return words[other] if first.paragraph.text[first.end : second.start] == " " else None


def _joined(word: _Word, joined: str, in_draft: int, applicability: Applicability = Applicability.SAFE) -> Finding:
    """Two words typed without the space between them. Where many are (LOST_SPACES or more), the
    spaces were lost when the text was copied or converted (a PDF's or a web page's line and
    format breaks), not typed: still worth mending, but one cause, so info."""
    finding = MISSPELLING.finding(
        f'"{word.text}" runs two words together: "{joined}"'
        + (
            f" ({in_draft} words run together in this draft: were spaces lost when it was copied or converted?)"
            if in_draft >= LOST_SPACES
            else ""
        ),
        word.paragraph,
        word.start,
        word.end,
        replacement=joined,
        applicability=applicability,
    )
    if in_draft >= LOST_SPACES:
        finding.severity = Severity.INFO
    return finding


def _american(word: _Word, british: str) -> Finding:
    """An American spelling. Where only -ize stands for -ise ("organization"), the word is also
    Oxford English, which British dictionaries accept: info, and not changed unasked."""
    oxford = british.lower() == word.text.lower().replace("iz", "is")
    finding = AMERICAN_SPELLING.finding(
        f'"{word.text}" is the -ize (Oxford) spelling: most UK public bodies write "{british}"'
        if oxford
        else f'"{word.text}" is the American spelling: British English writes "{british}"',
        word.paragraph,
        word.start,
        word.end,
        replacement=british,
        applicability=Applicability.UNSAFE if oxford else Applicability.SAFE,
    )
    if oxford:
        finding.severity = Severity.INFO
    return finding


_CAPITALS_THEN_WORD = regexes.compile(r"(?P<a>[A-Z]{2,})(?P<b>[a-z]{2,})")
_JOINS = (
    regexes.compile(r"(?P<a>[A-Za-z]{2,})(?P<b>\d{1,2}(?:st|nd|rd|th))"),  # "dated17th", "On14th"
    regexes.compile(r"(?P<a>(?:19|20)\d\d)(?P<b>[a-z]{2,})"),  # "2012within"
    regexes.compile(r"(?P<a>\d{1,2}(?:st|nd|rd|th))(?P<b>[a-z]{2,})"),  # "17thJune"
    _CAPITALS_THEN_WORD,  # "GMPbut"
    regexes.compile(r"(?P<a>Mr|Mrs|Ms|Dr)(?P<b>[A-Z][a-z]+)"),  # "MrSmith"
    # a word that numbers what follows it, and its number: "section1(1)(a)", "question2" (not any
    # word before digits: "swarms1" is a footnote's mark, "Captor2" a product)
    regexes.compile(
        r"(?P<a>(?i:s)(?:ection|ubsection|chedule)s?|(?i:r)egulations?|(?i:a)rticles?|(?i:p)aragraphs?|(?i:p)art"
        r"|(?i:q)uestions?|(?i:p)ages?|(?i:a)ppendix|(?i:a)nnex)(?P<b>\d{1,3})"
    ),
)


def _run_together(text: str, speller: Speller) -> str | None:
    """Two words typed without the space between them ("dated17th", "2012within", "GMPbut")."""
    if text.isalpha() and text[1:].islower():
        return None  # a word in small letters, or with only its first capital: nothing joined
    for pattern in _JOINS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        if pattern is _CAPITALS_THEN_WORD and speller.is_name(found["a"][-1] + found["b"]):
            return None  # "RHall": "RH all" or "R Hall"? Not certain enough to say
        words = [part for part in (found["a"], found["b"]) if part.isalpha() and not part.isupper()]
        if all(speller.known(part) or part[:1].isupper() for part in words) and not speller.known(text):
            return f"{found['a']} {found['b']}"
    return None


@functools.lru_cache(maxsize=8)
def _term_pairs(terms: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Each two neighbouring words of the packs' terms: a term written apart on purpose ("shot gun
    certificate", the Firearms Act's words) is no word broken by a space."""
    pairs = set()
    for term in terms:
        words = term.lower().split()
        pairs.update(itertools.pairwise(words))
    return frozenset(pairs)


def _split_words(
    words: list[_Word], speller: Speller, apart: frozenset[tuple[str, str]] = frozenset()
) -> dict[int, tuple[str, bool, bool]]:
    """Words broken by a space ("permit ed", "infor mation"): two neighbours, one of them no
    English word at all (never seen in the word counts), that together make a common word, or
    make it with one letter more where the space is; or two words English never puts side by side
    that make a common word ("with holding"). Maps both positions to the word meant, whether it is
    the first, and whether the fix is certain (the latter kind is not: the pair counts are sparse)."""
    from rapidfuzz.distance import Levenshtein

    from pitlint import language

    candidates = []
    for position in range(len(words) - 1):
        first, second = words[position], words[position + 1]
        if second.paragraph is not first.paragraph or not second.text.islower():
            continue
        if first.paragraph.text[first.start + len(first.text) : second.start] not in (" ", "  "):
            continue
        if not (first.text.isalpha() and second.text.isalpha()):
            continue
        if not (first.text.islower() or (first.text[:1].isupper() and first.text[1:].islower())):
            continue
        candidates.append(position)
    if not candidates:
        return {}
    fragments = {words[p].text.lower() for p in candidates} | {words[p + 1].text.lower() for p in candidates}
    seen = dict(zip(sorted(fragments), language.counts(sorted(fragments)), strict=True))
    split: dict[int, tuple[str, bool, bool]] = {}
    for position in candidates:
        first, second = words[position].text, words[position + 1].text
        if position in split or (first.lower(), second.lower()) in apart:
            continue
        if min(seen[first.lower()], seen[second.lower()]) > 0:
            # two words English never puts side by side that make a common word ("with holding",
            # "there fore"): one word broken by a space
            joined = first + second
            if (  # (cheapest and most selective first: two neighbours joined seldom make a word)
                speller.known(joined)
                and second.lower() not in _FUNCTION_WORDS
                and first.lower() not in _DETERMINERS
                and language.pair(first.lower(), second.lower()) == 0
                and language.count(joined.lower()) >= _COMMON_WHOLE
                and not _wrapped(words[position], words[position + 1])
                and not (position and words[position - 1].text.lower() in _BEFORE_A_VERB and second.lower() in _DEGREE)
            ):  # ("may price less keenly": a verb and its adverb)
                split[position], split[position + 1] = (joined, True, False), (joined, False, False)
            continue
        joined = first + second
        if not speller.known(joined):
            if min(len(first), len(second)) > 4:
                continue  # a letter lost at the break is in an ending ("permit ed"), not mid-word
            nearest = speller.suggest(joined)
            if (
                not nearest
                or Levenshtein.distance(nearest.lower(), joined.lower()) > 1
                or not (nearest.lower().startswith(first.lower()) and nearest.endswith(second))
            ):
                continue  # the space took the place of a letter ("permit ed"), nothing else
            joined = nearest.capitalize() if first[:1].isupper() else nearest
        if language.count(joined.lower()) < _COMMON or _wrapped(words[position], words[position + 1]):
            continue
        split[position] = (joined, True, True)
        split[position + 1] = (joined, False, True)
    return split


def _wrapped(first: _Word, second: _Word) -> bool:
    """Whether two neighbours are on two lines of a page's layout: a word wrapped there ("Em" /
    "ail:", as a PDF's contact block comes out) is the layout's, not a slip."""
    where = first.paragraph.locate(first.start, second.end)
    return where.line is not None and where.end_line != where.line


def _parts(text: str) -> list[str]:
    """The parts of a word to look up: a hyphenated word's parts (prefixes such as "non" aside)."""
    if "-" not in text:
        return [text] if text.isalpha() or "'" in text else []
    return [part for part in text.split("-") if len(part) > 1 and part.isalpha() and part.lower() not in _PREFIXES]


_CALENDAR = frozenset(MONTH_NAMES + DAY_NAMES)  # a word one slip from these is misspelt, not a name


def _beside_a_title_or_name(words: list[_Word], position: int, speller: Speller) -> bool:
    """Whether a word follows a title ("Mr") or stands beside a known name, as part of a name."""
    for i in (position - 1, position + 1):
        if not 0 <= i < len(words) or words[i].paragraph is not words[position].paragraph:
            continue
        first, second = sorted((words[i], words[position]), key=lambda word: word.start)
        if not first.paragraph.text[first.end : second.start].isspace():
            continue  # "Sir/Madm": a title's alternative, not a name after it
        text = words[i].text
        if text.lower() in _TITLES or (text[:1].isupper() and speller.is_name(text)):
            return True
    return False


def _beside_an_unknown_name(words: list[_Word], position: int, speller: Speller) -> bool:
    """Whether the next word is capitalised, no dictionary word, and no slip of an English one (its
    nearest word is a name, or there is none): the two are one name ("Hemel Hempstead"), where two
    slips side by side ("Firarms Suport") each have an English word near."""
    if position + 1 >= len(words):
        return False
    word, following = words[position], words[position + 1]
    if following.paragraph is not word.paragraph or not word.paragraph.text[word.end : following.start].isspace():
        return False
    text = following.text
    if not (text[:1].isupper() and text[1:].islower()) or speller.known(text):
        return False
    nearest = speller.suggest(text)
    return nearest is None or speller.is_name(nearest)


NAME_LINES = 12  # a letter's opening paragraphs, where its addressee's name stands on a line of its own


def _a_name_line(paragraph: Paragraph, speller: Speller) -> bool:
    """Whether a paragraph of a letter's opening is two or three capitalised words and nothing else,
    none of them an English word: a person's or a place's name on a line of its own (a misspelt
    heading with a word of English in it, "Balancing Tset", or later on, is still checked)."""
    parts = paragraph.text.split()
    return (
        paragraph.index <= NAME_LINES
        and 2 <= len(parts) <= 3
        and all(part.isalpha() and part[:1].isupper() and part[1:].islower() for part in parts)
        and not any(speller.known(part) and not speller.is_name(part) for part in parts)
    )


def _checkable_capital(
    words: list[_Word], position: int, speller: Speller, term_pairs: frozenset[tuple[str, str]] = frozenset()
) -> bool:
    """A capitalised word may be a name; check it only when it cannot be: not in capitals, not
    beside a title or a name, and close to a common word."""
    word = words[position].text
    if word.isupper() and word.isalpha():
        # a long word in capitals is a heading's word, not an acronym ("WITHOLDING INFORMATION")
        if len(word) < CAPITALS_MIN_LENGTH:
            return False
    elif not word[1:].islower() or len(word) < 4:
        return False
    # (a long word two edits from a common one, "Publically", is no more likely a name than one edit)
    suggestion = speller.suggest(word, far=len(word) >= CAPITAL_FAR_LENGTH)
    if (
        suggestion
        and suggestion.lower() in _NAME_WORDS
        and len(word) <= len(suggestion)  # ("Holme", "Crowne", "Nationale": a name, not "Home" misspelt)
        and not speller.is_name(word)
    ):
        return True  # "Independant Office for Police Conduct", "HM Goverment": a body's word misspelt
    if suggestion and len(word) >= TRANSPOSED_NAME_LENGTH and _transposed(word.lower(), suggestion.lower()):
        return True  # "Huddersfeild", "Nottingahm": a known place's name with two letters swapped
    if _in_a_bodys_name(words, position):
        # "the Gangmasters and Labour Abuse Authority" and "Worksop Town Council" are names;
        # "Firearms Suport Unit" is a common word misspelt in a unit's plain description (after
        # another of its words: a place's name leads a body's)
        before = words[position - 1] if position else None
        described = (
            before is not None
            and before.paragraph is words[position].paragraph
            and before.text[:1].isupper()
            and len(before.text) > 3  # (not "The": "The Wyre Forest Team", "The Rother District Council")
            and speller.known(before.text)
            and not speller.is_name(before.text)
        )
        if described and _a_common_word_slipped(words[position].text, suggestion, speller):
            return True
        # (or a word one keystroke from one that English, or a term of the packs, pairs with its
        # neighbour in the name: "Civil Aviaton Authority", "the Firarms Licensing Unit")
        return _pairs_with_a_neighbour(words, position, suggestion, speller, term_pairs)
    if _a_models_name(words, position):
        return False  # "DJI Mavic 2 Enterprise": a product's name
    if _COMPANY_AFTER.match(words[position].paragraph.text, words[position].start + len(words[position].text)):
        return False  # "Datong plc", "Cellxion Ltd": a company's name
    if _before_a_particle(words, position):
        return False  # "Dogue de Bordeaux", "Ruud van Nistelrooy"
    if _beside_a_title_or_name(words, position, speller) or _beside_an_unknown_name(words, position, speller):
        return False  # "Mr Marchi", "Aprile Jones", "Hemel Hempstead"
    if _a_name_line(words[position].paragraph, speller):
        return False  # "Iain Overton", an addressee's line: a first name and a surname the lists lack
    if suggestion and suggestion.lower() in _CALENDAR:
        return True  # "Febuary", "in Janury": a month's or a day's name is no one's
    if _a_table_entry(words[position], speller):
        return False  # "07 Warsop 08 Worksop 10 Harworth": a table's names, run into one line
    if _a_place(words, position, speller):
        return False  # "the port of Goole": a name after a preposition, in a sentence in small letters
    if _in_an_address(words[position]) or _beside_a_street(words[position]):
        return False  # "Water Lane, Wilmslow, Cheshire SK9 5AF"; "Blyth Road, Worksop"
    return bool(suggestion) and not speller.is_name(suggestion) and speller.frequency(suggestion) >= 1000


def _transposed(word: str, known: str) -> bool:
    """Whether ``word`` is ``known`` with two neighbouring letters swapped: the commonest slip, and
    one that two real names seldom differ by (except in their last two letters: "Alexandre" is
    "Alexander" in French)."""
    if len(word) != len(known) or word == known:
        return False
    differ = [index for index, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1 < len(word) - 1
        and word[differ[0]] == known[differ[1]]
        and word[differ[1]] == known[differ[0]]
    )


_POSTCODE = regexes.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
# between a word of an address and its postcode: more of the address ("Wilmslow, Cheshire SK9 5AF")
_ADDRESS_GOES_ON = regexes.compile(r"(?:[\s,]+(?:[A-Z][\w'-]*|and|of|upon|on|the))*[\s,]+$")
ADDRESS_REACH = 80  # characters from a word of an address to its postcode


# a street's name, as a part of a list between commas: "Friar Lane", "Blyth Road"
_STREET = regexes.compile(
    r"\s*(?:[A-Z][\w'-]*\s+){1,3}(?:Road|Rd|Lane|Street|Avenue|Close|Drive|Way|Crescent|Place|Square|"
    r"Terrace|Gardens|Grove|Row|Walk|Mews|Parade)\.?\s*"
)
_ADDRESS_PART = regexes.compile(r"[^,;\n]*")  # a part of an address, between its commas


def _beside_a_street(word: _Word) -> bool:
    """A capitalised word in a street's part of an address, or in the part before or after it
    ("Viet 80s, Friar Lane"; "Blyth Road, Worksop"): a business's or a town's name. A part is
    what lies between commas (or a line's start), at most ``STREET_PART`` characters: only that
    much text is looked at, however long the paragraph."""
    text = word.paragraph.text
    start = _part_start(text, word.start)
    if start is None:
        return False
    own = _part(text, start)
    if own is None:
        return False  # prose, not a part of an address
    parts: list[str | None] = [own]
    if start > 1 and (before := _part_start(text, start - 1)) is not None:
        parts.append(text[before : start - 1])
    after = start + len(own)
    if after < len(text) and text[after] == ",":
        parts.append(_part(text, after + 1))
    return any(part is not None and _STREET.fullmatch(part) for part in parts)


STREET_PART = 60  # characters of one part of an address, between its commas


def _part_start(text: str, end: int) -> int | None:
    """Where the part of an address that reaches ``end`` starts (after a comma, a semicolon or a
    line break, or at the text's start), or None if that is further back than a part can be long."""
    reach = max(0, end - STREET_PART)
    found = max(text.rfind(",", reach, end), text.rfind(";", reach, end), text.rfind("\n", reach, end))
    if found >= 0:
        return found + 1
    return 0 if reach == 0 else None


def _part(text: str, start: int) -> str | None:
    """The part of an address from ``start`` to its next comma, or None if it is longer than a part."""
    part = _ADDRESS_PART.match(text, start, start + STREET_PART + 1).group()
    return part if len(part) <= STREET_PART else None


def _in_an_address(word: _Word) -> bool:
    """A capitalised word that an address's postcode follows, with only more of the address
    between: a town's or street's name, which no dictionary lists in full."""
    text = word.paragraph.text
    postcode = _POSTCODE.search(text, word.end, word.end + ADDRESS_REACH)
    return postcode is not None and _ADDRESS_GOES_ON.fullmatch(text, word.end, postcode.start()) is not None


_PLACE_PREPOSITIONS = frozenset("of in at from to near via into around across outside within between".split())


_COMPANY_AFTER = regexes.compile(r"\s+(?:plc|PLC|Ltd|Limited|LLP|Inc|Group|Corporation|Holdings)\b")


def _a_models_name(words: list[_Word], position: int) -> bool:
    """A capitalised word after a maker's name in capitals and before the model's number, its next
    name or the end of the phrase ("DJI Mavic 3 Thermal", "DJI Matrice 30T", "one DJI Avata."): a
    product, which dictionaries lack. (Not a word before a number alone: "Febuary 2015" and a
    table's "Robery 30" are slips; not before a word in small letters: "the CCTV Fotage was kept".)"""
    word = words[position]
    text = word.paragraph.text
    before = words[position - 1] if position else None
    after = words[position + 1] if position + 1 < len(words) else None
    # (or a maker's name before its product's in capitals: "Cellebrite UFED Cloud Analyser")
    maker = (
        not word.text.isupper()  # (a heading in capitals is no maker's name: "WITHOLDING INFORMATION")
        and after is not None
        and after.paragraph is word.paragraph
        and after.text.isupper()
        and after.text.isalpha()
        and len(after.text) >= 3
        and text[word.start + len(word.text) : after.start] == " "
        and _MODEL_GOES_ON.match(text, after.start + len(after.text)) is not None
    )
    return maker or (
        before is not None
        and before.paragraph is word.paragraph
        and before.text.isupper()
        and len(before.text) >= 2
        and text[before.start + len(before.text) : word.start] == " "
        and _MODEL_GOES_ON.match(text, word.start + len(word.text)) is not None
    )


# what follows a product's name: its number, another capitalised name, or the phrase's end
# (or the kind of product: "two DJI Avata aircraft")
_MODEL_GOES_ON = regexes.compile(
    r"\s*$|[.,;:)]|\s+(?:\d|[A-Z]|(?:and|or)\b)"
    r"|\s+(?:aircraft|drones?|devices?|units?|cameras?|systems?|software|platforms?|handsets?|kits?|models?)\b"
)


def _a_place(words: list[_Word], position: int, speller: Speller) -> bool:
    """A capitalised word after a preposition in small letters, or after "and" or "or" and a name
    ("from Chesterfield and Buxton to Derby"), with a word in small letters (or nothing) after it: a
    name in running text ("seized at the port of Goole in 2019"), not a word of a title written in
    capitals ("the Catch Corupt hotline")."""
    word = words[position]
    before = words[position - 1] if position else None
    after = words[position + 1] if position + 1 < len(words) else None
    if before is None or before.paragraph is not word.paragraph:
        return False
    named_before = (
        before.text in ("and", "or")
        and position >= 2
        and words[position - 2].paragraph is word.paragraph
        and words[position - 2].text[:1].isupper()
        # a name, or a capitalised word no dictionary has ("Killamarsh and Clowne")
        and (speller.is_name(words[position - 2].text) or not speller.known(words[position - 2].text.lower()))
    )
    if before.text == "the":
        # a name before the noun it qualifies, "the Buxton suite", "the Worksop office": not at a
        # sentence's end, where a capitalised word after "the" may be a title's ("the Catch Corupt")
        return after is not None and after.paragraph is word.paragraph and after.text.isalpha() and after.text.islower()
    if named_before:
        return True  # (whatever follows: "Edale and Buxton Mountain Rescue Teams", two places' team)
    if before.text not in _PLACE_PREPOSITIONS:
        return False
    return after is None or after.paragraph is not word.paragraph or after.text[:1].islower()


def _prefix_apart(words: list[_Word], position: int, speller: Speller) -> bool:
    """A prefix that is no word on its own, written apart from the word it belongs to ("pre
    planned", "co ordinated")."""
    word = words[position]
    if word.text.lower() not in _PREFIXES or position + 1 >= len(words):
        return False
    following = words[position + 1]
    return (
        following.paragraph is word.paragraph
        and word.paragraph.text[word.end : following.start] == " "
        and following.text.isalpha()
        and following.text.islower()
        and speller.known(following.text)
    )


_PARTICLES = frozenset("de du des da di del della dos la le von van der den ter bin ibn yr".split())
# Welsh place names' article, a letter too short to be a word of its own: "Glan y Don", "Pen y Bont"
_WELSH_ARTICLE = regexes.compile(r"[ \t]+y[ \t]+[A-Z]")


def _before_a_particle(words: list[_Word], position: int) -> bool:
    """A capitalised word, then a particle of a name in small letters, then a capitalised word: a
    name of another language's making ("Dogue de Bordeaux"), which English dictionaries lack."""
    word = words[position]
    if _WELSH_ARTICLE.match(word.paragraph.text, word.end):
        return True
    if position + 2 >= len(words):
        return False
    particle, name = words[position + 1], words[position + 2]
    return (
        particle.text in _PARTICLES
        and name.text[:1].isupper()
        and particle.paragraph is words[position].paragraph is name.paragraph
    )


COMMON_IN_A_NAME = 20_000_000  # a body's word one keystroke from an English word this common is that word


def _a_common_word_slipped(word: str, suggestion: str | None, speller: Speller) -> bool:
    """Whether a word is one keystroke (or two letters swapped) from a very common English word
    and no name itself ("Suport" for "Support")."""
    from rapidfuzz.distance import OSA

    from pitlint import language

    return (
        suggestion is not None
        and OSA.distance(word.lower(), suggestion.lower()) == 1
        and language.count(suggestion.lower()) >= COMMON_IN_A_NAME
        and not speller.is_name(word)
        and not speller.is_name(suggestion)
    )


NAME_PAIR = 5_000_000  # a corrected word and its neighbour in a body's name at least this usual together


def _pairs_with_a_neighbour(
    words: list[_Word], position: int, suggestion: str | None, speller: Speller, term_pairs: frozenset[tuple[str, str]]
) -> bool:
    """Whether a word in a body's name is one keystroke (or a swap) from an English word, no name,
    that English or a pack's term puts beside the name's next or last word ("civil aviation",
    "firearms licensing"): a slip of that word, not a name of its own."""
    from rapidfuzz.distance import OSA

    from pitlint import language

    word = words[position]
    if suggestion is None or OSA.distance(word.text.lower(), suggestion.lower()) != 1:
        return False
    if speller.is_name(word.text) or speller.is_name(suggestion):
        return False
    meant = suggestion.lower()
    for other, pair in (
        (words[position - 1] if position else None, lambda near: (near, meant)),
        (words[position + 1] if position + 1 < len(words) else None, lambda near: (meant, near)),
    ):
        if other is None or other.paragraph is not word.paragraph or not other.text[:1].isupper():
            continue
        near = other.text.lower()
        if len(near) <= 3:
            continue  # "The Wyre Forest Team": "the were" says nothing of a name's words
        if pair(near) in term_pairs or language.pair(*pair(near)) >= NAME_PAIR:
            return True
    return False


def _in_a_bodys_name(words: list[_Word], position: int) -> bool:
    """Whether the word is one of a run of capitalised words (with "and", "of", "for" or "the"
    between) that ends in a word naming a kind of body: "Gangmasters and Labour Abuse Authority"."""
    paragraph = words[position].paragraph
    for later in words[position + 1 : position + 1 + NAME_RUN]:
        if later.paragraph is not paragraph:
            return False
        if later.text in _NAME_JOINERS:
            continue
        if not later.text[:1].isupper():
            return False
        if later.text.lower() in _BODIES:
            return True
    return False


def _far_and_rare(word: str, suggestion: str) -> bool:
    """Whether the suggestion is more than one keystroke from the word and not a common word."""
    from rapidfuzz.distance import Levenshtein

    from pitlint import language

    if Levenshtein.distance(word.lower(), suggestion.lower()) <= 1:
        return False
    return language.count(suggestion.lower()) < _COMMON


def _usual_pair(halves: str, suggestion: str) -> bool:
    """Whether English writes the two halves side by side more often than the suggested word at all."""
    from pitlint import language

    first, second = halves.lower().split(" ")
    return language.pair(first, second) > COMPOUND_OVER_NEAR_WORD * language.count(suggestion.lower())


def _two_words(text: str, speller: Speller) -> tuple[str | None, bool]:
    """The one place a word splits into two common words ("exemptionapplies" -> "exemption
    applies"), or None (none, or more than one); and whether English uses the two together so
    often (SPLIT_USUAL) that the split beats any correction of the word as one ("Thisis")."""
    from pitlint import language

    if len(text) < SPLIT_MIN_LENGTH or not text.isalpha() or not (text.islower() or text[1:].islower()):
        return None, False
    lower = text.lower()
    found = [
        (cut, language.pair(lower[:cut], lower[cut:]))
        for cut in range(SPLIT_MIN_PART, len(lower) - SPLIT_MIN_PART + 1)
        if speller.known(lower[:cut])
        and speller.known(lower[cut:])
        and min(language.count(lower[:cut]), language.count(lower[cut:])) >= _COMMON
    ]
    if len(found) != 1:
        return None, False
    cut, together = found[0]
    return f"{text[:cut]} {text[cut:]}", together >= SPLIT_USUAL


# plurals made without -s, whose possessive is the -s written without its apostrophe ("childrens");
# any other known word with an -s the word list lacks is its plural ("tenderers", "comms")
_IRREGULAR_PLURAL = regexes.compile(r"(?:children|men|brethren|people)$", re.IGNORECASE)


COMPOUND_PREFIX_LENGTH = 3  # prefixes this long or longer make solid compounds ("cyber", "counter", "non")
COMPOUND_REST_LENGTH = 4  # ... with a word this long or longer
COMMON_REST = 1000  # ... and this common (uses in the word list's counts)


_OTHER_NEGATIONS = ("in", "im", "il", "ir", "dis", "non", "a")  # the prefixes "un" is typed for
# two-letter prefixes written solid with a word ("retendered", "cofunded", "deconflicted"); not "un",
# whose slips ("unrelevant" for "irrelevant") are common
_SOLID_SHORT_PREFIXES = frozenset({"re", "co", "de"})
SHORT_PREFIX_REST_LENGTH = 6  # a two-letter prefix ("re", "co") makes a compound with a word this long
SHORT_PREFIX_REST_COMMON = 100  # ... and this common, when no word is one edit from the whole


def _prefixed_compound(word: str, speller: Speller) -> bool:
    """A prefix written solid with a common word the list lacks in that form ("cybersecurity",
    "nonemergency", "retendered"): not a slip of either (a slip of the word leaves an unknown rest:
    "cyberatack"). A two-letter prefix only before a longer word, and not where the whole is a slip
    of a word one edit away ("reknown", "untill" stay misspellings)."""
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if not word.startswith(prefix):
            continue
        if len(prefix) >= COMPOUND_PREFIX_LENGTH:
            if len(rest) >= COMPOUND_REST_LENGTH and speller.frequency(rest) >= COMMON_REST:
                return True
        elif (
            prefix in _SOLID_SHORT_PREFIXES
            and len(rest) >= SHORT_PREFIX_REST_LENGTH
            and speller.frequency(rest) >= SHORT_PREFIX_REST_COMMON
            and _no_other_word_meant(word, rest, speller)
        ):
            return True
        elif (
            prefix == "un"
            and rest.endswith(("ed", "able", "ing"))  # (un- makes participles and adjectives: not "unprecedent")
            and len(rest) >= SHORT_PREFIX_REST_LENGTH
            and speller.frequency(rest) >= SHORT_PREFIX_REST_COMMON
            and not any(speller.known(other + rest) for other in _OTHER_NEGATIONS)
            and _no_other_word_meant(word, rest, speller)
        ):
            return True  # "unmanaged", "unpatched"; not "unrelevant", which English makes "irrelevant"
    return False


def _no_other_word_meant(word: str, rest: str, speller: Speller) -> bool:
    """No word one edit from the whole but the same word with another prefix ("dearrested" is one
    from "rearrested": a compound all the same; "reknown" is one from "renown": a slip)."""
    suggestion = speller.suggest(word)
    return suggestion is None or suggestion.lower().endswith(rest)


def _misspelt(word: _Word, missing: list[str], speller: Speller) -> Iterator[Finding]:
    if len(missing) == 1 and missing[0] == word.text:
        if word.text.endswith("a") and len(word.text) > 4 and speller.known(word.text[:-1] + "um"):
            return  # a Latin plural the word list lacks ("memoranda", "addenda"), not a slip
        if _prefixed_compound(word.text.lower(), speller):
            return  # a prefix written solid with a common word ("cybersecurity", "counterfraud")
        if word.text.endswith("s") and len(word.text) > 3 and speller.known(word.text[:-1]):
            if not _IRREGULAR_PLURAL.search(word.text[:-1]):
                return  # a known word's plural the word list lacks ("tenderers", "comms"), not a slip
            possessive = word.text[:-1] + "'s"  # "childrens": a possessive without its apostrophe
            yield MISSPELLING.finding(
                f'"{word.text}" needs an apostrophe: "{possessive}"',
                word.paragraph,
                word.start,
                word.end,
                replacement=possessive,
                applicability=Applicability.UNSAFE,  # or a plural: "childrens" may be "children"
            )
            return
        if _inflected_known_word(word.text.lower(), speller) and speller.suggest(word.text) is None:
            return  # "pickpocketing": a known word's -ing or -ed form the word list lacks, near no other word
        halves, usual = _two_words(word.text, speller)
        suggestion = None if halves and usual else speller.suggest(word.text, far=True)
        if halves and (suggestion is None or usual):  # "Thisis": "This is", not "Thesis"
            yield _joined(word, halves, 1, Applicability.UNSAFE)  # (unsafe: or a compound the dictionary lacks)
            return
        if (
            halves
            and suggestion
            and (_far_and_rare(word.text, suggestion) or _usual_pair(halves, suggestion) or speller.rare(suggestion))
        ):
            # two common words joined, and no common word near it: a compound the dictionary
            # lacks ("callsigns", not "callings"; "hotlist", not "holist"), more likely than a rare
            # word a keystroke or two off (but "publically" is "publicly", not "public ally"); or
            # two words English writes together far more often than it writes the near word
            # ("nightshift": "night shift", not "nightshirt")
            compound = _joined(word, halves, 1, Applicability.UNSAFE)
            compound.severity = Severity.INFO
            yield compound
            return
        if suggestion:  # (a rare word a keystroke off yields to a common one two off: "vehical")
            suggestion = speller.suggest(word.text, far=True, prefer_common=True)
        if suggestion and word.text.isupper() and len(word.text) > 1:
            suggestion = suggestion.upper()
        elif suggestion and word.text[:1].isupper():
            suggestion = suggestion.capitalize()
        yield MISSPELLING.finding(
            f'"{word.text}" is not in the dictionary' + (f': did you mean "{suggestion}"?' if suggestion else ""),
            word.paragraph,
            word.start,
            word.end,
            replacement=suggestion,
            applicability=_certainty(word, word.text, suggestion, speller),
        )
        return
    for part in missing:
        offset = word.text.find(part)
        suggestion = speller.suggest(part, far=True)
        yield MISSPELLING.finding(
            f'"{part}" is not in the dictionary' + (f': did you mean "{suggestion}"?' if suggestion else ""),
            word.paragraph,
            word.start + offset,
            word.start + offset + len(part),
            replacement=suggestion,
            applicability=_certainty(word, part, suggestion, speller),
        )


def _certainty(word: _Word, text: str, suggestion: str | None, speller: Speller) -> Applicability:
    """A correction is certain (its fix safe) when it is the only dictionary word one edit away
    from ``text`` (the word, or the part of it misspelt); otherwise the officer must choose, and
    the fix is unsafe. Also unsafe: a correction that only adds or drops a final "s" ("telecom" ->
    "telecoms": one or many is for the author to say), and a word that ends its paragraph with no
    full stop after it (text cut off mid-word, "The data is contai", reads as a misspelling)."""
    if not suggestion or speller.only_correction(text) != suggestion.lower():
        return Applicability.UNSAFE
    if suggestion.lower().rstrip("s") == text.lower().rstrip("s"):
        return Applicability.UNSAFE
    if word.end >= len(word.paragraph.text.rstrip()):
        return Applicability.UNSAFE
    return Applicability.SAFE


def _garbled(word: _Word, speller: Speller) -> Iterator[Finding]:
    """A word with digits in it that reads as a common word: a find-and-replace or OCR slip."""
    text = word.text
    if not text.islower() and not (text[:1].isupper() and text[1:].islower()):
        return
    if re.fullmatch(r"\d+(st|nd|rd|th|s|am|pm|hrs?|mins?|km|kg|mm|cm|ml|mph|gb|mb|k|m|g|x\d+)?", text.lower()):
        return
    if sum(char.isalpha() for char in text) < 4:
        return
    restored = speller.restore(text)
    if restored:
        yield MISSPELLING.finding(
            f'"{text}" has digits in a word: did you mean "{restored}"?',
            word.paragraph,
            word.start,
            word.end,
            replacement=restored,
            applicability=Applicability.SAFE,  # the only common word the digits can stand for
        )
