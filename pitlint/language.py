"""How common English words and word pairs are: the counts of SymSpell's frequency lists (from the
Google Books n-grams, as symspellpy ships them), built by scripts/build_frequencies.py into
pitlint/data/english.counts. The real-word checks ask whether a word is rare beside a common
look-alike, and whether a pair of words is usual English.

The file is four sorted arrays of 64-bit numbers mapped as they lie (no numpy, no decompression,
no reading of its 5 MB whole): a run pays only for the pages its look-ups touch, and one that asks
nothing pays nothing.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import struct
import sys
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path

from pitlint.wordlist import mapped

DATA = Path(__file__).resolve().parent / "data" / "english.counts"
MAGIC = b"PITCOUNTS1\n"
_HEADER = struct.Struct("<QQ")  # words, pairs; then word keys, word counts, pair keys, pair counts
_NAMES = ("words", "word_counts", "pairs", "pair_counts")
CACHED = 1 << 16  # words and pairs whose counts are kept once looked up


def key(*words: str) -> int:
    """A stable 64-bit key for a word or a pair of words (lower case)."""
    joined = " ".join(word.lower() for word in words).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(joined, digest_size=8).digest(), "little")


def write(path: Path, words: Mapping[int, int], pairs: Mapping[int, int]) -> None:
    """Write word and pair counts (key -> count) as the file ``_arrays`` reads."""
    parts = []
    for counts in (words, pairs):
        keys = sorted(counts)
        parts += [array("Q", keys), array("Q", (counts[k] for k in keys))]
    if sys.byteorder == "big":
        for part in parts:
            part.byteswap()
    path.write_bytes(MAGIC + _HEADER.pack(len(words), len(pairs)) + b"".join(part.tobytes() for part in parts))


@functools.cache
def _arrays() -> dict[str, Sequence[int]]:
    data = mapped(DATA)
    if data[: len(MAGIC)] != MAGIC:
        raise ValueError(f"{DATA}: not pitlint's English counts")
    lengths = _HEADER.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + _HEADER.size
    found: dict[str, Sequence[int]] = {}
    for name, length in zip(_NAMES, (lengths[0], lengths[0], lengths[1], lengths[1]), strict=True):
        chunk = data[start : start + 8 * length]
        if sys.byteorder == "little" and array("Q").itemsize == 8:
            found[name] = chunk.cast("Q")  # the bytes as they lie
        else:
            numbers = array("Q")
            numbers.frombytes(chunk)
            numbers.byteswap()
            found[name] = numbers
        start += 8 * length
    return found


def _look_up(keys: str, counts: str, wanted: int) -> int:
    arrays = _arrays()
    found = arrays[keys]
    position = bisect.bisect_left(found, wanted)
    if position < len(found) and found[position] == wanted:
        return int(arrays[counts][position])
    return 0


def counts(words: list[str]) -> list[int]:
    """count() of many words."""
    return [count(word) for word in words]


@functools.lru_cache(maxsize=CACHED)  # a batch of drafts asks about the same boilerplate's words
def count(word: str) -> int:
    """How often the word occurs in English (0: rarer than the list goes, about 10,000)."""
    return _look_up("words", "word_counts", key(word))


@functools.lru_cache(maxsize=CACHED)
def pair(first: str, second: str) -> int:
    """How often the two words occur together (0: too rare for the list, which starts at about
    6.4 million occurrences, so 0 means "unusual", never "wrong")."""
    return _look_up("pairs", "pair_counts", key(first, second))


VERB_EVIDENCE = 1_000_000  # "they form", "it forms": a verb English writes so in both numbers


def third_person(word: str) -> str | None:
    """The -s form of a plain verb ("form" -> "forms", "vary" -> "varies"), where English writes the
    plain form after "they" and the -s form after "it"; None for any other word."""
    if not word.isalpha() or not word.islower() or word.endswith("s") or len(word) < 3:
        return None
    third = spelt_third_person(word)
    if pair("they", word) >= VERB_EVIDENCE and pair("it", third) >= VERB_EVIDENCE:
        return third
    return None


def spelt_third_person(verb: str) -> str:
    """The -s form of a word known to be a plain verb, by spelling alone ("vary" -> "varies")."""
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "es" if verb.endswith(("sh", "ch", "x", "o")) else verb + "s"


def plain_form(verb: str) -> str | None:
    """The plain form of a verb in -s that English writes after "it" and, plain, after "they"
    ("shows" -> "show", "varies" -> "vary"); None for any other word ("this", "thus", "sections")."""
    return next((plain for plain in plain_candidates(verb) if third_person(plain) == verb), None)


def plain_candidates(verb: str) -> tuple[str, ...]:
    """The plain forms an -s word may have, by spelling ("varies": "vary"; "arises": "arise", "aris"),
    for the counts to choose from; none for a word in -ss or shorter than four letters."""
    if not verb.endswith("s") or verb.endswith("ss") or len(verb) < 4:
        return ()
    forms = [verb[:-3] + "y"] if verb.endswith("ies") else []
    return (*forms, *([verb[:-2]] if verb.endswith("es") else []), verb[:-1])
