"""Regular expressions compiled once per Python, not once per run.

Python's ``re`` turns a pattern's text into its matching program in pure Python each time a
process compiles it: for pitlint's three hundred patterns that is about a fifth of a one-file
check's time. ``compile`` keeps each program in the cache (a JSON file per Python build, as
``__pycache__`` keeps bytecode per build) and makes later runs' ``re.Pattern`` from it with
``_sre.compile``, the constructor ``re.compile`` itself ends in. Anything unexpected (no cache
folder, a file damaged or not its owner's alone, a program ``_sre`` refuses, a Python whose ``re``
is laid out differently) falls back to ``re.compile``: the cache only ever saves time. The file is
trusted as ``__pycache__`` is: its owner could as well change the installed code.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from pitlint.caches import cache_file, write_quietly

try:  # Python 3.11 and later
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

Program = list[Any]  # [flags, code, groups, groupindex, indexgroup]: what _sre.compile is given
MOST_KEPT = 1000  # programs in the file (about 3x a run's); past this, only those the last run used are written

_programs: dict[str, Program] | None = None
_path: Path | None = None
_used: set[str] = set()
_changed = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this Python compiled it before."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & re.DEBUG or not _works():
        return re.compile(pattern, flags)
    programs = _load()
    key = f"{flags}:{pattern}"
    if key in programs:
        with contextlib.suppress(Exception):  # a file edited by hand, or a program _sre refuses
            compiled = _build(pattern, programs[key])
            _used.add(key)
            return compiled
    return _compile_and_keep(pattern, flags, key)


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` works out before handing it to ``_sre.compile``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return [flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, indexgroup]


def _build(pattern: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


@functools.cache
def _works() -> bool:
    """Whether this Python's ``re`` is laid out as the cache expects: a probe pattern built from
    its program behaves as ``re.compile``'s does."""
    probe, text = r"(?P<word>\w+)\s+(\d+)(?i:X)?", "Section 43 x"
    with contextlib.suppress(Exception):
        ours, theirs = _build(probe, _program(probe, re.ASCII)), re.compile(probe, re.ASCII)
        same = (ours.flags, ours.groups, ours.groupindex) == (theirs.flags, theirs.groups, theirs.groupindex)
        return same and ours.match(text).span(2) == theirs.match(text).span(2)  # type: ignore[union-attr]
    return False


def _compile_and_keep(pattern: str, flags: int, key: str) -> re.Pattern[str]:
    global _changed
    try:
        program: Program | None = _program(pattern, flags)
        compiled = _build(pattern, program)
    except Exception:  # a bad pattern: its error is re.compile's own, raised below and not chained
        program = None
    if program is None:
        return re.compile(pattern, flags)
    _load()[key] = program
    _used.add(key)
    if not _changed:
        _changed = True
        atexit.register(_save)
    return compiled


def _cache_path() -> Path:
    global _path
    if _path is None:  # named once, so that a run reads and writes the same file
        _path = cache_file("patterns", f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}.json")
    return _path


def _load() -> dict[str, Program]:
    """The programs in the cache file: only from a file of this user's that no one else may write,
    whose body matches the digest on its first line. ``_sre`` checks a program only in part, so a
    program changed on disk could crash the interpreter; a file damaged or altered by anyone
    but its owner is ignored and written again (its owner is trusted as with ``__pycache__``)."""
    global _programs
    if _programs is None:
        _programs = {}
        with contextlib.suppress(OSError, ValueError):
            _programs = _read(_cache_path())
    return _programs


def _read(path: Path) -> dict[str, Program]:
    with path.open("rb") as handle:
        status = os.fstat(handle.fileno())
        mine = not hasattr(os, "getuid") or status.st_uid == os.getuid()
        if not mine or status.st_mode & 0o022:
            return {}  # another's file, or one others may write
        digest, _, body = handle.read().partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        return {}  # damaged: cut short, or changed since it was written
    stored = json.loads(body)
    if not isinstance(stored, dict):
        return {}
    return {key: value for key, value in stored.items() if isinstance(value, list) and len(value) == 5}


def _save() -> None:
    """Write the programs back, at exit, when this run compiled new ones: the body's digest, then
    the body."""
    programs = _load()
    if len(programs) > MOST_KEPT:
        programs = {key: programs[key] for key in _used if key in programs}
    body = json.dumps(programs, separators=(",", ":")).encode()
    write_quietly(_cache_path(), hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
