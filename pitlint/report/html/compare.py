"""A reused passage beside the issued PIT's wording, word by word.

The draft's own tailoring is not a mistake: for a copied passage (PIT301) the words it changed are
shown as tailoring, in a neutral colour, and nothing is struck out. Only a drift slip (PIT302:
the draft differs from the wording most issued PITs use by worse English) is shown as a slip,
beside the approved words. Each difference shows as what it is: a changed word is marked on
both sides, a word the draft adds is marked on the draft's side, and a word the draft leaves out
is a caret (‸) where it is missing and the word marked on the other side."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from pitlint import regexes
from pitlint.document import plain_word
from pitlint.report.html.escape import e

_WORD = regexes.compile(r"\S+")
CARET = "\u2038"


@dataclass(frozen=True)
class Side:
    """The two texts as HTML."""

    draft: str
    source: str


def _key(word: str) -> str:
    return plain_word(word).lower()


def side_by_side(draft: str, source: str, slips: list[tuple[int, int]] | None = None) -> Side:
    """``draft`` beside ``source``. ``slips`` are the spans of ``draft`` that are slips (all of it
    for a drift finding, None); any other difference is tailoring."""
    ours = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(draft)]
    theirs = source.split()

    def is_slip(start: int, end: int) -> bool:
        return slips is None or any(a < end and start < b for a, b in slips)

    left: list[str] = []
    right: list[str] = []
    for same, i1, i2, j1, j2 in _chunks([_key(w) for *_, w in ours], [_key(w) for w in theirs]):
        words = ours[i1:i2]
        mine = e(" ".join(w for *_, w in words))
        other = e(" ".join(theirs[j1:j2]))
        if same:
            left.append(mine)
            right.append(other)
            continue
        if words:
            slip = is_slip(words[0][0], words[-1][1])
        else:
            at = ours[i1 - 1][1] if i1 else 0
            slip = slips is None or any(a <= at <= b for a, b in slips)
        kind = "slip" if slip else "tailored"
        if words:
            left.append(f'<span class="{kind}">{mine}</span>')
        else:  # words of the issued PIT this draft does not have
            said = "missing here" if slip else "left out here"
            title = e(f"{said}: {' '.join(theirs[j1:j2])}")
            left.append(f'<span class="gap {kind}" title="{title}" data-missing="{other}">{CARET}</span>')
        if other:
            right.append(f'<span class="{"approved" if slip else "theirs"}">{other}</span>')
    return Side(" ".join(left), " ".join(right))


def _chunks(ours: list[str], theirs: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """The word alignment as runs: (same, i1, i2, j1, j2), neighbouring differences joined into
    one, so "offenders" for "cyber criminals" is one change rather than a missing word and another."""
    runs: list[tuple[bool, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(ours, theirs).as_list():
        same = tag == "equal"
        if runs and not same and not runs[-1][0]:
            _, a1, _, b1, _ = runs[-1]
            runs[-1] = (False, a1, i2, b1, j2)
        else:
            runs.append((same, i1, i2, j1, j2))
    return runs
