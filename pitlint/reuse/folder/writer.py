"""Writing documents into an index's database: each distinct sentence stored once as a passage,
every use of it as an occurrence, and the fingerprints of new passages gathered for one segment
(``build`` writes the first, ``add`` one more); crowded fingerprints capped."""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Iterable

import numpy as np

from pitlint.reuse import fingerprints as fp
from pitlint.reuse.corpus import CorpusDocument
from pitlint.reuse.folder.bulk import SPILL_AT, FingerprintRuns, PassageKeys
from pitlint.reuse.folder.model import passage_key

MAX_POSTINGS = 50  # passages kept per fingerprint: those used by the most documents


class Writer:
    """Streams documents into a new or existing index database; fingerprints of new passages
    are collected for one new segment. A build (``runs`` given) keeps its passage keys compact
    and spills fingerprints to disk, so that its memory does not grow with every sentence."""

    def __init__(
        self, database: sqlite3.Connection, capped: Iterable[int], *, runs: FingerprintRuns | None = None
    ) -> None:
        self.db = database
        self.capped = frozenset(capped)
        self.runs = runs  # a new index: every passage is in ``keys``, none in the database before
        self.keys = PassageKeys() if runs is not None else None
        self.known: dict[bytes, int] = {}  # an add's passages looked up so far
        self.counts: array | dict[int, int] = array("I") if runs is not None else {}  # documents per passage
        self.vocabulary: set[str] = set()
        self.hashes = array("Q")  # the new passages' fingerprints, and the passage of each
        self.owners = array("I")
        self.new_passages: list[int] = []
        row = database.execute("SELECT COALESCE(MAX(id) + 1, 0) FROM passages").fetchone()
        self.next_passage = int(row[0])

    def _known(self, keys: list[bytes]) -> dict[bytes, int]:
        """The passages already written among ``keys``."""
        if self.keys is not None:
            return self.keys.known(keys)
        found: dict[bytes, int] = {}
        for key in keys:
            passage = self.known.get(key)
            if passage is None:
                row = self.db.execute("SELECT id FROM passages WHERE key = ?", (key,)).fetchone()
                passage = None if row is None else int(row[0])
            if passage is not None:
                found[key] = self.known[key] = passage
        return found

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
        norms = [" ".join(sentence.words) for sentence in document.sentences]
        keys = [passage_key(norm) for norm in norms]
        passages = self._known(keys)
        new_rows = []
        occurrences = []
        for sentence, norm, key in zip(document.sentences, norms, keys, strict=True):
            passage = passages.get(key)
            if passage is None:
                passage = passages[key] = self._new_passage(key, sentence.words)
                new_rows.append((passage, key, sentence.text, norm, len(sentence.words), passage))
            occurrences.append((passage, document_id, sentence.paragraph, sentence.ordinal))
        self.db.executemany(
            "INSERT INTO passages (id, key, text, norm, words, documents, variant_group) VALUES (?, ?, ?, ?, ?, 0, ?)",
            new_rows,
        )
        counts = self.counts
        for passage in {occurrence[0] for occurrence in occurrences}:
            if isinstance(counts, array):
                counts[passage] += 1
            else:
                counts[passage] = counts.get(passage, 0) + 1
        self.db.executemany(
            "INSERT OR IGNORE INTO occurrences (passage, document, paragraph, sentence) VALUES (?, ?, ?, ?)",
            occurrences,
        )
        self.vocabulary.update(document.vocabulary)
        if self.runs is not None and len(self.hashes) >= SPILL_AT:
            self._spill()
        return True

    def _new_passage(self, key: bytes, words: tuple[str, ...]) -> int:
        passage = self.next_passage
        self.next_passage += 1
        prints = [value for value in fp.fingerprints(words) if value not in self.capped]
        self.hashes.extend(prints)
        self.owners.extend([passage] * len(prints))
        self.new_passages.append(passage)
        if self.keys is not None:
            self.keys.add(key, passage)
            self.counts.append(0)
        else:
            self.known[key] = passage
        return passage

    def _spill(self) -> None:
        self.runs.write(self.hashes, self.owners)
        self.hashes, self.owners = array("Q"), array("I")

    def finish(self) -> tuple[np.ndarray, np.ndarray]:
        """Write the document counts and the vocabulary; return the new fingerprints sorted by
        hash (a build's are in its runs, and none are returned)."""
        if isinstance(self.counts, array):
            self.db.executemany(
                "UPDATE passages SET documents = ? WHERE id = ?", ((c, p) for p, c in enumerate(self.counts) if c)
            )
        else:
            self.db.executemany(
                "UPDATE passages SET documents = documents + ? WHERE id = ?",
                [(count, passage) for passage, count in self.counts.items()],
            )
        self.db.executemany("INSERT OR IGNORE INTO vocabulary VALUES (?)", ((w,) for w in sorted(self.vocabulary)))
        if self.runs is not None:
            self._spill()
            self.keys = None  # the build's largest structure, no longer wanted
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)
        hashes = np.frombuffer(self.hashes, dtype=np.uint64) if self.hashes else np.zeros(0, dtype=np.uint64)
        owners = np.frombuffer(self.owners, dtype=np.uint32) if self.owners else np.zeros(0, dtype=np.uint32)
        order = np.argsort(hashes, kind="stable")
        return hashes[order], owners[order]

    def used_by(self) -> np.ndarray:
        """How many documents use each passage, by passage id (a build's)."""
        return np.frombuffer(self.counts, dtype=np.uint32).astype(np.int64)


def cap(hashes: np.ndarray, owners: np.ndarray, used_by: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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
