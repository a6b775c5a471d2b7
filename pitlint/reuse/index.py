"""The corpus index: built once, opened without loading it whole, safe to open from an
untrusted file (SQLite and .npy arrays read with allow_pickle=False; no pickle anywhere).

An index is a folder:

- ``pitlint-index.json``: format version, parameters, segment list, what corpus it came from;
- ``index.sqlite``: documents, unique passages (identical sentences collapsed into one, with the
  number of documents using it and its variant group) and every occurrence of each passage;
- ``fp-N.hash.npy`` / ``fp-N.passage.npy``: a segment of fingerprints, sorted by hash, mapped
  into memory and searched with binary search. ``build`` writes one segment; ``add`` appends a
  small one, so adding a PIT never rewrites the large arrays;

Variant groups: ``build`` compares every candidate pair at once with MinHash signatures
(datasketch); ``add`` compares the few pairs a new PIT brings with rapidfuzz, the same test
`check` uses, since importing datasketch alone would take most of a one-second add.
- ``capped.npy``: fingerprints shared by so many different passages (every edited copy of one
  boilerplate sentence, or a stock phrase) that only the MAX_POSTINGS passages used by the most
  documents are kept for them: they find the boilerplate without flooding the candidates.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from pitlint.errors import CorpusError, ReadError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse.corpus import CorpusDocument, load_document

FORMAT = 2
HEADER = "pitlint-index.json"
DATABASE = "index.sqlite"
CAPPED = "capped.npy"
ALREADY_INDEXED = "already in the index (a document with the same text)"
MAX_POSTINGS = 50  # passages kept per fingerprint: those used by the most documents
Progress = Callable[[int, int], None]
T = TypeVar("T")

_SCHEMA = """
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
    passage INTEGER NOT NULL, document INTEGER NOT NULL, paragraph INTEGER NOT NULL, sentence INTEGER NOT NULL,
    PRIMARY KEY (document, paragraph, sentence)
) WITHOUT ROWID;
CREATE INDEX occurrences_passage ON occurrences (passage, document);
CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""


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
    return (path / HEADER).is_file()


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
        self.db.executemany("INSERT OR IGNORE INTO occurrences VALUES (?, ?, ?, ?)", occurrences)
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
    (relative path + "/", 0, modification time) of each sub-folder, walked with os.scandir.
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
                    yield entry.path[len(folder) :] + "/", 0, entry.stat().st_mtime_ns
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
        combined ^= int.from_bytes(hashlib.blake2b(f"{name}\0{size}\0{modified}".encode(), digest_size=16).digest())
    manifest = folder / "manifest.json"
    if manifest.is_file():
        combined ^= int.from_bytes(hashlib.blake2b(manifest.read_bytes(), digest_size=16).digest())
    return f"{combined:032x}"


def folder_signature(folder: Path) -> str:
    """A signature of a corpus folder's content: its PITs' names, sizes and modification times
    (the key of the cache of indexes built for folders without one)."""
    return _combine(_walk(str(folder), with_stats=True), folder)


def folder_listing(folder: Path) -> str:
    """A cheaper signature, for telling whether an index is stale: the PITs' names and the
    modification times of the folders, which change whenever a PIT is added, removed, renamed or
    saved over (a PIT edited in place is seen at the next `corpus build`). A 100,000-PIT folder is
    listed in about a fifth of a second."""
    return _combine(_walk(str(folder), with_stats=False), folder)


def _write_header(index: Path, header: dict) -> None:
    temporary = index / f".{HEADER}.{os.getpid()}"
    temporary.write_text(json.dumps(header, indent=2), encoding="utf-8")
    os.replace(temporary, index / HEADER)


