"""Where pitlint keeps what it can work out again: ``$PITLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/pitlint``, else ``~/.cache/pitlint`` (indexes of corpus folders, link results,
parsed rule packs, compiled patterns). Everything in it may be deleted at any time."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    if os.environ.get("PITLINT_CACHE_DIR"):
        return Path(os.environ["PITLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pitlint"


def cache_file(folder: str, name: str) -> Path:
    """A file of the cache; where no cache folder can be named (no home directory), one that
    does not exist, so that the work is only done again."""
    try:
        return cache_dir() / folder / name
    except (RuntimeError, KeyError):  # Path.home() with no home directory
        return Path(os.devnull) / folder / name


def write_quietly(path: Path, content: bytes) -> None:
    """Write a cache file whole (a temporary file renamed into place, so a reader never sees half
    of it), or not at all: a cache that cannot be written (read-only home, full disk) only costs
    the work again next time."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
