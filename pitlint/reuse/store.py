"""The files of a folder index, read as untrusted input and written so that no crash leaves half
a file in use.

An index may come from anywhere (a pull request can carry one), so nothing here trusts it: the
header is at most 64 KB of JSON with a fixed set of typed fields and a checksum of its own
content; arrays are opened only under names made here from integers, never through a symbolic
link, only when their size and their ``.npy`` preamble are exactly what was recorded for them;
nothing parses a preamble from the folder and nothing is unpickled. Damage of any kind is one
`DamagedIndex`. Reading an index of modest size needs no numpy (a check's start-up is shorter
without it): arrays are memory-mapped as typed memoryviews, which ``bisect`` searches and numpy
wraps without a copy where a large index makes its import pay (verifying a million values or more).

Every file is written to a temporary name in its folder, flushed to disk and renamed into place,
and the blake2b digest of what was written is returned, for the database to record.
"""

from __future__ import annotations

import hashlib
import io
import json
import mmap
import os
import re
import stat
import sys
import time
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitlint import regexes
from pitlint.caches import write_quietly
from pitlint.errors import CorpusError

FORMAT = 3
HEADER = "pitlint-index.json"
DATABASE = "index.sqlite"
MAX_HEADER_BYTES = 64 * 1024
MAX_SEGMENTS = 100_000
MAX_FINGERPRINTS = 1 << 36  # per segment: far beyond any corpus, and a bound on hostile counts
CHUNK = 1 << 17  # array elements read at a time when verifying (1 MB of fingerprints: fast, small)
VERIFIED_ONCE_FROM = CHUNK  # array elements: a longer array's reading is recorded, and not repeated (`_marker`)
VECTORISED_FROM = 1_000_000  # array elements: longer arrays are verified with numpy, which then pays for its import
TEMPORARY = ".tmp-"
PAUSE_VARIABLE = "PITLINT_TEST_PAUSE_AT"
if TYPE_CHECKING:
    import numpy as np
_HEX = regexes.compile(r"[0-9a-f]{32}")
_HEADER_FIELDS: dict[str, tuple[type, ...]] = {
    "format": (int,),
    "k": (int,),
    "w": (int,),
    "build": (str,),
    "corpus": (str, type(None)),
    "built": (str,),
    "checksum": (str,),
}


class DamagedIndex(CorpusError):
    """An index whose files do not hold what was written: one line for the user; ``reason``
    says what was found, for tests and for whoever investigates."""

    def __init__(self, folder: Path | str, reason: str) -> None:
        super().__init__(f"the index at {folder} is damaged; rebuild it with `pitlint corpus build`")
        self.reason = reason


# -- writing ----------------------------------------------------------------------------------


def new_digest() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16)


def write_atomically(target: Path, parts: Iterable[bytes | memoryview]) -> str:
    """Write ``parts`` to ``target`` through a temporary file flushed to disk and renamed into
    place (a reader sees the old file or the whole new one). Returns the content's digest; the
    caller syncs the folder (`sync_folder`) once its renames are done."""
    temporary = target.with_name(f"{TEMPORARY}{os.getpid()}-{target.name}")
    temporary.unlink(missing_ok=True)
    digest = new_digest()
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for part in parts:
                digest.update(part)
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def pause_for_tests(step: str) -> None:
    """Test-only: when ``PITLINT_TEST_PAUSE_AT`` names ``step``, say so on stderr and wait, so
    that a test can SIGKILL a writer at exactly that point. Never set in real use."""
    if os.environ.get(PAUSE_VARIABLE) == step:
        sys.stderr.write(f"pitlint: test pause at {step}\n")
        sys.stderr.flush()
        time.sleep(3600)


def is_digest(text: str) -> bool:
    """Whether ``text`` is a digest as `new_digest` writes them (32 hex digits)."""
    return bool(_HEX.fullmatch(text))


# -- the header -------------------------------------------------------------------------------


def header_checksum(fields: dict) -> str:
    canonical = json.dumps({k: v for k, v in fields.items() if k != "checksum"}, sort_keys=True)
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()


def write_header(folder: Path, fields: dict) -> None:
    """The header, with the checksum of its own content."""
    content = {**fields, "format": FORMAT, "checksum": header_checksum({**fields, "format": FORMAT})}
    write_atomically(folder / HEADER, [json.dumps(content, indent=2).encode("utf-8")])


