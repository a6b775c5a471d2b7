"""The corpus index: built once, opened without loading it whole, and safe to open from an
untrusted folder (`pitlint.reuse.store` reads its files; nothing is unpickled).

An index is a folder:

- ``pitlint-index.json``: format version, fingerprint settings, the build's id, the corpus it
  came from and a checksum of its own content; written once, by ``build``;
- ``index.sqlite``: documents, unique passages (identical sentences collapsed into one, with the
  number of documents using it and its variant group) and every occurrence of each passage; and
  what the arrays are: the list of fingerprint segments with the length and blake2b digest of
  each file, the build's id (the header's), the capped fingerprints and the corpus listing;
- ``fp-N.hash.npy`` / ``fp-N.passage.npy``: segment N of fingerprints, sorted by hash, mapped
  into memory and searched with binary search. ``build`` writes one segment; ``add`` appends a
  small one, so adding a PIT never rewrites the large arrays;
- ``.lock``: held by the one writer at a time (`pitlint.reuse.lock`).

Writers are atomic. ``build`` writes a whole new folder beside the old one and swaps the two in
one step. ``add`` writes its segment's files first (new names, flushed to disk) and lists them
in the database in the same transaction as its documents, so a PIT is in the index with its
fingerprints or not at all: an add killed before its commit leaves only unlisted files, which
the next add removes, and the PIT can be added again.

Opening checks that the index is whole: the header's checksum, the database's build id against
the header's, each array's size and preamble, and its values (fingerprints sorted, passage ids
that exist), read in chunks: about 40 ms for 100,000 PITs (145 MB of arrays). ``thorough`` (``add`` and ``corpus
stats``) also compares every array's digest and runs SQLite's ``quick_check``, which costs in
proportion to the index's size and so is kept off the ``check`` path. Any damage found, then or
later (an SQLite error mid-check), is one `DamagedIndex`.

Variant groups: ``build`` compares every candidate pair at once with MinHash signatures
(datasketch); ``add`` compares the few pairs a new PIT brings with rapidfuzz, the same test
`check` uses, since importing datasketch alone would take most of a one-second add.
Capped fingerprints: shared by so many different passages (every edited copy of one boilerplate
sentence, or a stock phrase) that only the MAX_POSTINGS passages used by the most documents are
kept for them: they find the boilerplate without flooding the candidates.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

import numpy as np

from pitlint.errors import CorpusError, ReadError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse import store
from pitlint.reuse.corpus import CorpusDocument, load_document
from pitlint.reuse.lock import LOCK, WAIT, WriterLock
from pitlint.reuse.store import DATABASE, FORMAT, HEADER, DamagedIndex, pause_for_tests

__all__ = ["DATABASE", "FORMAT", "HEADER", "DamagedIndex", "Index", "add", "build", "is_index"]

ALREADY_INDEXED = "already in the index (a document with the same text)"
MAX_POSTINGS = 50  # passages kept per fingerprint: those used by the most documents
Progress = Callable[[int, int], None]
Notify = Callable[[str], None]
T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE segments (
    id INTEGER PRIMARY KEY, fingerprints INTEGER NOT NULL, hashes_digest TEXT NOT NULL, owners_digest TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, path TEXT NOT NULL, reference TEXT,
    exemptions TEXT NOT NULL, digest TEXT NOT NULL, paragraphs INTEGER NOT NULL, sentences INTEGER NOT NULL
);
CREATE INDEX documents_digest ON documents (digest);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, text TEXT NOT NULL, norm TEXT NOT NULL,
    words INTEGER NOT NULL, documents INTEGER NOT NULL, variant_group INTEGER NOT NULL, signature BLOB
);
CREATE INDEX passages_group ON passages (variant_group, documents DESC);
CREATE TABLE occurrences (
    document INTEGER NOT NULL, paragraph INTEGER NOT NULL, sentence INTEGER NOT NULL, passage INTEGER NOT NULL,
    PRIMARY KEY (document, paragraph, sentence)
) WITHOUT ROWID;
CREATE INDEX occurrences_passage ON occurrences (passage, document);
CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# The key columns of occurrences come first: SQLite 3.40's quick_check reports "NULL value" for
# a NOT NULL column placed before the primary key of a WITHOUT ROWID table.


@dataclass(frozen=True)
class Passage:
    id: int
    text: str
    norm: str
    words: int
    documents: int
    group: int


@dataclass(frozen=True)
class Occurrence:
    passage: int
    document: str  # the document's name
    document_id: int
    paragraph: int
    sentence: int


def passage_key(norm: str) -> bytes:
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()


def is_index(path: Path) -> bool:
    """Whether ``path`` holds an index, whole or damaged (a folder with the database but no
    header is a damaged index, not a folder of PITs to index)."""
    return (path / HEADER).is_file() or (path / DATABASE).is_file()


def _chunks(values: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# -- building ---------------------------------------------------------------------------------


class _Writer:
    """Streams documents into a new or existing index database; fingerprints of new passages
    are collected for one new segment."""

    def __init__(self, database: sqlite3.Connection, capped: np.ndarray, *, empty: bool) -> None:
        self.db = database
        self.capped = capped
        self.empty = empty  # a new index: the in-memory key map is complete
        self.known: dict[bytes, int] = {}
        self.document_counts: dict[int, int] = {}
        self.hashes: list[np.ndarray] = []
        self.owners: list[np.ndarray] = []
        self.new_passages: list[int] = []
        row = database.execute("SELECT COALESCE(MAX(id) + 1, 0) FROM passages").fetchone()
        self.next_passage = int(row[0])

    def _passage(self, text: str, words: tuple[str, ...]) -> int:
        norm = " ".join(words)
        key = passage_key(norm)
        passage = self.known.get(key)
        if passage is None and not self.empty:
            row = self.db.execute("SELECT id FROM passages WHERE key = ?", (key,)).fetchone()
            passage = None if row is None else int(row[0])
        if passage is None:
            passage = self.next_passage
            self.next_passage += 1
            self.db.execute(
                "INSERT INTO passages (id, key, text, norm, words, documents, variant_group) "
                "VALUES (?, ?, ?, ?, ?, 0, ?)",
                (passage, key, text, norm, len(words), passage),
            )
            prints = fp.fingerprints(words)
            if len(self.capped):
                prints = prints[~np.isin(prints, self.capped)]
            self.hashes.append(prints)
            self.owners.append(np.full(len(prints), passage, dtype=np.uint32))
            self.new_passages.append(passage)
        self.known[key] = passage
        return passage

    def _unique_name(self, name: str) -> str:
        """Two PITs may give the same reference; the second is named "REF-2", and so on."""
        candidate, number = name, 1
        while self.db.execute("SELECT 1 FROM documents WHERE name = ?", (candidate,)).fetchone():
            number += 1
            candidate = f"{name}-{number}"
        return candidate

    def add(self, document: CorpusDocument) -> bool:
        """Store a document; False if a document with the same text is already indexed."""
        if self.db.execute("SELECT 1 FROM documents WHERE digest = ?", (document.digest,)).fetchone():
            return False
        document.name = self._unique_name(document.name)
        cursor = self.db.execute(
            "INSERT INTO documents (name, path, reference, exemptions, digest, paragraphs, sentences) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                document.name,
                document.path,
                document.reference,
                json.dumps(document.exemptions),
                document.digest,
                document.paragraphs,
                len(document.sentences),
            ),
        )
        document_id = int(cursor.lastrowid)
        occurrences = []
        for sentence in document.sentences:
            occurrences.append(
                (self._passage(sentence.text, sentence.words), document_id, sentence.paragraph, sentence.ordinal)
            )
        for passage in {occurrence[0] for occurrence in occurrences}:
            self.document_counts[passage] = self.document_counts.get(passage, 0) + 1
        self.db.executemany(
            "INSERT OR IGNORE INTO occurrences (passage, document, paragraph, sentence) VALUES (?, ?, ?, ?)",
            occurrences,
        )
        self.db.executemany("INSERT OR IGNORE INTO vocabulary VALUES (?)", ((w,) for w in document.vocabulary))
        return True

    def finish(self) -> tuple[np.ndarray, np.ndarray]:
        """Write the document counts; return the new fingerprints sorted by hash."""
        self.db.executemany(
            "UPDATE passages SET documents = documents + ? WHERE id = ?",
            [(count, passage) for passage, count in self.document_counts.items()],
        )
        hashes = np.concatenate(self.hashes) if self.hashes else np.zeros(0, dtype=np.uint64)
        owners = np.concatenate(self.owners) if self.owners else np.zeros(0, dtype=np.uint32)
        order = np.argsort(hashes, kind="stable")
        return hashes[order], owners[order]


def _cap(hashes: np.ndarray, owners: np.ndarray, used_by: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep at most MAX_POSTINGS passages per fingerprint (hashes sorted): those used by the most
    documents. Returns the kept hashes and owners, and the capped hashes."""
    values, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
    crowded = np.flatnonzero(counts > MAX_POSTINGS)
    if not len(crowded):
        return hashes, owners, np.zeros(0, dtype=np.uint64)
    keep = np.ones(len(hashes), dtype=bool)
    for run in crowded:
        positions = np.arange(starts[run], starts[run] + counts[run])
        ranked = positions[np.argsort(-used_by[owners[positions]], kind="stable")]
        keep[ranked[MAX_POSTINGS:]] = False
    return hashes[keep], owners[keep], values[crowded]


