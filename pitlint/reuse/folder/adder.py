"""``add``: newly issued PITs into an index without rebuilding it: one small new segment,
listed in the same database transaction as the PITs."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from pitlint.errors import ReadError
from pitlint.reuse.corpus import CorpusDocument, load_document
from pitlint.reuse.folder.compactor import Segment, merge, small_segments
from pitlint.reuse.folder.database import connect, read_header, record_segment, set_meta, sqlite_errors
from pitlint.reuse.folder.grouping import close_by_ratio, group_variants
from pitlint.reuse.folder.listing import listing_with_stamps
from pitlint.reuse.folder.model import ALREADY_INDEXED, Notify, Progress
from pitlint.reuse.folder.reader import Index
from pitlint.reuse.folder.segments import remove_unlisted, save_segment
from pitlint.reuse.folder.writer import Writer
from pitlint.reuse.lock import WAIT, WriterLock
from pitlint.reuse.store import pause_for_tests


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
    database = connect(folder, write=True)
    added: list[str] = []
    added_paths: list[Path] = []
    skipped: list[str] = []
    try:
        with sqlite_errors(folder):
            database.execute("BEGIN IMMEDIATE")
            opened = Index.load(folder, read_header(folder), database, thorough=True)
            remove_unlisted(folder, opened.segment_numbers)
            listed = list(opened.segment_numbers)
            pause_for_tests("verified")
            writer = Writer(database, opened.capped)
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
                digests = save_segment(folder, number, hashes, owners)
                pause_for_tests("segment")
                record_segment(database, number, len(hashes), digests)
                pairs = opened.with_segment(hashes, owners).variant_pairs(writer.new_passages)
                group_variants(database, pairs, close_by_ratio)
                segments = [*zip(listed, opened.segments, strict=True), (number, (hashes, owners))]
                listed = _merge_small(database, folder, segments)
            _refresh_listing(database, opened, added_paths)
            database.commit()
            pause_for_tests("committed")
        remove_unlisted(folder, listed)  # the files of segments merged away
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            database.rollback()
        raise
    finally:
        database.close()
    return added, skipped


def _merge_small(database: sqlite3.Connection, folder: Path, segments: list[Segment]) -> list[int]:
    """Past `MERGE_ABOVE` segments, the small ones merged into one (in the add's transaction);
    returns the segment numbers listed then."""
    small = small_segments(segments)
    if not small:
        return [number for number, _ in segments]
    merged = merge(database, folder, small)
    gone = {number for number, _ in small}
    return [*(number for number, _ in segments if number not in gone), merged]


def _refresh_listing(database: sqlite3.Connection, opened: Index, added: list[Path]) -> None:
    """PITs saved into the corpus folder and added here keep the index up to date with it."""
    corpus = opened.header["corpus"]
    if not corpus or opened.corpus_listing is None or not Path(corpus).is_dir():
        return
    if any(str(path.resolve()).startswith(corpus + os.sep) for path in added):
        listing, stamps = listing_with_stamps(Path(corpus))
        set_meta(database, corpus_listing=listing, corpus_stamps=stamps)
