"""Adding issued PITs to a shared index: the folder index's steps, written in one transaction."""

from __future__ import annotations

import json
from array import array
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pitlint.errors import CorpusError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse import index as embedded
from pitlint.reuse import store
from pitlint.reuse.corpus import CorpusDocument
from pitlint.reuse.folder.grouping import Groups
from pitlint.reuse.index import (
    ALREADY_INDEXED,
    Progress,
)
from pitlint.reuse.lock import WAIT
from pitlint.reuse.shared.reader import RedisIndex
from pitlint.reuse.shared.server import (
    APPEND,
    RANK,
    SHORT,
    Address,
    Keys,
    Notify,
    WriterLock,
    chunked,
    pack_row,
    pointer,
    postings_by_field,
    queue_document,
    rank,
    redis_library,
    server_error,
)

if TYPE_CHECKING:
    import redis

ATTEMPTS = 10  # transactions tried when another writer changes the index in between


def add(
    target: str,
    files: list[tuple[Path, str]],
    progress: Progress | None = None,
    notify: Notify | None = None,
    wait: float = WAIT,
) -> tuple[list[str], list[str]]:
    """Add newly issued PITs, as `pitlint.reuse.index.add` does: the same passage ids, groups and
    counts, written in one transaction. Returns (added, skipped)."""
    address = Address.parse(target)
    redis = redis_library(address)
    opened = RedisIndex.open(target)  # refuses a missing or foreign index before reading any file
    client = opened.client
    documents = embedded.read_documents(files, progress)
    names = [document.name for _, document in documents if not isinstance(document, str)]
    try:
        with WriterLock(client, address, notify, wait):
            for _ in range(ATTEMPTS):
                loaded = [document for _, document in documents if not isinstance(document, str)]
                for document, name in zip(loaded, names, strict=True):
                    document.name = name  # a retried attempt names documents afresh
                try:
                    return _add_once(client, address, documents)
                except redis.WatchError:
                    continue  # another writer's lease ran out mid-way and it wrote first: start again
            raise CorpusError(f"{address.shown}: the index kept changing under this addition; nothing was added")
    except redis.RedisError as error:
        raise server_error(address, error) from None
    finally:
        opened.close()


def _add_once(client: redis.Redis, address: Address, documents: list) -> tuple[list[str], list[str]]:
    pipe = client.pipeline(transaction=True)
    current = pointer(address.prefix)
    pipe.watch(current)
    generation = int(client.get(current) or 0)
    keys = Keys(address.prefix, generation)
    pipe.watch(keys.header)
    header = {k.decode(): v.decode() for k, v in client.hgetall(keys.header).items()}
    if not header:
        raise CorpusError(f"{address.shown}: the index was removed while adding to it")
    reader = RedisIndex(client, address, generation, header)
    writer = _RedisWriter(reader, header, store.read_u64(client.get(keys.capped) or b""))
    added: list[str] = []
    skipped: list[str] = []
    for path, document in documents:
        if isinstance(document, str):
            skipped.append(document)
        elif writer.add(document):
            added.append(document.name)
        else:
            skipped.append(f"{path}: {ALREADY_INDEXED}")
    pipe.multi()
    writer.write(pipe)
    pipe.execute()
    return added, skipped


