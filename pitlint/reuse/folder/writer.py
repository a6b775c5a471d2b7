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
from pitlint.reuse.folder.model import passage_key

MAX_POSTINGS = 50  # passages kept per fingerprint: those used by the most documents


class Writer:
    """Streams documents into a new or existing index database; fingerprints of new passages
    are collected for one new segment."""

    def __init__(self, database: sqlite3.Connection, capped: Iterable[int], *, empty: bool) -> None:
        self.db = database
        self.capped = frozenset(capped)
        self.empty = empty  # a new index: the in-memory key map is complete
        self.known: dict[bytes, int] = {}
        self.document_counts: dict[int, int] = {}
        self.hashes = array("Q")  # the new passages' fingerprints, and the passage of each
        self.owners = array("I")
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
            prints = [value for value in fp.fingerprints(words) if value not in self.capped]
            self.hashes.extend(prints)
            self.owners.extend([passage] * len(prints))
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
        hashes = np.frombuffer(self.hashes, dtype=np.uint64) if self.hashes else np.zeros(0, dtype=np.uint64)
        owners = np.frombuffer(self.owners, dtype=np.uint32) if self.owners else np.zeros(0, dtype=np.uint32)
        order = np.argsort(hashes, kind="stable")
        return hashes[order], owners[order]


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
