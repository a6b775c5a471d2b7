"""Passage fingerprints: hashes of word k-grams, thinned by winnowing (Schleimer, Wilkerson and
Aiken's MOSS method). Any run of at least K + W - 1 identical words shared by two passages
yields at least one shared fingerprint, so copies are found even when the rest of the sentence
was edited, while only about 2 / (W + 1) of the k-grams are stored.

Hashes are stable across processes and machines (BLAKE2b of each word, then a polynomial over
the k-gram), because they are written into index files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

K = 4  # words per k-gram
W = 3  # k-grams per winnowing window: shared runs of K + W - 1 = 6 words are always found
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_word_ids: dict[str, int] = {}


def word_id(word: str) -> int:
    """A stable 64-bit id for a normalised word (memoised: vocabularies are small)."""
    found = _word_ids.get(word)
    if found is None:
        found = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_word_ids) < 2_000_000:
            _word_ids[word] = found
    return found


def kgram_hashes(words: Sequence[str], k: int = K) -> np.ndarray:
    """One uint64 hash per k consecutive words (one for the whole passage if it is shorter)."""
    ids = np.fromiter((word_id(word) for word in words), dtype=np.uint64, count=len(words))
    count = max(len(ids) - k + 1, 1 if len(ids) else 0)
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for position in range(min(k, len(ids))):
            hashes = hashes * _MULTIPLIER + ids[position : position + count]
        hashes ^= hashes >> np.uint64(31)
    return hashes


def winnow(hashes: np.ndarray, window: int = W) -> np.ndarray:
    """The fingerprints winnowing selects: the smallest hash in every window of ``window``
    consecutive k-grams (each position once), in passage order."""
    if len(hashes) <= window:
        return hashes[[int(np.argmin(hashes))]] if len(hashes) else hashes
    windows = np.lib.stride_tricks.sliding_window_view(hashes, window)
    positions = np.unique(np.arange(len(windows)) + windows.argmin(axis=1))
    return hashes[positions]


def fingerprints(words: Sequence[str]) -> np.ndarray:
    """The distinct fingerprints of a passage, sorted."""
    return np.unique(winnow(kgram_hashes(words)))
