"""Reading a shared index: the questions `pitlint.reuse.index.Index` answers, asked of the server."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from pitlint.errors import CorpusError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse.index import (
    DamagedIndex,
    IndexStats,
    Occurrence,
    Passage,
    ReusedPassage,
    T,
    Variant,
)
from pitlint.reuse.shared.server import (
    CONSISTENT_READ_ATTEMPTS,
    FORMAT,
    PASSAGES_PER_BUCKET,
    Address,
    Keys,
    bucket_of,
    chunked,
    connect,
    pointer,
    redis_library,
    server_error,
)

if TYPE_CHECKING:
    import redis


NUMBERS = ("buckets", "documents", "passages", "fingerprints", "next_document", "next_passage")  # in the header


class RedisIndex:
    """An open Redis index: the same questions as `pitlint.reuse.index.Index`, asked of the
    generation that was current when it was opened."""

    def __init__(self, client: redis.Redis, address: Address, generation: int, header: dict) -> None:
        self.client = client
        self.address = address
        self.keys = Keys(address.prefix, generation)
        self.generation = generation
        self.header = header
        self.path = address.shown
        self.buckets = int(header["buckets"])

    @classmethod
    def open(cls, text: str) -> RedisIndex:
        address = Address.parse(text)
        redis = redis_library(address)
        client = connect(address)
        try:
            current = client.get(pointer(address.prefix))
            if current is None:
                raise CorpusError(
                    f"{address.shown}: no pitlint index on this server under the prefix {address.prefix!r}; "
                    f"build one with `pitlint corpus build DIR --index {address.shown}`"
                )
            generation = int(current)
            raw = client.hgetall(Keys(address.prefix, generation).header)
        except CorpusError:
            client.close()
            raise
        except ValueError:
            client.close()
            raise CorpusError(
                f"{address.shown}: the key {pointer(address.prefix)} is not pitlint's; choose another prefix"
            ) from None
        except redis.RedisError as error:
            client.close()
            raise server_error(address, error) from None
        header = {key.decode(): value.decode() for key, value in raw.items()}
        if not header:
            client.close()
            raise CorpusError(f"{address.shown}: the index's header is missing; rebuild it with `pitlint corpus build`")
        if header.get("format") != str(FORMAT) or header.get("k") != str(fp.K) or header.get("w") != str(fp.W):
            client.close()
            raise CorpusError(
                f"{address.shown}: index format {header.get('format')} is not format {FORMAT}; "
                "rebuild it with `pitlint corpus build`"
            )
        if not all(header.get(field, "").isdigit() for field in NUMBERS):
            client.close()
            raise DamagedIndex(address.shown, f"header fields {NUMBERS} are not all numbers")
        return cls(client, address, generation, header)

    def close(self) -> None:
        self.client.close()

    def _version(self) -> int:
        return int(self.run([("hget", (self.keys.header, "version"))])[0] or 0)

    def read_consistently(self, reading: Callable[[], T]) -> T:
        """Run several reads as of one state of the index: every `add` bumps the header's version
        in its transaction, so a reading that saw the version change is repeated (a check never
        mixes the state before an addition with the state after it)."""
        for _ in range(CONSISTENT_READ_ATTEMPTS):
            version = self._version()
            result = reading()
            if self._version() == version:
                return result
        raise CorpusError(
            f"{self.path}: the index changed during each of {CONSISTENT_READ_ATTEMPTS} attempts to read it; try again"
        )

    def run(self, commands: Iterable[tuple[str, tuple]]) -> list:
        """Commands sent in one round trip (a pipeline without a transaction)."""
        import redis

        pipe = self.client.pipeline(transaction=False)
        for name, arguments in commands:
            getattr(pipe, name)(*arguments)
        try:
            return pipe.execute()
        except redis.RedisError as error:
            raise server_error(self.address, error) from None

    # candidates

    def lookup(self, prints: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """As `Index.lookup`: every (item, passage) pair sharing a fingerprint, and its weight."""
        if not len(prints):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        return self.lookup_with(prints, owners, {})

    def lookup_with(
        self, prints: np.ndarray, owners: np.ndarray, pending: dict[bytes, bytes]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``lookup``, with ``pending`` postings (fingerprint -> packed passages) not yet written."""
        buckets = bucket_of(prints, self.buckets)
        fields = prints.astype("<u8").tobytes()
        by_bucket: dict[int, list[int]] = defaultdict(list)
        for position, number in enumerate(buckets.tolist()):
            by_bucket[number].append(position)
        commands = [
            ("hmget", (self.keys.bucket(number), [fields[8 * p : 8 * p + 8] for p in positions]))
            for number, positions in by_bucket.items()
        ]
        items, found, weights = [], [], []
        for positions, values in zip(by_bucket.values(), self.run(commands), strict=True):
            for position, value in zip(positions, values, strict=True):
                value = (value or b"") + pending.get(fields[8 * position : 8 * position + 8], b"")
                if value:
                    passages = np.frombuffer(value, dtype="<u4")
                    found.append(passages)
                    items.append(np.full(len(passages), owners[position], dtype=np.int64))
                    weights.append(np.full(len(passages), 1.0 / len(passages)))
        if not items:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(items).astype(np.int64), np.concatenate(found).astype(np.int64), np.concatenate(weights)

    # rows

    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]:
        wanted = sorted({int(i) for i in ids})
        rows: dict[int, Passage] = {}
        for chunk in chunked(wanted):
            by_bucket: dict[int, list[int]] = defaultdict(list)
            for passage in chunk:
                by_bucket[passage // PASSAGES_PER_BUCKET].append(passage)
            kinds = "ncgt" if with_text else "ncg"
            commands = [
                ("hmget", (self.keys.passage(members[0]), [f"{kind}{p}" for p in members for kind in kinds]))
                for members in by_bucket.values()
            ]
            for members, values in zip(by_bucket.values(), self.run(commands), strict=True):
                for number, passage in enumerate(members):
                    fields = values[len(kinds) * number : len(kinds) * (number + 1)]
                    if fields[0] is None:
                        continue
                    norm = fields[0].decode("utf-8")
                    original = fields[3].decode("utf-8") if with_text else ""
                    rows[passage] = Passage(passage, original, norm, len(norm.split()), int(fields[1]), int(fields[2]))
        return rows

    def ranked(self, group: int, count: int | None) -> list[int]:
        """A group's variants, most used first (ties: the oldest)."""
        (members,) = self.run([("zrevrange", (self.keys.gm(group), 0, -1 if count is None else count - 1))])
        return [int(member) for member in members] if members else [group]

    def top_variants(self, group: int, count: int = 3) -> list[Passage]:
        return self.top_variants_of([group], count)[group]

    def top_variants_of(self, groups: Iterable[int], count: int = 3) -> dict[int, list[Passage]]:
        """The most used variants of several groups in two round trips (a draft reuses dozens of
        passages; one trip each would add up on a server across a network)."""
        wanted = sorted(set(groups))
        replies = self.run([("zrevrange", (self.keys.gm(group), 0, count - 1)) for group in wanted])
        ranked = {group: [int(m) for m in members] or [group] for group, members in zip(wanted, replies, strict=True)}
        rows = self.passages({passage for ids in ranked.values() for passage in ids})
        return {group: [rows[p] for p in ids if p in rows and rows[p].group == group] for group, ids in ranked.items()}

    def group_documents(self, group: int) -> int:
        total = self.run([("zscore", (self.keys.gs, group))])[0]  # kept for groups used twice or more
        if total is not None:
            return int(total)
        row = self.passages([group], with_text=False).get(group)
        return row.documents if row is not None and row.group == group else 0

    def occurrences(
        self, passages: Iterable[int], limit: int | None = None, exclude: int | None = None
    ) -> dict[int, list[Occurrence]]:
        wanted = sorted({int(p) for p in passages})
        found: dict[int, list[Occurrence]] = {passage: [] for passage in wanted}
        if not wanted:
            return found
        if limit is None:
            blobs = self.run(("get", (self.keys.occurrences(p),)) for p in wanted)
        else:
            # the first uses, and a margin for the excluded document's own
            end = (limit + 16) * 12 - 1
            blobs = self.run(("getrange", (self.keys.occurrences(p), 0, end)) for p in wanted)
            short = [
                p for p, blob in zip(wanted, blobs, strict=True) if blob and len(blob) > end and exclude is not None
            ]
            if short:
                whole = dict(zip(short, self.run(("get", (self.keys.occurrences(p),)) for p in short), strict=True))
                blobs = [whole.get(p, blob) for p, blob in zip(wanted, blobs, strict=True)]
        rows: dict[int, np.ndarray] = {}
        documents: set[int] = set()
        for passage, blob in zip(wanted, blobs, strict=True):
            triples = np.frombuffer(blob or b"", dtype="<u4")[: (len(blob or b"") // 12) * 3].reshape(-1, 3)
            if exclude is not None:
                triples = triples[triples[:, 0] != exclude]
            if limit is not None:
                triples = triples[:limit]
            rows[passage] = triples
            documents.update(int(d) for d in np.unique(triples[:, 0]))
        names = self._document_names(documents)
        for passage, triples in rows.items():
            found[passage] = [
                Occurrence(passage, names[int(d)], int(d), int(paragraph), int(sentence))
                for d, paragraph, sentence in triples
            ]
        return found

    def _document_names(self, documents: Iterable[int]) -> dict[int, str]:
        wanted = sorted(documents)
        names: dict[int, str] = {}
        for chunk in chunked(wanted):
            values = self.run([("hmget", (self.keys.docnames, chunk))])[0]
            names.update((d, (v or b"").decode("utf-8")) for d, v in zip(chunk, values, strict=True))
        return names

    def known_words(self, words: Iterable[str]) -> set[str]:
        wanted = sorted(set(words))
        found: set[str] = set()
        for chunk in chunked(wanted):
            flags = self.run([("smismember", (self.keys.vocab, chunk))])[0]
            found.update(word for word, flag in zip(chunk, flags, strict=True) if flag)
        return found

    def document_occurrences(self, documents: Iterable[int]) -> dict[int, list[Occurrence]]:
        wanted = sorted({int(d) for d in documents})
        if not wanted:
            return {}
        replies = self.run(("hmget", (self.keys.doc(document), ["uses", "name"])) for document in wanted)
        found: dict[int, list[Occurrence]] = {}
        for document, (blob, name) in zip(wanted, replies, strict=True):
            triples = np.frombuffer(blob or b"", dtype="<u4")[: (len(blob or b"") // 12) * 3].reshape(-1, 3)
            named = (name or b"").decode("utf-8")
            found[document] = [Occurrence(int(p), named, document, int(a), int(b)) for p, a, b in triples]
        return found

    def document_with_digest(self, digest: str) -> tuple[int, str] | None:
        found = self.run([("hget", (self.keys.digests, digest))])[0]
        if found is None:
            return None
        document = int(found)
        return document, self._document_names([document])[document]

    def reference(self, name: str) -> str | None:
        found = self.run([("hget", (self.keys.names, name))])[0]
        if found is None:
            return None
        value = self.run([("hget", (self.keys.doc(int(found)), "reference"))])[0]
        return value.decode("utf-8") if value else None

    @property
    def document_count(self) -> int:
        return int(self.run([("hget", (self.keys.header, "documents"))])[0] or 0)

    def stats(self, top: int = 10) -> IndexStats:
        """As `Index.stats`. The groups are ranked by their distinct documents among the groups
        with the most uses in all (a document rarely uses two variants of one sentence, so the
        two rankings agree but for ties far down the list)."""
        raw, ranked_groups = self.run(
            [("hgetall", (self.keys.header,)), ("zrevrange", (self.keys.gs, 0, 3 * top + 20))]
        )
        header = {k.decode(): v.decode() for k, v in raw.items()}
        candidates = [int(g) for g in ranked_groups]
        ranked = []
        for group in candidates:
            members = self.ranked(group, None)
            uses = self.occurrences(members)
            documents = {o.document_id for found in uses.values() for o in found}
            if len(documents) >= 2:
                ranked.append((-len(documents), -len(members), group, members))
        ranked.sort()
        reused = []
        for used, _, _, members in ranked[:top]:
            rows = self.passages(members)
            examples = self.occurrences(members, limit=6)
            variants = [Variant(rows[p].text, rows[p].documents, [o.document for o in examples[p]]) for p in members]
            variants.sort(key=lambda variant: (-variant.documents, variant.text))
            reused.append(ReusedPassage(-used, variants))
        return IndexStats(
            path=self.path,
            built=header.get("built"),
            corpus=header.get("corpus") or None,
            documents=int(header.get("documents", 0)),
            passages=int(header.get("passages", 0)),
            fingerprints=int(header.get("fingerprints", 0)),
            segments=int(header.get("buckets", 0)),
            reused=reused,
            storage="redis",
        )