def _save_segment(index: Path, name: str, hashes: np.ndarray, owners: np.ndarray) -> None:
    np.save(index / f"{name}.hash.npy", hashes.astype(np.uint64), allow_pickle=False)
    np.save(index / f"{name}.passage.npy", owners.astype(np.uint32), allow_pickle=False)


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

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in range(0, len(jobs), 2000):  # bounded: results wait in memory until written
            part = jobs[batch : batch + 2000]
            for job, loaded in zip(part, pool.map(_load_one, part, chunksize=32), strict=True):
                yield job[0], loaded


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
) -> BuildResult:
    """Index every PIT in ``corpus`` into the folder ``index``, replacing what was there only
    once the new index is complete (an interrupted build leaves the old one usable). With
    ``keep_existing`` (a cache entry, whose content is fixed by its key), an index another
    process finished first is kept and this one discarded."""
    from pitlint.reuse.corpus import load_folder

    started = time.perf_counter()
    if files is None:
        files, manifest = load_folder(corpus)
    index = index.resolve()
    index.parent.mkdir(parents=True, exist_ok=True)
    staging = index.with_name(f".{index.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        database = sqlite3.connect(staging / DATABASE)
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
        database.commit()
        documents, passages = database.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages)"
        ).fetchone()
        database.close()
        _save_segment(staging, "fp-0", hashes, owners)
        np.save(staging / CAPPED, capped, allow_pickle=False)
        _write_header(
            staging,
            {
                "format": FORMAT,
                "k": fp.K,
                "w": fp.W,
                "segments": ["fp-0"],
                "corpus": str(corpus.resolve()) if corpus else None,
                "corpus_listing": folder_listing(corpus) if corpus else None,
                "documents": documents,
                "passages": passages,
                "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            },
        )
        if keep_existing:
            _install(staging, index)
        else:
            _replace(staging, index)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(documents, passages, len(hashes), skipped, time.perf_counter() - started)


def _install(new: Path, index: Path) -> None:
    """Rename a finished index into place unless one is there already (renaming a folder onto a
    folder that is not empty fails atomically, so concurrent builders never mix their files)."""
    try:
        os.rename(new, index)
    except OSError:
        if not is_index(index):
            raise
        shutil.rmtree(new, ignore_errors=True)


def _replace(new: Path, index: Path) -> None:
    """Put a finished index in place of the old one (if any)."""
    if index.exists() and not is_index(index) and any(index.iterdir()):
        raise CorpusError(f"{index}: exists and is not a pitlint index; choose another --index")
    old = index.with_name(f".{index.name}.old-{os.getpid()}")
    if index.exists():
        os.replace(index, old)
    os.replace(new, index)
    shutil.rmtree(old, ignore_errors=True)


def add(
    index_path: Path, files: list[tuple[Path, str]], progress: Progress | None = None
) -> tuple[list[str], list[str]]:
    """Add newly issued PITs to an index without rebuilding it: one small new segment, the
    database updated in one transaction, the header replaced last. Returns (added, skipped)."""
    Index.open(index_path).close()  # refuses a damaged or foreign index before writing to it
    database = sqlite3.connect(index_path / DATABASE, timeout=60)
    added: list[str] = []
    added_paths: list[Path] = []
    skipped: list[str] = []
    try:
        database.execute("BEGIN IMMEDIATE")  # one writer at a time; the header is read under the lock
        header = json.loads((index_path / HEADER).read_text(encoding="utf-8"))
        writer = _Writer(database, np.load(index_path / CAPPED, allow_pickle=False), empty=False)
        for done, (path, label) in enumerate(files, start=1):
            try:
                document = load_document(path, label)
            except ReadError as error:
                skipped.append(str(error))
                continue
            if writer.add(document):
                added.append(document.name)
                added_paths.append(path)
            else:
                skipped.append(f"{path}: {ALREADY_INDEXED}")
            if progress:
                progress(done, len(files))
        hashes, owners = writer.finish()
        if len(hashes):
            name = f"fp-{len(header['segments'])}-{os.getpid()}-{int(time.time())}"
            _save_segment(index_path, name, hashes, owners)
            header["segments"] = [*header["segments"], name]
            reopened = Index(index_path, header, database)
            pairs = reopened.variant_pairs(writer.new_passages)
            _group_variants(database, pairs, _close_by_ratio)
        header["documents"], header["passages"] = database.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages)"
        ).fetchone()
        corpus = header.get("corpus")
        inside = [p for p in added_paths if corpus and str(p.resolve()).startswith(str(Path(corpus)) + os.sep)]
        if inside and header.get("corpus_listing") and Path(corpus).is_dir():
            # PITs saved into the corpus folder and added here keep the index up to date with it
            header["corpus_listing"] = folder_listing(Path(corpus))
        database.commit()
        _write_header(index_path, header)
    except BaseException:
        database.rollback()
        raise
    finally:
        database.close()
    return added, skipped


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


