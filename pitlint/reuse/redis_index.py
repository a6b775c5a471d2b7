"""The corpus index on a Redis server: one index that a force's drafters and CI runners, or a
region's forces, all query, and that every newly issued PIT is added to at once.

It holds what the embedded index holds, and answers the same questions with the same results
(`pitlint.reuse.matching` cannot tell them apart), so a draft gets the same findings from either.
``corpus build`` builds the embedded index in a temporary folder, so passage ids, capped
fingerprints and variant groups are the embedded build's by construction, and loads it into a new
*generation* of keys; the ``current`` pointer is switched in one command, and the old generation
expires ten minutes later, so a check that started before the switch finishes on the data it began
with. ``corpus add`` applies the embedded add's algorithm and writes each call's documents in one
MULTI/EXEC transaction: a check sees a document entirely or not at all.

Keys, under a prefix (``?prefix=`` in the address, default ``pitlint``) so that several corpora
share one server; ``G`` is ``<prefix>:<generation>``:

- ``<prefix>:current``, ``<prefix>:generations``, ``<prefix>:lock``: pointer, counter, writer lock;
- ``G:header`` (hash): format, fingerprint settings, counters, bucket count, where it was built from;
- ``G:doc:<id>`` (hash), ``G:names``, ``G:digests``, ``G:docnames`` (hashes): documents;
- ``G:pk`` (hash, passage key -> id); ``G:p:<b>`` (hash of 64 passages: ``t<id>`` its text,
  ``n<id>`` its normalised words, ``c<id>`` how many documents use it, ``g<id>`` its variant
  group; one HMGET reads what a comparison needs of every passage in a bucket);
- ``G:gm:<group>`` (sorted set): the variants of a group with more than one, ranked by use;
  ``G:gs`` (sorted set): groups by total uses, for ``corpus stats``;
- ``G:o:<passage>`` (string): its occurrences, packed (document, paragraph, sentence) in
  document order, so the first few uses are one GETRANGE;
- ``G:f:<b>`` (hash): fingerprint (8 bytes) -> the passages holding it (packed), about 64
  fingerprints per bucket so that Redis stores each bucket compactly; a draft's look-up is one
  round trip of HMGETs that return only the postings asked for;
- ``G:capped`` (string), ``G:vocab`` (set).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import numpy as np

from pitlint.errors import CorpusError, ReadError
from pitlint.reuse import fingerprints as fp
from pitlint.reuse import index as embedded
from pitlint.reuse.corpus import CorpusDocument, load_document
from pitlint.reuse.index import (
    ALREADY_INDEXED,
    FORMAT,
    VARIANTS_COUNTED,
    IndexStats,
    Occurrence,
    Passage,
    Progress,
    ReusedPassage,
    T,
    Variant,
)

if TYPE_CHECKING:
    import redis

SCHEMES = ("redis://", "rediss://", "unix://")
DEFAULT_PREFIX = "pitlint"
DEFAULT_TIMEOUT = 10.0  # seconds, to connect and for each reply
PASSAGES_PER_BUCKET = 64
FINGERPRINTS_PER_BUCKET = 64
OLD_GENERATION_EXPIRES = 600  # seconds a replaced generation stays readable
CONSISTENT_READ_ATTEMPTS = 20  # readings repeated while additions keep landing in the middle of them
LOCK_SECONDS = 30  # the writer lock's lease, renewed while the writer runs
_RANK = 1 << 32  # sorted-set score: uses * _RANK + (_RANK - 1 - id): most used first, then oldest
_BATCH = 2000


def is_address(text: str | None) -> bool:
    return bool(text) and text.startswith(SCHEMES)


@dataclass(frozen=True)
class Address:
    url: str  # for redis-py, without pitlint's own parameters
    prefix: str
    timeout: float
    shown: str  # for messages: the address without its password

    @classmethod
    def parse(cls, text: str) -> Address:
        """``redis://[:password@]host:port/db?prefix=NAME&timeout=SECONDS`` (or rediss://, unix://)."""
        parts = urlsplit(text)
        query = parse_qs(parts.query)
        prefix = query.pop("prefix", [DEFAULT_PREFIX])[0]
        try:
            timeout = float(query.pop("timeout", [DEFAULT_TIMEOUT])[0])
        except ValueError:
            raise CorpusError(f"{text}: timeout must be a number of seconds") from None
        if not prefix or any(c in prefix for c in " {}*?[]"):
            raise CorpusError(f"{text}: the prefix must be a plain name (no spaces, braces or wildcards)")
        if timeout <= 0:
            raise CorpusError(f"{text}: timeout must be more than 0 seconds")
        rest = urlencode({key: values[0] for key, values in query.items()})
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, rest, ""))
        netloc = parts.netloc.rsplit("@", 1)[-1]
        shown = urlunsplit(
            (parts.scheme, netloc, parts.path, "" if prefix == DEFAULT_PREFIX else f"prefix={prefix}", "")
        )
        return cls(url, prefix, timeout, shown)