def _star_pairs(hashes: np.ndarray, owners: np.ndarray) -> np.ndarray:
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


class _Groups:
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


def _signatures(database: sqlite3.Connection, passages: Sequence[int]) -> dict[int, np.ndarray]:
    """MinHash signatures of passages: stored ones read back, missing ones computed and stored."""
    from pitlint.reuse.signatures import NUM_PERM, signatures

    found: dict[int, np.ndarray] = {}
    missing: list[tuple[int, list[str]]] = []
    for chunk in _chunks(list(passages)):
        marks = ",".join("?" * len(chunk))
        for passage, signature, norm in database.execute(
            f"SELECT id, signature, norm FROM passages WHERE id IN ({marks})", list(chunk)
        ):
            if signature is not None and len(signature) == NUM_PERM * 4:
                found[passage] = np.frombuffer(signature, dtype=np.uint32)
            else:
                missing.append((passage, norm.split()))
    if missing:
        computed = signatures([words for _, words in missing])
        for (passage, _), row in zip(missing, computed, strict=True):
            found[passage] = row
        database.executemany(
            "UPDATE passages SET signature = ? WHERE id = ?",
            [(row.tobytes(), passage) for (passage, _), row in zip(missing, computed, strict=True)],
        )
    return found


def _close_by_minhash(database: sqlite3.Connection, pairs: np.ndarray) -> np.ndarray:
    """Which candidate pairs MinHash (datasketch) estimates to be variants of one passage:
    vectorised over every pair, for whole-corpus builds."""
    from pitlint.reuse.signatures import VARIANT_THRESHOLD, similarity

    ids = [int(p) for p in np.unique(pairs)]
    signature = _signatures(database, ids)
    position = {passage: row for row, passage in enumerate(ids)}
    matrix = np.vstack([signature[passage] for passage in ids])
    close = np.zeros(len(pairs), dtype=bool)
    for start in range(0, len(pairs), 500_000):  # bounded memory for corpora with many pairs
        chunk = pairs[start : start + 500_000]
        rows_a = np.fromiter((position[int(a)] for a in chunk[:, 0]), dtype=np.int64, count=len(chunk))
        rows_b = np.fromiter((position[int(b)] for b in chunk[:, 1]), dtype=np.int64, count=len(chunk))
        close[start : start + len(chunk)] = similarity(matrix[rows_a], matrix[rows_b]) >= VARIANT_THRESHOLD
    return close


