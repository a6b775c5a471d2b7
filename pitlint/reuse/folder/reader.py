"""`Index`: an open folder index, checked when opened, its database query-only and its
fingerprint segments memory-mapped; the questions checks and ``corpus stats`` ask of it."""

from __future__ import annotations

import functools
import os
import sqlite3
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from pitlint.errors import CorpusError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse import store
from pitlint.reuse.folder.database import (
    Meta,
    connect,
    listed_segments,
    quick_check,
    read_header,
    read_meta,
    snapshot,
    sqlite_errors,
    typed,
)
from pitlint.reuse.folder.model import IndexStats, Occurrence, Passage, ReusedPassage, T, Variant, chunks
from pitlint.reuse.store import DATABASE, DamagedIndex, Values

if TYPE_CHECKING:
    import numpy as np

# query fingerprints searched with numpy: an add's thousands of passages, a hostile draft; a
# draft's few hundred are searched in plain Python, which at a million PITs takes some 10 ms where
# importing numpy takes 100-150 ms (benchmarks/RESULTS.md, "A check against a million PITs")
VECTORISED_QUERIES = 20_000
R = TypeVar("R")
P = ParamSpec("P")


def _guarded(method: Callable[Concatenate[Index, P], R]) -> Callable[Concatenate[Index, P], R]:
    """An `Index` method whose SQLite errors are `sqlite_errors`' (damage found mid-check is one line)."""

    @functools.wraps(method)
    def guarded(self: Index, *args: P.args, **kwargs: P.kwargs) -> R:
        with sqlite_errors(self.path):
            return method(self, *args, **kwargs)

    return guarded


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


_PASSAGE = (int, str, str, int, int, int)
_OCCURRENCE = (int, str, int, int, int)


