"""An index's database, opened as untrusted input: its schema, the connection, SQLite's errors as
one line each, and the checked reading of what says which arrays belong to it (its build id,
capped fingerprints, corpus listing and segments)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pitlint.errors import CorpusError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse import store
from pitlint.reuse.store import DATABASE, HEADER, DamagedIndex

TABLES = """
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
CREATE TABLE occurrences (
    document INTEGER NOT NULL, paragraph INTEGER NOT NULL, sentence INTEGER NOT NULL, passage INTEGER NOT NULL,
    PRIMARY KEY (document, paragraph, sentence)
) WITHOUT ROWID;
CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# secondary indexes a build creates once its rows are in (sorting once beats growing them row by row);
# documents_digest is wanted while documents go in, to find one already indexed
INDEXES = """
CREATE INDEX passages_group ON passages (variant_group, documents DESC);
CREATE INDEX occurrences_passage ON occurrences (passage, document);
"""
SCHEMA = TABLES + INDEXES
# The key columns of occurrences come first: SQLite 3.40's quick_check reports "NULL value" for
# a NOT NULL column placed before the primary key of a WITHOUT ROWID table.


def is_index(path: Path) -> bool:
    """Whether ``path`` holds an index, whole or damaged (a folder with the database but no
    header is a damaged index, not a folder of PITs to index)."""
    return (path / HEADER).is_file() or (path / DATABASE).is_file()


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
def sqlite_errors(folder: Path) -> Iterator[None]:
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


def connect(folder: Path, *, write: bool) -> sqlite3.Connection:
    """The index's database. Opened read-write wherever the file allows, even to read, so that a
    reader rolls back what a killed writer left in the journal; query-only unless ``write``."""
    file = folder / DATABASE
    try:
        regular = stat.S_ISREG(os.lstat(file).st_mode)
    except OSError as error:
        raise DamagedIndex(folder, f"{DATABASE}: {error.strerror or error}") from None
    if not regular:
        raise DamagedIndex(folder, f"{DATABASE} is not a regular file")
    with sqlite_errors(folder):
        database = sqlite3.connect(f"{file.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_SECONDS)
        if not write:
            database.execute("PRAGMA query_only = ON")
    return database


@contextlib.contextmanager
def snapshot(database: sqlite3.Connection) -> Iterator[None]:
    """Several reads of one state of the database (inside the caller's transaction, if any)."""
    if database.in_transaction:
        yield
        return
    database.execute("BEGIN")
    try:
        yield
    finally:
        database.execute("COMMIT")


MAX_STAMPS = 16 * 2**20  # characters of folder times kept: about 300,000 folders


@dataclass(frozen=True)
class Meta:
    build: str
    capped: array  # fingerprints too common to list (64-bit, sorted)
    corpus_listing: str | None
    corpus_stamps: str | None = None  # each corpus folder's modification time, as JSON (`listing.unchanged`)


def read_meta(folder: Path, database: sqlite3.Connection) -> Meta:
    values = dict(database.execute("SELECT key, value FROM meta LIMIT 100").fetchall())
    build, capped, listing = values.get("build"), values.get("capped"), values.get("corpus_listing")
    if not (isinstance(build, str) and store.is_digest(build)):
        raise DamagedIndex(folder, "no build id in the database")
    if not (isinstance(capped, bytes) and len(capped) % 8 == 0):
        raise DamagedIndex(folder, "the capped fingerprints are not an array")
    if not (listing is None or (isinstance(listing, str) and len(listing) <= 64)):
        raise DamagedIndex(folder, "the corpus listing is not a signature")
    stamps = values.get("corpus_stamps")
    if not (stamps is None or (isinstance(stamps, str) and len(stamps) <= MAX_STAMPS)):
        raise DamagedIndex(folder, "the corpus folders' times are not text")
    capped_values = store.read_u64(capped)
    view, before = memoryview(capped_values), None
    for start in range(0, len(view), store.CHUNK):  # in chunks: a hostile blob may be a gigabyte
        chunk = view[start : start + store.CHUNK]
        if not store.ascending(chunk, before):
            raise DamagedIndex(folder, "the capped fingerprints are out of order")
        before = chunk[-1]
    return Meta(build, capped_values, listing, stamps)


def listed_segments(folder: Path, database: sqlite3.Connection) -> list[tuple[int, store.ArrayFile, store.ArrayFile]]:
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
                store.ArrayFile(hash_file, "Q", count, hashes_digest),
                store.ArrayFile(owner_file, "I", count, owners_digest),
            )
        )
    return files


def quick_check(folder: Path, database: sqlite3.Connection) -> None:
    found = database.execute("PRAGMA quick_check(1)").fetchall()
    if found != [("ok",)]:
        raise DamagedIndex(folder, f"{DATABASE}: {found[0][0] if found else 'no answer'} (quick_check)")


def typed(folder: Path, row: Sequence, types: tuple[type | tuple[type, ...], ...]) -> tuple:
    """A database row whose values have the types pitlint wrote, or `DamagedIndex`. (Checks read
    thousands of rows: the usual case, each value of exactly its type, is tested at C speed.)"""
    if tuple(map(type, row)) == types:
        return tuple(row)
    if len(row) != len(types) or not all(isinstance(value, kind) for value, kind in zip(row, types, strict=False)):
        raise DamagedIndex(folder, f"{DATABASE}: a row of the wrong types")
    return tuple(row)


def record_segment(database: sqlite3.Connection, number: int, fingerprints: int, digests: tuple[str, str]) -> None:
    database.execute(
        "INSERT INTO segments (id, fingerprints, hashes_digest, owners_digest) VALUES (?, ?, ?, ?)",
        (number, fingerprints, *digests),
    )


def set_meta(database: sqlite3.Connection, **values: str | bytes | None) -> None:
    database.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))