def _close_by_ratio(database: sqlite3.Connection, pairs: np.ndarray) -> np.ndarray:
    """Which candidate pairs are copies of each other by the test `check` applies (rapidfuzz
    ratio >= 85): for the few pairs one new PIT brings, where importing datasketch (and scipy)
    would cost more than the whole comparison."""
    from rapidfuzz import fuzz

    ids = [int(p) for p in np.unique(pairs)]
    norms: dict[int, str] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        norms.update(database.execute(f"SELECT id, norm FROM passages WHERE id IN ({marks})", chunk))
    return np.array([fuzz.ratio(norms[int(a)], norms[int(b)]) >= 85 for a, b in pairs], dtype=bool)


def _group_variants(database: sqlite3.Connection, pairs: np.ndarray, close: Callable = _close_by_minhash) -> int:
    """Join the candidate pairs that ``close`` says are variants of one passage. Each passage's
    ``variant_group`` is the smallest id in its group; groups that a new passage bridges are
    merged. Returns how many pairs were joined."""
    if not len(pairs):
        return 0
    ids = [int(p) for p in np.unique(pairs)]
    current: dict[int, int] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        current.update(database.execute(f"SELECT id, variant_group FROM passages WHERE id IN ({marks})", chunk))
    groups = _Groups()
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


def _walk(folder: str, with_stats: bool) -> Iterator[tuple[str, int, int]]:
    """(relative path, size, modification time) of the corpus files under a folder, and
    (relative path + "/", 0, 0) of each sub-folder, walked with os.scandir.
    Without ``with_stats`` files are listed by name only (no system call per file)."""
    from pitlint.readers import READERS
    from pitlint.reuse.corpus import is_corpus_file

    folders = [folder]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith((".", "~$")):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
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


# -- writing ----------------------------------------------------------------------------------


def _save_segment(folder: Path, number: int, hashes: np.ndarray, owners: np.ndarray) -> tuple[str, str]:
    """Write segment ``number``'s two files, flushed to disk; returns their digests."""
    hash_file, owner_file = store.segment_files(number)
    digests = (
        store.write_array(folder / hash_file, hashes.astype(np.uint64)),
        store.write_array(folder / owner_file, owners.astype(np.uint32)),
    )
    store.sync_folder(folder)
    return digests


def _record_segment(database: sqlite3.Connection, number: int, fingerprints: int, digests: tuple[str, str]) -> None:
    database.execute(
        "INSERT INTO segments (id, fingerprints, hashes_digest, owners_digest) VALUES (?, ?, ?, ?)",
        (number, fingerprints, *digests),
    )


def _set_meta(database: sqlite3.Connection, **values: str | bytes | None) -> None:
    database.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


PARALLEL_FROM = 200  # documents; below this, starting worker processes costs more than it saves


def _load_one(job: tuple[Path, str, dict | None]) -> CorpusDocument | str:
    path, label, manifest = job
    try:
        return load_document(path, label, manifest)
    except ReadError as error:
        return str(error)


def _load_all(files: list[tuple[Path, str]], manifest: dict | None) -> Iterator[tuple[Path, CorpusDocument | str]]:
    """Documents read and split in order; in worker processes when there are many (reading is
    most of a build's time), while this process writes the index."""
    jobs = [(path, label, manifest) for path, label in files]
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for job in jobs:
            yield job[0], _load_one(job)
        return
    from concurrent.futures import ProcessPoolExecutor

    from pitlint.workers import start_worker

    pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(),))
    try:
        for batch in range(0, len(jobs), 2000):  # bounded: results wait in memory until written
            part = jobs[batch : batch + 2000]
            for job, loaded in zip(part, pool.map(_load_one, part, chunksize=32), strict=True):
                yield job[0], loaded
    finally:  # interrupted or done: the work not started is dropped, and the workers end
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class BuildResult:
    documents: int
    passages: int
    fingerprints: int
    skipped: list[str]  # "path: reason" for files that could not be read
    seconds: float


