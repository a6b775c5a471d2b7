"""Acronyms mistyped after the draft defines them: "Legal Professional Privilege (LPP) exists to
... LLP protects advice". The mistyped form is often a real acronym (a limited liability
partnership), so no dictionary catches it; the draft's own definition says what was meant.
Reported as a real-word slip (PIT405)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pitlint import regexes
from pitlint.checks import Context
from pitlint.checks.wording import REAL_WORD_SLIP
from pitlint.document import Document
from pitlint.findings import Finding
from pitlint.outline import Outline

RULES = ()  # (its findings are PIT405's, registered by the wording module)

# "Legal Professional Privilege (LPP)", "Covert Human Intelligence Source (CHIS)", "Neither
# Confirm Nor Deny (NCND)": capitalised words, small joining words allowed, then the acronym
_DEFINITION = regexes.compile(r"((?:[A-Z][a-z]+[ \-](?:(?:of|and|the|for|in|or|nor|to)\s+)?){2,7})\(([A-Z]{3,6})s?\)")
_ACRONYM = regexes.compile(r"(?<![\w\-/])[A-Z]{3,6}(?![\w\-/])")
_NAME_BEFORE = regexes.compile(r"[A-Z][\w&.,']*\s+$")  # "Smith LLP": part of a name, not a slip
NAME_REACH = 40  # characters before an acronym in which a name's word is looked for
REACH = 1000  # characters after the definition, in its paragraph, in which a slip of it is looked for
PARAGRAPHS_REACH = 20  # and the paragraphs after it ("... Service (CFRS) does hold it." then "requires CRFS")


def _named(words: str, acronym: str) -> str | None:
    """The words the acronym stands for, from the end of the capitalised run before it ("The Legal
    Professional Privilege" -> "Legal Professional Privilege"), if their initials make it."""
    parts = re.split(r"([ \-]+)", words.strip())
    initials = ""
    for start in range(len(parts) - 1, -1, -2):
        if parts[start][:1].isupper():
            initials = parts[start][0] + initials
        if initials == acronym:
            return "".join(parts[start:])
    return None


def _one_slip(written: str, meant: str) -> bool:
    """One letter changed, or two neighbours swapped, in a word of the same length."""
    from rapidfuzz.distance import OSA

    return len(written) == len(meant) and OSA.distance(written, meant) == 1


def _after(defined_in: int, defined_end: int, paragraph: int, start: int) -> bool:
    """Whether a word is close after a definition: in its paragraph, or in one of the next few."""
    if paragraph == defined_in:
        return 0 < start - defined_end <= REACH
    return 0 < paragraph - defined_in <= PARAGRAPHS_REACH


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    defined: list[tuple[int, int, str, str]] = []  # (paragraph index, end, acronym, name)
    for paragraph in document.paragraphs:
        if "(" not in paragraph.text:
            continue
        for match in _DEFINITION.finditer(paragraph.text):
            name = _named(match.group(1), match.group(2))
            if name is not None:
                defined.append((paragraph.index, match.end(), match.group(2), name))
    if not defined:
        return
    acronyms = {acronym for _, _, acronym, _ in defined}
    # a slip is made once; an acronym written again is another body's or thing's ("ACRO" beside "ACPO")
    uses = Counter(word for paragraph in document.paragraphs for word in _ACRONYM.findall(paragraph.text))
    written_twice = {word for word, n in uses.items() if n > 1}
    for paragraph in document.paragraphs:
        if paragraph.index in outline.quoted:
            continue
        for match in _ACRONYM.finditer(paragraph.text):
            written = match.group()
            if written in acronyms or written in written_twice:
                continue
            if _NAME_BEFORE.search(paragraph.text, max(0, match.start() - NAME_REACH), match.start()):
                continue
            for index, end, acronym, name in defined:
                if not _after(index, end, paragraph.index, match.start()):
                    continue
                if _one_slip(written, acronym):
                    yield REAL_WORD_SLIP.finding(
                        f'"{written}" after "{name} ({acronym})": did you mean "{acronym}"?',
                        paragraph,
                        match.start(),
                        match.end(),
                        replacement=acronym,
                    )
                    break
