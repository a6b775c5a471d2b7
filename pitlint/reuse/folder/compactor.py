"""Merging fingerprint segments: every ``add`` leaves one more, and a check binary-searches each,
so a check slows with every add until the segments are merged into one sorted array again.

``compact`` (``pitlint corpus compact``) merges them all. An ``add`` that leaves more than
`MERGE_ABOVE` merges all but the largest (the build's, as a rule), in its own transaction, so
that the merge costs in proportion to what was added, never a rewrite of the whole index.

Crash-safe as an add is: the merged segment's files are written first, under a new number, and
the database swaps the listing in one transaction; until that commits the old segments are the
index and the new files are strays that the next writer removes, and after it the old files are
the strays, removed at once. A check that opened the index before the commit keeps the old files
it mapped (removing a file does not take it from a process that has it open), and one that opens
it during the merge reads the listing and opens the files it names under one database read lock,
which the merge's commit waits for.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pitlint.reuse.folder.database import connect, read_header, record_segment, sqlite_errors
from pitlint.reuse.folder.model import Notify
from pitlint.reuse.folder.reader import Index
from pitlint.reuse.folder.segments import remove_unlisted, save_segment
from pitlint.reuse.lock import WAIT, WriterLock
from pitlint.reuse.store import pause_for_tests

MERGE_ABOVE = 16  # segments: an add that leaves more merges all but the largest


@dataclass(frozen=True)
class CompactResult:
    before: int  # segments
    after: int
    fingerprints: int
    seconds: float


def compact(index_path: Path, *, notify: Notify | None = None, wait: float = WAIT) -> CompactResult:
    """Merge every segment of the index at ``index_path`` into one, holding the writer lock; the
    index is checked thoroughly first, as an add checks it."""
    started = time.perf_counter()
    read_header(index_path)  # an old or damaged index is refused before the lock is waited for
    with WriterLock(index_path, "corpus compact", notify=notify, wait=wait):
        database = connect(index_path, write=True)
        try:
            with sqlite_errors(index_path):
                database.execute("BEGIN IMMEDIATE")
                opened = Index.load(index_path, read_header(index_path), database, thorough=True)
                remove_unlisted(index_path, opened.segment_numbers)
                pause_for_tests("compact-verified")
                numbers = kept = opened.segment_numbers
                if len(numbers) > 1:
                    kept = [merge(database, index_path, list(zip(numbers, opened.segments, strict=True)))]
                database.commit()
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                database.rollback()
            raise
        finally:
            database.close()
        pause_for_tests("compacted")
        remove_unlisted(index_path, kept)  # the merged segments' files, unlisted now
    fingerprints = sum(len(hashes) for hashes, _ in opened.segments)
    return CompactResult(len(numbers), len(kept), fingerprints, time.perf_counter() - started)


Segment = tuple[int, tuple[np.ndarray, np.ndarray]]  # number, (hashes, owners)


def merge(database: sqlite3.Connection, folder: Path, segments: Sequence[Segment]) -> int:
    """Write ``segments`` as one new segment and list it in their place, in the caller's
    transaction (the caller commits, then removes the old files). Equal fingerprints keep the
    order of the segments they came from. Returns the new segment's number."""
    hashes = np.concatenate([np.asarray(found, dtype=np.uint64) for _, (found, _) in segments])
    owners = np.concatenate([np.asarray(found, dtype=np.uint32) for _, (_, found) in segments])
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    listed = [int(row[0]) for row in database.execute("SELECT id FROM segments")]
    number = max([*listed, *(n for n, _ in segments)], default=-1) + 1
    digests = save_segment(folder, number, hashes, owners)
    pause_for_tests("merged")
    database.executemany("DELETE FROM segments WHERE id = ?", [(n,) for n, _ in segments])
    record_segment(database, number, len(hashes), digests)
    return number


def small_segments(segments: Sequence[Segment]) -> list[Segment]:
    """What an add merges once there are more than `MERGE_ABOVE` segments: all but the largest."""
    if len(segments) <= MERGE_ABOVE:
        return []
    largest = max(range(len(segments)), key=lambda i: len(segments[i][1][0]))
    return [segment for i, segment in enumerate(segments) if i != largest]
