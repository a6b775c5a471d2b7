"""Spelling in British English for the typo rules: a SCOWL-derived en_GB word list (built once by
scripts/build_dictionary.py into pitlint/data/ as a word-list file that loads in a few
milliseconds, see wordlist.py), the rule packs' FOI and policing vocabulary, and the words of the
corpus of issued PITs.

American spellings are not in the list, so they are unknown here; ``british`` gives the British
form of those SCOWL maps ("color" -> "colour"), for a finding of their own.

Corrections are pyspellchecker's (the likeliest known word one edit away), worked out here over
the word-list file rather than through pyspellchecker, whose dictionary took 150-180 ms to load.
"""

from __future__ import annotations

import functools
import gzip
import json
import operator
import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
from pathlib import Path

from pitlint.wordlist import WordList

DATA = Path(__file__).resolve().parent / "data"
WORDS = DATA / "en_GB.words"
OURS_MIN_LENGTH = 5  # a shorter word has too many neighbours for the vocabulary's to be preferred ("cpp": "app")
COMMON = 1000  # a suggestion for a capitalised or garbled word must be at least this frequent
MAX_SUGGESTED = 30  # longer "words" get no suggestion (working one out costs time for nothing)
MAX_RESTORED = 200  # distinct garbled words read per draft
MAX_CORRECTED = 1000  # distinct words per draft given a suggestion (about 2 ms each)
MAX_FAR = 200  # distinct words per draft searched two edits away (about a millisecond each)
KNOWN_CACHED = 200_000  # words whose lookup is kept (then forgotten, all at once)
RARE_NEAR = 100  # a suggestion one edit away this rare (in the list's counts) ...
FAR_OVER_RARE = 100  # ... yields to one two edits away this many times as common
FAR_MIN_LENGTH = 6  # shorter words two edits from a common word are too many to choose from


@functools.cache
def _words() -> WordList:
    """The British word list, loaded once per process and shared by every Speller."""
    return WordList(WORDS)


@functools.cache
def _names() -> frozenset[str]:
    with gzip.open(DATA / "names.json.gz", "rt", encoding="utf-8") as handle:
        return frozenset(json.load(handle))


def is_name(word: str) -> bool:
    """A word SCOWL knows only as a proper name ("Adrian", "Coventry")."""
    return word.lower() in _names()


