"""MinHash signatures (datasketch) of passages, to score near-duplicates and to group the
variants of each boilerplate passage. Used when an index is built or extended, never on the
start-up path: importing datasketch brings in scipy (about half a second).

A passage's set is its words and word pairs, so that one changed word moves the estimate only a
little while a different sentence sharing a phrase stays far away.

datasketch gives the permutations and the arithmetic of its scheme; the minimum over each
passage's values is taken here for many passages at once with numpy (``MinHash.bulk`` makes one
Python object per passage: at a million PITs that alone was some 15 minutes of a build). The
result is the same, value for value, as ``MinHash.bulk``'s (tests/reuse compare the two).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

import numpy as np

from pitlint.reuse import fingerprints

NUM_PERM = 64
VARIANT_THRESHOLD = 0.6  # estimated Jaccard at or above which two passages are variants
_MASK = 0xFFFFFFFF
VALUES_AT_ONCE = 65_536  # shingle values permuted at once (x NUM_PERM: 32-64 MB of working arrays)


def _shingles(words: Sequence[str]) -> list[int]:
    ids = fingerprints.word_ids(words)
    pairs = [(a * 0x9E3779B1 + b) & 0xFFFFFFFFFFFFFFFF for a, b in itertools.pairwise(ids)]
    return sorted({value & _MASK for value in ids + pairs})


def _identity(value: int) -> int:
    return value


@functools.cache
def _scheme() -> tuple[str, np.ndarray, np.ndarray]:
    """datasketch's scheme for a new MinHash ("legacy" before 2.0) and its permutations (a, b)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_identity)
    a, b = minhash.permutations
    return getattr(minhash, "scheme", "legacy"), np.asarray(a), np.asarray(b)


def _permuted(values: np.ndarray, scheme: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each value under each permutation (rows: permutations; columns: values), as datasketch
    computes it: "legacy" (a*h + b) mod the Mersenne prime 2**61 - 1, cut to 32 bits; "affine32"
    the MurmurHash3 finalizer, then a*h + b in 32-bit arithmetic (wrapping is its modulo)."""
    if scheme == "legacy":
        row = values.astype(np.uint64)[None, :]
        return ((a[:, None] * row + b[:, None]) % np.uint64((1 << 61) - 1)) & np.uint64(_MASK)
    row = values.astype(np.uint32)
    row = row ^ (row >> np.uint32(16))
    row = row * np.uint32(0x85EBCA6B)
    row = row ^ (row >> np.uint32(13))
    row = row * np.uint32(0xC2B2AE35)
    row = row ^ (row >> np.uint32(16))
    return a.astype(np.uint32)[:, None] * row[None, :] + b.astype(np.uint32)[:, None]


def signatures(passages: Sequence[Sequence[str]]) -> np.ndarray:
    """One row of NUM_PERM uint32 minimum hashes per passage."""
    if not passages:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    scheme, a, b = _scheme()
    if scheme not in ("legacy", "affine32"):  # a scheme this module does not know: datasketch itself
        return _signatures_one_by_one(passages)
    rows = np.full((len(passages), NUM_PERM), _MASK, dtype=np.uint32)
    first = 0
    while first < len(passages):  # passages of about VALUES_AT_ONCE values (two a word), at least one
        last, words = first, 0
        while last < len(passages) and (last == first or words + len(passages[last]) <= VALUES_AT_ONCE // 2):
            words += len(passages[last])
            last += 1
        _sign(passages[first:last], words, rows[first:last], scheme, a, b)
        first = last
    return rows


_PAIR_MULTIPLIER = np.uint64(0x9E3779B1)


def _sign(passages: Sequence[Sequence[str]], words: int, rows: np.ndarray, scheme: str, a, b) -> None:
    """The signatures of ``passages`` (``words`` words in all) into ``rows``: the values of
    `_shingles` (each word's id and each pair's, cut to 32 bits; repeats change no minimum) for
    all of them at once, grouped by passage, permuted, and the minimum taken per group."""
    lengths = np.fromiter((len(words_of) for words_of in passages), dtype=np.int64, count=len(passages))
    ids = np.array(fingerprints.word_ids(list(itertools.chain.from_iterable(passages))), dtype=np.uint64)
    ids = ids.reshape(words)
    owner = np.repeat(np.arange(len(passages)), lengths)
    same = owner[1:] == owner[:-1]  # (a pair never spans two passages)
    pairs = (ids[:-1] * _PAIR_MULTIPLIER + ids[1:])[same]
    values = np.concatenate((ids, pairs)) & np.uint64(_MASK)
    owners = np.concatenate((owner, owner[:-1][same]))
    order = np.argsort(owners, kind="stable")
    counts = np.bincount(owners, minlength=len(passages))
    filled = np.flatnonzero(counts)  # (a passage without words keeps the empty signature)
    if not len(filled):
        return
    starts = (np.cumsum(counts) - counts)[filled]
    minima = np.minimum.reduceat(_permuted(values[order], scheme, a, b), starts, axis=1)
    rows[filled] = np.minimum(minima, _MASK).astype(np.uint32).T


def _signatures_one_by_one(passages: Sequence[Sequence[str]]) -> np.ndarray:
    from datasketch import MinHash

    minhashes = MinHash.bulk((_shingles(words) for words in passages), num_perm=NUM_PERM, hashfunc=_identity)
    return np.vstack([minhash.hashvalues for minhash in minhashes]).astype(np.uint32)


def similarity(first: np.ndarray, second: np.ndarray) -> np.ndarray | float:
    """Estimated Jaccard similarity: the share of equal minimum hashes (row-wise for matrices)."""
    return np.mean(first == second, axis=-1)
