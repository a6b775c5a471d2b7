"""One writer at a time on a folder index: `corpus build` and `corpus add` hold an exclusive
`flock` on ``.lock`` in the index folder while they write. Checks never take it (they read
files that are only ever replaced whole, and the database's own locking).

A writer waits a bounded time for the one before it, saying so once, then gives up with one
line naming the other writer. A build replaces the whole folder, lock file included: a writer
that was waiting on the old folder's lock sees that the file it holds is no longer the one at
the path, and waits for the new one instead, so it never writes into a folder that is gone.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from pitlint.errors import CorpusError

try:
    import fcntl
except ImportError:  # Windows: msvcrt's byte-range lock instead
    fcntl = None  # type: ignore[assignment]

LOCK = ".lock"
WAIT = 60.0  # seconds a writer waits for the one before it
POLL = 0.05
_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class WriterLock:
    """``with WriterLock(folder, "corpus add"):`` writes to the index at ``folder`` alone."""

    def __init__(
        self, folder: Path, what: str, *, notify: Callable[[str], None] | None = None, wait: float = WAIT
    ) -> None:
        self.folder = folder
        self.what = what
        self.notify = notify
        self.wait = wait
        self.descriptor: int | None = None

    def __enter__(self) -> WriterLock:
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            descriptor = self._open()
            state = self._take(descriptor)
            if state == "held":
                self.descriptor = descriptor
                self._sign()
                return self
            os.close(descriptor)
            if state == "moved":
                continue
            if time.monotonic() >= deadline:
                raise CorpusError(
                    f"the index at {self.folder} is being written by another pitlint ({self._holder()}); "
                    f"gave up after {self.wait:g} s: try again when it has finished"
                )
            if not told and self.notify:
                self.notify("waiting for another writer to this index to finish")
                told = True
            time.sleep(POLL)

    def __exit__(self, *exc: object) -> None:
        if self.descriptor is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self.descriptor, 0)
            os.close(self.descriptor)  # closing releases the lock
            self.descriptor = None

    def _open(self) -> int:
        try:
            return os.open(self.folder / LOCK, _FLAGS, 0o644)
        except FileNotFoundError:
            raise CorpusError(f"{self.folder}: no index here") from None
        except OSError as error:
            raise CorpusError(f"{self.folder}: cannot lock the index for writing ({error.strerror or error})") from None

    def _take(self, descriptor: int) -> str:
        """Whether the file is now "held" (locked, and still the folder's lock file), "busy", or
        "moved": a build replaced the folder meanwhile, and its new lock file is the one to take."""
        if not _try_lock(descriptor):
            return "busy"
        held = os.fstat(descriptor)
        try:
            current = os.stat(self.folder / LOCK, follow_symlinks=False)
        except FileNotFoundError:
            return "moved"
        return "held" if (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino) else "moved"

    def _sign(self) -> None:
        """Say in the lock file who holds it, for the message of a writer that gives up."""
        note = f"`pitlint {self.what}`, process {os.getpid()}, since {time.strftime('%H:%M:%S')}"
        with contextlib.suppress(OSError):
            os.ftruncate(self.descriptor, 0)
            os.lseek(self.descriptor, 0, os.SEEK_SET)
            os.write(self.descriptor, note.encode("utf-8"))

    def _holder(self) -> str:
        try:
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
            descriptor = os.open(self.folder / LOCK, flags)
            try:
                note = os.read(descriptor, 200).decode("utf-8", "replace").strip()
            finally:
                os.close(descriptor)
        except OSError:
            note = ""
        return note if note.isprintable() and note else "a writer"


def _try_lock(descriptor: int) -> bool:
    """Take the exclusive lock on an open file if no other process holds it."""
    if fcntl is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    import msvcrt

    try:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True
