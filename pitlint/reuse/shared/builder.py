"""Building a shared index: the folder build, loaded into a new generation that then becomes current."""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from pitlint.reuse import fingerprints as fp
from pitlint.reuse import index as embedded
from pitlint.reuse import store
from pitlint.reuse.index import (
    Progress,
)
from pitlint.reuse.lock import WAIT
from pitlint.reuse.shared.server import (
    BATCH,
    FINGERPRINTS_PER_BUCKET,
    FORMAT,
    OLD_GENERATION_EXPIRES,
    PASSAGE_KEYS_PER_BUCKET,
    Address,
    Keys,
    Notify,
    WriterLock,
    chunked,
    connect,
    pack_row,
    pointer,
    postings_by_field,
    queue_document,
    rank,
    redis_library,
    server_error,
    split_long,
)

if TYPE_CHECKING:
    import redis


def build(
    corpus: Path,
    target: str,
    *,
    files: list[tuple[Path, str]] | None = None,
    manifest: dict | None = None,
    progress: Progress | None = None,
    notify: Notify | None = None,
    wait: float = WAIT,
) -> embedded.BuildResult:
    """Index a folder of PITs into a new generation on the server and make it current, in one
    command that succeeds only while this build still holds the writer lock."""
    import tempfile

    started = time.perf_counter()
    address = Address.parse(target)
    redis = redis_library(address)
    client = connect(address)
    try:
        _warn_if_evicting(client, address, notify)
        with (
            WriterLock(client, address, notify, wait) as lock,
            tempfile.TemporaryDirectory(prefix="pitlint-build-") as folder,
        ):
            staged_path = Path(folder) / "index"
            result = embedded.build(corpus, staged_path, files=files, manifest=manifest, progress=progress)
            staged = embedded.Index.open(staged_path)
            generation = int(client.incr(f"{address.prefix}:generations"))
            keys = Keys(address.prefix, generation)
            try:
                _load(client, keys, staged, corpus)
                previous = lock.fenced_set(pointer(address.prefix), generation)
            except BaseException:  # interrupted or refused: what was loaded goes away
                with contextlib.suppress(redis.RedisError):
                    _expire_generation(client, keys, 0)
                raise
            finally:
                staged.close()
            if previous is not None:
                _expire_generation(client, Keys(address.prefix, int(previous)))
    except redis.RedisError as error:
        raise server_error(address, error) from None
    finally:
        client.close()
    result.seconds = time.perf_counter() - started
    return result


def _warn_if_evicting(client: redis.Redis, address: Address, notify: Notify | None) -> None:
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


def _expire_generation(client: redis.Redis, keys: Keys, seconds: int = OLD_GENERATION_EXPIRES) -> None:
    """Let a generation's keys expire (now, with 0 seconds)."""
    pipe = client.pipeline(transaction=False)
    for count, key in enumerate(client.scan_iter(match=f"{keys.base}:*", count=5000), start=1):
        pipe.expire(key, seconds) if seconds else pipe.unlink(key)
        if count % BATCH == 0:
            pipe.execute()
    pipe.execute()


def _buckets_for(items: int, per_bucket: int) -> int:
    """Buckets (a power of two, at least 64) for about ``per_bucket`` items each."""
    buckets = 64
    while buckets * per_bucket < items:
        buckets *= 2
    return buckets