class _RedisWriter:
    """The embedded `_Writer` and `add`'s grouping, against the server's current state; the
    changes are collected and written in one transaction."""

    def __init__(self, index: RedisIndex, header: dict, capped: Iterable[int]) -> None:
        self.index = index
        self.keys = index.keys
        self.client = index.client
        self.capped = frozenset(capped)
        self.next_document = int(header["next_document"])
        self.next_passage = int(header["next_passage"])
        self.first_new_passage = self.next_passage
        self.known: dict[bytes, int] = {}
        self.new_rows: dict[int, tuple[str, str, int]] = {}  # id -> (text, norm, words)
        self.document_counts: dict[int, int] = defaultdict(int)
        self.documents: list[tuple[int, CorpusDocument, list[tuple[int, int, int]]]] = []
        self.names: set[str] = set()
        self.digests: set[str] = set()
        self.vocabulary: set[str] = set()
        self.hashes = array("Q")  # the new passages' fingerprints, and the passage of each
        self.owners = array("I")

    def _passage(self, text: str, words: tuple[str, ...]) -> int:
        norm = " ".join(words)
        key = embedded.passage_key(norm)
        passage = self.known.get(key)
        if passage is None:
            found = self.client.hget(self.keys.passage_key(key, self.index.passage_key_buckets), key)
            passage = None if found is None else int(found)
        if passage is None:
            passage = self.next_passage
            self.next_passage += 1
            self.new_rows[passage] = (text, norm, len(words))
            prints = [value for value in fp.fingerprints(words) if value not in self.capped]
            self.hashes.extend(prints)
            self.owners.extend([passage] * len(prints))
        self.known[key] = passage
        return passage

    def _taken(self, name: str) -> bool:
        return name in self.names or self.client.hexists(self.keys.names, name)

    def add(self, document: CorpusDocument) -> bool:
        if document.digest in self.digests or self.client.hexists(self.keys.digests, document.digest):
            return False
        base, number, name = document.name, 1, document.name
        while self._taken(name):
            number += 1
            name = f"{base}-{number}"
        document.name = name
        identifier = self.next_document
        self.next_document += 1
        seen: set[tuple[int, int]] = set()
        occurrences = []
        for sentence in document.sentences:
            passage = self._passage(sentence.text, sentence.words)
            if (sentence.paragraph, sentence.ordinal) not in seen:
                seen.add((sentence.paragraph, sentence.ordinal))
                occurrences.append((passage, sentence.paragraph, sentence.ordinal))
        for passage in {occurrence[0] for occurrence in occurrences}:
            self.document_counts[passage] += 1
        self.documents.append((identifier, document, occurrences))
        self.names.add(name)
        self.digests.add(document.digest)
        self.vocabulary |= document.vocabulary
        return True

    def _new_postings(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array(self.hashes, dtype=np.uint64), np.array(self.owners, dtype=np.uint32)

    def _groups(self, new_hashes: np.ndarray, new_owners: np.ndarray) -> dict[int, int]:
        """New variant group of every passage whose group changes: the embedded add's
        candidates (shared fingerprints) joined when rapidfuzz finds them copies."""
        from rapidfuzz import fuzz

        new_ids = sorted(self.new_rows)
        if not new_ids:
            return {}
        prints, items = fp.fingerprints_of_many([self.new_rows[p][1].split() for p in new_ids])
        pending = {fingerprint: passages for _, fingerprint, passages in postings_by_field(new_hashes, new_owners, 1)}
        found_items, found, _ = self.index.lookup_with(prints, items, pending)  # on the server, and about to be
        pairs = np.stack(
            [np.asarray(new_ids, dtype=np.int64)[np.asarray(found_items, dtype=np.int64)], np.asarray(found, np.int64)],
            axis=1,
        ).reshape(-1, 2)
        pairs = pairs[pairs[:, 0] != pairs[:, 1]]
        if not len(pairs):
            return {}
        pairs.sort(axis=1)
        pairs = np.unique(pairs, axis=0)
        ids = [int(p) for p in np.unique(pairs)]
        old = [p for p in ids if p not in self.new_rows]
        rows = self.index.passages(old, with_text=False)
        norms = {p: rows[p].norm for p in old if p in rows} | {
            p: self.new_rows[p][1] for p in ids if p in self.new_rows
        }
        current = {p: rows[p].group for p in old if p in rows} | {p: p for p in ids if p in self.new_rows}
        groups = Groups()
        for passage, group in current.items():
            groups.union(passage, group)
        for a, b in pairs:
            if fuzz.ratio(norms[int(a)], norms[int(b)]) >= 85:
                groups.union(int(a), int(b))
        return {group: groups.find(passage) for passage, group in current.items() if groups.find(passage) != group}

    def _write_passages(self, pipe: redis.client.Pipeline, relabel: dict[int, int]) -> None:
        """Queue the passages' changes: rows of new ones, use counts, and variant groups. Only
        what changes is read and written (a popular group can have thousands of variants): ranks
        move by ZINCRBY; only a group merged into another has its members re-pointed."""
        keys = self.keys
        used = list(self.document_counts)
        old_used = [p for p in used if p not in self.new_rows]
        rows = self.index.passages(old_used, with_text=False)
        group_of = {p: rows[p].group for p in old_used} | {p: p for p in self.new_rows}
        moved = {old: self.index.ranked(old, None) if old not in self.new_rows else [old] for old in relabel}
        involved = {group_of[p] for p in used} | set(relabel) | set(relabel.values())
        missing = {m for members in moved.values() for m in members} | involved
        rows |= self.index.passages({p for p in missing if p not in rows and p not in self.new_rows}, with_text=False)
        for old, members in moved.items():
            for member in members:
                group_of[member] = old
        before = {p: row.documents for p, row in rows.items()} | {p: 0 for p in self.new_rows}
        after = dict(before)
        for passage, count in self.document_counts.items():
            after[passage] += count

        def final(passage: int) -> int:
            return relabel.get(group_of[passage], group_of[passage])

        # what the server knows of each group involved: its ranked set, its total uses
        groups = sorted(involved)
        replies = self.index.run(
            [("zcard", (keys.gm(g),)) for g in groups] + [("zscore", (keys.gs, g)) for g in groups]
        )
        size = dict(zip(groups, (int(n) for n in replies[: len(groups)]), strict=True))
        total = {
            g: int(score) if score is not None else (before.get(g, 0) if size[g] == 0 else 0)
            for g, score in zip(groups, replies[len(groups) :], strict=True)
        }

        # each changed passage's row written whole (documents, group, text: `pack_row`)
        changed = set(self.document_counts) | {m for members in moved.values() for m in members}
        for passage in changed:
            original = self.new_rows[passage][0] if passage in self.new_rows else rows[passage].text
            pipe.hset(keys.passage(passage), str(passage), pack_row(after[passage], final(passage), original))
        for passage, (_, norm, _) in self.new_rows.items():
            key = embedded.passage_key(norm)
            pipe.hset(keys.passage_key(key, self.index.passage_key_buckets), key, passage)

        totals: dict[int, int] = {}
        for group in involved:
            root = relabel.get(group, group)
            totals[root] = totals.get(root, 0) + total[group]
        for passage, count in self.document_counts.items():
            totals[final(passage)] += count
        for root, uses in totals.items():
            arriving = [m for old, members in moved.items() if relabel[old] == root for m in members]
            had_set = size[root] > 0
            if had_set or arriving:
                ranked = {m: rank(after[m], m) for m in arriving}
                if not had_set:
                    ranked[root] = rank(after[root], root)
                if ranked:
                    pipe.zadd(keys.gm(root), ranked)
                if had_set:  # members that stayed: their counts move their rank
                    for passage, count in self.document_counts.items():
                        if group_of[passage] == root and passage not in ranked:
                            pipe.zincrby(keys.gm(root), count * RANK, passage)
            if uses >= 2:
                pipe.zadd(keys.gs, {root: uses})
            else:
                pipe.zrem(keys.gs, root)
        for old in relabel:
            pipe.delete(keys.gm(old))
            pipe.zrem(keys.gs, old)

    def write(self, pipe: redis.client.Pipeline) -> None:
        """Queue every change on a transaction."""
        keys = self.keys
        new_hashes, new_owners = self._new_postings()
        relabel = self._groups(new_hashes, new_owners)

        # documents
        for identifier, document, occurrences in self.documents:
            fields = {
                "name": document.name,
                "path": document.path,
                "reference": document.reference,
                "exemptions": json.dumps(document.exemptions),
                "digest": document.digest,
                "paragraphs": document.paragraphs,
                "sentences": len(document.sentences),
            }
            queue_document(pipe, keys, identifier, fields, occurrences)
            for passage, paragraph, sentence in sorted(occurrences, key=lambda o: (o[0], o[1], o[2])):
                use = np.asarray([identifier, paragraph, sentence], "<u4").tobytes()
                pipe.eval(APPEND, 2, keys.uses(passage), keys.long_uses(passage), str(passage), use, SHORT, "")
        if self.vocabulary:
            for chunk in chunked(sorted(self.vocabulary), 10_000):
                pipe.sadd(keys.vocab, *chunk)

        self._write_passages(pipe, relabel)

        # fingerprints: the new passages appended to each fingerprint's postings
        for number, fingerprint, passages in postings_by_field(new_hashes, new_owners, self.index.buckets):
            pipe.eval(
                APPEND, 2, keys.bucket(number), keys.long_bucket(number), fingerprint, passages, SHORT, fingerprint
            )
        pipe.hincrby(keys.header, "version", 1)
        pipe.hincrby(keys.header, "documents", len(self.documents))
        pipe.hincrby(keys.header, "passages", len(self.new_rows))
        pipe.hincrby(keys.header, "fingerprints", len(new_hashes))
        pipe.hset(keys.header, mapping={"next_document": self.next_document, "next_passage": self.next_passage})
