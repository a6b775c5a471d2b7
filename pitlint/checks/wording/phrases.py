"""Slips one pattern finds whole ("neither confirm or deny", "that there a", "is not in public
interest"): each a phrase slip with its message and its replacement."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pitlint import language, regexes
from pitlint.checks.wording.rules import REAL_WORD_SLIP, WORD_PAIR
from pitlint.checks.wording.words import (
    CLOSED_CLASS,
    MODALS,
    NOT_MODIFIERS,
    REPORTING,
    SINGULAR_TO_PLURAL,
    VOWELS,
    Token,
    cased,
    takes_plural_verb,
)
from pitlint.dates import full_dates
from pitlint.document import Document, Paragraph, opens_sentence
from pitlint.findings import Applicability, Finding, Rule

# a plural subject, a year or period after it, then its verb ("The figures for 2021 shows",
# "The totals in 2019/20 was", "The figures for August 2025 shows"): the year is no subject
_DATED_SUBJECT = regexes.compile(
    r"\b(?:The|These|Those|the|these|those)\s+(?P<noun>[a-z]+s)\s+(?:for|in|during|from)\s+"
    r"(?:the\s+(?:year|period|financial\s+year)\s+)?(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+)?\d{4}(?:\s*[/-]\s*\d{2,4})?\s+(?P<verb>[a-z]+)\b"
)
# "We confirm that": a verb of saying, whose "that" opens a clause with its own subject
_AFTER_REPORTING = regexes.compile(r"\b(?P<verb>[a-z]+)\s+that\s+$")


def _plural_verb_for_dated_subject(text: str, match: re.Match[str]) -> str | None:
    """The plural verb a plural subject and its year take ("The figures for 2021 shows": "show"),
    where the subject opens a sentence or a reported clause ("... of the figures for 2021 shows" is
    the "of" phrase's); None where the verb is right or the subject is not plain."""
    noun, verb = match["noun"], match["verb"]
    meant = SINGULAR_TO_PLURAL.get(verb) or language.plain_form(verb)
    if meant is None or not takes_plural_verb(noun):
        return None
    reported = _AFTER_REPORTING.search(text, 0, match.start())
    if not opens_sentence(text, match.start(), ".!?:;(") and not (reported and reported["verb"] in REPORTING):
        return None
    return meant


# a month and year straight after a full date, before the sentence goes on in small letters: the
# rest of an earlier wording left in ("From 1st April 2016 to 30th November 2016 April 2016 we have")
_MONTH_AFTER_A_DATE = regexes.compile(
    r" (?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{4}(?= [a-z]{2,})"
)


def dates_run_together(paragraph: Paragraph) -> Iterator[Finding]:
    """A date written with its month's name and year, and another month and year straight after it."""
    text = paragraph.text
    for start, end, _ in full_dates(text):
        written = text[start:end]
        if not written[-4:].isdigit() or not any(c.isalpha() for c in written):
            continue  # ("30/11/2016": no month's name)
        after = _MONTH_AFTER_A_DATE.match(text, end)
        if after is None:
            continue
        yield WORD_PAIR.finding(
            f'"{text[start : after.end()]}": a date with another month after it: one of them is left over',
            paragraph,
            start,
            after.end(),
        )


# a singular "is" and its noun, then "and" with a second verb left plain: "Section 31 is a prejudice
# based, qualified exemption and therefore require both a harm test and a public interest test"
_SECOND_VERB_PLAIN = regexes.compile(
    r"\b(?:is|was)\s+an?\s+(?:(?!that\b|which\b|who\b|whose\b|where\b|when\b|and\b)[\w-]+,?\s+){0,5}?"
    r"and\s+(?:(?:therefore|so|thus|also|as\s+such)\s+)?(?P<verb>[a-z]{3,})\b"
)


def _third_person_for_second_verb(text: str, match: re.Match[str]) -> str | None:
    """The -s form the second verb of "X is a ... and therefore <verb>" takes, where the subject is
    singular (not inside a relative clause: "a list of units that collect and require")."""
    verb = match["verb"]
    return None if verb in NOT_MODIFIERS else language.third_person(verb)


# "neither" answered by "or" a few words on: "neither confirm or deny", "neither confirming or denying"
_NEITHER_OR = regexes.compile(r"\bneither\s+(?:(?!nor\b)[\w'-]+\s+){1,4}?(?P<or>or)\b(?!\s+nor\b)", re.IGNORECASE)


# a reference word with its number left out: "the date referred to in paragraph."
_NUMBER_LEFT_OUT = regexes.compile(
    r"\b(?:referred\s+to|set\s+out|defined|described|specified)\s+(?:in|under|by)\s+"
    r"(?P<word>paragraph|section|subsection|schedule)(?=\s*[.,;:)]|\s+(?:of|above|below)\b)",  # (not "in regulation")
    re.IGNORECASE,
)


# a citation whose numbers were never filled in: "exemptions under sections of FOISA apply"
_SECTIONS_LEFT_OUT = regexes.compile(
    r"(?<!not )\b(?:under|by\s+virtue\s+of|in\s+accordance\s+with)\s+(?P<word>sections?|subsections?)\s+of\s+"
    r"(?:the\s+)?(?:FOISA|FOIA|FOI\s+Act|EIRs?|Act\b|Freedom\s+of\s+Information(?:\s+Act)?(?:\s+2000)?)"
    # where the numbers' slot was: before the verb or the end of the clause (not a general statement,
    # "under sections of the Act that protect national security", "... as interpreted by the ICO")
    r"(?=\s*[.,;:]|\s+(?:apply|applies|are|were|have|will)\b)",
    re.IGNORECASE,
)


# "sections 43(2)" with one number after it and no list: the plural left from a template
_SECTIONS_ONE = regexes.compile(r"\b(?P<word>[Ss]ections)\s+(?P<cited>\d{1,3}[A-Z]?(?:\s?\([0-9A-Za-z]{1,4}\))*)(?!\d)")
# what may follow the one number of a list that goes on: its title in brackets or after a dash,
# then "and 31(3)"; a range ("Sections 24 - 31"); not a dash before its title alone ("Sections
# 24(1) – National Security", a heading copied from a letter that cited two)
_LIST_GOES_ON = regexes.compile(
    r"(?:\s*\([^()]{0,80}\))*"
    # a title after the number, after a dash or not: "Sections 24(1) National Security and 31(1)"
    r"(?:(?:\s*[-\u2013:]\s*[A-Za-z]|\s+(?-i:[A-Z]))[A-Za-z&' ]{0,60}?"
    r"(?=\s*(?:,|;|/|and\b|&|or\b)(?:\s*(?:and|or)\b)?\s*(?:\d|$)))?"
    r"\s*(?:,|;|/|and\b|&|or\b|to\b|[-\u2013]\s*\d|\(|\d)",
    re.IGNORECASE,
)
# "Section 24(2) and 27(4)(a) are": the singular over two or more sections and a plural verb
_SECTION_OVER_SEVERAL = regexes.compile(
    r"\b(?P<word>[Ss]ection)\s+\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*"
    r"(?:\s*,\s*\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*){0,4}\s+(?:and|&)\s+\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*"
    r"(?:\s+of\s+the\s+(?:FOIA|Act|Freedom\s+of\s+Information\s+Act(?:\s+2000)?))?\s+(?:are|were)\b"
)
# "equate to more 18 hours": a comparative before a number, without its "than"
_MORE_NUMBER = regexes.compile(r"\b(?P<word>more|less|fewer)\s+(?P<number>\d[\d,.]*)(?![\d-])(?!\s+than\b)", re.I)


def sections_before_one(paragraph: Paragraph) -> Iterator[Finding]:
    """ "sections 43(2)" where one section is cited, and "Section 24(2) and 27(4)(a) are" where
    several are (a plural verb says the writer meant them all)."""
    for match in _SECTIONS_ONE.finditer(paragraph.text):
        if _LIST_GOES_ON.match(paragraph.text, match.end()):
            continue  # "Sections 24 (National Security) and 31", "sections 33(1(a)) and ..."
        yield WORD_PAIR.finding(
            f'"{match.group()}": one section is cited, so "section"',
            paragraph,
            match.start("word"),
            match.end("word"),
            replacement=match["word"][:-1],
        )
    for match in _SECTION_OVER_SEVERAL.finditer(paragraph.text):
        yield WORD_PAIR.finding(
            f'"{match.group()}": several sections are cited, so "{match["word"]}s"',
            paragraph,
            match.start("word"),
            match.end("word"),
            replacement=match["word"] + "s",
        )


def more_without_than(paragraph: Paragraph) -> Iterator[Finding]:
    """ "more 18 hours": a comparative before a number, without its "than"."""
    for match in _MORE_NUMBER.finditer(paragraph.text):
        before = paragraph.text[max(0, match.start() - 5) : match.start()].lower()
        if re.search(r"\b(?:any|no|one|two)\s+$", before):
            continue  # "two more 18-year-olds", "no more"
        yield REAL_WORD_SLIP.finding(
            f'"{match.group()}": "than" is missing ("{match["word"]} than {match["number"]}")',
            paragraph,
            match.start(),
            match.end(),
            replacement=f"{match['word']} than {match['number']}",
        )


# "available" or "accessible" put straight before a web address's noun, without "at", "on", "via"
_AVAILABLE_PLACE = regexes.compile(
    r"(?<!\bmade\s)(?<!\bmake\s)(?<!\bmakes\s)(?<!\bmaking\s)"  # "has made available a page": its object
    r"\b(?P<word>available|accessible)\s+(?P<place>(?:this|the|that|our|their|its|the\s+following)\s+"
    r"(?:web\s?(?:page|site|link)|link|hyperlink|page|url|address|site|portal))\b",
    re.IGNORECASE,
)


# the Act's "would, or would be likely to, prejudice" with "likely" lost: "would, or would like to,
# prejudice" (nobody would like to prejudice a thing)
_LIKE_FOR_LIKELY = regexes.compile(
    r"\bwould\s+(?:be\s+)?like\s+to\b(?=,?\s+(?:prejudice|harm|damage|endanger|undermine|compromise|impede|"
    r"hinder|jeopardi[sz]e|inhibit)\b)",
    re.IGNORECASE,
)


# a template's slot for the body's name left empty: "received by on 29/11/2016", "received by the on"
_NOBODY_AFTER_BY = regexes.compile(
    r"\b(?:received|sent|made|submitted|handled|dealt\s+with)\s+by\s+(?:the\s+)?on(?=\s+(?:\d|the\s+\d))",
    re.IGNORECASE,
)

# the prejudice test's formula with "be" and "to" left out: "would or would likely, prejudice"
_LIKELY_WITHOUT_BE = regexes.compile(r"\bwould,?\s+or\s+would\s+likely\b(?!\s+be\b)(?:\s+to\b)?", re.IGNORECASE)
# the NCND formula with "confirm" left out: "an exemption from or denying whether"
_CONFIRM_LEFT_OUT = regexes.compile(
    r"\b(?P<before>from|of|by|for|not|neither)\s+(?P<formula>or\s+(?P<deny>deny|denying))\b", re.IGNORECASE
)
# a subject left out after a linking word that opens the sentence: "However can provide the following"
_SUBJECT_LEFT_OUT = regexes.compile(
    r"\b(?P<link>However|Therefore|Unfortunately|Additionally|Consequently),?\s+"
    r"(?P<verb>can|cannot|will|would|could|may|must|have|has)\s+(?=[a-z])"
    # not a question or a condition, its subject after the verb ("However can we ...?", "However,
    # should any further information be required"), nor an order ("However, do not hesitate")
    r"(?!(?:it|we|they|you|he|she|this|that|there|the|a|an|any|your|our|their|its|not)\b)"
)
# "ensure" where "assure" is meant: one ensures a thing, and assures a person that ("This would
# ensure the public that ...")
_ENSURE_A_PERSON = regexes.compile(
    r"\b(?P<verb>ensur(?:e|es|ed|ing))\s+(?:the\s+(?:public|requester|applicant|community|communities)|you|them|us|him|"
    r"her|people|residents)\s+that\b(?!\s+(?:are|is|were|was|have|has|had|may|might|will|would|can|could)\b)",
    re.IGNORECASE,
)
# a sentence that opens "This a ..." with its verb left out: "This a class based absolute exemption"
_THIS_A = regexes.compile(r"\bThis\s+(?P<article>an?)\s+(?=[a-z])")
# "Thank you for email of 7 August": the letter's thanks with "your" left out
_THANKS_FOR = regexes.compile(
    r"\bthank\s+you\s+for\s+(?P<noun>e-?mails?|letters?|requests?|correspondence|enquiry|enquiries|application)\b",
    re.IGNORECASE,
)
# a plural where its possessive is meant, before a noun that takes "to": "prejudice the authorities
# ability to", "the officers duty to" (a plural noun cannot stand before them as a plural)
_OWNED_BEFORE_TO = tuple(
    "ability capacity duty right responsibility decision failure obligation intention efforts".split()
)  # (also the slip's cue words)
_PLURAL_OWNER = regexes.compile(
    rf"\bthe\s+(?P<owner>[a-z]{{3,}}s)(?<!ss)(?<!us)(?<!is)\s+(?:{'|'.join(_OWNED_BEFORE_TO)})\s+to\b"
)
# people and bodies that own things, before a plural noun English never writes after them: the
# possessive's apostrophe left out ("the investigating officers findings", "individual forces
# capabilities"); the pair counts tell a compound ("officers numbers" is unseen, "complaints
# procedure" is not) and the noun test leaves a verb alone ("the force's officers uses")
_OWNERS = tuple(
    "officers forces authorities councils constabularies individuals victims witnesses employees applicants "
    "requesters organisations agencies companies suppliers departments offenders".split()
)
_OWNER_BEFORE_PLURAL = regexes.compile(
    rf"\b(?P<owner>(?i:{'|'.join(_OWNERS)}))\s(?P<owned>[a-z]{{3,}}s)\b(?<!ss)(?<!us)(?<!is)"
)


# before the owner, a determiner or an adjective: "the investigating officers findings", "individual
# forces capabilities" (not a verb: "the policy forces officers", "gives individuals rights")
_BEFORE_AN_OWNER = frozenset(
    "the its our their his her these those other individual investigating partner local all both several "
    "relevant respective arresting attending reporting".split()
)
# ... and before that, neither a preposition ("Each of the forces records") nor a verb that takes two
# objects ("sent the applicants letters", "gives the officers instructions")
_NOT_BEFORE_THE_OWNER = frozenset(
    "of for by against between among to from with about send sends sent give gives gave given giving offer "
    "offers offered pay pays paid award awards awarded refund refunds refunded owe owes owed grant grants "
    "granted show shows showed tell tells told allow allows allowed deny denies denied issue issues issued "
    "bring brings brought".split()
)
_TWO_WORDS_BEFORE = regexes.compile(r"(?:(?P<second>[A-Za-z]+)\W+)?(?P<first>[A-Za-z]+)\W*$")


def _owned_plural(text: str, match: re.Match[str]) -> bool:
    """Whether English never writes the pair, the owner follows a determiner or an adjective (not
    a verb or a preposition's object), and the second word is a noun (common after "the", rare
    after "it" or "he": "findings", not "provides")."""
    owner, owned = match["owner"].lower(), match["owned"]
    if language.pair(owner, owned):
        return False
    before = _TWO_WORDS_BEFORE.search(text, max(0, match.start() - 40), match.start())
    if before is None or before["first"].lower() not in _BEFORE_AN_OWNER:
        return False
    if before["second"] and before["second"].lower() in _NOT_BEFORE_THE_OWNER:
        return False
    after_the = language.pair("the", owned)
    return after_the > 0 and 4 * max(language.pair("it", owned), language.pair("he", owned)) < after_the


# two phrases for one, an edit leaving both: "in regards in relation to the request"
_TWO_PHRASES = regexes.compile(
    r"\b(?:in|with)\s+(?:regards?|relation|respect)\s+(?P<again>(?:in|with)\s+(?:regards?|relation|respect)\s+(?:to|of))\b",
    re.IGNORECASE,
)
# "by virtue of following exemption": the article of "the following" left out
# (a singular noun, or an exemption's: "by following section 45 guidance", "following requests through"
# and "following information security standards" are the verb)
_FOLLOWING_WITHOUT_THE = regexes.compile(
    r"\b(?:of|under|by|in|with|to|for|on)\s+(?P<following>following)\s+(?:exemptions?|sections?|subsections?"
    r"|reason|question|request|point|factor|consideration)\b(?!\s*\d)",
    re.IGNORECASE,
)
# "with the following exemption been cited": "been" after a noun, its "has" or "having" left out
_BEEN_AFTER_A_NOUN = regexes.compile(r"\b(?P<noun>[a-z]{3,})\s+been\b")
# a "have" before the noun whose verb is still to come: "Has the request been", "had the data been",
# "has in the past been"; not one its own participle follows ("has been redacted with the following
# exemption been cited")
_HAVE_WORD = regexes.compile(r"\b(?:has|have|had|hasn't|haven't|hadn't)\s+(?P<next>[A-Za-z]+)", re.IGNORECASE)
_IRREGULAR_PARTICIPLES = frozenset(
    "been made given taken sent held done found shown seen paid kept met told had put set read said brought "
    "bought thought sought caught taught left lost won built run come become begun written spoken chosen "
    "known grown thrown drawn withheld heard felt meant led let cut hit".split()
)
_BEFORE_THE_NOUN = 200  # characters of the sentence before the noun looked at for that "have"


def _been_after_a_noun(text: str, match: re.Match[str]) -> bool:
    """Whether the word before "been" is a noun English never writes before it (not "has been",
    "never been", "years been"), with no "have" earlier in its sentence still waiting for its verb
    ("How long has the investigation been open?", "had the request been made earlier")."""
    noun = match["noun"]
    if noun in CLOSED_CLASS or noun in MODALS:
        return False  # "would been", "was been": their own checks' slips
    if language.pair(noun, "been") or not language.pair("the", noun):
        return False
    start = max(0, match.start() - _BEFORE_THE_NOUN)
    start = max(start, max(text.rfind(mark, start, match.start()) for mark in ".?!;") + 1)
    for have in _HAVE_WORD.finditer(text, start, match.start()):
        following = have["next"].lower()
        if following not in _IRREGULAR_PARTICIPLES and not following.endswith(("ed", "en")):
            return False
    return True


# "holds information relation to an ongoing case": the "in" of "in relation to" left out after what
# a response holds or withholds
_RELATION_WITHOUT_IN = regexes.compile(
    r"\b(?:information|data|records|documents|details|figures|material|matters|questions|requests?)\s+"
    r"(?P<relation>relation)\s+to\b",
    re.IGNORECASE,
)
# "the SFO has duty to conduct": a duty, a right or an obligation had without its article
_HAS_DUTY = regexes.compile(
    r"\b(?:has|have|had|having)\s+(?P<noun>duty|obligation|right)\s+(?:to|under)\b", re.IGNORECASE
)
# a section "for" the Act it is of: "exempt under s35(1)(a) for the FoI Act"
# (not the Act's part of a request answered under two regimes: "section 40(2) for the FOI Act part")
_SECTION_FOR_ACT = regexes.compile(
    r"\b(?:[Ss]ection|s\.?)\s?\d{1,2}[A-Z]?(?:\s?\(\s?\w{1,4}\s?\))*\s+(?P<prep>for)\s+(?:the\s+)?"
    r"(?:(?:FOI|FoI|Freedom\s+of\s+Information)\s+Act\b(?:\s+2000)?|FOIA\b)"
    r"(?!\s+(?:parts?|elements?|aspects?|requests?)\b)"
)
# "it is the public interest to safeguard": the idiom's "in" left out
# (the dummy "it" only, before a verb: "This is the public interest to weigh", "It is the public interest
# to which section 2 refers", "It is not the public interest to the requester that matters" are right)
_INTEREST_WITHOUT_IN = regexes.compile(
    r"\b(?:[Ii]t)\s+(?:is|was|would\s+be|will\s+be)\s+(?:not\s+)?(?P<the>the)\s+public\s+interest\s+to\s+"
    r"(?!(?:be|the|a|an|which|whom|this|that|these|those|any|its|their|our|your|his|her)\b)"
)
# "is not in public interest": the idiom's "the" left out, after a verb (not "in public interest
# cases", a compound, nor "matters of public interest")
_INTEREST_WITHOUT_THE = regexes.compile(
    r"\b(?:is|are|was|were|be|been|being|not|lies|lay|lie)\s+(?:not\s+|therefore\s+|also\s+|clearly\s+)?"
    # (where the phrase ends: before a stop or a small word, not a noun it describes, "in public
    # interest advocacy", "in public interest cases")
    r"(?P<in>in)\s+public\s+interest\b(?=\s*[.,;:)]|\s*$|\s+(?:to|and|or|but|as|because|that|when|if|for)\b)",
    re.IGNORECASE,
)
# an exemption's kind said without its article: "Section 31 is prejudice based qualified exemption"
_KIND_WITHOUT_ARTICLE = regexes.compile(
    r"\b(?:is|being)\s+(?:also\s+)?(?P<kind>(?:(?:prejudice|prejudiced|class)[\s-]+based[\s,]+(?:and\s+)?"
    r"(?:(?:qualified|absolute)\s+)?|(?:qualified|absolute)\s+)exemption)\b(?!s)",
    re.IGNORECASE,
)


def _formula(match: re.Match[str]) -> str:
    """The NCND formula a slip left "confirm" out of: "nor" after "neither" ("neither confirm nor deny")."""
    confirm = "confirm" if match["deny"].lower() == "deny" else "confirming"
    joiner = "nor" if match["before"].lower() == "neither" else "or"
    return f"{confirm} {joiner} {match['deny'].lower()}"


def _opens_a_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the match opens a sentence (or the paragraph)."""
    return text[max(0, match.start() - 3) : match.start()].rstrip()[-1:] in ("", ".", "!", "?", ":")


# "that there a public interest": a clause opened by "that" or "because" whose "there" has lost its
# verb (not "is there a", a question, nor "here and there a few")
_THERE_WITHOUT_ITS_VERB = regexes.compile(
    r"\b(?:that|because|since|although|though|whether)\s+(?P<there>there\s+(?P<det>a|an|no))(?=\s+[a-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _PhraseSlip:
    """A slip one pattern finds whole: the words reported (the match, or one of its groups), what
    is said of them, and what to write instead (None: the author must choose)."""

    rule: Rule
    pattern: re.Pattern[str]
    message: Callable[[re.Match[str]], str]
    replacement: Callable[[re.Match[str]], str | None] = lambda match: None
    span: str | int = 0
    applicability: Applicability | None = None
    keep: Callable[[str, re.Match[str]], bool] = lambda text, match: True  # a test the pattern cannot make cheaply
    cues: tuple[
        str, ...
    ] = ()  # words (lower case) one of which every match holds: a paragraph with none is passed over


_PHRASE_SLIPS = (
    _PhraseSlip(  # "The figures for 2021 shows"
        WORD_PAIR,
        _DATED_SUBJECT,
        lambda match: (
            f'"{match.group()}": the subject is "{match["noun"]}", plural, so the verb is '
            f'"{_plural_verb_for_dated_subject(match.string, match)}"'
        ),
        lambda match: _plural_verb_for_dated_subject(match.string, match),
        span="verb",
        keep=lambda text, match: _plural_verb_for_dated_subject(text, match) is not None,
    ),
    _PhraseSlip(  # "is a prejudice based exemption and therefore require"
        WORD_PAIR,
        _SECOND_VERB_PLAIN,
        lambda match: (
            f'"{match.group()}": the subject of "is" goes on to "{match["verb"]}", so the verb is '
            f'"{_third_person_for_second_verb(match.string, match)}"'
        ),
        lambda match: _third_person_for_second_verb(match.string, match),
        span="verb",
        keep=lambda text, match: _third_person_for_second_verb(text, match) is not None,
    ),
    _PhraseSlip(  # "It is accepted that there a public interest"
        REAL_WORD_SLIP,
        _THERE_WITHOUT_ITS_VERB,
        lambda match: f'"{match.group()}": the verb is missing ("there is {match["det"]}")',
        lambda match: f"there is {match['det']}",
        span="there",
        applicability=Applicability.UNSAFE,  # "is", "was" or "may be": the writer's
        cues=("there",),
    ),
    _PhraseSlip(  # "neither confirm or deny"
        WORD_PAIR,
        _NEITHER_OR,
        lambda match: f'"{match.group()}": after "neither", the other choice takes "nor"',
        lambda match: "nor" if match["or"].islower() else "Nor",
        span="or",
        cues=("neither",),
    ),
    _PhraseSlip(  # "the date referred to in paragraph."
        REAL_WORD_SLIP,
        _NUMBER_LEFT_OUT,
        lambda match: f'"{match.group()}": which {match["word"].lower()}? Its number is missing',
        span="word",
    ),
    _PhraseSlip(  # "exemptions under sections of FOISA apply"
        REAL_WORD_SLIP,
        _SECTIONS_LEFT_OUT,
        lambda match: f'"{match.group()}": which {match["word"].lower()}? The numbers are missing',
        span="word",
        cues=("section",),
    ),
    _PhraseSlip(  # "available this link"
        REAL_WORD_SLIP,
        _AVAILABLE_PLACE,
        lambda match: (
            f'"{match.group()}": a word is missing before "{match["place"]}" ("{match["word"]} at {match["place"]}")'
        ),
        lambda match: f"{match['word']} at {match['place']}",
        applicability=Applicability.UNSAFE,  # "at", "on" or "via": the writer's choice
        cues=("available", "accessible"),
    ),
    _PhraseSlip(  # "would, or would like to, prejudice"
        REAL_WORD_SLIP,
        _LIKE_FOR_LIKELY,
        lambda match: f'"{match.group()}": did you mean "would be likely to"?',
        lambda match: "would be likely to",
        cues=("like",),
    ),
    _PhraseSlip(  # "would or would likely, prejudice"
        REAL_WORD_SLIP,
        _LIKELY_WITHOUT_BE,
        lambda match: f'"{match.group()}": the test is "would, or would be likely to"',
        lambda match: cased("would, or would be likely to", match.group()),
        applicability=Applicability.UNSAFE,
        cues=("likely",),
    ),
    _PhraseSlip(  # "an exemption from or denying"
        REAL_WORD_SLIP,
        _CONFIRM_LEFT_OUT,
        lambda match: f'"{match.group()}": "confirm" is missing ("{_formula(match)}")',
        _formula,
        span="formula",
        applicability=Applicability.UNSAFE,
        cues=("deny", "denying"),
    ),
    _PhraseSlip(  # "However can provide"
        WORD_PAIR,
        _SUBJECT_LEFT_OUT,
        lambda match: (
            f'"{match["link"]} ... {match["verb"]}": the verb has no subject ("{match["link"]}, we {match["verb"]}")'
        ),
        span="verb",
        keep=_opens_a_sentence,
        cues=("however", "therefore", "unfortunately", "additionally", "consequently"),
    ),
    _PhraseSlip(  # "ensure the public that"
        REAL_WORD_SLIP,
        _ENSURE_A_PERSON,
        lambda match: f'"{match.group()}": a person is assured that; a thing is ensured',
        lambda match: cased("assur" + match["verb"].lower()[len("ensur") :], match["verb"]),
        span="verb",
        cues=("ensur",),
    ),
    _PhraseSlip(  # "This a class based exemption"
        WORD_PAIR,
        _THIS_A,
        lambda match: f'"{match.group().strip()}": the verb is missing ("This is {match["article"]}")',
        lambda match: f"is {match['article']}",
        span="article",
        applicability=Applicability.UNSAFE,
        keep=_opens_a_sentence,
        cues=("this",),
    ),
    _PhraseSlip(  # "Thank you for email of 7 August"
        WORD_PAIR,
        _THANKS_FOR,
        lambda match: f'"{match.group()}": "your" is missing ("for your {match["noun"]}")',
        lambda match: f"your {match['noun']}",
        span="noun",
        cues=("thank",),
    ),
    _PhraseSlip(  # "the authorities ability to"
        REAL_WORD_SLIP,
        _PLURAL_OWNER,
        lambda match: f'"{match.group()}": the possessive needs its apostrophe ("{_possessives(match["owner"])}")',
        span="owner",
        cues=_OWNED_BEFORE_TO,
    ),
    _PhraseSlip(  # "the investigating officers findings"
        REAL_WORD_SLIP,
        _OWNER_BEFORE_PLURAL,
        lambda match: (
            f'"{match.group()}": the possessive needs its apostrophe ("{_possessives(match["owner"].lower())}")'
        ),
        span="owner",
        keep=_owned_plural,
        cues=_OWNERS,
    ),
    _PhraseSlip(  # "in regards in relation to"
        WORD_PAIR,
        _TWO_PHRASES,
        lambda match: f'"{match.group()}": two phrases for one, an edit left both',
        lambda match: cased(match["again"], match.group()),
        applicability=Applicability.UNSAFE,
        cues=("regard", "relation", "respect"),
    ),
    _PhraseSlip(  # "by virtue of following exemption"
        WORD_PAIR,
        _FOLLOWING_WITHOUT_THE,
        lambda match: f'"{match.group()}": "the" is missing ("the following")',
        lambda match: cased("the following", match["following"]),
        span="following",
        cues=("following",),
    ),
    _PhraseSlip(  # "the following exemption been cited"
        WORD_PAIR,
        _BEEN_AFTER_A_NOUN,
        lambda match: f'"{match.group()}": a word is missing before "been" ("has been", "having been")',
        keep=_been_after_a_noun,
        cues=("been",),
    ),
    _PhraseSlip(  # "information relation to"
        WORD_PAIR,
        _RELATION_WITHOUT_IN,
        lambda match: f'"{match.group()}": "in" is missing ("in relation to")',
        lambda match: f"in {match['relation']}",
        span="relation",
        cues=("relation",),
    ),
    _PhraseSlip(  # "has duty to"
        WORD_PAIR,
        _HAS_DUTY,
        lambda match: f'"{match.group()}": the article is missing ("{_with_article(match["noun"].lower())}")',
        lambda match: _with_article(match["noun"]),
        span="noun",
        cues=("duty", "obligation", "right"),
    ),
    _PhraseSlip(  # "s35(1)(a) for the FoI Act"
        REAL_WORD_SLIP,
        _SECTION_FOR_ACT,
        lambda match: f'"{match.group()}": a section is "of" the Act',
        lambda match: "of",
        span="prep",
        cues=("act", "foia"),
    ),
    _PhraseSlip(  # "it is the public interest to safeguard"
        WORD_PAIR,
        _INTEREST_WITHOUT_IN,
        lambda match: f'"{match.group().strip()}": "in" is missing ("in the public interest")',
        lambda match: cased("in the", match["the"]),
        span="the",
        cues=("interest",),
    ),
    _PhraseSlip(  # "is not in public interest"
        WORD_PAIR,
        _INTEREST_WITHOUT_THE,
        lambda match: f'"{match.group()}": "the" is missing ("in the public interest")',
        lambda match: cased("in the", match["in"]),
        span="in",
        cues=("interest",),
    ),
    _PhraseSlip(  # "is prejudice based qualified exemption"
        WORD_PAIR,
        _KIND_WITHOUT_ARTICLE,
        lambda match: f'"{match.group()}": the article is missing ("{_with_article(match["kind"])}")',
        lambda match: _with_article(match["kind"]),
        span="kind",
        cues=("exemption",),
    ),
    _PhraseSlip(  # "received by on 29/11/2016": whose name goes there is not known
        REAL_WORD_SLIP,
        _NOBODY_AFTER_BY,
        lambda match: f'"{match.group()}": the name after "by" is missing',
    ),
)


# the nouns that end a body's name, with their plurals: "the Gambling Commission", "the Constabulary"
_BODY_NOUNS = {
    "commissions": "commission",
    "constabularies": "constabulary",
    "councils": "council",
    "services": "service",
    "forces": "force",
    "authorities": "authority",
    "agencies": "agency",
    "departments": "department",
    "trusts": "trust",
    "boards": "board",
    "ministries": "ministry",
}


def body_plural_for_possessive(
    document: Document, words: list[list[Token]], quoted: frozenset[int]
) -> Iterator[Finding]:
    """A body's name in the plural where its possessive is meant: "the Gambling Commissions Spend
    data", "within the Constabularies policing area", in a draft that names the one body in the
    singular ("the Gambling Commission", "Cheshire Constabulary"). Not a list of bodies ("Bedfordshire
    and Hertfordshire Constabularies"), nor before a small word or a verb ("the Councils involved")."""
    singular: set[tuple[str, str]] = set()  # (word before, body noun) and ("", body noun)
    for paragraph_words in words:
        for before, token in itertools.pairwise([None, *paragraph_words]):
            if token.text[:1].isupper() and token.lower in _BODY_NOUNS.values():
                singular.add(("", token.lower))
                if before is not None and before.text[:1].isupper():
                    singular.add((before.lower, token.lower))
    if not singular:
        return
    for paragraph, paragraph_words in zip(document.paragraphs, words, strict=True):
        if paragraph.index in quoted:
            continue
        for position in range(1, len(paragraph_words) - 1):
            before, token, after = paragraph_words[position - 1 : position + 2]
            noun = _BODY_NOUNS.get(token.lower)
            if noun is None or not token.text[:1].isupper() or not token.joined or not after.joined:
                continue
            if paragraph.text[token.end : after.start] != " " or after.lower in _AFTER_A_PLURAL:
                continue
            if after.lower.endswith("ed") or not after.text.isalpha():
                continue
            if language.pair("to", after.lower) > language.pair("the", after.lower):
                continue  # a verb after a plural subject: "the Councils publish their spending"
            if before.lower == "the":
                if ("", noun) not in singular:
                    continue
            elif not (before.text[:1].isupper() and (before.lower, noun) in singular):
                continue
            elif position >= 2 and paragraph_words[position - 2].lower in ("and", "or"):
                continue  # "Bedfordshire and Hertfordshire Constabularies": a list of bodies
            possessive = cased(noun, token.text) + "'s"
            yield REAL_WORD_SLIP.finding(
                f'"{token.text} {after.text}": the possessive needs its apostrophe ("{possessive}")',
                paragraph,
                token.start,
                token.end,
                replacement=possessive,
                applicability=Applicability.UNSAFE,
            )


def _possessives(plural: str) -> str:
    """The two possessives a plural may stand for: "authorities" -> "authority's or authorities'",
    "witnesses" -> "witness's or witnesses'"."""
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-2] if plural.endswith("sses") else plural[:-1]
    return f"{singular}'s or {plural}'"


def _with_article(words: str) -> str:
    return f"{'an' if words[:1].lower() in VOWELS else 'a'} {words}"


def phrase_slips(paragraph: Paragraph) -> Iterator[Finding]:
    lower = paragraph.text.lower()
    for slip in _PHRASE_SLIPS:
        if slip.cues and not any(cue in lower for cue in slip.cues):
            continue
        for match in slip.pattern.finditer(paragraph.text):
            if not slip.keep(paragraph.text, match):
                continue
            yield slip.rule.finding(
                slip.message(match),
                paragraph,
                match.start(slip.span),
                match.end(slip.span),
                replacement=slip.replacement(match),
                applicability=slip.applicability,
            )


# what may follow a plural body noun used as a plural: a small word, a preposition, a verb
_AFTER_A_PLURAL = CLOSED_CLASS | frozenset(
    "across among within without into under over such also all both each involved concerned listed named "
    "use used hold holds work works agree agreed share shared themselves".split()
)
