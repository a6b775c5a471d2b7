"""What a whole-corpus build keeps while documents stream in, sized for a national corpus (a
million PITs, some twenty million distinct sentences) on one machine: the passage keys seen so
far in sorted arrays rather than a dict of objects, and the new passages' fingerprints spilled
to disk in buckets by their top bits, each bucket sorted on its own at the end. Concatenated in
bucket order, the buckets are the whole array sorted, in the order a stable sort of everything
at once would give."""

from __future__ import annotations

import shutil
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np

MERGE_AT = 1_000_000  # keys held in a dict before they join the sorted arrays
BUCKET_BITS = 6  # 64 buckets: a million PITs' 130 million fingerprints make buckets of about 24 MB
SPILL_AT = 4_000_000  # fingerprints held in memory before they are written to their buckets


class PassageKeys:
    """Passage key (16 bytes) -> passage id, for every passage a build has written. Recent keys
    sit in a dict; past MERGE_AT they are merged into sorted arrays (20 bytes a passage, against
    some 130 for a dict entry), searched with numpy a document at a time."""

    def __init__(self) -> None:
        self.recent: dict[bytes, int] = {}
        self.high = np.zeros(0, dtype=np.uint64)  # the keys' first 8 bytes (big-endian), sorted
        self.low = np.zeros(0, dtype=np.uint64)  # their last 8 bytes, in the same order
        self.ids = np.zeros(0, dtype=np.uint32)

    def __len__(self) -> int:
        return len(self.recent) + len(self.ids)

    def known(self, keys: list[bytes]) -> dict[bytes, int]:
        """The ids of those of ``keys`` already written."""
        found = {key: self.recent[key] for key in keys if key in self.recent}
        rest = [key for key in dict.fromkeys(keys) if key not in found]
        if not rest or not len(self.ids):
            return found
        pairs = np.frombuffer(b"".join(rest), dtype=">u8").reshape(-1, 2)
        high, low = pairs[:, 0].astype(np.uint64), pairs[:, 1].astype(np.uint64)
        positions = np.searchsorted(self.high, high)
        for key, position, first, second in zip(rest, positions.tolist(), high.tolist(), low.tolist(), strict=True):
            while position < len(self.high) and int(self.high[position]) == first:
                if int(self.low[position]) == second:  # equal first halves of two keys: 1 in 2**64 a pair
                    found[key] = int(self.ids[position])
                    break
                position += 1
        return found

    def add(self, key: bytes, passage: int) -> None:
        self.recent[key] = passage
        if len(self.recent) >= MERGE_AT:
            self._merge()

    def _merge(self) -> None:
        keys = np.frombuffer(b"".join(self.recent), dtype=">u8").reshape(-1, 2)
        high, low = keys[:, 0].astype(np.uint64), keys[:, 1].astype(np.uint64)
        ids = np.fromiter(self.recent.values(), dtype=np.uint32, count=len(self.recent))
        order = np.argsort(high, kind="stable")
        high, low, ids = high[order], low[order], ids[order]
        at = np.searchsorted(self.high, high)
        self.high = np.insert(self.high, at, high)
        self.low = np.insert(self.low, at, low)
        self.ids = np.insert(self.ids, at, ids)
        self.recent = {}


class FingerprintRuns:
    """The new passages' fingerprints and owners, appended to bucket files under ``folder`` in
    the order written; read back a bucket at a time, sorted (stably) by fingerprint."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()
        self.count = 0

    def _files(self, bucket: int) -> tuple[Path, Path]:
        return self.folder / f"{bucket:02d}.hashes", self.folder / f"{bucket:02d}.owners"

    def write(self, hashes: array, owners: array) -> None:
        if not hashes:
            return
        values = np.frombuffer(hashes, dtype=np.uint64)
        passages = np.frombuffer(owners, dtype=np.uint32)
        buckets = (values >> np.uint64(64 - BUCKET_BITS)).astype(np.int64)
        order = np.argsort(buckets, kind="stable")
        values, passages = values[order], passages[order]
        bounds = np.concatenate(([0], np.cumsum(np.bincount(buckets, minlength=1 << BUCKET_BITS))))
        for bucket in range(1 << BUCKET_BITS):
            start, end = int(bounds[bucket]), int(bounds[bucket + 1])
            if start == end:
                continue
            hash_file, owner_file = self._files(bucket)
            with open(hash_file, "ab") as handle:
                handle.write(values[start:end].astype("<u8").tobytes())
            with open(owner_file, "ab") as handle:
                handle.write(passages[start:end].astype("<u4").tobytes())
        self.count += len(values)

    def buckets(self) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """(bucket, fingerprints sorted, their owners) for each bucket holding any, in order."""
        for bucket in range(1 << BUCKET_BITS):
            hash_file, owner_file = self._files(bucket)
            if not hash_file.exists():
                continue
            values = np.fromfile(hash_file, dtype="<u8").astype(np.uint64)
            passages = np.fromfile(owner_file, dtype="<u4").astype(np.uint32)
            order = np.argsort(values, kind="stable")
            yield bucket, values[order], passages[order]

    def replace(self, bucket: int, hashes: np.ndarray, owners: np.ndarray) -> None:
        """Keep only ``hashes`` and ``owners`` (sorted) in ``bucket``."""
        hash_file, owner_file = self._files(bucket)
        hash_file.write_bytes(hashes.astype("<u8").tobytes())
        owner_file.write_bytes(owners.astype("<u4").tobytes())

    def sorted_parts(self, which: str) -> Iterator[bytes]:
        """The kept fingerprints ("hashes") or owners ("owners") of every bucket, in order, as
        little-endian bytes (buckets already replaced by sorted arrays)."""
        for bucket in range(1 << BUCKET_BITS):
            path = self._files(bucket)[0 if which == "hashes" else 1]
            if path.exists():
                with open(path, "rb") as handle:
                    while chunk := handle.read(1 << 24):
                        yield chunk

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