def _load(client: redis.Redis, keys: Keys, staged: embedded.Index, corpus: Path | None) -> None:
    """Copy a finished embedded index into a generation's keys."""
    db = staged.db
    pipe = client.pipeline(transaction=False)
    pending = 0

    def flush(force: bool = False) -> None:
        nonlocal pending
        if pending >= BATCH or (force and pending):
            pipe.execute()
            pending = 0

    uses_of: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    current: int | None = None
    rows: list[tuple[int, int, int]] = []

    def queue_uses() -> None:
        nonlocal pending
        short, long = split_long(np.asarray(rows, dtype="<u4").tobytes())
        pipe.hset(keys.uses(current), str(current), short)
        if long is not None:
            pipe.set(keys.long_uses(current), long)
        pending += 1
        flush()

    for passage, document, paragraph, sentence in db.execute(
        "SELECT passage, document, paragraph, sentence FROM occurrences ORDER BY passage, document, paragraph, sentence"
    ):
        if passage != current:
            if current is not None:
                queue_uses()
            current, rows = passage, []
        rows.append((document, paragraph, sentence))
        uses_of[document].append((passage, paragraph, sentence))
    if current is not None:
        queue_uses()

    for document, name, path, reference, exemptions, digest, paragraphs, sentences in db.execute(
        "SELECT id, name, path, reference, exemptions, digest, paragraphs, sentences FROM documents"
    ):
        fields = {
            "name": name,
            "path": path,
            "reference": reference,
            "exemptions": exemptions,
            "digest": digest,
            "paragraphs": paragraphs,
            "sentences": sentences,
        }
        queue_document(pipe, keys, document, fields, uses_of.get(document, []))
        pending += 4
        flush()
    del uses_of

    group_uses: dict[int, int] = defaultdict(int)
    members: dict[int, list[tuple[int, int]]] = defaultdict(list)
    bucket: dict[str, dict] = defaultdict(dict)
    passage_count = db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    key_buckets = _buckets_for(passage_count, PASSAGE_KEYS_PER_BUCKET)
    queued = 0
    for passage, key, original, documents, group in db.execute(
        "SELECT id, key, text, documents, variant_group FROM passages ORDER BY id"
    ):
        bucket[keys.passage(passage)][str(passage)] = pack_row(documents, group, original)
        bucket[keys.passage_key(key, key_buckets)][key] = passage
        group_uses[group] += documents
        members[group].append((passage, documents))
        queued += 1
        if queued >= BATCH:
            for name, mapping in bucket.items():
                pipe.hset(name, mapping=mapping)
            pipe.execute()
            bucket.clear()
            queued = 0
    for name, mapping in bucket.items():
        pipe.hset(name, mapping=mapping)
    flush(force=True)
    for group, found in members.items():
        if len(found) > 1:
            pipe.zadd(keys.gm(group), {passage: rank(documents, passage) for passage, documents in found})
            pending += 1
            flush()
    ranked = {group: uses for group, uses in group_uses.items() if uses >= 2}
    for chunk in chunked(list(ranked.items()), 10_000):
        pipe.zadd(keys.gs, dict(chunk))
        pending += 1
    flush(force=True)

    for chunk in chunked([row[0] for row in db.execute("SELECT word FROM vocabulary")], 10_000):
        pipe.sadd(keys.vocab, *chunk)
        pending += 1
    flush(force=True)

    hashes = np.concatenate([np.asarray(h) for h, _ in staged.segments]) if staged.segments else np.zeros(0, np.uint64)
    owners = np.concatenate([np.asarray(o) for _, o in staged.segments]) if staged.segments else np.zeros(0, np.uint32)
    buckets = _buckets_for(len(np.unique(hashes)), FINGERPRINTS_PER_BUCKET)
    fields: dict[int, dict[bytes, bytes]] = defaultdict(dict)
    long_fields: dict[int, dict[bytes, bytes]] = defaultdict(dict)

    def queue_fingerprints() -> None:
        for bucket_number, mapping in fields.items():
            pipe.hset(keys.bucket(bucket_number), mapping=mapping)
        for bucket_number, mapping in long_fields.items():
            pipe.hset(keys.long_bucket(bucket_number), mapping=mapping)
        fields.clear()
        long_fields.clear()

    for number, fingerprint, passages in postings_by_field(hashes, owners, buckets):
        fields[number][fingerprint], long = split_long(passages)
        if long is not None:
            long_fields[number][fingerprint] = long
        if len(fields) >= BATCH:
            queue_fingerprints()
            pipe.execute()
    queue_fingerprints()
    pipe.set(keys.capped, store.u64_bytes(staged.capped))
    header = {
        "format": FORMAT,
        "k": fp.K,
        "w": fp.W,
        "buckets": buckets,
        "corpus": str(corpus.resolve()) if corpus else "",
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
        "passages": passage_count,
        "passage_key_buckets": key_buckets,
        "next_document": db.execute("SELECT COALESCE(MAX(id) + 1, 1) FROM documents").fetchone()[0],
        "next_passage": db.execute("SELECT COALESCE(MAX(id) + 1, 0) FROM passages").fetchone()[0],
        "fingerprints": len(hashes),
    }
    pipe.hset(keys.header, mapping=header)
    pipe.execute()
