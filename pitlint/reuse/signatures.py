"""MinHash signatures (datasketch) of passages, to score near-duplicates and to group the
variants of each boilerplate passage. Used when an index is built or extended, never on the
start-up path: importing datasketch brings in scipy (about half a second).

A passage's set is its words and word pairs, so that one changed word moves the estimate only a
little while a different sentence sharing a phrase stays far away.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from pitlint.reuse.fingerprints import word_id

NUM_PERM = 64
VARIANT_THRESHOLD = 0.6  # estimated Jaccard at or above which two passages are variants
_MASK = 0xFFFFFFFF


def _shingles(words: Sequence[str]) -> list[int]:
    ids = [word_id(word) for word in words]
    pairs = [(a * 0x9E3779B1 + b) & 0xFFFFFFFFFFFFFFFF for a, b in itertools.pairwise(ids)]
    return sorted({value & _MASK for value in ids + pairs})


def _identity(value: int) -> int:
    return value


def signatures(passages: Sequence[Sequence[str]]) -> np.ndarray:
    """One row of NUM_PERM uint32 minimum hashes per passage."""
    from datasketch import MinHash

    if not passages:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    minhashes = MinHash.bulk((_shingles(words) for words in passages), num_perm=NUM_PERM, hashfunc=_identity)
    return np.vstack([minhash.hashvalues for minhash in minhashes]).astype(np.uint32)


def similarity(first: np.ndarray, second: np.ndarray) -> np.ndarray | float:
    """Estimated Jaccard similarity: the share of equal minimum hashes (row-wise for matrices)."""
    return np.mean(first == second, axis=-1)
