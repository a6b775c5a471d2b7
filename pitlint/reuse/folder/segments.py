"""The fingerprint segments' files: written before the database lists them, and removed when a
killed writer left them unlisted. Only a writer holding the lock changes them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from pitlint.reuse import store


def save_segment(folder: Path, number: int, hashes: np.ndarray, owners: np.ndarray) -> tuple[str, str]:
    """Write segment ``number``'s two files, flushed to disk; returns their digests."""
    hash_file, owner_file = store.segment_files(number)
    digests = (
        store.write_array(folder / hash_file, hashes.astype(np.uint64)),
        store.write_array(folder / owner_file, owners.astype(np.uint32)),
    )
    store.sync_folder(folder)
    return digests


def save_segment_parts(
    folder: Path, number: int, count: int, hash_parts: Iterable[bytes], owner_parts: Iterable[bytes]
) -> tuple[str, str]:
    """``save_segment`` for arrays too large to hold whole: ``count`` values of each, given as
    little-endian bytes in parts (a build's buckets, in order)."""
    hash_file, owner_file = store.segment_files(number)
    digests = (
        store.write_atomically(folder / hash_file, _chain("Q", count, hash_parts)),
        store.write_atomically(folder / owner_file, _chain("I", count, owner_parts)),
    )
    store.sync_folder(folder)
    return digests


def _chain(typecode: str, count: int, parts: Iterable[bytes]) -> Iterable[bytes]:
    yield store.preamble(typecode, count)
    written = 0
    for part in parts:
        written += len(part)
        yield part
    if written != count * (8 if typecode == "Q" else 4):  # the preamble would describe another array
        raise ValueError(f"segment array: {written} bytes written for {count} values")


def remove_unlisted(folder: Path, listed: Iterable[int]) -> None:
    """Remove segment files the database does not list, and temporary files: what an add or a
    build killed mid-way left. Only a writer holding the lock calls this."""
    keep = set(listed)
    with os.scandir(folder) as entries:
        stray = [Path(entry.path) for entry in entries if _is_stray(entry.name, keep)]
    for path in stray:
        path.unlink(missing_ok=True)


def _is_stray(name: str, listed: set[int]) -> bool:
    number = store.segment_number(name)
    return name.startswith(store.TEMPORARY) or (number is not None and number not in listed)
