"""The regulators' postal addresses, which every response copies into its review rights: a word of
one a letter or two off ("Water Lane, Wimslow", "SK9 5FA") is a slip the spelling check, which
leaves addresses alone as names, cannot see."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitlint import regexes
from pitlint.document import Document, Paragraph
from pitlint.findings import Applicability, Finding, Rule

# each address as its words, in order; a paragraph that writes two of them is giving that address
ADDRESSES = (
    ("the ICO", ("Wycliffe", "House", "Water", "Lane", "Wilmslow", "Cheshire", "SK9", "5AF")),
    (
        "the Scottish Information Commissioner",
        ("Kinburn", "Castle", "Doubledykes", "Road", "St", "Andrews", "Fife", "KY16", "9DS"),
    ),
)
ANCHORS_NEEDED = 2  # words of an address written exactly before its other words are compared with it
_WORD = regexes.compile(r"[A-Za-z0-9]+")
SLIP_LETTERS = 2  # letters a written word may be off its address word and still be that word
MIN_LENGTH = 4  # shorter words ("St", "SK9") are compared only when they stand where the address has them


def slips(document: Document, rule: Rule, quoted: frozenset[int]) -> Iterator[Finding]:
    """A word of a known address written a letter or two off, where the paragraph writes at least two
    of that address's other words exactly."""
    from rapidfuzz.distance import OSA

    for paragraph in document.paragraphs:
        if paragraph.index in quoted:
            continue
        for name, words in ADDRESSES:
            found = _address_words(paragraph, words)
            if found is None:
                continue
            exact = {match.group() for match in found}
            for match in found:
                written = match.group()
                if written in words:
                    continue
                meant = min(words, key=lambda word: OSA.distance(written.lower(), word.lower()))
                distance = OSA.distance(written.lower(), meant.lower())
                if (
                    meant in exact
                    or not 0 < distance <= SLIP_LETTERS
                    or (len(meant) < MIN_LENGTH and not _postcode(meant))
                ):
                    continue
                if distance > 1 and len(meant) < 2 * MIN_LENGTH and not _postcode(meant):
                    continue  # (two letters off a short word is another word)
                yield rule.finding(
                    f'"{written}" in {name}\'s address: did you mean "{meant}"?',
                    paragraph,
                    match.start(),
                    match.end(),
                    replacement=meant,
                    applicability=Applicability.SAFE,
                )


def _address_words(paragraph: Paragraph, words: tuple[str, ...]) -> list[re.Match[str]] | None:
    """The capitalised words (or codes) of a paragraph from the word before the first of an address's
    words it writes exactly to the second after the last, if it writes enough of them exactly."""
    tokens = list(_WORD.finditer(paragraph.text))
    exact = [at for at, match in enumerate(tokens) if match.group() in words and len(match.group()) >= MIN_LENGTH]
    if len({tokens[at].group() for at in exact}) < ANCHORS_NEEDED or exact[-1] - exact[0] > len(words) + 2:
        return None  # (two words far apart: not one address)
    window = tokens[max(0, exact[0] - 1) : exact[-1] + 3]  # (a postcode after the county is two words)
    return [match for match in window if match.group()[:1].isupper() or _postcode(match.group())]


def _postcode(word: str) -> bool:
    return any(char.isdigit() for char in word)
