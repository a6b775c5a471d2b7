"""Reading a shared index: the questions `pitlint.reuse.index.Index` answers, asked of the server."""

from __future__ import annotations

import struct
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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
    chunked,
    connect,
    pointer,
    redis_library,
    server_error,
    unpack_row,
    unreachable,
)

if TYPE_CHECKING:
    import redis


NUMBERS = (  # in the header
    "buckets",
    "passage_key_buckets",
    "documents",
    "passages",
    "fingerprints",
    "next_document",
    "next_passage",
)


# The current generation and its header, in one round trip. KEYS[1]: the pointer; ARGV[1]: the prefix.
_OPEN = """
local generation = redis.call('GET', KEYS[1])
if not generation then return false end
return {generation, redis.call('HGETALL', ARGV[1] .. ':' .. generation .. ':header')}
"""
# Passages' uses with their documents' names and references, in one round trip. KEYS: the passages'
# use buckets (`Keys.uses`), then the names hash; ARGV: the documents' key stem, the last byte to
# read (-1: all), the document left out ('' for none), whose own uses may push the others past that
# byte, the stem of the uses kept apart (`Keys.long_uses`), then the passages.
_OCCURRENCES = """
local names_key = KEYS[#KEYS]
local last = tonumber(ARGV[2])
local blobs, ids, seen = {}, {}, {}
for i = 1, #KEYS - 1 do
  local blob = redis.call('HGET', KEYS[i], ARGV[4 + i])
  if blob == '' then
    local long = ARGV[4] .. ARGV[4 + i]
    if last < 0 then
      blob = redis.call('GET', long)
    else
      blob = redis.call('GETRANGE', long, 0, last)
      if ARGV[3] ~= '' and blob and #blob > last then blob = redis.call('GET', long) end
    end
  end
  blob = blob or ''
  blobs[i] = blob
  for p = 1, #blob - 11, 12 do
    local document = struct.unpack('<I4', blob, p)
    if not seen[document] then
      seen[document] = true
      ids[#ids + 1] = document
    end
  end
end
local names, references = {}, {}
for first = 1, #ids, 1000 do
  local chunk = {}
  for i = first, math.min(first + 999, #ids) do chunk[#chunk + 1] = ids[i] end
  local found = redis.call('HMGET', names_key, unpack(chunk))
  for i = 1, #chunk do
    names[first + i - 1] = found[i]
    references[first + i - 1] = redis.call('HGET', ARGV[1] .. chunk[i], 'reference')
  end
end
return {blobs, ids, names, references}
"""
# Fingerprints' passages, in one round trip. KEYS: the buckets (`Keys.bucket`); ARGV: the stem of
# the lists kept apart (`Keys.long_bucket`), then for each bucket its number, how many fingerprints
# are asked of it, and those fingerprints.
_POSTINGS = """
local at, replies = 2, {}
for i = 1, #KEYS do
  local number, count = ARGV[at], tonumber(ARGV[at + 1])
  local values = {}
  for first = 1, count, 1000 do  -- (unpack takes a few thousand values at most)
    local fields = {}
    for j = first, math.min(first + 999, count) do fields[#fields + 1] = ARGV[at + 1 + j] end
    local found = redis.call('HMGET', KEYS[i], unpack(fields))
    for j = 1, #fields do
      if found[j] == '' then found[j] = redis.call('HGET', ARGV[1] .. number, fields[j]) end
      values[first + j - 1] = found[j]
    end
  end
  at = at + 2 + count
  replies[i] = values
end
return replies
"""


# Groups' most used variants with their rows, and each group's documents. KEYS: the groups' variant
# sets; ARGV: the generation's key stem, how many variants, passages per bucket (as `Keys.passage`),
# then the groups (a group with no set of its own is its only variant).
_TOP_VARIANTS = """
local base, count, per_bucket = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local replies = {}
for i = 1, #KEYS do
  local group = ARGV[i + 3]
  local members = redis.call('ZREVRANGE', KEYS[i], 0, count - 1)
  if #members == 0 then members = {group} end
  local fields = {}
  for _, member in ipairs(members) do
    local bucket = base .. ':p:' .. math.floor(tonumber(member) / per_bucket)
    fields[#fields + 1] = redis.call('HGET', bucket, member)
  end
  replies[i] = {members, fields, redis.call('ZSCORE', base .. ':gs', group)}
end
return replies
"""


