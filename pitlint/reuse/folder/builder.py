"""``build``: every PIT of a corpus into a new index folder, written beside the old one and
swapped in whole, under the writer lock."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import secrets
import shutil
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pitlint.errors import CorpusError, ReadError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse import store
from pitlint.reuse.corpus import CorpusDocument, load_document
from pitlint.reuse.folder.bulk import FingerprintRuns
from pitlint.reuse.folder.database import INDEXES, TABLES, connect, is_index, record_segment, set_meta
from pitlint.reuse.folder.grouping import group_built, star_pairs
from pitlint.reuse.folder.listing import listing_with_stamps
from pitlint.reuse.folder.model import ALREADY_INDEXED, Notify, Progress
from pitlint.reuse.folder.segments import save_segment_parts
from pitlint.reuse.folder.writer import Writer, cap
from pitlint.reuse.lock import LOCK, WAIT, WriterLock
from pitlint.reuse.store import DATABASE, pause_for_tests


def _sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


RUNS = ".fingerprint-runs"  # inside the folder being built; removed before it is put in place
CACHE_KB = 256 * 1024  # SQLite's page cache while building: the passages' key index grows at random
LOAD_BATCH = 2000  # documents given to the workers at once
PARALLEL_FROM = 200  # documents; below this, starting worker processes costs more than it saves


def _load_one(job: tuple[Path, str, dict | None]) -> CorpusDocument | str:
    path, label, manifest = job
    try:
        return load_document(path, label, manifest)
    except ReadError as error:
        return str(error)


def _load_all(
    files: list[tuple[Path, str]], manifest: dict | None, pool: Executor | None
) -> Iterator[tuple[Path, CorpusDocument | str]]:
    """Documents read and split in order; in the worker processes when there are (reading is
    much of a build's time), while this process writes the index."""
    jobs = [(path, label, manifest) for path, label in files]
    if pool is None:
        for job in jobs:
            yield job[0], _load_one(job)
        return
    # Batches of LOAD_BATCH, two in the workers' hands at once: while this process writes one, the
    # workers read the next (with one, they would wait at each batch's end for the writing to catch
    # up); bounded, as results wait in memory until written.
    parts = [jobs[start : start + LOAD_BATCH] for start in range(0, len(jobs), LOAD_BATCH)]
    in_hand: deque[tuple[list, Iterator[CorpusDocument | str]]] = deque()
    for part in parts[:2]:
        in_hand.append((part, pool.map(_load_one, part, chunksize=32)))
    following = 2
    while in_hand:
        part, loading = in_hand.popleft()
        for job, loaded in zip(part, loading, strict=True):
            yield job[0], loaded
        if following < len(parts):
            in_hand.append((parts[following], pool.map(_load_one, parts[following], chunksize=32)))
            following += 1


@contextlib.contextmanager
def _workers(documents: int) -> Iterator[Executor | None]:
    """Worker processes for a build of this many documents (None where they would cost more than
    they save). They read the PITs and fingerprint the new passages; this process writes."""
    workers = min(os.cpu_count() or 1, 4)
    if documents < PARALLEL_FROM or workers < 2:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    from pitlint.workers import start_worker

    # The workers start as copies of this process, sharing its memory until either side writes to
    # it. What is here already (a million PITs' paths is a gigabyte) is moved out of the garbage
    # collector's reach, whose passes would otherwise write to every object and copy it all.
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(),))
    try:
        yield pool
    finally:  # interrupted or done: the work not started is dropped, and the workers end
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


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
            if corpus:
                _restamp(index, corpus)
    return BuildResult(*counts, time.perf_counter() - started)


def _restamp(index: Path, corpus: Path) -> None:
    """The corpus folders' times again, after the swap: an index kept inside its corpus changes
    its folder's time by being put in place. They are recorded only if the listing is still the
    one indexed (else a PIT arrived meanwhile, and checks keep listing the folder, as they must)."""
    listing, stamps = listing_with_stamps(corpus)
    database = connect(index, write=True)
    try:
        row = database.execute("SELECT value FROM meta WHERE key = 'corpus_listing'").fetchone()
        if row is not None and row[0] == listing:
            set_meta(database, corpus_stamps=stamps)
            database.commit()
    finally:
        database.close()


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
    runs = FingerprintRuns(folder / RUNS)
    try:
        database.executescript(
            f"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -{CACHE_KB};" + TABLES
        )
        skipped: list[str] = []
        with _workers(len(files)) as pool:
            writer = Writer(database, (), runs=runs, pool=pool)
            for done, (path, loaded) in enumerate(_load_all(files, manifest, pool), start=1):
                if isinstance(loaded, str):
                    skipped.append(loaded)
                elif not writer.add(loaded):
                    skipped.append(f"{path}: {ALREADY_INDEXED}")
                if progress:
                    progress(done, len(files))
            writer.finish()
        used_by = writer.used_by()
        del writer
        kept, capped, pairs = _cap_and_pair(runs, used_by)
        group_built(database, pairs, len(used_by), runs.folder / "signatures.npy")
        del pairs, used_by
        database.executescript(INDEXES)
        digests = save_segment_parts(folder, 0, kept, runs.sorted_parts("hashes"), runs.sorted_parts("owners"))
        record_segment(database, 0, kept, digests)
        # (an index swapped into place takes the times again, settled: see _restamp)
        listing, stamps = listing_with_stamps(corpus, settle=False) if corpus else (None, None)
        set_meta(
            database,
            build=build_id,
            capped=capped.astype("<u8").tobytes(),
            corpus_listing=listing,
            corpus_stamps=stamps,
        )
        database.commit()
        documents, passages = database.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages)"
        ).fetchone()
    finally:
        database.close()
        runs.remove()
    _sync_file(folder / DATABASE)
    (folder / LOCK).touch()
    built = {"k": fp.K, "w": fp.W, "build": build_id, "built": time.strftime("%Y-%m-%dT%H:%M:%S")}
    store.write_header(folder, {**built, "corpus": str(corpus.resolve()) if corpus else None})
    store.sync_folder(folder)
    return documents, passages, kept, skipped


def _cap_and_pair(runs: FingerprintRuns, used_by: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """Cap each bucket's crowded fingerprints and keep the rest in its place; returns how many
    are kept, the capped fingerprints (sorted) and the candidate variant pairs (unique, sorted).
    A run of equal fingerprints never spans two buckets, so each bucket is capped and paired
    on its own exactly as the whole array would be."""
    kept = 0
    capped: list[np.ndarray] = []
    pairs: list[np.ndarray] = []
    for bucket, hashes, owners in runs.buckets():
        hashes, owners, crowded = cap(hashes, owners, used_by)
        runs.replace(bucket, hashes, owners)
        kept += len(hashes)
        capped.append(crowded)
        found = star_pairs(hashes, owners).astype(np.uint64)
        pairs.append(np.unique((found[:, 0] << np.uint64(32)) | found[:, 1]))
    joined = np.unique(np.concatenate(pairs)) if pairs else np.zeros(0, dtype=np.uint64)
    both = np.stack([joined >> np.uint64(32), joined & np.uint64(0xFFFFFFFF)], axis=1).astype(np.uint32)
    return kept, np.concatenate(capped) if capped else np.zeros(0, dtype=np.uint64), both


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