def build(
    corpus: Path,
    index: Path,
    *,
    files: list[tuple[Path, str]] | None = None,
    manifest: dict | None = None,
    progress: Progress | None = None,
    keep_existing: bool = False,
    notify: Notify | None = None,
    wait: float = WAIT,
) -> BuildResult:
    """Index every PIT in ``corpus`` into the folder ``index``. The new index is written beside
    the old one and swapped in whole (an interrupted build leaves the old one in use), holding
    the writer lock throughout, so that an add never lands in an index about to be replaced.
    With ``keep_existing`` (a cache entry, whose content is fixed by its key, and never added
    to), an index another process finished first is kept and this one discarded."""
    from pitlint.reuse.corpus import load_folder

    started = time.perf_counter()
    if files is None:
        files, manifest = load_folder(corpus)
    index = index.resolve()
    if keep_existing:
        index.parent.mkdir(parents=True, exist_ok=True)
        staging, counts = _stage(corpus, index, files, manifest, progress)
        _install(staging, index)
    else:
        with _locked_target(index, notify, wait):
            _remove_abandoned(index)
            staging, counts = _stage(corpus, index, files, manifest, progress)
            pause_for_tests("built")
            _swap(staging, index)
    return BuildResult(*counts, time.perf_counter() - started)


def _stage(
    corpus: Path, index: Path, files: list[tuple[Path, str]], manifest: dict | None, progress: Progress | None
) -> tuple[Path, tuple[int, int, int, list[str]]]:
    """A complete index in a new folder beside ``index``, flushed to disk."""
    staging = index.with_name(f".{index.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        counts = _write_index(staging, corpus, files, manifest, progress)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, counts


def _write_index(
    folder: Path, corpus: Path, files: list[tuple[Path, str]], manifest: dict | None, progress: Progress | None
) -> tuple[int, int, int, list[str]]:
    """Write an index of ``files`` into the empty ``folder``: database, arrays, then the header.
    Returns (documents, passages, fingerprints, skipped)."""
    build_id = secrets.token_hex(16)
    database = sqlite3.connect(folder / DATABASE)
    try:
        database.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        writer = _Writer(database, np.zeros(0, dtype=np.uint64), empty=True)
        skipped: list[str] = []
        for done, (path, loaded) in enumerate(_load_all(files, manifest), start=1):
            if isinstance(loaded, str):
                skipped.append(loaded)
            elif not writer.add(loaded):
                skipped.append(f"{path}: {ALREADY_INDEXED}")
            if progress:
                progress(done, len(files))
        hashes, owners = writer.finish()
        used_by = np.zeros(writer.next_passage, dtype=np.int64)
        for passage, count in writer.document_counts.items():
            used_by[passage] = count
        hashes, owners, capped = _cap(hashes, owners, used_by)
        _group_variants(database, _star_pairs(hashes, owners))
        _record_segment(database, 0, len(hashes), _save_segment(folder, 0, hashes, owners))
        listing = folder_listing(corpus) if corpus else None
        _set_meta(database, build=build_id, capped=capped.astype("<u8").tobytes(), corpus_listing=listing)
        database.commit()
        documents, passages = database.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages)"
        ).fetchone()
    finally:
        database.close()
    _sync_file(folder / DATABASE)
    (folder / LOCK).touch()
    built = {"k": fp.K, "w": fp.W, "build": build_id, "built": time.strftime("%Y-%m-%dT%H:%M:%S")}
    store.write_header(folder, {**built, "corpus": str(corpus.resolve()) if corpus else None})
    store.sync_folder(folder)
    return documents, passages, len(hashes), skipped


@contextlib.contextmanager
def _locked_target(index: Path, notify: Notify | None, wait: float) -> Iterator[None]:
    """Hold the writer lock of ``index``: a folder that is not an index is refused, and one made
    here only to hold the lock is removed again if the build fails."""
    if index.exists() and not is_index(index) and _holds_other_files(index):
        raise CorpusError(f"{index}: exists and is not a pitlint index; choose another --index")
    created = not index.exists()
    index.mkdir(parents=True, exist_ok=True)
    try:
        with WriterLock(index, "corpus build", notify=notify, wait=wait):
            yield
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                (index / LOCK).unlink()
                index.rmdir()
        raise