# A document's uses and name, with the rows of the passages it uses (a Lua function the scripts
# below share): its hash's key, the generation's key stem, passages per bucket (as `Keys.passage`).
_USES_WITH_ROWS = """
local function uses_with_rows(key, base, per_bucket)
  local found = redis.call('HMGET', key, 'uses', 'name')
  local blob = found[1] or ''
  local ids, fields, seen = {}, {}, {}
  for p = 1, #blob - 11, 12 do
    local passage = struct.unpack('<I4', blob, p)
    if not seen[passage] then
      seen[passage] = true
      ids[#ids + 1] = passage
      local bucket = base .. ':p:' .. math.floor(passage / per_bucket)
      fields[#fields + 1] = redis.call('HGET', bucket, passage)
    end
  end
  return {found[1], found[2], ids, fields}
end
"""
# Documents' `uses_with_rows`. KEYS: the documents' hashes; ARGV: the key stem, passages per bucket.
_DOCUMENT_USES = (
    _USES_WITH_ROWS
    + """
local replies = {}
for i = 1, #KEYS do replies[i] = uses_with_rows(KEYS[i], ARGV[1], tonumber(ARGV[2])) end
return replies
"""
)
# The document with a digest, its `uses_with_rows`, and the document count. KEYS: the digests and
# the header; ARGV: the digest, the key stem, passages per bucket.
_DIGEST = (
    _USES_WITH_ROWS
    + """
local count = redis.call('HGET', KEYS[2], 'documents')
local document = redis.call('HGET', KEYS[1], ARGV[1])
if not document then return {false, count, false} end
return {document, count, uses_with_rows(ARGV[2] .. ':doc:' .. document, ARGV[2], tonumber(ARGV[3]))}
"""
)


@dataclass
class _ReadCache:
    """What one reading has learnt from the server (see `RedisIndex.read_consistently`)."""

    passages: dict[int, Passage] = field(default_factory=dict)
    missing: set[int] = field(default_factory=set)
    names: dict[int, str] = field(default_factory=dict)
    references: dict[str, str | None] = field(default_factory=dict)
    ranked: dict[int, tuple[int, list[int]]] = field(default_factory=dict)  # group -> (how many asked, ids)
    totals: dict[int, object] = field(default_factory=dict)  # group -> its documents (zscore's reply)
    count: int | None = None
    uses: dict[int, tuple[bytes, bytes | None]] = field(default_factory=dict)  # document -> (uses, name)


def _rows(passages: list[int], fields: list) -> dict[int, Passage]:
    """Passages' rows from a reply: one packed row each (`pack_row`), None for a passage the index
    does not have."""
    return {passage: unpack_row(passage, row) for passage, row in zip(passages, fields, strict=True) if row}


def _u32(blob: bytes) -> list[int]:
    """Little-endian 32-bit values (passage ids, as the server stores them)."""
    return list(struct.unpack(f"<{len(blob) // 4}I", blob[: len(blob) - len(blob) % 4]))


