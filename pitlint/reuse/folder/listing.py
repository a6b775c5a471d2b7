"""What an index covers: signatures of a corpus folder's PITs, to key the cache of indexes built
for folders and to tell whether an index is out of date."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

RACY_NS = 50_000_000  # a folder changed this recently (50 ms) may change again without a new time


def _walk(folder: str, with_stats: bool, stamps: dict[str, int] | None = None) -> Iterator[tuple[str, int, int]]:
    """(relative path, size, modification time) of the corpus files under a folder, and
    (relative path + "/", 0, 0) of each sub-folder, walked with os.scandir.
    Without ``with_stats`` files are listed by name only (no system call per file). With
    ``stamps``, each folder's modification time is recorded in it, read before its entries are."""
    from pitlint.readers import READERS
    from pitlint.reuse.corpus import is_corpus_file

    if stamps is not None:
        stamps[""] = os.stat(folder).st_mtime_ns
    folders = [folder]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith((".", "~$")):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    if stamps is not None:
                        stamps[entry.path[len(folder) + 1 :]] = entry.stat(follow_symlinks=False).st_mtime_ns
                    # by name only: a folder's time changes with anything in it, an index built
                    # inside it too, which is no change to this corpus
                    yield entry.path[len(folder) :] + "/", 0, 0
                elif os.path.splitext(name)[1].lower() in READERS and is_corpus_file(name):
                    if with_stats:
                        stat = entry.stat()
                        yield entry.path[len(folder) :], stat.st_size, stat.st_mtime_ns
                    else:
                        yield entry.path[len(folder) :], 0, 0


def _combine(entries: Iterable[tuple[str, int, int]], folder: Path) -> str:
    """Entries hashed one by one and combined with XOR (order-free), with the manifest."""
    combined = 0
    for name, size, modified in entries:
        combined ^= int.from_bytes(
            hashlib.blake2b(f"{name}\0{size}\0{modified}".encode(), digest_size=16).digest(), "big"
        )
    manifest = folder / "manifest.json"
    if manifest.is_file():
        combined ^= int.from_bytes(hashlib.blake2b(manifest.read_bytes(), digest_size=16).digest(), "big")
    return f"{combined:032x}"


def folder_signature(folder: Path) -> str:
    """A signature of a corpus folder's content: its PITs' names, sizes and modification times
    (the key of the cache of indexes built for folders without one)."""
    return _combine(_walk(str(folder), with_stats=True), folder)


def folder_listing(folder: Path) -> str:
    """A cheaper signature, for telling whether an index is stale: the PITs' names, which change
    whenever a PIT is added, removed or renamed (a PIT saved over under its own name is seen at
    the next `corpus build`). Only the corpus's own files count: an index built in a sub-folder,
    or any file pitlint does not read, changes nothing. A 100,000-PIT folder is listed in about a
    fifth of a second."""
    return _combine(_walk(str(folder), with_stats=False), folder)


def listing_with_stamps(folder: Path, *, settle: bool = True) -> tuple[str, str]:
    """``folder_listing`` and the modification time of every folder in the corpus (as JSON).
    A PIT added, removed or renamed changes its folder's time, so while every folder keeps its
    time the listing cannot have changed: a check then stats the folders instead of listing
    every PIT (`unchanged`). Without ``settle``, a folder changed too recently is left to be
    listed at once (for times that are about to be taken again)."""
    for attempt in range(3 if settle else 1):
        stamps: dict[str, int] = {}
        listing = _combine(_walk(str(folder), with_stats=False, stamps=stamps), folder)
        # A folder changed within the last moments may change again within the same tick of the
        # file system's clock and keep its time (git's "racily clean" files): wait the tick out
        # and look again, or leave such a folder to be listed.
        recent = time.time_ns() - RACY_NS
        racy = [relative for relative, modified in stamps.items() if modified >= recent]
        if not racy:
            break
        if settle and attempt < 2:
            time.sleep(RACY_NS / 1e9)
    for relative in racy:
        stamps[relative] = -1
    return listing, json.dumps(stamps, sort_keys=True, separators=(",", ":"))


def unchanged(folder: Path, stamps: str) -> bool:
    """Does every folder recorded in ``stamps`` still have its recorded time? (False for stamps
    that do not read as such: the caller then lists the folder.)"""
    try:
        recorded = json.loads(stamps)
        if not isinstance(recorded, dict) or "" not in recorded:
            return False
        for relative, modified in recorded.items():
            if (
                not isinstance(relative, str)
                or type(modified) is not int
                or os.path.isabs(relative)
                or ".." in relative.split(os.sep)
            ):
                return False
            if os.stat(folder / relative, follow_symlinks=False).st_mtime_ns != modified:
                return False
    except (OSError, ValueError):
        return False
    return True