def connect(address: Address) -> redis.Redis:
    """A client that fails fast: one retry, bounded waits, a clear error when the server is not there."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    try:
        client = redis.Redis.from_url(
            address.url,
            socket_connect_timeout=address.timeout,
            socket_timeout=address.timeout,
            retry=Retry(NoBackoff(), 1),
        )
        client.ping()
    except ValueError as error:
        raise CorpusError(f"{address.shown}: not a usable Redis address ({error})") from None
    except redis.RedisError as error:
        raise CorpusError(f"{address.shown}: cannot reach the corpus server ({_reason(error, address)})") from None
    return client


def _reason(error: Exception, address: Address) -> str:
    import redis

    if isinstance(error, redis.TimeoutError):
        return f"no answer within {address.timeout:g} s"
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text.rstrip(".")


class _Keys:
    """The key names of one generation."""

    def __init__(self, prefix: str, generation: int) -> None:
        self.base = f"{prefix}:{generation}"
        self.header = f"{self.base}:header"
        self.names = f"{self.base}:names"
        self.digests = f"{self.base}:digests"
        self.docnames = f"{self.base}:docnames"
        self.pk = f"{self.base}:pk"
        self.gs = f"{self.base}:gs"
        self.capped = f"{self.base}:capped"
        self.vocab = f"{self.base}:vocab"

    def doc(self, document: int) -> str:
        return f"{self.base}:doc:{document}"

    def passage(self, passage: int) -> str:
        """The hash holding a passage's fields (``t``/``n``/``c``/``g`` + its id)."""
        return f"{self.base}:p:{passage // PASSAGES_PER_BUCKET}"

    def gm(self, group: int) -> str:
        return f"{self.base}:gm:{group}"

    def occurrences(self, passage: int) -> str:
        return f"{self.base}:o:{passage}"

    def bucket(self, number: int) -> str:
        return f"{self.base}:f:{number}"


def _pointer(prefix: str) -> str:
    return f"{prefix}:current"


def _rank(documents: int, passage: int) -> int:
    return documents * _RANK + (_RANK - 1 - passage)


def _bucket_of(hashes: np.ndarray, buckets: int) -> np.ndarray:
    return (hashes & np.uint64(buckets - 1)).astype(np.int64)


def _postings_by_field(hashes: np.ndarray, owners: np.ndarray, buckets: int) -> Iterator[tuple[int, bytes, bytes]]:
    """(bucket, fingerprint as 8 bytes, its passages packed) for postings, bucket by bucket."""
    numbers = _bucket_of(hashes, buckets)
    order = np.lexsort((owners, hashes, numbers))
    numbers, hashes, owners = numbers[order], hashes[order], owners[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]]) if len(hashes) else np.zeros(0, int)
    keys = hashes.astype("<u8").tobytes()
    packed = owners.astype("<u4").tobytes()
    for start, end in itertools.pairwise([*starts.tolist(), len(hashes)]):
        yield int(numbers[start]), keys[8 * start : 8 * start + 8], packed[4 * start : 4 * end]