def _triples(blob: bytes) -> np.ndarray:
    """Uses packed as the index writes them (`queue_document`): (document or passage, paragraph,
    sentence) as three little-endian 32-bit numbers each; a torn last one is left out."""
    return np.frombuffer(blob, dtype="<u4")[: (len(blob) // 12) * 3].reshape(-1, 3)


def _by_bucket(passages: list[int]) -> dict[int, list[int]]:
    by_bucket: dict[int, list[int]] = defaultdict(list)
    for passage in passages:
        by_bucket[passage // PASSAGES_PER_BUCKET].append(passage)
    return by_bucket


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
        self.passage_key_buckets = int(header["passage_key_buckets"])
        self._seen_version: int | None = int(header.get("version") or 0)  # as of opening
        self._cache: _ReadCache | None = None  # only while a reading runs: see read_consistently

    @classmethod
    def open(cls, text: str) -> RedisIndex:
        address = Address.parse(text)
        redis = redis_library(address)
        client = connect(address, ping=False)  # (the first command says as well whether the server is there)
        try:
            found = client.eval(_OPEN, 1, pointer(address.prefix), address.prefix)
            if not found:
                raise CorpusError(
                    f"{address.shown}: no pitlint index on this server under the prefix {address.prefix!r}; "
                    f"build one with `pitlint corpus build DIR --index {address.shown}`"
                )
            generation = int(found[0])
            raw = dict(zip(found[1][::2], found[1][1::2], strict=True))
        except CorpusError:
            client.close()
            raise
        except ValueError:
            client.close()
            raise CorpusError(
                f"{address.shown}: the key {pointer(address.prefix)} is not pitlint's; choose another prefix"
            ) from None
        except (redis.ConnectionError, redis.TimeoutError) as error:
            client.close()
            raise unreachable(address, error) from None
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

    def reconnected(self) -> RedisIndex:
        """This index (the same generation) over a connection of this process's own (a forked
        worker's: a socket is not shared between processes)."""
        return RedisIndex(connect(self.address, ping=False), self.address, self.generation, self.header)

    def _version(self) -> int:
        return int(self.run([("hget", (self.keys.header, "version"))])[0] or 0)

    def read_consistently(self, reading: Callable[[], T]) -> T:
        """Run several reads as of one state of the index: every `add` bumps the header's version
        in its transaction, so a reading that saw the version change is repeated (a check never
        mixes the state before an addition with the state after it). The version before a reading
        is the one seen last (at opening, or after the previous reading): an addition since then
        makes the reading repeat, which is safe, and saves a round trip per draft. While a reading
        runs, what it reads is kept (names, passages, references), so one check asks the server
        about each thing once."""
        for _ in range(CONSISTENT_READ_ATTEMPTS):
            version = self._seen_version if self._seen_version is not None else self._version()
            self._cache = _ReadCache()
            try:
                result = reading()
            finally:
                self._cache = None
            self._seen_version = self._version()
            if self._seen_version == version:
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

    def lookup(self, prints: Sequence[int], owners: Sequence[int]) -> tuple[list[int], list[int], list[float]]:
        """As `Index.lookup`: every (item, passage) pair sharing a fingerprint, and its weight."""
        if not len(prints):
            return [], [], []
        return self.lookup_with(prints, owners, {})

    def lookup_with(
        self, prints: Sequence[int], owners: Sequence[int], pending: dict[bytes, bytes]
    ) -> tuple[list[int], list[int], list[float]]:
        """``lookup``, with ``pending`` postings (fingerprint -> packed passages) not yet written."""
        mask = self.buckets - 1
        fields = [value.to_bytes(8, "little") for value in prints]
        by_bucket: dict[int, list[int]] = defaultdict(list)
        for position, value in enumerate(prints):
            by_bucket[value & mask].append(position)
        keys, arguments = [], [f"{self.keys.base}:fl:"]
        for number, positions in by_bucket.items():
            keys.append(self.keys.bucket(number))
            arguments += [number, len(positions), *(fields[p] for p in positions)]
        replies = self.run([("eval", (_POSTINGS, len(keys), *keys, *arguments))])[0] if keys else []
        items: list[int] = []
        found: list[int] = []
        weights: list[float] = []
        for positions, values in zip(by_bucket.values(), replies, strict=True):
            for position, value in zip(positions, values, strict=True):
                value = (value or b"") + pending.get(fields[position], b"")
                if value:
                    passages = _u32(value)
                    found += passages
                    items += [owners[position]] * len(passages)
                    weights += [1.0 / len(passages)] * len(passages)
        return items, found, weights

    # rows

    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]:
        """Passages' rows, with their text whatever ``with_text`` says (a row is one field)."""
        wanted = sorted({int(i) for i in ids})
        cache = self._cache
        rows: dict[int, Passage] = {}
        if cache is not None:
            rows = {passage: cache.passages[passage] for passage in wanted if passage in cache.passages}
            wanted = [p for p in wanted if p not in rows and p not in cache.missing]
        for chunk in chunked(wanted):
            self._passage_rows(chunk, self.run(self._passage_commands(chunk)), rows)
        return rows

    def _passage_commands(self, passages: list[int]) -> list[tuple[str, tuple]]:
        return [
            ("hmget", (self.keys.passage(members[0]), [str(p) for p in members]))
            for members in _by_bucket(passages).values()
        ]

    def _passage_rows(self, passages: list[int], replies: list, rows: dict[int, Passage]) -> None:
        """Read the replies to `_passage_commands` into ``rows`` (and the reading's cache)."""
        cache = self._cache
        for members, values in zip(_by_bucket(passages).values(), replies, strict=True):
            found = _rows(members, values)
            rows.update(found)
            if cache is not None:
                cache.passages.update(found)
                cache.missing.update(p for p in members if p not in found)

    def ranked(self, group: int, count: int | None) -> list[int]:
        """A group's variants, most used first (ties: the oldest)."""
        (members,) = self.run([("zrevrange", (self.keys.gm(group), 0, -1 if count is None else count - 1))])
        return [int(member) for member in members] if members else [group]

    def top_variants(self, group: int, count: int = 3) -> list[Passage]:
        return self.top_variants_of([group], count)[group]

    def top_variants_of(self, groups: Iterable[int], count: int = 3) -> dict[int, list[Passage]]:
        """The most used variants of several groups, with their rows and each group's documents
        (`group_documents`), in one round trip: a script on the server reads all three (a draft
        reuses dozens of passages; a trip each would add up across a network)."""
        wanted = sorted(set(groups))
        cache = self._cache
        ranked: dict[int, list[int]] = {}
        if cache is not None:  # a longer list read before serves a shorter one
            for group in wanted:
                fetched, ids = cache.ranked.get(group, (0, []))
                if fetched >= count or (fetched and len(ids) < fetched):
                    ranked[group] = ids[:count]
        rows: dict[int, Passage] = {}
        asking = [group for group in wanted if group not in ranked]
        for chunk in chunked(asking):
            keys = [self.keys.gm(group) for group in chunk]
            (replies,) = self.run(
                [("eval", (_TOP_VARIANTS, len(keys), *keys, self.keys.base, count, PASSAGES_PER_BUCKET, *chunk))]
            )
            for group, (members, fields, total) in zip(chunk, replies, strict=True):
                ranked[group] = [int(m) for m in members]
                found = _rows(ranked[group], fields)
                rows.update(found)
                if cache is not None:
                    cache.passages.update(found)
                    cache.ranked[group] = (count, ranked[group])
                    cache.totals[group] = total
        missing = {p for ids in ranked.values() for p in ids if p not in rows}
        if missing:  # variants read before, served from the reading's cache where it has them
            rows.update(self.passages(missing))
        return {group: [rows[p] for p in ids if p in rows and rows[p].group == group] for group, ids in ranked.items()}

    def group_documents(self, group: int) -> int:
        cache = self._cache
        if cache is not None and group in cache.totals:
            total = cache.totals[group]
        else:
            total = self.run([("zscore", (self.keys.gs, group))])[0]  # kept for groups used twice or more
        if total is not None:
            return int(total)
        row = self.passages([group], with_text=False).get(group)
        return row.documents if row is not None and row.group == group else 0

    def occurrences(
        self, passages: Iterable[int], limit: int | None = None, exclude: int | None = None
    ) -> dict[int, list[Occurrence]]:
        """Each passage's uses, named, in one round trip (a script on the server reads the uses and
        the names of their documents together). Within a reading, the passages' own rows and the
        documents' references come in the same trip: a check asks for them next."""
        wanted = sorted({int(p) for p in passages})
        found: dict[int, list[Occurrence]] = {passage: [] for passage in wanted}
        if not wanted:
            return found
        last = -1 if limit is None else (limit + 16) * 12 - 1  # the first uses, and a margin for `exclude`'s
        cache = self._cache
        prefetch = set() if cache is None else {p for p in wanted if p not in cache.passages and p not in cache.missing}
        blobs: list[bytes] = []
        names_of: dict[int, str] = {}
        for chunk in chunked(wanted):
            keys = [*(self.keys.uses(p) for p in chunk), self.keys.docnames]
            left_out = "" if exclude is None else exclude
            arguments = (f"{self.keys.base}:doc:", last, left_out, f"{self.keys.base}:o:", *chunk)
            commands: list[tuple[str, tuple]] = [("eval", (_OCCURRENCES, len(keys), *keys, *arguments))]
            ahead = [p for p in chunk if p in prefetch]
            commands += self._passage_commands(ahead)
            replies = self.run(commands)
            chunk_blobs, ids, names, references = replies[0]
            blobs += [blob or b"" for blob in chunk_blobs]
            self._learn_names(ids, names, references, names_of)
            if ahead:
                self._passage_rows(ahead, replies[1:], {})
        for passage, blob in zip(wanted, blobs, strict=True):
            triples = _triples(blob)
            if exclude is not None:
                triples = triples[triples[:, 0] != exclude]
            if limit is not None:
                triples = triples[:limit]
            found[passage] = [
                Occurrence(passage, names_of.get(int(d), ""), int(d), int(paragraph), int(sentence))
                for d, paragraph, sentence in triples
            ]
        return found

    def _learn_names(self, ids: list, names: list, references: list, learnt: dict[int, str]) -> None:
        """Keep the names (and references) a script sent, in ``learnt`` and for the rest of the reading."""
        for document, name, reference in zip(ids, names, references, strict=True):
            named = (name or b"").decode("utf-8")
            learnt[int(document)] = named
            if self._cache is not None:
                self._cache.names[int(document)] = named
                self._cache.references[named] = (reference or b"").decode("utf-8") or None

    def _document_names(self, documents: Iterable[int]) -> dict[int, str]:
        wanted = sorted(documents)
        cache = self._cache
        names: dict[int, str] = {}
        if cache is not None:
            names = {d: cache.names[d] for d in wanted if d in cache.names}
            wanted = [d for d in wanted if d not in names]
        for chunk in chunked(wanted):
            values = self.run([("hmget", (self.keys.docnames, chunk))])[0]
            names.update((d, (v or b"").decode("utf-8")) for d, v in zip(chunk, values, strict=True))
        if cache is not None:
            cache.names.update(names)
        return names

    def known_words(self, words: Iterable[str]) -> set[str]:
        wanted = sorted(set(words))
        found: set[str] = set()
        for chunk in chunked(wanted):
            flags = self.run([("smismember", (self.keys.vocab, chunk))])[0]
            found.update(word for word, flag in zip(chunk, flags, strict=True) if flag)
        return found

    def document_occurrences(self, documents: Iterable[int]) -> dict[int, list[Occurrence]]:
        """Each document's sentences in reading order. Within a reading, a script on the server
        sends the rows of the passages they use in the same trip (a check compares the draft with
        those documents' wording next)."""
        wanted = sorted({int(d) for d in documents})
        if not wanted:
            return {}
        cache = self._cache
        known = cache.uses if cache is not None else {}
        asking = [document for document in wanted if document not in known]
        replies: dict[int, tuple[bytes | None, bytes | None]] = {}
        if asking and cache is not None:
            keys = [self.keys.doc(document) for document in asking]
            (found,) = self.run([("eval", (_DOCUMENT_USES, len(keys), *keys, self.keys.base, PASSAGES_PER_BUCKET))])
            for document, reply in zip(asking, found, strict=True):
                replies[document] = (reply[0], reply[1])
                self._learn_uses(document, reply)
        elif asking:
            commands = (("hmget", (self.keys.doc(d), ["uses", "name"])) for d in asking)
            replies = {d: tuple(reply) for d, reply in zip(asking, self.run(commands), strict=True)}
        found_uses: dict[int, list[Occurrence]] = {}
        for document in wanted:
            blob, name = known[document] if document in known else replies[document]
            triples = _triples(blob or b"")
            named = (name or b"").decode("utf-8")
            found_uses[document] = [Occurrence(int(p), named, document, int(a), int(b)) for p, a, b in triples]
        return found_uses

    def document_with_digest(self, digest: str) -> tuple[int, str] | None:
        """The document with this text, if any, in one round trip: a script also reads the
        document count and, when the draft is an issued PIT, its uses and their passages (a check
        asks for all of them next)."""
        keys = (self.keys.digests, self.keys.header)
        arguments = (digest, self.keys.base, PASSAGES_PER_BUCKET)
        found, count, uses = self.run([("eval", (_DIGEST, len(keys), *keys, *arguments))])[0]
        if self._cache is not None:
            self._cache.count = int(count or 0)
        if not found:
            return None
        document = int(found)
        self._learn_uses(document, uses)
        return document, (uses[1] or b"").decode("utf-8")

    def _learn_uses(self, document: int, reply: list) -> None:
        """Keep a `uses_with_rows` reply (a document's uses, name and passages) for the reading."""
        if self._cache is None:
            return
        blob, name, ids, fields = reply
        self._cache.passages.update(_rows([int(i) for i in ids], fields))
        self._cache.uses[document] = (blob or b"", name)
        self._cache.names[document] = (name or b"").decode("utf-8")

    def reference(self, name: str) -> str | None:
        if self._cache is not None and name in self._cache.references:
            return self._cache.references[name]
        found = self.run([("hget", (self.keys.names, name))])[0]
        if found is None:
            return None
        value = self.run([("hget", (self.keys.doc(int(found)), "reference"))])[0]
        return value.decode("utf-8") if value else None

    @property
    def document_count(self) -> int:
        if self._cache is not None and self._cache.count is not None:
            return self._cache.count
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
