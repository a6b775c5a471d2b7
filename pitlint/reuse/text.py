"""Sentences and word tokens, with their offsets in the paragraph, normalised so that the same
wording compares equal whatever its quotes, dashes, case or line wrapping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from pitlint import regexes
from pitlint.document import plain_word

# letters (Latin, and the Greek and Cyrillic that can pass for them), digits, and inside a word
# the invisible characters a copy can carry (soft hyphen, zero-width space and joiners); full-width
# letters and ligatures, which NFKC turns into plain ones
_LETTER = "0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\ufb00-\ufb06\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_INSIDE = "\u00ad\u200b-\u200d\u2060\ufeff"
_TOKEN = regexes.compile(f"[{_LETTER}]+(?:[{_INSIDE}]+[{_LETTER}]+)*(?:['\u2019][A-Za-z]+)?")
# A sentence ends at . ! ? followed by space and a capital, digit, quote or bracket; not after
# an abbreviation or a section reference ("etc.", "e.g.", "s.", "No.").
_SENTENCE_END = regexes.compile(r"(?<=[.!?])(?P<close>[\"'\u2019\u201d)]*)\s+(?=[\"'\u2018\u201c(\[]?[A-Z0-9])")
_ABBREVIATIONS = regexes.compile(r"\b(?:e\.g|i\.e|s|ss|no|nos|para|paras|cf|vs|mr|mrs|ms|dr|st)\.$", re.IGNORECASE)
_ABBREVIATION_REACH = 8
MIN_SENTENCE_TOKENS = 6  # shorter sentences ("Harm.", "See below.") are not passages


class Token(NamedTuple):
    norm: str  # lower case, apostrophes unified
    start: int  # offsets in the paragraph text
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph: its span and its tokens."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def norm(self) -> str:
        return " ".join(token.norm for token in self.tokens)

    @property
    def words(self) -> list[str]:
        return [token.norm for token in self.tokens]


def _norm(word: str) -> str:
    return plain_word(word).lower().replace("\u2019", "'")


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of a text, each with its matching form and its span in the original text (a
    word with a soft hyphen or a Cyrillic look-alike in it is one word, compared as the plain one)."""
    if text.isascii():  # (most text: its words need lower case only)
        return [
            Token(match.group().lower(), match.start() + offset, match.end() + offset)
            for match in _TOKEN.finditer(text)
        ]
    return [
        Token(_norm(match.group()), match.start() + offset, match.end() + offset) for match in _TOKEN.finditer(text)
    ]


def words(text: str) -> list[str]:
    """The normalised words of a text (the norms of its tokens, without offsets)."""
    if text.isascii():
        return _TOKEN.findall(text.lower())  # (lower case leaves ASCII words where they were)
    return [_norm(word) for word in _TOKEN.findall(text)]


def normalise(text: str) -> str:
    """The comparison form of any text: its tokens, lower case, single spaces."""
    return " ".join(words(text))


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, white space trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # (only the sentence's last characters can end in an abbreviation: the longest, "paras.",
        # and the character before it, which the pattern's word boundary reads)
        if _ABBREVIATIONS.search(text[max(start, match.start() - _ABBREVIATION_REACH) : match.start()]):
            continue
        bounds.append((start, match.end("close")))
        start = match.end()
    bounds.append((start, len(text.rstrip())))
    trimmed = []
    for begin, end in bounds:
        chunk = text[begin:end]
        if chunk.strip():
            trimmed.append((begin + len(chunk) - len(chunk.lstrip()), end))
    return trimmed


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` that holds ``text[start:end]`` (from its first
    sentence's start to its last one's end, where the span crosses a boundary)."""
    bounds = sentence_bounds(text) or [(0, len(text))]
    first = next((b for b, e in reversed(bounds) if b <= start), bounds[0][0])
    last = next((e for b, e in bounds if e >= end), bounds[-1][1])
    return first, max(last, end)


_NOT_WORDING = regexes.compile(
    r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]{1,64}@\S+"  # links and e-mail addresses
    r"|\b(?:sections?|s\.?)\s?\d{1,3}(?:\s?\(\s?[0-9A-Za-z]{1,4}\s?\))*",  # citations
    re.IGNORECASE,
)


def substantive(text: str) -> bool:
    """Whether a sentence has enough wording of its own to be a copied passage: a bare link or a
    line of citations ("Section 24(2) National Security and Section 31(3) Law Enforcement.") has not."""
    return len(words(_NOT_WORDING.sub(" ", text))) >= MIN_SENTENCE_TOKENS


def sentences(text: str) -> list[Sentence]:
    """Split a paragraph into sentences (every span, short ones included)."""
    return [Sentence(start, end, tuple(tokens(text[start:end], start))) for start, end in sentence_bounds(text)]


def passages(text: str) -> list[Sentence]:
    """The sentences long enough to be compared with the corpus."""
    return [sentence for sentence in sentences(text) if len(sentence.tokens) >= MIN_SENTENCE_TOKENS]


def said_near(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] has ``pattern`` outside that span."""
    first, last = sentence_around(text, start, end)
    return bool(pattern.search(text, first, start) or pattern.search(text, end, last))
