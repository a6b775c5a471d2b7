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
    positions = distinct(np.arange(len(windows)) + windows.argmin(axis=1))
    return hashes[positions]


def fingerprints(words: Sequence[str]) -> np.ndarray:
    """The distinct fingerprints of a passage, sorted."""
    return distinct(winnow(kgram_hashes(words)))


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of a 1-D array, sorted: ``np.unique``, which on its plain path imports
    numpy.ma (some 20 ms of every check's start) to ask whether the array is masked."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def fingerprints_of_many(passages: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """``fingerprints`` of many passages at once, vectorised over all their words (the query
    path: a draft's sentences). Returns (fingerprints, index of the passage each belongs to);
    the same fingerprints, passage by passage, as ``fingerprints`` gives."""
    lengths = np.fromiter((len(words) for words in passages), dtype=np.int64, count=len(passages))
    if not len(passages) or lengths.min() < K + W - 1:
        pairs = [(fingerprints(words), number) for number, words in enumerate(passages)]
        prints = [found for found, _ in pairs]
        owners = [np.full(len(found), number, dtype=np.int64) for found, number in pairs]
        empty = np.zeros(0, dtype=np.uint64)
        return (
            np.concatenate(prints) if prints else empty,
            np.concatenate(owners) if owners else np.zeros(0, dtype=np.int64),
        )
    ids = np.fromiter(
        (word_id(word) for words in passages for word in words), dtype=np.uint64, count=int(lengths.sum())
    )
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    count = len(ids) - K + 1
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for position in range(K):
            hashes = hashes * _MULTIPLIER + ids[position : position + count]
        hashes ^= hashes >> np.uint64(31)
    owner = np.repeat(np.arange(len(passages)), lengths)[:count]
    # a window of W k-grams is valid when all its k-grams lie inside one passage
    last_window = starts + lengths - K - W + 1  # the last valid window start of each passage
    window_starts = np.arange(count - W + 1)
    valid = window_starts <= last_window[owner[: count - W + 1]]
    windows = np.lib.stride_tricks.sliding_window_view(hashes, W)[valid]
    chosen = window_starts[valid] + windows.argmin(axis=1)
    # distinct (passage, fingerprint) pairs, by passage then fingerprint
    owners, prints = owner[chosen].astype(np.int64), hashes[chosen]
    order = np.lexsort((prints, owners))
    owners, prints = owners[order], prints[order]
    keep = np.ones(len(order), dtype=bool)
    keep[1:] = (owners[1:] != owners[:-1]) | (prints[1:] != prints[:-1])
    return prints[keep], owners[keep]
