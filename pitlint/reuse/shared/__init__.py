"""The corpus index on a Redis server: one index that a force's drafters and CI runners, or a
region's forces, all query, and that every newly issued PIT is added to at once.

It holds what the embedded index holds, and answers the same questions with the same results
(`pitlint.reuse.matching` cannot tell them apart), so a draft gets the same findings from either.
``corpus build`` builds the embedded index in a temporary folder, so passage ids, capped
fingerprints and variant groups are the embedded build's by construction, and loads it into a new
*generation* of keys; the ``current`` pointer is switched in one command, and the old generation
expires ten minutes later, so a check that started before the switch finishes on the data it began
with. ``corpus add`` applies the embedded add's algorithm and writes each call's documents in one
MULTI/EXEC transaction that also bumps the index's version; a check reads as of one version
(`RedisIndex.read_consistently`), so it sees an added document entirely or not at all.

Small values are kept in buckets of about 64, which Redis stores compactly (a listpack) while
each value is at most 64 bytes (`SHORT`); a value that grows longer is kept apart, so that one
long value does not turn its whole bucket into a hash table several times the size.

Keys, under a prefix (``?prefix=`` in the address, default ``pitlint``) so that several corpora
share one server; ``G`` is ``<prefix>:<generation>``:

- ``<prefix>:current``, ``<prefix>:generations``, ``<prefix>:lock``: pointer, counter, writer lock;
- ``G:header`` (hash): format, fingerprint settings, counters, bucket count, where it was built from;
- ``G:doc:<id>`` (hash), ``G:names``, ``G:digests``, ``G:docnames`` (hashes): documents;
- ``G:pk:<b>`` (hashes, passage key -> id, about 64 to a bucket); ``G:p:<b>`` (hash of 64
  passages: the field named by a passage's id holds its row, packed: how many documents use it,
  its variant group and its text; its comparison form is the text's normalised words, worked out
  when read; one HMGET reads what a comparison needs of every passage in a bucket);
- ``G:gm:<group>`` (sorted set): the variants of a group with more than one, ranked by use;
  ``G:gs`` (sorted set): groups by total uses, for ``corpus stats``;
- ``G:u:<b>`` (hash of 64 passages): each passage's occurrences, packed (document, paragraph,
  sentence) in document order; a passage with more than five has an empty marker there and its
  occurrences in ``G:o:<passage>`` (string), so that its first few uses are one GETRANGE;
- ``G:f:<b>`` (hash): fingerprint (8 bytes) -> the passages holding it (packed), about 64
  fingerprints per bucket; a list longer than 64 bytes is in ``G:fl:<b>`` under the same
  fingerprint, with an empty marker in ``G:f:<b>``. A draft's look-up is one round trip (a script
  follows the markers);
- ``G:capped`` (string), ``G:vocab`` (set).

pitlint keeps no MinHash LSH tables on the server: candidates come from the fingerprints and are
confirmed with rapidfuzz, and MinHash only groups variants when an index is built, so the server
holds the groups themselves.

Modules: ``server`` (address, client, key names, writer lock), ``reader`` (`RedisIndex`),
``builder`` and ``adder`` (the two writers).
"""

from __future__ import annotations

import importlib
from typing import Any

SCHEMES = ("redis://", "rediss://", "unix://")
_EXPORTS = {
    "add": "adder",
    "build": "builder",
    "OLD_GENERATION_EXPIRES": "builder",
    "RedisIndex": "reader",
    "Address": "server",
}
__all__ = ["SCHEMES", "is_address", *_EXPORTS]


def is_address(text: str | None) -> bool:
    """Whether ``--corpus``/``--index`` names a server (checked on every run, so it imports nothing)."""
    return bool(text) and text.startswith(SCHEMES)


def __getattr__(name: str) -> Any:
    """The rest is imported when first used: a check against a folder never loads it."""
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