def _chunked(items: list, size: int = _BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- reading ----------------------------------------------------------------------------------


class RedisIndex:
    """An open Redis index: the same questions as `pitlint.reuse.index.Index`, asked of the
    generation that was current when it was opened."""

    def __init__(self, client: redis.Redis, address: Address, generation: int, header: dict) -> None:
        self.client = client
        self.address = address
        self.keys = _Keys(address.prefix, generation)
        self.generation = generation
        self.header = header
        self.path = address.shown
        self.buckets = int(header["buckets"])

    @classmethod
    def open(cls, text: str) -> RedisIndex:
        import redis

        address = Address.parse(text)
        client = connect(address)
        try:
            current = client.get(_pointer(address.prefix))
            if current is None:
                raise CorpusError(
                    f"{address.shown}: no pitlint index on this server under the prefix {address.prefix!r}; "
                    f"build one with `pitlint corpus build DIR --index {address.shown}`"
                )
            generation = int(current)
            raw = client.hgetall(_Keys(address.prefix, generation).header)
        except CorpusError:
            client.close()
            raise
        except ValueError:
            client.close()
            raise CorpusError(
                f"{address.shown}: the key {_pointer(address.prefix)} is not pitlint's; choose another prefix"
            ) from None
        except redis.RedisError as error:
            client.close()
            raise _server_error(address, error) from None
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
        return cls(client, address, generation, header)

    def close(self) -> None:
        self.client.close()

    def _version(self) -> int:
        return int(self._run([("hget", (self.keys.header, "version"))])[0] or 0)

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

    def _run(self, commands: Iterable[tuple[str, tuple]]) -> list:
        """Commands sent in one round trip (a pipeline without a transaction)."""
        import redis

        pipe = self.client.pipeline(transaction=False)
        for name, arguments in commands:
            getattr(pipe, name)(*arguments)
        try:
            return pipe.execute()
        except redis.RedisError as error:
            raise _server_error(self.address, error) from None

    # candidates

    def lookup(self, prints: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """As `Index.lookup`: every (item, passage) pair sharing a fingerprint."""
        if not len(prints):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return self._lookup(prints, owners, {})

    def _lookup(
        self, prints: np.ndarray, owners: np.ndarray, pending: dict[bytes, bytes]
    ) -> tuple[np.ndarray, np.ndarray]:
        """``lookup``, with ``pending`` postings (fingerprint -> packed passages) not yet written."""
        buckets = _bucket_of(prints, self.buckets)
        fields = prints.astype("<u8").tobytes()
        by_bucket: dict[int, list[int]] = defaultdict(list)
        for position, number in enumerate(buckets.tolist()):
            by_bucket[number].append(position)
        commands = [
            ("hmget", (self.keys.bucket(number), [fields[8 * p : 8 * p + 8] for p in positions]))
            for number, positions in by_bucket.items()
        ]
        items, found = [], []
        for positions, values in zip(by_bucket.values(), self._run(commands), strict=True):
            for position, value in zip(positions, values, strict=True):
                value = (value or b"") + pending.get(fields[8 * position : 8 * position + 8], b"")
                if value:
                    passages = np.frombuffer(value, dtype="<u4")
                    found.append(passages)
                    items.append(np.full(len(passages), owners[position], dtype=np.int64))
        if not items:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(items).astype(np.int64), np.concatenate(found).astype(np.int64)

    # rows

    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]:
        wanted = sorted({int(i) for i in ids})
        rows: dict[int, Passage] = {}
        for chunk in _chunked(wanted):
            by_bucket: dict[int, list[int]] = defaultdict(list)
            for passage in chunk:
                by_bucket[passage // PASSAGES_PER_BUCKET].append(passage)
            kinds = "ncgt" if with_text else "ncg"
            commands = [
                ("hmget", (self.keys.passage(members[0]), [f"{kind}{p}" for p in members for kind in kinds]))
                for members in by_bucket.values()
            ]
            for members, values in zip(by_bucket.values(), self._run(commands), strict=True):
                for number, passage in enumerate(members):
                    fields = values[len(kinds) * number : len(kinds) * (number + 1)]
                    if fields[0] is None:
                        continue
                    norm = fields[0].decode("utf-8")
                    original = fields[3].decode("utf-8") if with_text else ""
                    rows[passage] = Passage(passage, original, norm, len(norm.split()), int(fields[1]), int(fields[2]))
        return rows

    def _ranked(self, group: int, count: int | None) -> list[int]:
        """A group's variants, most used first (ties: the oldest)."""
        members = self.client.zrevrange(self.keys.gm(group), 0, -1 if count is None else count - 1)
        return [int(member) for member in members] if members else [group]

    def top_variants(self, group: int, count: int = 3) -> list[Passage]:
        ids = self._ranked(group, count)
        rows = self.passages(ids)
        return [rows[passage] for passage in ids if passage in rows and rows[passage].group == group]

    def group_documents(self, group: int, containing: str | None = None) -> int:
        if containing is None:  # groups used twice or more keep their total in G:gs
            total = self._run([("zscore", (self.keys.gs, group))])[0]
            if total is not None:
                return int(total)
            row = self.passages([group], with_text=False).get(group)
            return row.documents if row is not None and row.group == group else 0
        ids = self._ranked(group, VARIANTS_COUNTED)
        rows = self.passages(ids, with_text=False)
        needle = f" {containing} "
        return sum(row.documents for row in rows.values() if row.group == group and needle in f" {row.norm} ")

    def occurrences(
        self, passages: Iterable[int], limit: int | None = None, exclude: int | None = None
    ) -> dict[int, list[Occurrence]]:
        wanted = sorted({int(p) for p in passages})
        found: dict[int, list[Occurrence]] = {passage: [] for passage in wanted}
        if not wanted:
            return found
        if limit is None:
            blobs = self._run(("get", (self.keys.occurrences(p),)) for p in wanted)
        else:
            # the first uses, and a margin for the excluded document's own
            end = (limit + 16) * 12 - 1
            blobs = self._run(("getrange", (self.keys.occurrences(p), 0, end)) for p in wanted)
            short = [
                p for p, blob in zip(wanted, blobs, strict=True) if blob and len(blob) > end and exclude is not None
            ]
            if short:
                whole = dict(zip(short, self._run(("get", (self.keys.occurrences(p),)) for p in short), strict=True))
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
        for chunk in _chunked(wanted):
            values = self._run([("hmget", (self.keys.docnames, chunk))])[0]
            names.update((d, (v or b"").decode("utf-8")) for d, v in zip(chunk, values, strict=True))
        return names

    def known_words(self, words: Iterable[str]) -> set[str]:
        wanted = sorted(set(words))
        found: set[str] = set()
        for chunk in _chunked(wanted):
            flags = self._run([("smismember", (self.keys.vocab, chunk))])[0]
            found.update(word for word, flag in zip(chunk, flags, strict=True) if flag)
        return found

    def document_passages(self, document: int) -> set[int]:
        blob = self._run([("hget", (self.keys.doc(document), "passages"))])[0]
        return {int(p) for p in np.frombuffer(blob or b"", dtype="<u4")}

    def document_with_digest(self, digest: str) -> tuple[int, str] | None:
        found = self._run([("hget", (self.keys.digests, digest))])[0]
        if found is None:
            return None
        document = int(found)
        return document, self._document_names([document])[document]

    def reference(self, name: str) -> str | None:
        found = self._run([("hget", (self.keys.names, name))])[0]
        if found is None:
            return None
        value = self._run([("hget", (self.keys.doc(int(found)), "reference"))])[0]
        return value.decode("utf-8") if value else None

    @property
    def document_count(self) -> int:
        return int(self._run([("hget", (self.keys.header, "documents"))])[0] or 0)

    def stats(self, top: int = 10) -> IndexStats:
        """As `Index.stats`. The groups are ranked by their distinct documents among the groups
        with the most uses in all (a document rarely uses two variants of one sentence, so the
        two rankings agree but for ties far down the list)."""
        header = {k.decode(): v.decode() for k, v in self.client.hgetall(self.keys.header).items()}
        candidates = [int(g) for g in self.client.zrevrange(self.keys.gs, 0, 3 * top + 20)]
        ranked = []
        for group in candidates:
            members = self._ranked(group, None)
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


def _server_error(address: Address, error: Exception) -> CorpusError:
    return CorpusError(f"{address.shown}: the corpus server failed ({_reason(error, address)})")


# -- writing ----------------------------------------------------------------------------------


class _WriterLock:
    """One writer at a time per prefix (a build, or an add): a lease renewed while the writer
    runs, so a writer that dies frees it within LOCK_SECONDS."""

    def __init__(self, client: redis.Redis, address: Address, notify: Any = None) -> None:
        self.lock = client.lock(f"{address.prefix}:lock", timeout=LOCK_SECONDS, sleep=0.05, thread_local=False)
        self.notify = notify
        self.stop = threading.Event()
        self.renewer = threading.Thread(target=self._renew, daemon=True)

    def _renew(self) -> None:
        import redis

        while not self.stop.wait(LOCK_SECONDS / 3):
            try:
                self.lock.reacquire()
            except redis.RedisError:  # the lease was lost: the transaction's WATCH notices
                return

    def __enter__(self) -> _WriterLock:
        if not self.lock.acquire(blocking=False):
            if self.notify:
                self.notify("waiting for another writer to this index to finish")
            self.lock.acquire(blocking=True)
        self.renewer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.renewer.join()
        with contextlib.suppress(Exception):  # an expired lease has nothing to release
            self.lock.release()


def build(
    corpus: Path,
    target: str,
    *,
    files: list[tuple[Path, str]] | None = None,
    manifest: dict | None = None,
    progress: Progress | None = None,
    notify: Any = None,
) -> embedded.BuildResult:
    """Index a folder of PITs into a new generation on the server and make it current."""
    import tempfile

    import redis

    started = time.perf_counter()
    address = Address.parse(target)
    client = connect(address)
    try:
        _warn_if_evicting(client, address, notify)
        with _WriterLock(client, address, notify), tempfile.TemporaryDirectory(prefix="pitlint-build-") as folder:
            staged_path = Path(folder) / "index"
            result = embedded.build(corpus, staged_path, files=files, manifest=manifest, progress=progress)
            staged = embedded.Index.open(staged_path)
            try:
                generation = int(client.incr(f"{address.prefix}:generations"))
                keys = _Keys(address.prefix, generation)
                try:
                    _load(client, keys, staged, corpus)
                except BaseException:  # interrupted or refused: what was loaded goes away
                    with contextlib.suppress(redis.RedisError):
                        _expire_generation(client, keys, 0)
                    raise
            finally:
                staged.close()
            previous = client.set(_pointer(address.prefix), generation, get=True)
            if previous is not None:
                _expire_generation(client, _Keys(address.prefix, int(previous)))
    except redis.RedisError as error:
        raise _server_error(address, error) from None
    finally:
        client.close()
    result.seconds = time.perf_counter() - started
    return result


def _warn_if_evicting(client: redis.Redis, address: Address, notify: Any) -> None:
    """A server that may evict keys when full would drop parts of the index without a word."""
    import redis

    try:
        found = client.config_get("maxmemory-policy")
    except redis.RedisError:  # CONFIG is often disabled on managed servers
        return
    policy = next(iter(found.values()), b"noeviction") if found else b"noeviction"
    policy = policy.decode() if isinstance(policy, bytes) else str(policy)
    if policy != "noeviction" and notify:
        notify(
            f"{address.shown}: the server's maxmemory-policy is {policy}: when full it will drop parts of the "
            "index; set it to noeviction"
        )


def _expire_generation(client: redis.Redis, keys: _Keys, seconds: int = OLD_GENERATION_EXPIRES) -> None:
    """Let a generation's keys expire (now, with 0 seconds)."""
    pipe = client.pipeline(transaction=False)
    for count, key in enumerate(client.scan_iter(match=f"{keys.base}:*", count=5000), start=1):
        pipe.expire(key, seconds) if seconds else pipe.unlink(key)
        if count % _BATCH == 0:
            pipe.execute()
    pipe.execute()


def _load(client: redis.Redis, keys: _Keys, staged: embedded.Index, corpus: Path | None) -> None:
    """Copy a finished embedded index into a generation's keys."""
    db = staged.db
    pipe = client.pipeline(transaction=False)
    pending = 0

    def flush(force: bool = False) -> None:
        nonlocal pending
        if pending >= _BATCH or (force and pending):
            pipe.execute()
            pending = 0

    passages_of: dict[int, list[int]] = defaultdict(list)
    current: int | None = None
    rows: list[tuple[int, int, int]] = []
    for passage, document, paragraph, sentence in db.execute(
        "SELECT passage, document, paragraph, sentence FROM occurrences ORDER BY passage, document, paragraph, sentence"
    ):
        if passage != current:
            if current is not None:
                pipe.set(keys.occurrences(current), np.asarray(rows, dtype="<u4").tobytes())
                pending += 1
                flush()
            current, rows = passage, []
        rows.append((document, paragraph, sentence))
        passages_of[document].append(passage)
    if current is not None:
        pipe.set(keys.occurrences(current), np.asarray(rows, dtype="<u4").tobytes())
        pending += 1

    for document, name, path, reference, exemptions, digest, paragraphs, sentences in db.execute(
        "SELECT id, name, path, reference, exemptions, digest, paragraphs, sentences FROM documents"
    ):
        pipe.hset(
            keys.doc(document),
            mapping={
                "name": name,
                "path": path,
                "reference": reference or "",
                "exemptions": exemptions,
                "digest": digest,
                "paragraphs": paragraphs,
                "sentences": sentences,
                "passages": np.unique(np.asarray(passages_of.get(document, []), dtype="<u4")).tobytes(),
            },
        )
        pipe.hset(keys.names, name, document)
        pipe.hset(keys.digests, digest, document)
        pipe.hset(keys.docnames, document, name)
        pending += 4
        flush()
    del passages_of

    group_uses: dict[int, int] = defaultdict(int)
    members: dict[int, list[tuple[int, int]]] = defaultdict(list)
    bucket: dict[str, dict] = defaultdict(dict)
    for passage, key, original, norm, documents, group in db.execute(
        "SELECT id, key, text, norm, documents, variant_group FROM passages ORDER BY id"
    ):
        bucket[keys.passage(passage)].update(
            {f"t{passage}": original, f"n{passage}": norm, f"c{passage}": documents, f"g{passage}": group}
        )
        bucket[keys.pk][key] = passage
        group_uses[group] += documents
        members[group].append((passage, documents))
        if len(bucket[keys.pk]) >= _BATCH:
            for name, mapping in bucket.items():
                pipe.hset(name, mapping=mapping)
            pipe.execute()
            bucket.clear()
    for name, mapping in bucket.items():
        pipe.hset(name, mapping=mapping)
    flush(force=True)
    for group, found in members.items():
        if len(found) > 1:
            pipe.zadd(keys.gm(group), {passage: _rank(documents, passage) for passage, documents in found})
            pending += 1
            flush()
    ranked = {group: uses for group, uses in group_uses.items() if uses >= 2}
    for chunk in _chunked(list(ranked.items()), 10_000):
        pipe.zadd(keys.gs, dict(chunk))
        pending += 1
    flush(force=True)

    for chunk in _chunked([row[0] for row in db.execute("SELECT word FROM vocabulary")], 10_000):
        pipe.sadd(keys.vocab, *chunk)
        pending += 1
    flush(force=True)

    hashes = np.concatenate([np.asarray(h) for h, _ in staged.segments]) if staged.segments else np.zeros(0, np.uint64)
    owners = np.concatenate([np.asarray(o) for _, o in staged.segments]) if staged.segments else np.zeros(0, np.uint32)
    buckets = 64
    while buckets * FINGERPRINTS_PER_BUCKET < len(np.unique(hashes)):
        buckets *= 2
    fields: dict[int, dict[bytes, bytes]] = defaultdict(dict)
    for number, fingerprint, passages in _postings_by_field(hashes, owners, buckets):
        fields[number][fingerprint] = passages
        if len(fields) >= _BATCH:
            for bucket_number, mapping in fields.items():
                pipe.hset(keys.bucket(bucket_number), mapping=mapping)
            pipe.execute()
            fields.clear()
    for bucket_number, mapping in fields.items():
        pipe.hset(keys.bucket(bucket_number), mapping=mapping)
    capped = np.load(staged.path / embedded.CAPPED, allow_pickle=False)
    pipe.set(keys.capped, capped.astype("<u8").tobytes())
    header = {
        "format": FORMAT,
        "k": fp.K,
        "w": fp.W,
        "buckets": buckets,
        "corpus": str(corpus.resolve()) if corpus else "",
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        "passages": db.execute("SELECT COUNT(*) FROM passages").fetchone()[0],
        "next_document": db.execute("SELECT COALESCE(MAX(id) + 1, 1) FROM documents").fetchone()[0],
        "next_passage": db.execute("SELECT COALESCE(MAX(id) + 1, 0) FROM passages").fetchone()[0],
        "fingerprints": len(hashes),
    }
    pipe.hset(keys.header, mapping=header)
    pipe.execute()


def add(target: str, files: list[tuple[Path, str]], progress: Progress | None = None, notify: Any = None):
    """Add newly issued PITs, as `pitlint.reuse.index.add` does: the same passage ids, groups and
    counts, written in one transaction. Returns (added, skipped)."""
    import redis

    address = Address.parse(target)
    opened = RedisIndex.open(target)  # refuses a missing or foreign index before reading any file
    client = opened.client
    documents: list[tuple[Path, CorpusDocument | str]] = []
    for done, (path, label) in enumerate(files, start=1):
        try:
            documents.append((path, load_document(path, label)))
        except ReadError as error:
            documents.append((path, str(error)))
        if progress:
            progress(done, len(files))
    names = [document.name for _, document in documents if not isinstance(document, str)]
    try:
        with _WriterLock(client, address, notify):
            while True:
                loaded = [document for _, document in documents if not isinstance(document, str)]
                for document, name in zip(loaded, names, strict=True):
                    document.name = name  # a retried attempt names documents afresh
                try:
                    return _add_once(client, address, documents)
                except redis.WatchError:
                    continue  # another writer's lease ran out mid-way and it wrote first: start again
    except redis.RedisError as error:
        raise _server_error(address, error) from None
    finally:
        opened.close()


def _add_once(client: redis.Redis, address: Address, documents: list) -> tuple[list[str], list[str]]:
    pipe = client.pipeline(transaction=True)
    pointer = _pointer(address.prefix)
    pipe.watch(pointer)
    generation = int(client.get(pointer) or 0)
    keys = _Keys(address.prefix, generation)
    pipe.watch(keys.header)
    header = {k.decode(): v.decode() for k, v in client.hgetall(keys.header).items()}
    if not header:
        raise CorpusError(f"{address.shown}: the index was removed while adding to it")
    reader = RedisIndex(client, address, generation, header)
    writer = _RedisWriter(reader, header, np.frombuffer(client.get(keys.capped) or b"", dtype="<u8"))
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

    def __init__(self, index: RedisIndex, header: dict, capped: np.ndarray) -> None:
        self.index = index
        self.keys = index.keys
        self.client = index.client
        self.capped = capped
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
        self.hashes: list[np.ndarray] = []
        self.owners: list[np.ndarray] = []

    def _passage(self, text: str, words: tuple[str, ...]) -> int:
        norm = " ".join(words)
        key = embedded.passage_key(norm)
        passage = self.known.get(key)
        if passage is None:
            found = self.client.hget(self.keys.pk, key)
            passage = None if found is None else int(found)
        if passage is None:
            passage = self.next_passage
            self.next_passage += 1
            self.new_rows[passage] = (text, norm, len(words))
            prints = fp.fingerprints(words)
            if len(self.capped):
                prints = prints[~np.isin(prints, self.capped)]
            self.hashes.append(prints)
            self.owners.append(np.full(len(prints), passage, dtype=np.uint32))
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
        hashes = np.concatenate(self.hashes) if self.hashes else np.zeros(0, dtype=np.uint64)
        owners = np.concatenate(self.owners) if self.owners else np.zeros(0, dtype=np.uint32)
        return hashes, owners

    def _groups(self, new_hashes: np.ndarray, new_owners: np.ndarray) -> dict[int, int]:
        """New variant group of every passage whose group changes: the embedded add's
        candidates (shared fingerprints) joined when rapidfuzz finds them copies."""
        from rapidfuzz import fuzz

        new_ids = sorted(self.new_rows)
        if not new_ids:
            return {}
        prints, items = fp.fingerprints_of_many([self.new_rows[p][1].split() for p in new_ids])
        pending = {fingerprint: passages for _, fingerprint, passages in _postings_by_field(new_hashes, new_owners, 1)}
        found_items, found = self.index._lookup(prints, items, pending)  # on the server, and about to be
        pairs = np.stack([np.asarray(new_ids, dtype=np.int64)[found_items], found], axis=1)
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
        groups = embedded._Groups()
        for passage, group in current.items():
            groups.union(passage, group)
        for a, b in pairs:
            if fuzz.ratio(norms[int(a)], norms[int(b)]) >= 85:
                groups.union(int(a), int(b))
        return {group: groups.find(passage) for passage, group in current.items() if groups.find(passage) != group}

    def _write_passages(self, pipe: Any, relabel: dict[int, int]) -> None:
        """Queue the passages' changes: rows of new ones, use counts, and variant groups. Only
        what changes is read and written (a popular group can have thousands of variants):
        counts move by ZINCRBY; only a group merged into another has its members re-pointed."""
        keys = self.keys
        used = list(self.document_counts)
        old_used = [p for p in used if p not in self.new_rows]
        rows = self.index.passages(old_used, with_text=False)
        group_of = {p: rows[p].group for p in old_used} | {p: p for p in self.new_rows}
        moved = {old: self.index._ranked(old, None) if old not in self.new_rows else [old] for old in relabel}
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
        replies = self.index._run(
            [("zcard", (keys.gm(g),)) for g in groups] + [("zscore", (keys.gs, g)) for g in groups]
        )
        size = dict(zip(groups, (int(n) for n in replies[: len(groups)]), strict=True))
        total = {
            g: int(score) if score is not None else (before.get(g, 0) if size[g] == 0 else 0)
            for g, score in zip(groups, replies[len(groups) :], strict=True)
        }

        for passage, (original, norm, _) in self.new_rows.items():
            pipe.hset(keys.passage(passage), mapping={f"t{passage}": original, f"n{passage}": norm})
            pipe.hset(keys.pk, embedded.passage_key(norm), passage)
        for passage, count in self.document_counts.items():
            if passage in self.new_rows:
                pipe.hset(keys.passage(passage), f"c{passage}", count)
            else:
                pipe.hincrby(keys.passage(passage), f"c{passage}", count)
        for passage in self.new_rows:
            if passage not in relabel:
                pipe.hset(keys.passage(passage), f"g{passage}", final(passage))
        for old, members in moved.items():
            for member in members:
                pipe.hset(keys.passage(member), f"g{member}", relabel[old])

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
                ranked = {m: _rank(after[m], m) for m in arriving}
                if not had_set:
                    ranked[root] = _rank(after[root], root)
                if ranked:
                    pipe.zadd(keys.gm(root), ranked)
                if had_set:  # members that stayed: their counts move their rank
                    for passage, count in self.document_counts.items():
                        if group_of[passage] == root and passage not in ranked:
                            pipe.zincrby(keys.gm(root), count * _RANK, passage)
            if uses >= 2:
                pipe.zadd(keys.gs, {root: uses})
            else:
                pipe.zrem(keys.gs, root)
        for old in relabel:
            pipe.delete(keys.gm(old))
            pipe.zrem(keys.gs, old)

    def write(self, pipe: Any) -> None:
        """Queue every change on a transaction."""
        keys = self.keys
        new_hashes, new_owners = self._new_postings()
        relabel = self._groups(new_hashes, new_owners)

        # documents
        for identifier, document, occurrences in self.documents:
            pipe.hset(
                keys.doc(identifier),
                mapping={
                    "name": document.name,
                    "path": document.path,
                    "reference": document.reference or "",
                    "exemptions": json.dumps(document.exemptions),
                    "digest": document.digest,
                    "paragraphs": document.paragraphs,
                    "sentences": len(document.sentences),
                    "passages": np.unique(np.asarray([o[0] for o in occurrences], dtype="<u4")).tobytes(),
                },
            )
            pipe.hset(keys.names, document.name, identifier)
            pipe.hset(keys.digests, document.digest, identifier)
            pipe.hset(keys.docnames, identifier, document.name)
            for passage, paragraph, sentence in sorted(occurrences, key=lambda o: (o[0], o[1], o[2])):
                pipe.append(keys.occurrences(passage), np.asarray([identifier, paragraph, sentence], "<u4").tobytes())
        if self.vocabulary:
            for chunk in _chunked(sorted(self.vocabulary), 10_000):
                pipe.sadd(keys.vocab, *chunk)

        self._write_passages(pipe, relabel)

        # fingerprints: the new passages appended to each fingerprint's postings
        new_fields = list(_postings_by_field(new_hashes, new_owners, self.index.buckets))
        if new_fields:
            reads = self.client.pipeline(transaction=False)
            for number, fingerprint, _ in new_fields:
                reads.hget(keys.bucket(number), fingerprint)
            for (number, fingerprint, passages), old in zip(new_fields, reads.execute(), strict=True):
                pipe.hset(keys.bucket(number), fingerprint, (old or b"") + passages)
        pipe.hincrby(keys.header, "version", 1)
        pipe.hincrby(keys.header, "documents", len(self.documents))
        pipe.hincrby(keys.header, "passages", len(self.new_rows))
        pipe.hincrby(keys.header, "fingerprints", len(new_hashes))
        pipe.hset(keys.header, mapping={"next_document": self.next_document, "next_passage": self.next_passage})