def _holds_other_files(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(entry.name != LOCK for entry in entries)
    except NotADirectoryError:
        return True


def _remove_abandoned(index: Path) -> None:
    """Remove what killed builds of ``index`` left beside it (their process is gone)."""
    pattern = re.compile(rf"\.{re.escape(index.name)}\.(?:building|old)-(\d+)")
    with os.scandir(index.parent) as entries:
        abandoned = [Path(e.path) for e in entries if (m := pattern.fullmatch(e.name)) and not _running(int(m[1]))]
    for folder in abandoned:
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(new: Path, index: Path) -> None:
    """Put the finished index ``new`` where ``index`` is: in one step where the system can
    (Linux's renameat2 exchange), so that the path always holds a whole index; elsewhere in two
    renames, a moment apart."""
    if _exchange(new, index):
        old = new
    else:
        old = index.with_name(f".{index.name}.old-{os.getpid()}")
        os.replace(index, old)
        os.replace(new, index)
    store.sync_folder(index.parent)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library without it (glibc before 2.28, musl)
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # a file system without it
        return False
    raise OSError(error, os.strerror(error), str(second))


def _install(new: Path, index: Path) -> None:
    """Rename a finished index into place unless one is there already (renaming a folder onto a
    folder that is not empty fails atomically, so concurrent builders never mix their files)."""
    try:
        os.rename(new, index)
    except OSError:
        if not is_index(index):
            raise
        shutil.rmtree(new, ignore_errors=True)


def add(
    index_path: Path,
    files: list[tuple[Path, str]],
    progress: Progress | None = None,
    *,
    notify: Notify | None = None,
    wait: float = WAIT,
) -> tuple[list[str], list[str]]:
    """Add newly issued PITs to an index without rebuilding it. The files are read first; then,
    holding the writer lock, the index is checked thoroughly and the new segment and documents
    are committed together. Returns (added, skipped)."""
    read_header(index_path)  # an old or damaged index is refused before any file is read
    documents = read_documents(files, progress)
    with WriterLock(index_path, "corpus add", notify=notify, wait=wait):
        return _add_locked(index_path, documents)


def read_documents(files: list[tuple[Path, str]], progress: Progress | None) -> list[tuple[Path, CorpusDocument | str]]:
    """Each file read and split, or the one-line reason it could not be."""
    documents: list[tuple[Path, CorpusDocument | str]] = []
    for done, (path, label) in enumerate(files, start=1):
        try:
            documents.append((path, load_document(path, label)))
        except ReadError as error:
            documents.append((path, str(error)))
        if progress:
            progress(done, len(files))
    return documents


def _add_locked(folder: Path, documents: list[tuple[Path, CorpusDocument | str]]) -> tuple[list[str], list[str]]:
    """The add itself, in one database transaction; the caller holds the writer lock."""
    database = _connect(folder, write=True)
    added: list[str] = []
    added_paths: list[Path] = []
    skipped: list[str] = []
    try:
        with _errors(folder):
            database.execute("BEGIN IMMEDIATE")
            opened = Index.load(folder, read_header(folder), database, thorough=True)
            _remove_unlisted(folder, opened.segment_numbers)
            pause_for_tests("verified")
            writer = _Writer(database, opened.capped, empty=False)
            for path, document in documents:
                if isinstance(document, str):
                    skipped.append(document)
                elif writer.add(document):
                    added.append(document.name)
                    added_paths.append(path)
                else:
                    skipped.append(f"{path}: {ALREADY_INDEXED}")
            hashes, owners = writer.finish()
            pause_for_tests("written")
            if len(hashes):
                number = max(opened.segment_numbers, default=-1) + 1
                digests = _save_segment(folder, number, hashes, owners)
                pause_for_tests("segment")
                _record_segment(database, number, len(hashes), digests)
                pairs = opened.with_segment(hashes, owners).variant_pairs(writer.new_passages)
                _group_variants(database, pairs, _close_by_ratio)
            _refresh_listing(database, opened, added_paths)
            database.commit()
            pause_for_tests("committed")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            database.rollback()
        raise
    finally:
        database.close()
    return added, skipped


def _remove_unlisted(folder: Path, listed: Iterable[int]) -> None:
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


def _refresh_listing(database: sqlite3.Connection, opened: Index, added: list[Path]) -> None:
    """PITs saved into the corpus folder and added here keep the index up to date with it."""
    corpus = opened.header["corpus"]
    if not corpus or opened.corpus_listing is None or not Path(corpus).is_dir():
        return
    if any(str(path.resolve()).startswith(corpus + os.sep) for path in added):
        _set_meta(database, corpus_listing=folder_listing(Path(corpus)))


# -- reading ----------------------------------------------------------------------------------


class CorpusIndex(Protocol):
    """What checks ask of an index: the embedded `Index` and the shared
    `pitlint.reuse.shared.RedisIndex` answer alike."""

    path: Path | str
    header: dict

    def close(self) -> None: ...
    def read_consistently(self, reading: Callable[[], T]) -> T: ...
    def lookup(self, prints: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]: ...
    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]: ...
    def top_variants(self, group: int, count: int = 3) -> list[Passage]: ...
    def top_variants_of(self, groups: Iterable[int], count: int = 3) -> dict[int, list[Passage]]: ...
    def group_documents(self, group: int) -> int: ...
    def occurrences(
        self, passages: Iterable[int], limit: int | None = None, exclude: int | None = None
    ) -> dict[int, list[Occurrence]]: ...
    def known_words(self, words: Iterable[str]) -> set[str]: ...
    def document_passages(self, document: int) -> set[int]: ...
    def document_with_digest(self, digest: str) -> tuple[int, str] | None: ...
    def reference(self, name: str) -> str | None: ...
    @property
    def document_count(self) -> int: ...
    def stats(self, top: int = 10) -> IndexStats: ...


BUSY_SECONDS = 30  # how long a reader waits for a writer's commit
_BUSY, _LOCKED, _READONLY, _FULL = 5, 6, 8, 13  # SQLite's primary result codes


def read_header(path: Path) -> dict:
    """An index's header, checked (`pitlint.reuse.store.read_header`) and built with this
    pitlint's fingerprint settings."""
    header = store.read_header(path)
    if header["k"] != fp.K or header["w"] != fp.W:
        raise CorpusError(f"{path}: built with other fingerprint settings; rebuild it with `pitlint corpus build`")
    return header


