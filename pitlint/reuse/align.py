"""Word alignment (rapidfuzz's Levenshtein opcodes over word lists) that tells a slip from
tailoring. A slip is what copying by hand does to approved wording: a misspelt or wrong form of
the same word ("protection" for "protecting", "lead" for "led"), a small word changed, dropped
or doubled ("leave the open"). Tailoring is deliberate: a different noun, a number, an added
clause. Only slips are drift."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "them",
        "they",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "and",
        "or",
        "but",
        "not",
        "no",
        "as",
        "with",
        "from",
        "we",
        "our",
        "us",
    ]
)
SAME_WORD = 0.6  # character similarity above which two words are forms or misspellings of one


@dataclass(frozen=True)
class Edit:
    """A slip: draft words [draft_start, draft_end) stand where the approved wording has
    [approved_start, approved_end)."""

    draft_start: int
    draft_end: int
    approved_start: int
    approved_end: int


def _same_word(draft: str, approved: str) -> bool:
    if any(char.isdigit() for char in draft + approved):
        return False  # numbers, dates and references are tailored, not misspelt
    if draft in SMALL_WORDS and approved in SMALL_WORDS:
        return True
    return Indel.normalized_similarity(draft, approved) >= SAME_WORD and min(len(draft), len(approved)) >= 3


def slips(draft: list[str], approved: list[str]) -> list[Edit]:
    """The edits between two wordings of one passage that read as slips, in draft order."""
    found: list[Edit] = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(draft, approved).as_list():
        if tag == "equal":
            continue
        if (
            tag == "replace"
            and i2 - i1 == j2 - j1
            and all(_same_word(d, a) for d, a in zip(draft[i1:i2], approved[j1:j2], strict=True))
        ):
            found.append(Edit(i1, i2, j1, j2))
        elif tag == "delete" and i2 - i1 == 1 and (draft[i1] in SMALL_WORDS or (i1 and draft[i1] == draft[i1 - 1])):
            found.append(Edit(i1, i2, j1, j2))  # a small word added, or a word doubled
        elif tag == "insert" and j2 - j1 == 1 and approved[j1] in SMALL_WORDS:
            found.append(Edit(i1, i2, j1, j2))  # a small word dropped
    return found