def _read_small(path: Path, limit: int) -> bytes:
    """A regular file of at most ``limit`` bytes, not followed through a link."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        content = handle.read(limit + 1)
    if len(content) > limit:
        raise OSError(f"{path.name} is larger than {limit} bytes")
    return content


def read_header(folder: Path) -> dict:
    """The header, checked field by field and against its checksum. A header of another format
    is a `CorpusError` saying so (an index from an older pitlint is not damaged, only old)."""
    try:
        header = json.loads(_read_small(folder / HEADER, MAX_HEADER_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        raise DamagedIndex(folder, f"header: {error}") from None
    if not isinstance(header, dict) or type(header.get("format")) is not int:
        raise DamagedIndex(folder, "header: not an object with a format number")
    if header["format"] != FORMAT:
        raise CorpusError(
            f"{folder}: index format {header['format']} is not format {FORMAT}; rebuild it with `pitlint corpus build`"
        )
    problem = _header_problem(header)
    if problem:
        raise DamagedIndex(folder, f"header: {problem}")
    return header


def _header_problem(header: dict) -> str | None:
    if set(header) != set(_HEADER_FIELDS):
        return f"fields {sorted(header)}"
    for name, types in _HEADER_FIELDS.items():
        if type(header[name]) not in types:
            return f"{name} is a {type(header[name]).__name__}"
    if not (is_digest(header["build"]) and is_digest(header["checksum"])):
        return "build or checksum is not 32 hex digits"
    if len(header["built"]) > 64 or (header["corpus"] is not None and len(header["corpus"]) > 4096):
        return "a field is too long"
    if header["corpus"] is not None and "\0" in header["corpus"]:
        return "the corpus path holds a NUL"
    if header["checksum"] != header_checksum(header):
        return "checksum does not match"
    return None


# -- arrays -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrayFile:
    """What the database records of an array file: its name (made here from a segment number),
    element type (an `array` type code: "Q" for fingerprints, "I" for passage ids, both stored
    little-endian), length and digest."""

    name: str
    typecode: str
    count: int
    digest: str

    @property
    def itemsize(self) -> int:
        return _ITEMSIZE[self.typecode]


_ITEMSIZE = {"Q": 8, "I": 4}
_DESCR = {"Q": "<u8", "I": "<u4"}


def segment_files(number: int) -> tuple[str, str]:
    """The two files of segment ``number``: fingerprints (sorted) and the passage of each."""
    return f"fp-{number}.hash.npy", f"fp-{number}.passage.npy"


def segment_number(name: str) -> int | None:
    """The segment number of a file named as `segment_files` names them, else None."""
    found = re.fullmatch(r"fp-(\d{1,9})\.(?:hash|passage)\.npy", name)
    return int(found.group(1)) if found else None


def preamble(typecode: str, count: int) -> bytes:
    """The exact ``.npy`` version 1.0 preamble numpy writes for a one-dimensional little-endian
    array (magic, version, header length, then the header's dict padded with spaces to a
    multiple of 64 bytes and ended by a newline)."""
    header = f"{{'descr': '{_DESCR[typecode]}', 'fortran_order': False, 'shape': ({count},), }}"
    padding = -(10 + len(header) + 1) % 64
    text = (header + " " * padding + "\n").encode("latin-1")
    return b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text


def write_array(path: Path, values: np.ndarray) -> str:
    """A one-dimensional array of fingerprints (uint64) or passage ids (uint32) as a standard
    little-endian ``.npy`` file; returns its digest."""
    import numpy as np

    typecode = "Q" if values.dtype.itemsize == 8 else "I"
    data = np.ascontiguousarray(values, dtype=_DESCR[typecode])
    raw = memoryview(data.view(np.uint8)) if len(data) else memoryview(b"")
    step = CHUNK * 8
    parts = [preamble(typecode, len(data)), *(raw[i : i + step] for i in range(0, len(raw), step))]
    return write_atomically(path, parts)


def read_u64(raw: bytes) -> array:
    """Little-endian 64-bit values (as the index stores them) as an array of ints."""
    values = array("Q", raw[: len(raw) - len(raw) % 8])
    if sys.byteorder != "little":
        values.byteswap()
    return values


def u64_bytes(values: Iterable[int]) -> bytes:
    """Values as little-endian 64-bit bytes, as the index stores them."""
    packed = array("Q", values)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


Values = memoryview | array  # a typed sequence of ints: a mapped file's, or a copy's
Rule = Callable[[Any, int | None], bool]  # a chunk of values (Values, or a numpy array), and the value just before


def ascending(chunk: Any, before: int | None) -> bool:
    """Sorted (binary search on unsorted fingerprints would miss copies without a word)."""
    if not len(chunk):
        return True
    if before is not None and chunk[0] < before:
        return False
    if isinstance(chunk, (memoryview, array)):
        values = chunk.tolist()
        return values == sorted(values)  # sorting a sorted list is one pass (Timsort finds the run)
    return bool((chunk[1:] >= chunk[:-1]).all())


def below(bound: int) -> Rule:
    """Every value less than ``bound`` (passage ids that exist)."""

    def rule(chunk: Any, before: int | None) -> bool:
        return not len(chunk) or _largest(chunk) < bound

    rule.__name__ = f"below {bound}"  # what a recorded reading was checked against (`_marker`)
    return rule


def _largest(chunk: Any) -> int:
    return max(chunk) if isinstance(chunk, (memoryview, array)) else int(chunk.max())


def open_array(folder: Path, expected: ArrayFile, rule: Rule, *, thorough: bool) -> Values:
    """Map an array file after checking it: a regular file of exactly the recorded size, with the
    recorded preamble, every value passing ``rule``; and, when ``thorough``, its digest. Values
    are read in chunks (not through the map), so checking does not grow the process's memory.
    Returns the values as a read-only typed memoryview of the mapped file (on a big-endian
    machine, a byte-swapped copy)."""
    path = folder / expected.name
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise DamagedIndex(folder, f"{expected.name}: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as handle:
        head_size = len(preamble(expected.typecode, expected.count))
        size = os.fstat(handle.fileno())
        if not stat.S_ISREG(size.st_mode) or size.st_size != head_size + expected.count * expected.itemsize:
            raise DamagedIndex(folder, f"{expected.name}: not a file of the recorded size")
        digest = new_digest()
        head = handle.read(head_size)
        digest.update(head)
        if head != preamble(expected.typecode, expected.count):
            raise DamagedIndex(folder, f"{expected.name}: not the recorded array")
        recordable = not thorough and expected.count >= VERIFIED_ONCE_FROM and os.name == "posix"
        marker = _marker(path, expected, rule, size) if recordable else None
        if marker is None or not _recorded(marker):
            _check_values(folder, expected, handle, rule, digest if thorough else None)
            if marker is not None:
                write_quietly(marker, b"")
        if thorough and digest.hexdigest() != expected.digest:
            raise DamagedIndex(folder, f"{expected.name}: its content does not match its digest")
        if not expected.count:
            return array(expected.typecode)
        if sys.byteorder != "little":
            handle.seek(head_size)
            swapped = array(expected.typecode, handle.read())
            swapped.byteswap()
            return swapped
        length = head_size + expected.count * expected.itemsize  # the bytes checked, not what the file holds now
        mapped = mmap.mmap(handle.fileno(), length, access=mmap.ACCESS_READ)
        return memoryview(mapped)[head_size:].cast(expected.typecode)


def _marker(path: Path, expected: ArrayFile, rule: Rule, found: os.stat_result) -> Path:
    """Where a check records that it read every value of this very file and found them right,
    so that the next check need not read them again (a check's cost would otherwise grow with the
    corpus). Named by the file's identity, size and times: any write to the file changes its
    status-change time (ctime), which no one but the system can set, so a file changed in any
    way is read whole again (POSIX only: elsewhere ctime may be the creation time). The system's
    clock for file times ticks every few milliseconds, so a rewrite within a tick of the reading
    could pass unseen: a writer that fast is on this machine already, with the index in reach.
    ``corpus add`` and ``corpus stats`` always read every byte."""
    from pitlint.caches import cache_file

    identity = "\0".join(
        str(part)
        for part in (
            path.resolve(),
            expected.typecode,
            expected.count,
            expected.digest,
            getattr(rule, "__name__", repr(rule)),
            found.st_dev,
            found.st_ino,
            found.st_size,
            found.st_mtime_ns,
            found.st_ctime_ns,
        )
    )
    return cache_file("verified", hashlib.blake2b(identity.encode("utf-8"), digest_size=16).hexdigest())


def _recorded(marker: Path) -> bool:
    try:
        return marker.exists()
    except OSError:  # a cache folder this user may not search: read the array, as without a cache
        return False


def _check_values(folder: Path, expected: ArrayFile, handle: io.BufferedReader, rule: Rule, digest) -> None:
    buffer = bytearray(CHUNK * expected.itemsize)
    vectorised = None  # numpy, for arrays long enough that it pays for its import
    if expected.count >= VECTORISED_FROM:
        import numpy as vectorised
    before: int | None = None
    remaining = expected.count * expected.itemsize
    while remaining:
        read = handle.readinto(memoryview(buffer)[: min(len(buffer), remaining)])
        if not read:
            raise DamagedIndex(folder, f"{expected.name}: shorter than recorded")
        remaining -= read
        view = memoryview(buffer)[:read]
        if digest is not None:
            digest.update(view)
        chunk: Any = view[: read - read % expected.itemsize].cast(expected.typecode)
        if sys.byteorder != "little":
            chunk = array(expected.typecode, chunk)
            chunk.byteswap()
        if vectorised is not None:
            chunk = vectorised.asarray(chunk)
        if not rule(chunk, before):
            raise DamagedIndex(folder, f"{expected.name}: values out of order or out of range")
        if len(chunk):
            before = int(chunk[-1])