@contextlib.contextmanager
def _errors(folder: Path) -> Iterator[None]:
    """SQLite's errors as people's: a database busy, read-only or on a full disk says so; any
    other error means the file is not what pitlint wrote."""
    try:
        yield
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+; the message before that
        primary = code & 0xFF if isinstance(code, int) else _code_from_message(str(error))
        if primary in (_BUSY, _LOCKED):
            raise CorpusError(
                f"the index at {folder} is busy: another process held its database for {BUSY_SECONDS} s; try again"
            ) from None
        if primary == _READONLY:
            raise CorpusError(f"the index at {folder} cannot be written: its database is read-only") from None
        if primary == _FULL:
            raise CorpusError(f"the index at {folder} cannot be written: the disk is full") from None
        raise DamagedIndex(folder, f"{DATABASE}: {error}") from None


def _code_from_message(message: str) -> int | None:
    if "locked" in message:
        return _BUSY
    if "readonly" in message:
        return _READONLY
    return _FULL if "disk is full" in message else None


def _guarded(method: Callable[Concatenate[Index, P], R]) -> Callable[Concatenate[Index, P], R]:
    """An `Index` method whose SQLite errors are `_errors`' (damage found mid-check is one line)."""

    @functools.wraps(method)
    def guarded(self: Index, *args: P.args, **kwargs: P.kwargs) -> R:
        with _errors(self.path):
            return method(self, *args, **kwargs)

    return guarded


