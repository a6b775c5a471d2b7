"""The corpus index: built once, opened without loading it whole, and safe to open from an
untrusted folder (`pitlint.reuse.store` reads its files; nothing is unpickled).

An index is a folder:

- ``pitlint-index.json``: format version, fingerprint settings, the build's id, the corpus it
  came from and a checksum of its own content; written once, by ``build``;
- ``index.sqlite``: documents, unique passages (identical sentences collapsed into one, with the
  number of documents using it and its variant group) and every occurrence of each passage; and
  what the arrays are: the list of fingerprint segments with the length and blake2b digest of
  each file, the build's id (the header's), the capped fingerprints and the corpus listing;
- ``fp-N.hash.npy`` / ``fp-N.passage.npy``: segment N of fingerprints, sorted by hash, mapped
  into memory and searched with binary search. ``build`` writes one segment; ``add`` appends a
  small one, so adding a PIT never rewrites the large arrays;
- ``.lock``: held by the one writer at a time (`pitlint.reuse.lock`).

Writers are atomic. ``build`` writes a whole new folder beside the old one and swaps the two in
one step. ``add`` writes its segment's files first (new names, flushed to disk) and lists them
in the database in the same transaction as its documents, so a PIT is in the index with its
fingerprints or not at all: an add killed before its commit leaves only unlisted files, which
the next add removes, and the PIT can be added again. ``compact``, and an add that would leave
more than MERGE_ABOVE segments, merge segments the same way: the merged one written first under
a new number, the listing swapped in one transaction, the old files removed after it.

Opening checks that the index is whole: the header's checksum, the database's build id against
the header's, each array's size and preamble, and its values (fingerprints sorted, passage ids
that exist), read in chunks: about 40 ms for 100,000 PITs (145 MB of arrays). ``thorough`` (``add`` and ``corpus
stats``) also compares every array's digest and runs SQLite's ``quick_check``, which costs in
proportion to the index's size and so is kept off the ``check`` path. Any damage found, then or
later (an SQLite error mid-check), is one `DamagedIndex`.

Variant groups: ``build`` compares every candidate pair at once with MinHash signatures
(datasketch); ``add`` compares the few pairs a new PIT brings with rapidfuzz, the same test
`check` uses, since importing datasketch alone would take most of a one-second add.
Capped fingerprints: shared by so many different passages (every edited copy of one boilerplate
sentence, or a stock phrase) that only the MAX_POSTINGS passages used by the most documents are
kept for them: they find the boilerplate without flooding the candidates.

This module is the index's public face; the work is done in `pitlint.reuse.folder`, one job a
module: ``builder``, ``adder`` and ``compactor`` (the writers), ``writer`` and ``grouping`` (what they write:
passages, fingerprints, variant groups), ``segments`` (the fingerprint files), ``listing`` (what
the index covers), ``database`` (opening and checking it), ``reader`` (`Index`) and ``model``
(what it answers with).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pitlint.errors import CorpusError
from pitlint.reuse.folder.database import is_index, read_header
from pitlint.reuse.folder.listing import folder_listing, folder_signature, unchanged
from pitlint.reuse.folder.model import (
    ALREADY_INDEXED,
    CorpusIndex,
    IndexStats,
    Notify,
    Occurrence,
    Passage,
    Progress,
    ReusedPassage,
    T,
    Variant,
    passage_key,
)
from pitlint.reuse.folder.reader import Index
from pitlint.reuse.store import DATABASE, FORMAT, HEADER, DamagedIndex

if TYPE_CHECKING:  # (at run time, through __getattr__ below)
    from pitlint.reuse.folder.adder import add, read_documents
    from pitlint.reuse.folder.builder import BuildResult, build
    from pitlint.reuse.folder.compactor import MERGE_ABOVE, CompactResult, compact

__all__ = [
    "ALREADY_INDEXED",
    "DATABASE",
    "FORMAT",
    "HEADER",
    "MERGE_ABOVE",
    "BuildResult",
    "CompactResult",
    "CorpusError",
    "CorpusIndex",
    "DamagedIndex",
    "Index",
    "IndexStats",
    "Notify",
    "Occurrence",
    "Passage",
    "Progress",
    "ReusedPassage",
    "T",
    "Variant",
    "add",
    "build",
    "compact",
    "folder_listing",
    "folder_signature",
    "is_index",
    "passage_key",
    "read_documents",
    "read_header",
    "unchanged",
]

# The writers, imported when first asked for: a check reads the index and never loads them (nor the
# modules they need for writing alone).
_WRITERS = {
    "add": "adder",
    "read_documents": "adder",
    "build": "builder",
    "BuildResult": "builder",
    "compact": "compactor",
    "CompactResult": "compactor",
    "MERGE_ABOVE": "compactor",
}


def __getattr__(name: str) -> Any:
    if name in _WRITERS:
        return getattr(importlib.import_module(f"pitlint.reuse.folder.{_WRITERS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
