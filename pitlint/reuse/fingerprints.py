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

K = 4  # words per k-gram
W = 3  # k-grams per winnowing window: shared runs of K + W - 1 = 6 words are always found
MULTIPLIER = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1  # hashes are unsigned 64-bit: arithmetic wraps as the index files' uint64 did
_word_ids: dict[str, int] = {}


def word_id(word: str) -> int:
    """A stable 64-bit id for a normalised word (memoised: vocabularies are small)."""
    found = _word_ids.get(word)
    if found is None:
        found = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_word_ids) < 2_000_000:
            _word_ids[word] = found
    return found


def word_ids(words: Sequence[str]) -> list[int]:
    """`word_id` of each word, in order: the memo read for all of them at once (most words are in
    it), the rest computed one by one."""
    ids = list(map(_word_ids.get, words))
    if None in ids:
        ids = [found if found is not None else word_id(word) for found, word in zip(ids, words, strict=True)]
    return ids


def kgram_hashes(words: Sequence[str], k: int = K) -> list[int]:
    """One 64-bit hash per k consecutive words (one for the whole passage if it is shorter)."""
    ids = word_ids(words)
    if not ids:
        return []
    count = max(len(ids) - k + 1, 1)
    hashes = [0] * count
    for position in range(min(k, len(ids))):
        hashes = [(h * MULTIPLIER + i) & _MASK for h, i in zip(hashes, ids[position : position + count], strict=True)]
    return [h ^ (h >> 31) for h in hashes]


def fingerprints(words: Sequence[str]) -> list[int]:
    """The distinct fingerprints of a passage, sorted: the smallest k-gram hash of every window
    of W consecutive k-grams (winnowing; the whole passage is one window when it is shorter).
    Plain Python: for sentence-sized passages it is faster than numpy's per-call overhead, and a
    check then never imports numpy."""
    hashes = kgram_hashes(words)
    if len(hashes) <= W:
        return [min(hashes)] if hashes else []
    windows = (hashes[offset:] for offset in range(W))
    return sorted(set(map(min, *windows)))


def fingerprints_of_many(passages: Sequence[Sequence[str]]) -> tuple[list[int], list[int]]:
    """``fingerprints`` of many passages (the query path: a draft's sentences). Returns the
    fingerprints and, for each, the index of the passage it belongs to, by passage then value."""
    prints: list[int] = []
    owners: list[int] = []
    for number, words in enumerate(passages):
        found = fingerprints(words)
        prints += found
        owners += [number] * len(found)
    return prints, owners
