"""What a folder index answers with (passages, their uses, statistics), and `CorpusIndex`, the
questions every index answers, folder or server alike, so that checks cannot tell them apart."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    pass


ALREADY_INDEXED = "already in the index (a document with the same text)"
Progress = Callable[[int, int], None]
Notify = Callable[[str], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Passage:
    id: int
    text: str
    norm: str
    words: int
    documents: int
    group: int


@dataclass(frozen=True)
class Occurrence:
    passage: int
    document: str  # the document's name
    document_id: int
    paragraph: int
    sentence: int


def passage_key(norm: str) -> bytes:
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()


def chunks(values: Sequence[int], size: int = 900) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class CorpusIndex(Protocol):
    """What checks ask of an index: the embedded `Index` and the shared
    `pitlint.reuse.shared.RedisIndex` answer alike."""

    path: Path | str
    header: dict

    def close(self) -> None: ...
    def reconnected(self) -> CorpusIndex: ...
    def read_consistently(self, reading: Callable[[], T]) -> T: ...
    def lookup(
        self, prints: Sequence[int], owners: Sequence[int]
    ) -> tuple[Sequence[int], Sequence[int], Sequence[float]]: ...
    def passages(self, ids: Iterable[int], *, with_text: bool = True) -> dict[int, Passage]: ...
    def top_variants(self, group: int, count: int = 3) -> list[Passage]: ...
    def top_variants_of(self, groups: Iterable[int], count: int = 3) -> dict[int, list[Passage]]: ...
    def group_documents(self, group: int) -> int: ...
    def occurrences(
        self, passages: Iterable[int], limit: int | None = None, exclude: int | None = None
    ) -> dict[int, list[Occurrence]]: ...
    def known_words(self, words: Iterable[str]) -> set[str]: ...
    def document_occurrences(self, documents: Iterable[int]) -> dict[int, list[Occurrence]]: ...
    def document_with_digest(self, digest: str) -> tuple[int, str] | None: ...
    def reference(self, name: str) -> str | None: ...
    @property
    def document_count(self) -> int: ...
    def stats(self, top: int = 10) -> IndexStats: ...


@dataclass(frozen=True)
class Variant:
    text: str
    documents: int  # how many documents use this wording
    examples: list[str]  # the first of them


@dataclass(frozen=True)
class ReusedPassage:
    documents: int  # how many documents use any variant
    variants: list[Variant]  # most used first


@dataclass(frozen=True)
class IndexStats:
    path: str
    built: str | None
    corpus: str | None
    documents: int
    passages: int
    fingerprints: int
    segments: int  # files of fingerprints in a folder index; buckets on a server
    reused: list[ReusedPassage]
    storage: str = "folder"  # or "redis"