@functools.cache
def _american() -> dict[str, str]:
    return json.loads((DATA / "american.json").read_text(encoding="utf-8"))


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Speller:
    """Which words are known, the British form of an American spelling, and the likeliest
    correction of a word that is not known."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self._words = _words()
        self._extra = {word.lower() for word in extra}
        self._known: dict[str, bool] = {}
        self._by_length: dict[int, list[str]] = {}
        self._suggested: dict[str, str | None] = {}
        self._far: dict[tuple[str, int | None], str | None] = {}
        self._by_start: dict[tuple[str, int], list[str]] = {}
        self._restored: dict[str, str | None] = {}
        self._candidate_sets: dict[str, set[str] | None] = {}
        self._asked: dict[str, set[str]] = {}  # per draft: the words each kind of search was asked about

    def next_draft(self) -> None:
        """Start the budgets of a new draft. Answers stay cached across the drafts of a run, but a
        draft full of unknown words gets the same suggestions alone as in a batch."""
        self._asked = {}

    def _within(self, budget: str, word: str, limit: int) -> bool:
        """Whether this draft may still ask ``budget``'s search about ``word`` (one already asked
        about always may)."""
        asked = self._asked.setdefault(budget, set())
        if word not in asked:
            if len(asked) >= limit:
                return False
            asked.add(word)
        return True

    def known(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            lower = word.lower()
            found = lower in self._extra or lower in self._words
            if len(self._known) >= KNOWN_CACHED:
                self._known.clear()  # (a hostile batch of made-up words keeps its memory bounded)
            self._known[word] = found
        return found

    def unknown(self, words: Iterable[str]) -> list[str]:
        return [word for word in dict.fromkeys(words) if not self.known(word)]

    @staticmethod
    def is_name(word: str) -> bool:
        """A word SCOWL knows only as a proper name ("Adrian", "Coventry")."""
        return is_name(word)

    def frequency(self, word: str) -> int:
        return self._words.count(word.lower())

    @staticmethod
    def british(word: str) -> str | None:
        """The British spelling of an American one ("organization" -> "organisation"), in the
        word's own case, or None."""
        found = _american().get(word.lower())
        if found is None:
            return None
        return found.capitalize() if word[:1].isupper() else found

    def rare(self, word: str) -> bool:
        """Whether a dictionary word is too rare to be the one a slip was of, when a commoner is near."""
        return self.frequency(word) < RARE_NEAR

    def suggest(self, word: str, far: bool = False, prefer_common: bool = False) -> str | None:
        """The likeliest correction one edit away, or with ``far`` two edits away when none is one
        away ("publically" -> "publicly"), or with ``prefer_common`` too where the one a single edit
        away is rare; each word worked out once per run."""
        lower = word.lower()
        if not self._within("suggest", lower, MAX_CORRECTED):
            return None  # a draft full of unknown words: enough have been worked out
        if lower not in self._suggested:
            correction = self._correction(lower) if len(lower) <= MAX_SUGGESTED else None
            self._suggested[lower] = correction if correction and correction != lower else None
        found = self._suggested[lower]
        if far and len(lower) >= FAR_MIN_LENGTH and len(lower) <= MAX_SUGGESTED:
            if found is None:
                found = self._two_edits(lower)
            elif prefer_common and self.rare(found):
                # a rare word one edit away yields to a common one two away ("vehical": "vehicle",
                # not "vesical")
                further = self._two_edits(lower, exactly=2)
                if further and self.frequency(further) >= max(COMMON, FAR_OVER_RARE * self.frequency(found)):
                    found = further
        return found

    def only_correction(self, word: str) -> str | None:
        """The one dictionary word a single edit from ``word``, when there is exactly one
        (lower case); None when there are several or none."""
        lower = word.lower()
        if len(lower) < 4 or len(lower) > MAX_SUGGESTED:
            return None  # short words have many neighbours that are not listed apart
        found = self._candidates(lower) or set()
        known = {candidate for candidate in found if candidate != lower and candidate in self._words}
        return next(iter(known)) if len(known) == 1 else None

    def _checkable(self, word: str) -> bool:
        """Whether a token is worth correcting (not punctuation, a number or far too long)."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self._words.longest + 3:
            return False
        if word in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False

    def _candidates(self, word: str) -> set[str] | None:
        """The word itself when it is listed (or not worth correcting), else the listed words one
        edit away (a deletion, a swap of neighbours, a change or an insertion), or None."""
        if not self._checkable(word) or word in self._words:
            return {word}
        if word in self._candidate_sets:
            return self._candidate_sets[word]
        found = {edit for edit in self._words.listed(self._edits(word)) if self._checkable(edit)} or None
        self._candidate_sets[word] = found  # (asked for a suggestion, then how sure it is)
        return found

    def _edits(self, word: str) -> Iterator[str]:
        """Every string one edit from the word, over the list's alphabet: deletions, swaps of
        neighbours, changes and insertions (pyspellchecker's set, with repeats). The changes and
        insertions, about 95% of them, are chained map()s over C functions, a few times faster than
        comprehensions (a batch of generated drafts spent most of its time making them)."""
        letters = self._words.alphabet
        count = len(letters)
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        deletions = [left + right[1:] for left, right in splits if right]
        swaps = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
        changes = [
            map(left.__add__, map(operator.add, letters, repeat(right[1:], count))) for left, right in splits if right
        ]
        insertions = [map(left.__add__, map(operator.add, letters, repeat(right, count))) for left, right in splits]
        return chain(deletions, swaps, *changes, *insertions)

    def _correction(self, word: str) -> str | None:
        """The commonest candidate, one that differs only by accents first, then one of the packs'
        vocabulary; ties go to the first in alphabetical order, so that the answer never depends on
        the order of a set."""
        found = self._candidates(word)
        if not found:
            return None
        plain = _without_accents(word)
        accented = [candidate for candidate in found if _without_accents(candidate) == plain]
        # (then the packs' own vocabulary: "Sergents" is "sergeants" in a police response, not "serpents")
        ours = [candidate for candidate in found if candidate in self._extra] if len(word) >= OURS_MIN_LENGTH else []
        return max(sorted(accented or ours or found), key=self._words.count)

    def _two_edits(self, word: str, exactly: int | None = None) -> str | None:
        """The commonest word two edits away (a swap of neighbours counts as one edit), with the same
        first letter: pyspellchecker's own search at distance 2 takes most of a second a word, this a
        millisecond, over the words of about the same length."""
        if not self._within("far", word, MAX_FAR):
            return None  # a draft full of unknown words: enough have been looked at
        if (word, exactly) in self._far:
            return self._far[word, exactly]
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if not self._by_start:
            for known in self._words:
                if known.isalpha():
                    self._by_start.setdefault((known[0], len(known)), []).append(known)
        candidates = [w for n in range(len(word) - 2, len(word) + 3) for w in self._by_start.get((word[0], n), ())]
        found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=2, limit=50)
        if exactly is not None:
            found = [match for match in found if match[1] == exactly]
        best = min(found, key=lambda match: (match[1], -self.frequency(match[0])), default=None)
        self._far[word, exactly] = best[0] if best else None
        return self._far[word, exactly]

    def restore(self, garbled: str) -> str | None:
        """The one common word a token with digits stands for, reading each digit as any letter
        ("informati11" -> "information", "p0lice" -> "police"); None when there is not exactly one."""
        letters = re.sub(r"\d", "", garbled)
        if len(letters) < 4 or len(garbled) > MAX_SUGGESTED:
            return None
        if not self._within("restore", garbled, MAX_RESTORED):
            return None  # a draft full of garbled words: enough have been reported
        if garbled in self._restored:
            return self._restored[garbled]
        words = self._by_length.get(len(garbled))
        if words is None:
            words = [w for w in self._words if len(w) == len(garbled) and w.isalpha()]
            self._by_length[len(garbled)] = words
        pattern = re.compile(re.sub(r"\d", ".", garbled.lower()))
        found = [w for w in words if pattern.fullmatch(w) and self.frequency(w) >= COMMON]
        self._restored[garbled] = found[0] if len(found) == 1 else None
        return self._restored[garbled]