def read_header(path: Path) -> dict:
    """An index's header, checked for its format and fingerprint settings (the database is not
    opened: enough to tell whether an index is usable and up to date)."""
    try:
        header = json.loads((path / HEADER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{path}: not a pitlint index (no {HEADER})") from None
    except (OSError, ValueError) as error:
        raise CorpusError(f"{path}: the index header is damaged ({error}); rebuild the index") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise CorpusError(
            f"{path}: index format {header.get('format') if isinstance(header, dict) else '?'} is not "
            f"format {FORMAT}; rebuild it with `pitlint corpus build`"
        )
    if header.get("k") != fp.K or header.get("w") != fp.W:
        raise CorpusError(f"{path}: built with other fingerprint settings; rebuild it with `pitlint corpus build`")
    return header


class Index:
    """An open index: the database read-only, the fingerprint segments memory-mapped."""

    def __init__(self, path: Path, header: dict, database: sqlite3.Connection) -> None:
        self.path = path
        self.header = header
        self.db = database
        self.segments: list[tuple[np.ndarray, np.ndarray]] = []
        for name in header.get("segments", []):
            try:
                hashes = np.load(path / f"{name}.hash.npy", mmap_mode="r", allow_pickle=False)
                owners = np.load(path / f"{name}.passage.npy", mmap_mode="r", allow_pickle=False)
            except (OSError, ValueError) as error:
                raise CorpusError(
                    f"{path}: fingerprint segment {name} is missing or damaged ({error}); "
                    "rebuild the index with `pitlint corpus build`"
                ) from None
            if hashes.dtype != np.uint64 or owners.dtype != np.uint32 or hashes.shape != owners.shape:
                raise CorpusError(f"{path}: fingerprint segment {name} is damaged; rebuild the index")
            self.segments.append((hashes, owners))

    @classmethod
    def open(cls, path: Path) -> Index:
        header = read_header(path)
        try:
            database = sqlite3.connect(f"file:{path / DATABASE}?mode=ro", uri=True, timeout=30)
            database.execute("SELECT COUNT(*) FROM documents").fetchone()
        except (sqlite3.Error, OSError, ValueError) as error:
            raise CorpusError(
                f"{path}: the index is damaged ({error}); rebuild it with `pitlint corpus build`"
            ) from None
        try:
            return cls(path, header, database)
        except CorpusError:
            database.close()
            raise

    def close(self) -> None:
        self.db.close()

    def read_consistently(self, reading: Callable[[], T]) -> T:
        """Run several reads on one snapshot of the database (an `add` that commits meanwhile is
        seen by the next reading, not half-way through this one)."""
        self.db.execute("BEGIN")
        try:
            return reading()
        finally:
            self.db.execute("COMMIT")

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

    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]:
        """Passages by id; without their original text (left empty) when only comparing."""
        wanted = sorted({int(i) for i in ids})
        rows: dict[int, Passage] = {}
        text = "text" if with_text else "''"
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, {text}, norm, words, documents, variant_group FROM passages WHERE id IN ({marks})", chunk
            ):
                rows[row[0]] = Passage(*row)
        return rows

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
                members[row[5]].append(Passage(*row))
        return members

    def top_variants(self, group: int, count: int = 3) -> list[Passage]:
        """The variants of a group used by the most documents."""
        return [
            Passage(*row)
            for row in self.db.execute(
                "SELECT id, text, norm, words, documents, variant_group FROM passages WHERE variant_group = ? "
                "ORDER BY documents DESC, id LIMIT ?",
                (group, count),
            )
        ]

    def top_variants_of(self, groups: Iterable[int], count: int = 3) -> dict[int, list[Passage]]:
        """``top_variants`` of several groups."""
        return {group: self.top_variants(group, count) for group in set(groups)}

    def group_documents(self, group: int) -> int:
        """How many document uses a group's variants have in all."""
        row = self.db.execute("SELECT SUM(documents) FROM passages WHERE variant_group = ?", (group,))
        return int(row.fetchone()[0] or 0)

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
                found[passage].append(Occurrence(*row))
        return found

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

    def document_passages(self, document: int) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT passage FROM occurrences WHERE document = ?", (document,))}

    def document_with_digest(self, digest: str) -> tuple[int, str] | None:
        row = self.db.execute("SELECT id, name FROM documents WHERE digest = ?", (digest,)).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def reference(self, name: str) -> str | None:
        row = self.db.execute("SELECT reference FROM documents WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    @property
    def document_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

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
