"""Variant groups: passages that are edited copies of one another share a group (the smallest id
among them). ``build`` compares its candidate pairs with MinHash signatures (datasketch), a
chunk at a time, each passage signed once into a scratch file; ``add`` compares the few pairs a
new PIT brings with rapidfuzz, the same test `check` uses, since importing datasketch alone would
take most of a one-second add."""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable
from pathlib import Path

import numpy as np

from pitlint.reuse.folder.model import chunks


def star_pairs(hashes: np.ndarray, owners: np.ndarray) -> np.ndarray:
    """Candidate variant pairs: within each run of equal hashes, the first passage with each
    other one (a star, so a run of m passages costs m - 1 pairs, not m squared)."""
    if len(hashes) < 2:
        return np.zeros((0, 2), dtype=np.uint32)
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    run_of = np.repeat(starts, np.diff(np.r_[starts, len(hashes)]))
    first = owners[run_of]
    pairs = np.stack([first, owners], axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs.sort(axis=1)
    return np.unique(pairs, axis=0) if len(pairs) else pairs


class Groups:
    """Union-find over passage ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(item, item) != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def close_by_ratio(database: sqlite3.Connection, pairs: np.ndarray) -> np.ndarray:
    """Which candidate pairs are copies of each other by the test `check` applies (rapidfuzz
    ratio >= 85): for the few pairs one new PIT brings, where importing datasketch (and scipy)
    would cost more than the whole comparison."""
    from rapidfuzz import fuzz

    ids = [int(p) for p in np.unique(pairs)]
    norms: dict[int, str] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        norms.update(database.execute(f"SELECT id, norm FROM passages WHERE id IN ({marks})", chunk))
    return np.array([fuzz.ratio(norms[int(a)], norms[int(b)]) >= 85 for a, b in pairs], dtype=bool)


def group_variants(database: sqlite3.Connection, pairs: np.ndarray, close: Callable) -> int:
    """Join the candidate pairs that ``close`` says are variants of one passage. Each passage's
    ``variant_group`` is the smallest id in its group; groups that a new passage bridges are
    merged. Returns how many pairs were joined."""
    if not len(pairs):
        return 0
    ids = [int(p) for p in np.unique(pairs)]
    current: dict[int, int] = {}
    for chunk in chunks(ids):
        marks = ",".join("?" * len(chunk))
        current.update(database.execute(f"SELECT id, variant_group FROM passages WHERE id IN ({marks})", chunk))
    groups = Groups()
    for passage, group in current.items():
        groups.union(passage, group)
    joined = close(database, pairs)
    for a, b in pairs[joined]:
        groups.union(int(a), int(b))
    relabel = {group: groups.find(passage) for passage, group in current.items() if groups.find(passage) != group}
    database.executemany(
        "UPDATE passages SET variant_group = ? WHERE variant_group = ?", [(root, old) for old, root in relabel.items()]
    )
    return int(joined.sum())


PAIRS_AT_ONCE = 200_000  # candidate pairs compared at once in a build
SIGNED_AT_ONCE = 50_000  # passages whose signatures are computed at once in a build


def build_signatures(database: sqlite3.Connection, ids: np.ndarray, scratch: Path) -> None:
    """The MinHash signatures of ``ids`` (sorted), row by row in that order, in a scratch file
    beside the index being built (`signatures_file`): computed once each, in id order, a chunk at
    a time, and never written into the database (random updates of millions of rows there cost
    gigabytes of writes). The file is mapped only while a chunk is written, so that its pages
    (2 GB at a million PITs) do not stay in the build's memory."""
    from pitlint.reuse.signatures import NUM_PERM, signatures

    rows = np.lib.format.open_memmap(scratch, mode="w+", dtype=np.uint32, shape=(max(len(ids), 1), NUM_PERM))
    del rows  # (the file and its header made; each chunk maps it again)
    for start in range(0, len(ids), SIGNED_AT_ONCE):
        part = [int(passage) for passage in ids[start : start + SIGNED_AT_ONCE]]
        norms: dict[int, str] = {}
        for chunk in chunks(part):
            marks = ",".join("?" * len(chunk))
            norms.update(database.execute(f"SELECT id, norm FROM passages WHERE id IN ({marks})", list(chunk)))
        rows = signatures_file(scratch, writable=True)
        rows[start : start + len(part)] = signatures([norms[passage].split() for passage in part])
        rows.flush()
        del rows


def signatures_file(scratch: Path, *, writable: bool = False) -> np.ndarray:
    """The scratch file of signatures, mapped (for one chunk's work: drop it after)."""
    return np.load(scratch, mmap_mode="r+" if writable else "r")


def group_built(database: sqlite3.Connection, pairs: np.ndarray, passages: int, scratch: Path) -> int:
    """``group_variants`` for a new index, where each passage is its own group so far: every
    passage of a pair signed once (``build_signatures``), the pairs compared a chunk at a time,
    and the groups kept in an array by passage id. Returns how many pairs were joined."""
    from pitlint.reuse.signatures import VARIANT_THRESHOLD, similarity

    parent = array("I", range(passages))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    ids = np.unique(pairs)
    build_signatures(database, ids, scratch)
    joined_ids: list[np.ndarray] = []
    joined = 0
    for start in range(0, len(pairs), PAIRS_AT_ONCE):
        chunk = pairs[start : start + PAIRS_AT_ONCE]
        first_rows, second_rows = np.searchsorted(ids, chunk[:, 0]), np.searchsorted(ids, chunk[:, 1])
        signed = signatures_file(scratch)  # mapped for this chunk only: its pages leave with it
        close = similarity(signed[first_rows], signed[second_rows]) >= VARIANT_THRESHOLD
        del signed
        for a, b in chunk[close].tolist():
            first, second = find(a), find(b)
            if first != second:
                parent[max(first, second)] = min(first, second)
        joined += int(close.sum())
        joined_ids.append(np.unique(chunk[close]))
    scratch.unlink(missing_ok=True)
    touched = np.unique(np.concatenate(joined_ids)) if joined_ids else np.zeros(0, dtype=np.uint32)
    database.executemany(
        "UPDATE passages SET variant_group = ? WHERE id = ?",
        ((root, passage) for passage in touched.tolist() if (root := find(passage)) != passage),
    )
    return joined
