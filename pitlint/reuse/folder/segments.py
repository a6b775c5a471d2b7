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