class Index:
    """An open index: the database (query-only to check drafts), the fingerprint segments
    memory-mapped (each a sorted sequence of fingerprints and the passage of each)."""

    def __init__(
        self,
        path: Path,
        header: dict,
        database: sqlite3.Connection,
        segments: list[tuple[Sequence[int], Sequence[int]]],
        *,
        segment_numbers: list[int],
        meta: Meta,
        passage_bound: int,
    ) -> None:
        self.path = path
        self.header = header
        self.db = database
        self.segments = segments
        self.segment_numbers = segment_numbers
        self.capped = meta.capped
        self.corpus_listing = meta.corpus_listing
        self.corpus_stamps = meta.corpus_stamps
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
        database = connect(path, write=False)
        try:
            return cls.load(path, header, database, thorough=thorough)
        except BaseException:
            database.close()
            raise

    @classmethod
    def load(cls, path: Path, header: dict, database: sqlite3.Connection, *, thorough: bool) -> Index:
        """An index over an open ``database``, checked against ``header``."""
        with sqlite_errors(path), snapshot(database):
            if thorough:
                quick_check(path, database)
            meta = read_meta(path, database)
            if meta.build != header["build"]:
                raise DamagedIndex(path, "the database is not the one the header was written with")
            files = listed_segments(path, database)
            row = database.execute("SELECT COALESCE(MAX(id) + 1, 0) FROM passages").fetchone()
            bound = typed(path, row, (int,))[0]  # the arrays may name passages below this
            # opened under the read lock that named them: a merge removes the files it replaced
            # only after its commit, which waits for this lock (see `pitlint.reuse.folder.compactor`)
            segments = [
                (
                    store.open_array(path, hashes, store.ascending, thorough=thorough),
                    store.open_array(path, owners, store.below(bound), thorough=thorough),
                )
                for _, hashes, owners in files
            ]
        numbers = [number for number, _, _ in files]
        return cls(path, header, database, segments, segment_numbers=numbers, meta=meta, passage_bound=bound)

    def with_segment(self, hashes: Sequence[int], owners: Sequence[int]) -> Index:
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

    def reconnected(self) -> Index:
        """This index over a database connection of this process's own (a forked worker's: a
        connection is not shared between processes); the memory-mapped segments are shared."""
        return Index(
            self.path,
            self.header,
            connect(self.path, write=False),
            self.segments,
            segment_numbers=self.segment_numbers,
            meta=self._meta,
            passage_bound=self.passage_bound,
        )

    @_guarded
    def read_consistently(self, reading: Callable[[], T]) -> T:
        """Run several reads on one snapshot of the database (an `add` that commits meanwhile is
        seen by the next reading, not half-way through this one)."""
        with snapshot(self.db):
            return reading()

    # candidates

    def lookup(
        self, prints: Sequence[int], owners: Sequence[int]
    ) -> tuple[Sequence[int], Sequence[int], Sequence[float]]:
        """For query fingerprints ``prints`` belonging to query items ``owners``, every
        (item, passage) pair that shares a fingerprint, once per shared fingerprint, and the
        weight of that fingerprint: one over the number of passages it is listed for (a
        fingerprint every variant of a boilerplate sentence has says less than one only the
        passage itself has). Segment by segment, query by query. A draft's fingerprints are looked
        up in plain Python at any size of index (each fingerprint lists at most MAX_POSTINGS
        passages); many thousands at once with numpy (`_lookup_vectorised`, the same answer),
        whose import is then small beside the search."""
        if len(prints) >= VECTORISED_QUERIES:
            return self._lookup_vectorised(prints, owners)
        spans = [_spans(hashes, prints) for hashes, _ in self.segments]
        listed = [sum(right - left for left, right in found) for found in zip(*spans, strict=True)] if spans else []
        weights_of = [1.0 / max(count, 1) for count in listed]
        items: list[int] = []
        found: list[int] = []
        weights: list[float] = []
        for (_, passages), bounds in zip(self.segments, spans, strict=True):
            for owner, weight, (left, right) in zip(owners, weights_of, bounds, strict=True):
                for position in range(left, right):
                    items.append(owner)
                    found.append(passages[position])
                    weights.append(weight)
        return items, found, weights

    def _lookup_vectorised(self, prints: Sequence[int], owners: Sequence[int]) -> tuple[np.ndarray, ...]:
        import numpy as np

        queries = np.asarray(prints, dtype=np.uint64)
        owned = np.asarray(owners, dtype=np.int64)
        segments = [(np.asarray(hashes, dtype=np.uint64), passages) for hashes, passages in self.segments]
        bounds = [
            (np.searchsorted(hashes, queries, side="left"), np.searchsorted(hashes, queries, side="right"))
            for hashes, _ in segments
        ]
        postings = sum((right - left for left, right in bounds), np.zeros(len(queries), dtype=np.int64))
        weight = 1.0 / np.maximum(postings, 1)
        items, found, weights = [], [], []
        for (_, passages), (left, right) in zip(segments, bounds, strict=True):
            counts = right - left
            total = int(counts.sum())
            if not total:
                continue
            starts = np.repeat(left - (np.cumsum(counts) - counts), counts)
            positions = starts + np.arange(total)
            items.append(np.repeat(owned, counts))
            found.append(np.asarray(passages)[positions])
            weights.append(np.repeat(weight, counts))
        if not items:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(items), np.concatenate(found).astype(np.int64), np.concatenate(weights)

    @_guarded
    def variant_pairs(self, passages: Sequence[int]) -> np.ndarray:
        """Candidate variant pairs between the given passages and any other passage."""
        import numpy as np

        if not passages:
            return np.zeros((0, 2), dtype=np.uint32)
        ids = list(passages)
        rows = self.passages(ids, with_text=False)
        prints, owners = fp.fingerprints_of_many([rows[passage].norm.split() for passage in ids])
        items, found, _ = self.lookup(prints, owners)
        pairs = np.stack(
            [np.asarray(ids, dtype=np.int64)[np.asarray(items, dtype=np.int64)], np.asarray(found, dtype=np.int64)],
            axis=1,
        ).reshape(-1, 2)
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
        for chunk in chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, {text}, norm, words, documents, variant_group FROM passages WHERE id IN ({marks})", chunk
            ):
                rows[row[0]] = Passage(*typed(self.path, row, _PASSAGE))
        if len(rows) != len(wanted) and any(i not in rows for i in wanted if i < self.passage_bound):
            raise DamagedIndex(self.path, f"{DATABASE}: passages the fingerprints point to are missing")
        return rows

    @_guarded
    def group_members(self, groups: Iterable[int]) -> dict[int, list[Passage]]:
        """Every variant of each group (for statistics; a popular passage can have thousands)."""
        wanted = sorted({int(g) for g in groups})
        members: dict[int, list[Passage]] = {group: [] for group in wanted}
        for chunk in chunks(wanted):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, text, norm, words, documents, variant_group FROM passages "
                f"WHERE variant_group IN ({marks})",
                chunk,
            ):
                members[row[5]].append(Passage(*typed(self.path, row, _PASSAGE)))
        return members

    @_guarded
    def top_variants(self, group: int, count: int = 3) -> list[Passage]:
        """The variants of a group used by the most documents."""
        return [
            Passage(*typed(self.path, row, _PASSAGE))
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
                found[passage].append(Occurrence(*typed(self.path, row, _OCCURRENCE)))
        return found

    @_guarded
    def known_words(self, words: Iterable[str]) -> set[str]:
        """Which of these words the corpus of issued PITs uses."""
        wanted = sorted(set(words))
        found: set[str] = set()
        for chunk in chunks(wanted):
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0] for row in self.db.execute(f"SELECT word FROM vocabulary WHERE word IN ({marks})", chunk)
            )
        return found

    @_guarded
    def document_occurrences(self, documents: Iterable[int]) -> dict[int, list[Occurrence]]:
        """Documents' sentences, in reading order, as uses of passages."""
        found: dict[int, list[Occurrence]] = {}
        for document in sorted({int(d) for d in documents}):
            rows = self.db.execute(
                "SELECT o.passage, d.name, o.document, o.paragraph, o.sentence FROM occurrences o "
                "JOIN documents d ON d.id = o.document WHERE o.document = ? ORDER BY o.paragraph, o.sentence",
                (document,),
            )
            found[document] = [Occurrence(*typed(self.path, row, _OCCURRENCE)) for row in rows]
        return found

    @_guarded
    def document_with_digest(self, digest: str) -> tuple[int, str] | None:
        row = self.db.execute("SELECT id, name FROM documents WHERE digest = ?", (digest,)).fetchone()
        return typed(self.path, row, (int, str)) if row else None

    @_guarded
    def reference(self, name: str) -> str | None:
        row = self.db.execute("SELECT reference FROM documents WHERE name = ?", (name,)).fetchone()
        return typed(self.path, row, ((str, type(None)),))[0] if row else None

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


def _spans(hashes: Values | Sequence[int], prints: Sequence[int]) -> list[tuple[int, int]]:
    """For each print, the positions ``left`` to ``right`` (exclusive) where sorted ``hashes``
    hold it."""
    spans = []
    end = len(hashes)
    for value in prints:
        left = right = bisect_left(hashes, value)
        while right < end and hashes[right] == value:
            right += 1
        spans.append((left, right))
    return spans
