"""How common English words and word pairs are: the unigram and bigram counts that symspellpy
ships (SymSpell's frequency lists, from the Google Books n-grams). The real-word checks ask them
whether a word is rare beside a common look-alike, and whether a pair of words is usual English.

The lists are read on first use only (the bigram list takes about 0.2 s), so a draft that gives
these checks nothing to ask costs nothing.
"""

from __future__ import annotations

import functools
from importlib import resources

_UNIGRAMS = "frequency_dictionary_en_82_765.txt"
_BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"


def _lines(name: str) -> list[list[str]]:
    with resources.files("symspellpy").joinpath(name).open(encoding="utf-8") as handle:
        return [line.split() for line in handle]


@functools.cache
def _unigrams() -> dict[str, int]:
    return {fields[0]: int(fields[1]) for fields in _lines(_UNIGRAMS) if len(fields) == 2}


@functools.cache
def _bigrams() -> dict[tuple[str, str], int]:
    return {(fields[0], fields[1]): int(fields[2]) for fields in _lines(_BIGRAMS) if len(fields) == 3}


def count(word: str) -> int:
    """How often the word occurs in English (0: rarer than the list goes)."""
    return _unigrams().get(word.lower(), 0)


def pair(first: str, second: str) -> int:
    """How often the two words occur together (0: too rare for the list, which starts at about
    6.4 million occurrences, so 0 means "unusual", never "wrong")."""
    return _bigrams().get((first.lower(), second.lower()), 0)
