"""Writing documents into an index's database: each distinct sentence stored once as a passage,
every use of it as an occurrence, and the fingerprints of new passages gathered for one segment
(``build`` writes the first, ``add`` one more); crowded fingerprints capped."""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable
from concurrent.futures import Executor, Future

import numpy as np

from pitlint.reuse import fingerprints as fp
from pitlint.reuse.corpus import CorpusDocument
from pitlint.reuse.folder.bulk import SPILL_AT, FingerprintRuns, PassageKeys
from pitlint.reuse.folder.model import passage_key

FINGERPRINT_BATCH = 2000  # new passages sent to a worker at once
MAX_WAITING = 64  # batches out at once before the writer waits for the oldest (behind two batches of reading)
MAX_POSTINGS = 50  # passages kept per fingerprint: those used by the most documents


class Writer:
    """Streams documents into a new or existing index database; fingerprints of new passages
    are collected for one new segment. A build (``runs`` given) keeps its passage keys compact
    and spills fingerprints to disk, so that its memory does not grow with every sentence."""

    def __init__(
        self,
        database: sqlite3.Connection,
        capped: Iterable[int],
        *,
        runs: FingerprintRuns | None = None,
        pool: Executor | None = None,
    ) -> None:
        self.db = database
        self.pool = pool  # worker processes that fingerprint new passages while this one writes
        self.pending: list[tuple[int, str]] = []  # new passages (id, normalised words) not yet sent to them
        self.waiting: deque[Future] = deque()  # batches sent, in passage order
        self.capped = frozenset(capped)
        self.runs = runs  # a new index: every passage is in ``keys``, none in the database before
        self.keys = PassageKeys() if runs is not None else None
        self.known: dict[bytes, int] = {}  # an add's passages looked up so far
        # documents using each passage: a build's by passage id, an add's for those it touches
        self.counts: array | defaultdict[int, int] = array("I") if runs is not None else defaultdict(int)
        self.vocabulary: set[str] = set()
        self.hashes = array("Q")  # the new passages' fingerprints, and the passage of each
        self.owners = array("I")
        self.new_passages: list[int] = []  # an add's (a build's are all of them, not listed)
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
        keys = [passage_key(sentence.norm) for sentence in document.sentences]
        passages = self._known(keys)
        new_rows = []
        occurrences = []
        for sentence, key in zip(document.sentences, keys, strict=True):
            passage = passages.get(key)
            if passage is None:
                norm = sentence.norm
                passage = passages[key] = self._new_passage(key, norm)
                new_rows.append((passage, key, sentence.text, norm, norm.count(" ") + 1, passage))
            occurrences.append((passage, document_id, sentence.paragraph, sentence.ordinal))
        self.db.executemany(
            "INSERT INTO passages (id, key, text, norm, words, documents, variant_group) VALUES (?, ?, ?, ?, ?, 0, ?)",
            new_rows,
        )
        for passage in {occurrence[0] for occurrence in occurrences}:
            self.counts[passage] += 1
        self.db.executemany(
            "INSERT OR IGNORE INTO occurrences (passage, document, paragraph, sentence) VALUES (?, ?, ?, ?)",
            occurrences,
        )
        self.vocabulary.update(document.vocabulary)
        self._take_done()
        if self.runs is not None and len(self.hashes) >= SPILL_AT:
            self._spill()
        return True

    def _new_passage(self, key: bytes, norm: str) -> int:
        passage = self.next_passage
        self.next_passage += 1
        if self.pool is not None:
            self.pending.append((passage, norm))
            if len(self.pending) >= FINGERPRINT_BATCH:
                self._send()
        else:
            prints = [value for value in fp.fingerprints(norm.split(" ")) if value not in self.capped]
            self.hashes.extend(prints)
            self.owners.extend([passage] * len(prints))
        if self.keys is not None:
            self.keys.add(key, passage)
            self.counts.append(0)
        else:
            self.known[key] = passage
            self.new_passages.append(passage)
        return passage

    def _send(self) -> None:
        """Send the pending passages to be fingerprinted, and take in the batches done (waiting
        for the oldest when many are out, which bounds the memory they hold)."""
        if self.pending:
            self.waiting.append(self.pool.submit(fingerprint_batch, self.pending, self.capped))
            self.pending = []
        self._take_done()

    def _take_done(self) -> None:
        while self.waiting and (self.waiting[0].done() or len(self.waiting) > MAX_WAITING):
            self._receive(self.waiting.popleft())

    def _receive(self, batch: Future) -> None:
        hashes, owners = batch.result()
        self.hashes.frombytes(hashes)
        self.owners.frombytes(owners)

    def _collect(self) -> None:
        """Every new passage's fingerprints in, in passage order."""
        if self.pool is not None:
            self._send()
            while self.waiting:
                self._receive(self.waiting.popleft())

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
        self._collect()
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


