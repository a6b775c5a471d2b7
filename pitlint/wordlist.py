"""A word list with a count per word, in a file that loads in a few milliseconds: a hash table
built once (by scripts/build_dictionary.py) and read as arrays, so a run pays for the words it
looks up rather than for building 160,000 Python strings (pyspellchecker's gzip JSON took
150-180 ms to load).

Layout: the header, the alphabet (every character the words use, in UTF-8), then little-endian
uint32s: ``slots`` (entry number + 1 at the slot of a word's CRC-32, linear probing, 0 for
empty), ``offsets`` (n + 1 positions in ``text``), ``counts`` (n), then ``text``: the words in
UTF-8, sorted, each ended by a newline (so that all of them split out at C speed when a run
needs them all).
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

MAGIC = b"PITWORDS1\n"
SET_AFTER = 25_000  # single look-ups after which a set of every word is built (it costs about as much)
_HEADER = struct.Struct("<IIIII")  # words, slots, text bytes, longest word (characters), alphabet bytes
_UINT32 = "I" if array("I").itemsize == 4 else "L"


def write(path: Path, counts: Mapping[str, int]) -> None:
    """Write ``counts`` (word -> count, words in lower case) as a word-list file."""
    words = sorted(counts)
    encoded = [word.encode("utf-8") for word in words]
    size = 1 << max(len(words) * 3, 1).bit_length()  # at most a third full: short probes
    slots = array(_UINT32, bytes(4 * size))
    for number, word in enumerate(encoded):
        slot = zlib.crc32(word) & (size - 1)
        while slots[slot]:
            slot = (slot + 1) & (size - 1)
        slots[slot] = number + 1
    offsets = array(_UINT32, [0])
    for word in encoded:
        offsets.append(offsets[-1] + len(word) + 1)
    values = array(_UINT32, (counts[word] for word in words))
    text = b"".join(word + b"\n" for word in encoded)
    longest = max(map(len, words), default=0)
    alphabet = "".join(sorted(set().union(*words))).encode("utf-8")
    parts = [slots, offsets, values]
    if sys.byteorder == "big":
        for part in parts:
            part.byteswap()
    # written beside and put in place: a process that has the old file mapped keeps reading it
    # (writing over the mapped file in place would kill that process)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(
        MAGIC
        + _HEADER.pack(len(words), size, len(text), longest, len(alphabet))
        + alphabet
        + b"".join(p.tobytes() for p in parts)
        + text
    )
    os.replace(partial, path)


class WordList:
    """Membership and counts of a word-list file; nothing is decoded until a word is asked for."""

    def __init__(self, path: Path) -> None:
        data = mapped(path)
        if data[: len(MAGIC)] != MAGIC:
            raise ValueError(f"{path}: not a pitlint word list")
        start = len(MAGIC)
        self._size, size, text_bytes, self.longest, alphabet = _HEADER.unpack_from(data, start)
        start += _HEADER.size
        self.alphabet = bytes(data[start : start + alphabet]).decode("utf-8")  # what single edits are made of
        self.letters = frozenset(self.alphabet)
        start += alphabet
        self._mask = size - 1
        self._slots, start = _array(data, start, size)
        self._offsets, start = _array(data, start, self._size + 1)
        self._counts, start = _array(data, start, self._size)
        self._text = data[start : start + text_bytes]
        self._looked_up = 0
        self._all: frozenset[str] | None = None
        self._list: list[str] | None = None

    def __len__(self) -> int:
        return self._size

    def _number(self, word: str) -> int:
        """The word's entry number, or -1."""
        encoded = word.encode("utf-8")
        slots, offsets, text, mask = self._slots, self._offsets, self._text, self._mask
        slot = zlib.crc32(encoded) & mask
        while True:
            found = slots[slot]
            if not found:
                return -1
            start = offsets[found - 1]
            if offsets[found] - start == len(encoded) + 1 and text[start : start + len(encoded)] == encoded:
                return found - 1
            slot = (slot + 1) & mask

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._number(word) >= 0

    def count(self, word: str) -> int:
        """The word's count; 0 when it is not listed."""
        number = self._number(word)
        return self._counts[number] if number >= 0 else 0

    def listed(self, words: Iterable[str]) -> AbstractSet[str]:
        """Those of many words that are listed (a word's single edits, say): looked up one by one
        until a run has asked about SET_AFTER words, then through a set of every word."""
        if self._all is None:
            words = set(words)
            self._looked_up += len(words)
            if self._looked_up < SET_AFTER:
                return {word for word in words if self._number(word) >= 0}
            self._all = frozenset(self.words())
        return self._all.intersection(words)

    def words(self) -> list[str]:
        """Every word, in sorted order (for the rare searches over the whole list)."""
        if self._list is None:
            self._list = str(self._text, "utf-8").split("\n")[:-1]
        return self._list

    def __iter__(self) -> Iterator[str]:
        return iter(self.words())


def mapped(path: Path) -> memoryview:
    """The file's bytes, mapped rather than read: a run touches only the pages of the words it
    looks up (the file is some 9 MB; reading it whole took as long as the rest of the loading)."""
    with path.open("rb") as handle:
        try:
            return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        except (ValueError, OSError):  # an empty file, or a file system that cannot map
            return memoryview(handle.read())


def _array(data: memoryview, start: int, length: int) -> tuple[Sequence[int], int]:
    """``length`` uint32s from ``start``: a view of the mapping where the machine is little-endian
    as the file is, else a swapped copy."""
    end = start + 4 * length
    if sys.byteorder == "little" and _UINT32 == "I":
        return data[start:end].cast("I"), end
    found = array(_UINT32)
    found.frombytes(data[start:end])
    if sys.byteorder == "big":
        found.byteswap()
    return found, end
