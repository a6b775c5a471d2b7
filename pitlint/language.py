"""How common English words and word pairs are: the counts of SymSpell's frequency lists (from the
Google Books n-grams, as symspellpy ships them), built by scripts/build_frequencies.py into
pitlint/data/english.npz. The real-word checks ask whether a word is rare beside a common
look-alike, and whether a pair of words is usual English.

The arrays are loaded on first use (a few milliseconds), so a run that asks nothing pays nothing.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "english.npz"


def key(*words: str) -> int:
    """A stable 64-bit key for a word or a pair of words (lower case)."""
    joined = " ".join(word.lower() for word in words).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(joined, digest_size=8).digest(), "little")


@functools.cache
def _arrays() -> dict[str, Any]:
    import numpy as np

    with np.load(DATA) as data:
        return {name: data[name] for name in data.files}


def _look_up(keys: str, counts: str, wanted: int) -> int:
    import numpy as np

    arrays = _arrays()
    found = arrays[keys]
    position = int(np.searchsorted(found, np.uint64(wanted)))
    if position < len(found) and int(found[position]) == wanted:
        return int(arrays[counts][position])
    return 0


def counts(words: list[str]) -> list[int]:
    """count() of many words in one look-up."""
    import numpy as np

    if not words:
        return []
    arrays = _arrays()
    found = arrays["words"]
    wanted = np.array([key(word) for word in words], dtype=np.uint64)
    positions = np.minimum(np.searchsorted(found, wanted), len(found) - 1)
    hit = found[positions] == wanted
    return [int(n) if ok else 0 for n, ok in zip(arrays["word_counts"][positions], hit, strict=True)]


def count(word: str) -> int:
    """How often the word occurs in English (0: rarer than the list goes, about 10,000)."""
    return _look_up("words", "word_counts", key(word))


def pair(first: str, second: str) -> int:
    """How often the two words occur together (0: too rare for the list, which starts at about
    6.4 million occurrences, so 0 means "unusual", never "wrong")."""
    return _look_up("pairs", "pair_counts", key(first, second))