def fingerprint_batch(passages: list[tuple[int, str]], capped: frozenset[int]) -> tuple[bytes, bytes]:
    """The fingerprints of a batch of new passages (id, normalised words) and the passage of each,
    in order, as the bytes of a "Q" and an "I" array (run in a worker process): `fingerprints`'
    values, passage by passage sorted and distinct, computed for the whole batch at once."""
    hashes, positions = batch_fingerprints([norm for _, norm in passages], capped)
    ids = np.fromiter((passage for passage, _ in passages), dtype=np.uint32, count=len(passages))
    return hashes.astype(np.uint64).tobytes(), ids[positions].astype(np.uint32).tobytes()  # (read as native "Q", "I")


_MULTIPLIER = np.uint64(fp.MULTIPLIER)


def batch_fingerprints(norms: list[str], capped: frozenset[int] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """`fingerprints.fingerprints` of many passages (normalised words joined by spaces) with numpy:
    the k-gram hashes of every passage at once (the same wrapping 64-bit arithmetic), the minimum
    of each window of W, and each passage's values sorted and distinct. Returns the values and
    the position in ``norms`` of the passage each belongs to, by passage then value; values in
    ``capped`` left out."""
    words = [norm.split(" ") if norm else [] for norm in norms]
    lengths = np.fromiter((len(each) for each in words), dtype=np.int64, count=len(words))
    ids = np.array(fp.word_ids([word for each in words for word in each]), dtype=np.uint64)
    if not len(ids):
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    counts = np.where(lengths > 0, np.maximum(lengths - fp.K + 1, 1), 0)  # k-grams a passage has
    owner = np.repeat(np.arange(len(words)), counts)
    first = np.cumsum(counts) - counts  # each passage's first k-gram
    offset = np.arange(len(owner)) - first[owner]
    base, used = starts[owner] + offset, np.minimum(lengths[owner], fp.K)
    hashes = np.zeros(len(owner), dtype=np.uint64)
    for position in range(fp.K):  # (a passage shorter than K is one k-gram of all its words)
        word = ids[np.minimum(base + position, len(ids) - 1)]
        hashes = np.where(position < used, hashes * _MULTIPLIER + word, hashes)
    hashes ^= hashes >> np.uint64(31)
    # a passage of more than W k-grams: the minimum of each window of W; of W or fewer: one minimum
    windows = np.flatnonzero((counts[owner] > fp.W) & (offset <= counts[owner] - fp.W))
    minima = hashes[windows]
    for step in range(1, fp.W):
        minima = np.minimum(minima, hashes[windows + step])
    few = np.flatnonzero((counts > 0) & (counts <= fp.W))
    least = hashes[first[few]]
    for step in range(1, fp.W):
        later = np.minimum(first[few] + step, len(hashes) - 1)
        least = np.where(step < counts[few], np.minimum(least, hashes[later]), least)
    values = np.concatenate((minima, least))
    owners = np.concatenate((owner[windows], few))
    if capped:
        kept = ~np.isin(values, np.fromiter(capped, dtype=np.uint64, count=len(capped)))
        values, owners = values[kept], owners[kept]
    order = np.lexsort((values, owners))
    values, owners = values[order], owners[order]
    repeated = np.r_[False, (values[1:] == values[:-1]) & (owners[1:] == owners[:-1])]
    return values[~repeated], owners[~repeated]


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
