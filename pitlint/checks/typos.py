"""Typos: the wrong phrases a team has published before (from the rule packs), and doubled
words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.checks._patterns import pattern_findings
from pitlint.document import Document
from pitlint.findings import Category, Finding, Rule, Severity
from pitlint.outline import Outline

KNOWN_WRONG_PHRASE = Rule(
    "PIT401",
    "known-wrong-phrase",
    Category.TYPO,
    Severity.WARNING,
    "A phrase known to be wrong in issued PITs.",
    "Some slips in approved wording were published and then copied from PIT to PIT. The rule packs "
    "list them with the right wording (add your team's own in a pack: see the README).",
    "...and do not leave the open to unauthorised access.",
    "...and do not leave them open to unauthorised access.",
)
DOUBLED_WORD = Rule(
    "PIT402",
    "doubled-word",
    Category.TYPO,
    Severity.WARNING,
    "The same word twice in a row.",
    'A word typed twice ("the the") is a slip that survives a quick read, often at a line break.',
    "Disclosure would would provide details of force systems.",
    "Disclosure would provide details of force systems.",
)
MISSPELLING = Rule(
    "PIT403",
    "misspelling",
    Category.TYPO,
    Severity.WARNING,
    "A word not found in the British English dictionary, the FOI vocabulary or the corpus.",
    "Words are checked against pyspellchecker's English dictionary with British spellings accepted "
    "(organisation, authorised, defence, programme), the rule packs' FOI and policing vocabulary, and "
    "every word of the corpus of issued PITs. Capitalised words (names, acronyms) are not checked. Add "
    "a team's own words under 'words:' in a rule pack.",
    "The recieved request was considered by the goverment team.",
    "The received request was considered by the government team.",
)
RULES = (KNOWN_WRONG_PHRASE, DOUBLED_WORD, MISSPELLING)

_DOUBLED = re.compile(r"\b(\w+)(\s+)\1\b", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w@/.-])[a-z][a-z']+[a-z](?![\w@/-])")  # lower-case words, not in links or e-mail
_LINKISH = re.compile(r"\S+(?:@|://|www\.)\S*|www\.\S+|\S+\.(?:uk|com|org|gov|pdf|html?)\b\S*", re.IGNORECASE)
_FINE_DOUBLES = frozenset({"that", "had", "is", "do"})  # "that that", "had had" can be right


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    yield from pattern_findings(document, KNOWN_WRONG_PHRASE, context.packs.for_rule(KNOWN_WRONG_PHRASE.code))
    for paragraph in document.paragraphs:
        for match in _DOUBLED.finditer(paragraph.text):
            word = match.group(1)
            if word.lower() in _FINE_DOUBLES or word.isdigit():
                continue
            yield DOUBLED_WORD.finding(
                f'"{word}" is written twice', paragraph, match.start(), match.end(), suggestion=word
            )
    yield from _misspellings(document, context)


def _misspellings(document: Document, context: Context) -> Iterator[Finding]:
    words: list[tuple[object, re.Match[str]]] = []
    for paragraph in document.paragraphs:
        hidden = [m.span() for m in _LINKISH.finditer(paragraph.text)]
        for match in _WORD.finditer(paragraph.text):
            if not any(start <= match.start() < end for start, end in hidden):
                words.append((paragraph, match))
    speller = context.speller
    unknown = set(speller.unknown(match.group().removesuffix("'s") for _, match in words))
    if unknown and context.index is not None:
        unknown -= context.index.known_words(unknown)
    for paragraph, match in words:
        word = match.group().removesuffix("'s")
        if word in unknown:
            suggestion = speller.suggest(word)
            yield MISSPELLING.finding(
                f'"{word}" is not in the dictionary' + (f': did you mean "{suggestion}"?' if suggestion else ""),
                paragraph,
                match.start(),
                match.start() + len(word),
                suggestion=suggestion,
            )
