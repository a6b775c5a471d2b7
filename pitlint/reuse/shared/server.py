"""Talking to the Redis server: the address, a client that fails fast, the key names of a
generation, and the writer lock."""

from __future__ import annotations

import contextlib
import itertools
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import numpy as np

from pitlint.errors import CorpusError, UsageError
from pitlint.reuse.folder.model import Passage
from pitlint.reuse.lock import WAIT
from pitlint.reuse.text import normalise

if TYPE_CHECKING:
    import redis


Notify = Callable[[str], None]  # where a writer says what it is waiting for
# The shared layout's own format number (a folder index has its own, in `pitlint.reuse.store`):
# 4 keeps each document's sentences, so that a check can credit a run to the PIT it came from;
# 5 keeps a passage in one field and small values in compact buckets (about half the memory).
FORMAT = 5
DEFAULT_PREFIX = "pitlint"
DEFAULT_TIMEOUT = 10.0  # seconds, to connect and for each reply
PASSAGES_PER_BUCKET = 64
FINGERPRINTS_PER_BUCKET = 64
PASSAGE_KEYS_PER_BUCKET = 64
# Redis keeps a hash compact (a listpack) while each of its values is at most this long (its
# default hash-max-listpack-value); one longer value turns the whole hash into a hash table,
# several times the size. So a value that grows past it (a common fingerprint's passages, a
# popular passage's uses) is kept apart, and its bucket holds an empty marker in its place.
SHORT = 64
OLD_GENERATION_EXPIRES = 600  # seconds a replaced generation stays readable
CONSISTENT_READ_ATTEMPTS = 20  # readings repeated while additions keep landing in the middle of them
LOCK_SECONDS = 30  # the writer lock's lease, renewed while the writer runs
RANK = 1 << 32  # sorted-set score: uses * RANK + (RANK - 1 - id): most used first, then oldest
BATCH = 2000


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


def redis_library(address: Address) -> ModuleType:
    """redis-py, which only a shared index needs, so it comes with the ``pitlint[redis]`` extra:
    without it, the one line that says how to install it rather than an ImportError."""
    try:
        import redis
    except ImportError:
        raise UsageError(
            f"{address.shown}: a shared index needs the redis package: pip install 'pitlint[redis]'"
        ) from None
    return redis


def connect(address: Address, *, ping: bool = True) -> redis.Redis:
    """A client that fails fast: one retry, bounded waits, a clear error when the server is not
    there (checked with a PING, or left to the caller's first command when ``ping`` is false: a
    check counts its round trips). Connecting sends nothing of its own: no CLIENT SETINFO, no
    HELLO (RESP2, which every Redis speaks), so a check's first command is its first round trip."""
    redis = redis_library(address)
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    try:
        client = redis.Redis.from_url(
            address.url,
            socket_connect_timeout=address.timeout,
            socket_timeout=address.timeout,
            retry=Retry(NoBackoff(), 1),
            **_quiet(),
            protocol=2,  # RESP2: no HELLO (nor redis-py 7's maintenance notifications) on connecting
        )
        if ping:
            client.ping()
    except ValueError as error:
        raise CorpusError(f"{address.shown}: not a usable Redis address ({error})") from None
    except redis.RedisError as error:
        raise unreachable(address, error) from None
    return client


def _quiet() -> dict:
    """The client options that keep it from sending CLIENT SETINFO on connecting: ``driver_info``
    since redis-py 8, ``lib_name`` and ``lib_version`` before."""
    try:
        import redis.driver_info  # noqa: F401
    except ImportError:
        return {"lib_name": None, "lib_version": None}
    return {"driver_info": None}


def unreachable(address: Address, error: Exception) -> CorpusError:
    return CorpusError(f"{address.shown}: cannot reach the corpus server ({reason(error, address)})")


def reason(error: Exception, address: Address) -> str:
    import redis

    if isinstance(error, redis.TimeoutError):
        return f"no answer within {address.timeout:g} s"
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text.rstrip(".")


class Keys:
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
        """The hash holding a passage's row (`pack_row`), in the field named by its id."""
        return f"{self.base}:p:{passage // PASSAGES_PER_BUCKET}"

    def passage_key(self, key: bytes, buckets: int) -> str:
        """The hash mapping a passage's key (`passage_key`, a digest) to its id."""
        return f"{self.base}:pk:{int.from_bytes(key[:8], 'little') & (buckets - 1)}"

    def gm(self, group: int) -> str:
        return f"{self.base}:gm:{group}"

    def uses(self, passage: int) -> str:
        """The hash holding a passage's uses in the field named by its id (an empty marker when
        there are too many for a compact bucket: they are in `long_uses`)."""
        return f"{self.base}:u:{passage // PASSAGES_PER_BUCKET}"

    def long_uses(self, passage: int) -> str:
        return f"{self.base}:o:{passage}"

    def bucket(self, number: int) -> str:
        """Fingerprints' passages (an empty marker for a long list: it is in `long_bucket`)."""
        return f"{self.base}:f:{number}"

    def long_bucket(self, number: int) -> str:
        return f"{self.base}:fl:{number}"


def pack_row(documents: int, group: int, text: str) -> bytes:
    """A passage's row in one field: how many documents use it, its variant group, its text
    (its comparison form is the text's `normalise`, so it is not stored twice)."""
    return struct.pack("<II", documents, group) + text.encode("utf-8")


def unpack_row(passage: int, row: bytes) -> Passage:
    documents, group = struct.unpack_from("<II", row)
    text = row[8:].decode("utf-8")
    norm = normalise(text)
    return Passage(passage, text, norm, norm.count(" ") + 1 if norm else 0, documents, group)