def _connect(folder: Path, *, write: bool) -> sqlite3.Connection:
    """The index's database. Opened read-write wherever the file allows, even to read, so that a
    reader rolls back what a killed writer left in the journal; query-only unless ``write``."""
    file = folder / DATABASE
    try:
        regular = stat.S_ISREG(os.lstat(file).st_mode)
    except OSError as error:
        raise DamagedIndex(folder, f"{DATABASE}: {error.strerror or error}") from None
    if not regular:
        raise DamagedIndex(folder, f"{DATABASE} is not a regular file")
    with _errors(folder):
        database = sqlite3.connect(f"{file.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_SECONDS)
        if not write:
            database.execute("PRAGMA query_only = ON")
    return database


@contextlib.contextmanager
def _snapshot(database: sqlite3.Connection) -> Iterator[None]:
    """Several reads of one state of the database (inside the caller's transaction, if any)."""
    if database.in_transaction:
        yield
        return
    database.execute("BEGIN")
    try:
        yield
    finally:
        database.execute("COMMIT")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


@dataclass(frozen=True)
class _Meta:
    build: str
    capped: np.ndarray
    corpus_listing: str | None


def _read_meta(folder: Path, database: sqlite3.Connection) -> _Meta:
    values = dict(database.execute("SELECT key, value FROM meta LIMIT 100").fetchall())
    build, capped, listing = values.get("build"), values.get("capped"), values.get("corpus_listing")
    if not (isinstance(build, str) and store.is_digest(build)):
        raise DamagedIndex(folder, "no build id in the database")
    if not (isinstance(capped, bytes) and len(capped) % 8 == 0):
        raise DamagedIndex(folder, "the capped fingerprints are not an array")
    if not (listing is None or (isinstance(listing, str) and len(listing) <= 64)):
        raise DamagedIndex(folder, "the corpus listing is not a signature")
    values = np.frombuffer(capped, dtype="<u8")
    if not store.ascending(values, None):
        raise DamagedIndex(folder, "the capped fingerprints are out of order")
    return _Meta(build, values, listing)


def _segment_files(folder: Path, database: sqlite3.Connection) -> list[tuple[int, store.ArrayFile, store.ArrayFile]]:
    """The segments the database lists: number, and its two array files, checked for type and bounds."""
    rows = database.execute(
        "SELECT id, fingerprints, hashes_digest, owners_digest FROM segments ORDER BY id LIMIT ?",
        (store.MAX_SEGMENTS + 1,),
    ).fetchall()
    if len(rows) > store.MAX_SEGMENTS:
        raise DamagedIndex(folder, f"more than {store.MAX_SEGMENTS} segments")
    files = []
    for number, count, hashes_digest, owners_digest in rows:
        if not (
            type(number) is int
            and 0 <= number < 10**9
            and type(count) is int
            and 0 <= count <= store.MAX_FINGERPRINTS
            and isinstance(hashes_digest, str)
            and isinstance(owners_digest, str)
            and store.is_digest(hashes_digest)
            and store.is_digest(owners_digest)
        ):
            raise DamagedIndex(folder, "a segment row of the wrong types or out of range")
        hash_file, owner_file = store.segment_files(number)
        files.append(
            (
                number,
                store.ArrayFile(hash_file, np.dtype("<u8"), count, hashes_digest),
                store.ArrayFile(owner_file, np.dtype("<u4"), count, owners_digest),
            )
        )
    return files


def _quick_check(folder: Path, database: sqlite3.Connection) -> None:
    found = database.execute("PRAGMA quick_check(1)").fetchall()
    if found != [("ok",)]:
        raise DamagedIndex(folder, f"{DATABASE}: {found[0][0] if found else 'no answer'} (quick_check)")


def _typed(folder: Path, row: Sequence, types: tuple[type | tuple[type, ...], ...]) -> tuple:
    """A database row whose values have the types pitlint wrote, or `DamagedIndex`."""
    if len(row) != len(types) or not all(isinstance(value, kind) for value, kind in zip(row, types, strict=False)):
        raise DamagedIndex(folder, f"{DATABASE}: a row of the wrong types")
    return tuple(row)


_PASSAGE = (int, str, str, int, int, int)
_OCCURRENCE = (int, str, int, int, int)


class Index:
    """An open index: the database (query-only to check drafts), the fingerprint segments
    memory-mapped."""

    def __init__(
        self,
        path: Path,
        header: dict,
        database: sqlite3.Connection,
        segments: list[tuple[np.ndarray, np.ndarray]],
        *,
        segment_numbers: list[int],
        meta: _Meta,
        passage_bound: int,
    ) -> None:
        self.path = path
        self.header = header
        self.db = database
        self.segments = segments
        self.segment_numbers = segment_numbers
        self.capped = meta.capped
        self.corpus_listing = meta.corpus_listing
        self.passage_bound = passage_bound  # passages 0 .. bound - 1 exist; the arrays name no other
        self._meta = meta

    @classmethod
    def open(cls, path: Path, *, thorough: bool = False) -> Index:
        """Open and check an index for reading (``thorough``: every byte, see the module's
        docstring). If a build swaps the folder meanwhile, opening starts again on the new one."""
        for _ in range(3):
            before = _identity(path)
            try:
                opened = cls._open_once(path, thorough)
            except CorpusError:
                if _identity(path) == before:
                    raise
                continue
            if _identity(path) == before:
                return opened
            opened.close()
        raise CorpusError(f"the index at {path} was replaced three times while opening it; try again")

    @classmethod
    def _open_once(cls, path: Path, thorough: bool) -> Index:
        header = read_header(path)
        database = _connect(path, write=False)
        try:
            return cls.load(path, header, database, thorough=thorough)
        except BaseException:
            database.close()
            raise

    @classmethod
    def load(cls, path: Path, header: dict, database: sqlite3.Connection, *, thorough: bool) -> Index:
        """An index over an open ``database``, checked against ``header``."""
        with _errors(path), _snapshot(database):
            if thorough:
                _quick_check(path, database)
            meta = _read_meta(path, database)
            if meta.build != header["build"]:
                raise DamagedIndex(path, "the database is not the one the header was written with")
            files = _segment_files(path, database)
            row = database.execute("SELECT COALESCE(MAX(id) + 1, 0) FROM passages").fetchone()
            bound = _typed(path, row, (int,))[0]  # the arrays may name passages below this
        segments = [
            (
                store.open_array(path, hashes, store.ascending, thorough=thorough),
                store.open_array(path, owners, store.below(bound), thorough=thorough),
            )
            for _, hashes, owners in files
        ]
        numbers = [number for number, _, _ in files]
        return cls(path, header, database, segments, segment_numbers=numbers, meta=meta, passage_bound=bound)

    def with_segment(self, hashes: np.ndarray, owners: np.ndarray) -> Index:
        """This index with one more segment (in memory), for an add's variant grouping."""
        return Index(
            self.path,
            self.header,
            self.db,
            [*self.segments, (hashes, owners)],
            segment_numbers=self.segment_numbers,
            meta=self._meta,
            passage_bound=self.passage_bound,
        )

    def close(self) -> None:
        self.db.close()

    @_guarded
    def read_consistently(self, reading: Callable[[], T]) -> T:
        """Run several reads on one snapshot of the database (an `add` that commits meanwhile is
        seen by the next reading, not half-way through this one)."""
        with _snapshot(self.db):
            return reading()

    # candidates

    def lookup(self, prints: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For query fingerprints ``prints`` belonging to query items ``owners``, every
        (item, passage) pair that shares a fingerprint, once per shared fingerprint."""
        items, found = [], []
        for hashes, passages in self.segments:
            left = np.searchsorted(hashes, prints, side="left")
            right = np.searchsorted(hashes, prints, side="right")
            counts = right - left
            total = int(counts.sum())
            if not total:
                continue
            starts = np.repeat(left - (np.cumsum(counts) - counts), counts)
            positions = starts + np.arange(total)
            items.append(np.repeat(owners, counts))
            found.append(np.asarray(passages[positions]))
        if not items:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(items).astype(np.int64), np.concatenate(found).astype(np.int64)

    @_guarded
    def variant_pairs(self, passages: Sequence[int]) -> np.ndarray:
        """Candidate variant pairs between the given passages and any other passage."""
        if not passages:
            return np.zeros((0, 2), dtype=np.uint32)
        ids = list(passages)
        rows = self.passages(ids, with_text=False)
        prints, owners = fp.fingerprints_of_many([rows[passage].norm.split() for passage in ids])
        items, found = self.lookup(prints, owners)
        pairs = np.stack([np.asarray(ids, dtype=np.int64)[items], found], axis=1)
        pairs = pairs[pairs[:, 0] != pairs[:, 1]]
        pairs.sort(axis=1)
        return np.unique(pairs, axis=0).astype(np.uint32) if len(pairs) else np.zeros((0, 2), dtype=np.uint32)

    # rows

    @_guarded
    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]:
        """Passages by id; without their original text (left empty) when only comparing. Ids
        run from 0 without gaps, so a missing one below the count the index was opened with is
        damage (the arrays point to it; a check would fail on it)."""
        wanted = sorted({int(i) for i in ids})
        rows: dict[int, Passage] = {}
        text = "text" if with_text else "''"
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, {text}, norm, words, documents, variant_group FROM passages WHERE id IN ({marks})", chunk
            ):
                rows[row[0]] = Passage(*_typed(self.path, row, _PASSAGE))
        if len(rows) != len(wanted) and any(i not in rows for i in wanted if i < self.passage_bound):
            raise DamagedIndex(self.path, f"{DATABASE}: passages the fingerprints point to are missing")
        return rows

    @_guarded
    def group_members(self, groups: Iterable[int]) -> dict[int, list[Passage]]:
        """Every variant of each group (for statistics; a popular passage can have thousands)."""
        wanted = sorted({int(g) for g in groups})
        members: dict[int, list[Passage]] = {group: [] for group in wanted}
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, text, norm, words, documents, variant_group FROM passages "
                f"WHERE variant_group IN ({marks})",
                chunk,
            ):
                members[row[5]].append(Passage(*_typed(self.path, row, _PASSAGE)))
        return members

    @_guarded
    def top_variants(self, group: int, count: int = 3) -> list[Passage]:
        """The variants of a group used by the most documents."""
        return [
            Passage(*_typed(self.path, row, _PASSAGE))
            for row in self.db.execute(
                "SELECT id, text, norm, words, documents, variant_group FROM passages WHERE variant_group = ? "
                "ORDER BY documents DESC, id LIMIT ?",
                (group, count),
            )
        ]

    def top_variants_of(self, groups: Iterable[int], count: int = 3) -> dict[int, list[Passage]]:
        """``top_variants`` of several groups."""
        return {group: self.top_variants(group, count) for group in set(groups)}

    @_guarded
    def group_documents(self, group: int) -> int:
        """How many document uses a group's variants have in all."""
        row = self.db.execute("SELECT SUM(documents) FROM passages WHERE variant_group = ?", (group,))
        return int(row.fetchone()[0] or 0)

    @_guarded
    def occurrences(
        self, passages: Iterable[int], limit: int | None = None, exclude: int | None = None
    ) -> dict[int, list[Occurrence]]:
        """Where passages are used, in document order: all of it, or the first ``limit`` uses of
        each (a boilerplate sentence may be in every PIT), leaving out document ``exclude``."""
        wanted = sorted({int(p) for p in passages})
        found: dict[int, list[Occurrence]] = {passage: [] for passage in wanted}
        query = (
            "SELECT o.passage, d.name, o.document, o.paragraph, o.sentence FROM occurrences o "
            "JOIN documents d ON d.id = o.document WHERE o.passage = ? AND o.document != ? "
            "ORDER BY o.document LIMIT ?"
        )
        for passage in wanted:
            for row in self.db.execute(query, (passage, -1 if exclude is None else exclude, limit or -1)):
                found[passage].append(Occurrence(*_typed(self.path, row, _OCCURRENCE)))
        return found

    @_guarded
    def known_words(self, words: Iterable[str]) -> set[str]:
        """Which of these words the corpus of issued PITs uses."""
        wanted = sorted(set(words))
        found: set[str] = set()
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0] for row in self.db.execute(f"SELECT word FROM vocabulary WHERE word IN ({marks})", chunk)
            )
        return found

    @_guarded
    def document_passages(self, document: int) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT passage FROM occurrences WHERE document = ?", (document,))}

    @_guarded
    def document_with_digest(self, digest: str) -> tuple[int, str] | None:
        row = self.db.execute("SELECT id, name FROM documents WHERE digest = ?", (digest,)).fetchone()
        return _typed(self.path, row, (int, str)) if row else None

    @_guarded
    def reference(self, name: str) -> str | None:
        row = self.db.execute("SELECT reference FROM documents WHERE name = ?", (name,)).fetchone()
        return _typed(self.path, row, ((str, type(None)),))[0] if row else None

    @property
    @_guarded
    def document_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    @_guarded
    def stats(self, top: int = 10) -> IndexStats:
        """Counts, and the ``top`` passages used by the most documents, with their variants."""
        fingerprints = sum(len(hashes) for hashes, _ in self.segments)
        groups = self.db.execute(
            "SELECT p.variant_group, COUNT(DISTINCT o.document) AS used FROM passages p "
            "JOIN occurrences o ON o.passage = p.id GROUP BY p.variant_group HAVING used >= 2 "
            "ORDER BY used DESC, COUNT(DISTINCT p.id) DESC, p.variant_group LIMIT ?",
            (top,),
        ).fetchall()
        members = self.group_members(group for group, _ in groups)
        used = self.occurrences((p.id for found in members.values() for p in found), limit=6)
        reused = []
        for group, documents in groups:
            variants = [Variant(p.text, p.documents, [o.document for o in used[p.id]]) for p in members[group]]
            variants.sort(key=lambda variant: (-variant.documents, variant.text))
            reused.append(ReusedPassage(int(documents), variants))
        return IndexStats(
            path=str(self.path),
            built=self.header.get("built"),
            corpus=self.header.get("corpus"),
            documents=self.document_count,
            passages=int(self.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]),
            fingerprints=fingerprints,
            segments=len(self.segments),
            reused=reused,
        )


@dataclass(frozen=True)
class Variant:
    text: str
    documents: int  # how many documents use this wording
    examples: list[str]  # the first of them


@dataclass(frozen=True)
class ReusedPassage:
    documents: int  # how many documents use any variant
    variants: list[Variant]  # most used first


@dataclass(frozen=True)
class IndexStats:
    path: str
    built: str | None
    corpus: str | None
    documents: int
    passages: int
    fingerprints: int
    segments: int  # files of fingerprints in a folder index; buckets on a server
    reused: list[ReusedPassage]
    storage: str = "folder"  # or "redis"