def split_long(value: bytes) -> tuple[bytes, bytes | None]:
    """(what the compact bucket holds, what is kept apart): a long value leaves an empty marker."""
    return (value, None) if len(value) <= SHORT else (b"", value)


# Append to a value kept as `split_long` keeps it. KEYS: the bucket hash, where a long value is kept
# (a string, or a hash when ARGV[4] names its field); ARGV: the field, the bytes, SHORT, the long field.
APPEND = """
local field, more, short, long_field = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local old = redis.call('HGET', KEYS[1], field)
if old == '' then
  if long_field == '' then return redis.call('APPEND', KEYS[2], more) end
  return redis.call('HSET', KEYS[2], long_field, (redis.call('HGET', KEYS[2], long_field) or '') .. more)
end
local new = (old or '') .. more
if #new <= short then return redis.call('HSET', KEYS[1], field, new) end
if long_field == '' then redis.call('SET', KEYS[2], new) else redis.call('HSET', KEYS[2], long_field, new) end
return redis.call('HSET', KEYS[1], field, '')
"""


def queue_document(
    pipe: redis.client.Pipeline, keys: Keys, identifier: int, fields: dict, uses: list[tuple[int, int, int]]
) -> None:
    """Queue a document's keys: its hash (``fields``: name, path, reference, exemptions as JSON,
    digest, paragraphs, sentences; and ``uses``, its sentences as (passage, paragraph, sentence)
    in reading order) and its entries in the name, digest and id look-ups. The builder and the
    adder both write documents through here."""
    packed = np.asarray(sorted(uses, key=lambda use: (use[1], use[2])), dtype="<u4").reshape(-1, 3).tobytes()
    pipe.hset(keys.doc(identifier), mapping={**fields, "reference": fields["reference"] or "", "uses": packed})
    pipe.hset(keys.names, fields["name"], identifier)
    pipe.hset(keys.digests, fields["digest"], identifier)
    pipe.hset(keys.docnames, identifier, fields["name"])


def pointer(prefix: str) -> str:
    return f"{prefix}:current"


def rank(documents: int, passage: int) -> int:
    return documents * RANK + (RANK - 1 - passage)


def bucket_of(hashes: np.ndarray, buckets: int) -> np.ndarray:
    return (hashes & np.uint64(buckets - 1)).astype(np.int64)


def postings_by_field(hashes: np.ndarray, owners: np.ndarray, buckets: int) -> Iterator[tuple[int, bytes, bytes]]:
    """(bucket, fingerprint as 8 bytes, its passages packed) for postings, bucket by bucket."""
    numbers = bucket_of(hashes, buckets)
    order = np.lexsort((owners, hashes, numbers))
    numbers, hashes, owners = numbers[order], hashes[order], owners[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]]) if len(hashes) else np.zeros(0, int)
    keys = hashes.astype("<u8").tobytes()
    packed = owners.astype("<u4").tobytes()
    for start, end in itertools.pairwise([*starts.tolist(), len(hashes)]):
        yield int(numbers[start]), keys[8 * start : 8 * start + 8], packed[4 * start : 4 * end]


def chunked(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def server_error(address: Address, error: Exception) -> CorpusError:
    return CorpusError(f"{address.shown}: the corpus server failed ({reason(error, address)})")


# -- writing ----------------------------------------------------------------------------------


# Point a key at a new value only while the lock (KEYS[1]) still holds this writer's token.
_FENCED_SET = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('LOST the writer lock') end
return redis.call('SET', KEYS[2], ARGV[2], 'GET')
"""


class WriterLock:
    """One writer at a time per prefix (a build, or an add): a lease renewed while the writer
    runs, so a writer that dies frees it within LOCK_SECONDS. A writer waits at most ``wait``
    seconds for the one before it."""

    def __init__(self, client: redis.Redis, address: Address, notify: Notify | None = None, wait: float = WAIT) -> None:
        self.client = client
        self.address = address
        self.lock = client.lock(f"{address.prefix}:lock", timeout=LOCK_SECONDS, sleep=0.05, thread_local=False)
        self.notify = notify
        self.wait = wait
        self.stop = threading.Event()
        self.renewer = threading.Thread(target=self._renew, daemon=True)

    def fenced_set(self, key: str, value: int) -> bytes | None:
        """SET ``key`` (returning its old value) only if this writer still holds the lock: a
        lease that ran out (a stalled process) may have let another writer in meanwhile."""
        import redis

        try:
            return self.client.eval(_FENCED_SET, 2, self.lock.name, key, self.lock.local.token or b"", value)
        except redis.ResponseError as error:
            if "LOST" not in str(error):
                raise
            raise CorpusError(
                f"{self.address.shown}: this writer's lock ran out and another writer may have changed the index; "
                "nothing was changed, try again"
            ) from None

    def _renew(self) -> None:
        import redis

        while not self.stop.wait(LOCK_SECONDS / 3):
            try:
                self.lock.reacquire()
            except redis.RedisError:  # the lease was lost: the transaction's WATCH notices
                return

    def __enter__(self) -> WriterLock:
        if not self.lock.acquire(blocking=False):
            if self.notify:
                self.notify("waiting for another writer to this index to finish")
            if not self.lock.acquire(blocking=True, blocking_timeout=self.wait):
                raise CorpusError(
                    f"{self.address.shown}: another writer has held the index for more than {self.wait:g} s; "
                    "try again when it has finished"
                )
        self.renewer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.renewer.join()
        with contextlib.suppress(Exception):  # an expired lease has nothing to release
            self.lock.release()
