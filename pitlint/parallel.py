"""A batch of drafts checked in worker processes, one per core, reported in the order given.

A draft's check is pure Python work (no I/O to wait on), so only processes use a second core.
Workers are forked from the run's process once its rule packs, settings and corpus index are
loaded, so each starts at once and shares those pages; each then opens its own connection to the
index (a database or server connection is not shared between processes). They are
`pitlint.workers`' workers: they ignore Ctrl-C and never outlive the run. Where fork is not
available the batch is checked in this process, as it is when it is small: a few drafts are
checked sooner than two processes start.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # (imported when a batch is split: a one-file check does without them, some 30 ms)
    from concurrent.futures import ProcessPoolExecutor

R = TypeVar("R")

FILES_PER_WORKER = 8  # below this many drafts per worker, forking costs more than it saves
CHUNK = 4  # drafts sent to a worker at a time (fewer round trips; still even at a batch's end)

_work: Callable[[Path], object] | None = None  # the check, inherited by the workers through fork
_kept: list[object] = []  # what a worker must never close: its parent's connections


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def workers_for(count: int, asked: int) -> int:
    """How many processes check ``count`` drafts: ``asked`` if given (never more than the
    drafts), else one per core while each has FILES_PER_WORKER drafts; 1 means this process."""
    if count <= 1 or not _can_fork():
        return 1
    if asked > 0:
        return min(asked, count)
    return max(1, min(cores(), count // FILES_PER_WORKER))


def _can_fork() -> bool:
    # fork is safe where the process has no other threads running; macOS's system libraries are
    # not fork-safe, and Windows has no fork
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def check_all(
    paths: Sequence[Path],
    check: Callable[[Path], R],
    workers: int,
    *,
    in_worker: Callable[[], None] = lambda: None,
    done: Callable[[int], None] = lambda count: None,
) -> list[R]:
    """``check(path)`` for every path, in ``workers`` processes (1: here), in the paths' order.
    ``in_worker()`` runs first in each worker (to open its own connections); ``done(count)``
    hears how many are checked so far. If a worker dies (killed, out of memory), the drafts not
    yet reported are checked here, one by one, so that a batch never loses a file."""
    results: list[R] = []
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        global _work
        _work = check
        gc.freeze()  # (what is loaded is shared with the workers until written: the collector would write it all)
        executor = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start,
            initargs=(os.getpid(), in_worker),
        )
        try:
            for result in executor.map(_run, paths, chunksize=CHUNK):
                results.append(result)  # type: ignore[arg-type]
                done(len(results))
        except BrokenProcessPool:
            pass  # the rest below, here
        except BaseException:  # Ctrl-C, a termination signal: the workers end now, not after their chunk
            _stop(executor)
            raise
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()
            _work = None
    for path in paths[len(results) :]:
        results.append(check(path))
        done(len(results))
    return results


def _start(parent: int, in_worker: Callable[[], None]) -> None:
    """A worker's start: a termination signal (from its parent, ending the batch early) ends it at
    once, not through the handler it was forked with, which reports to the user."""
    from pitlint.workers import start_worker

    start_worker(parent)
    for ending in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(ending, signal.SIG_DFL)
    in_worker()


def _run(path: Path) -> object:
    assert _work is not None  # set before the workers were forked
    return _work(path)


def keep(connection: object) -> None:
    """Hold a parent's connection for the worker's life: freed, it would be closed from here."""
    _kept.append(connection)


GRACE_SECONDS = 1.0  # how long a stopped batch waits for its workers to finish the draft in hand


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the workers now: the drafts not started are dropped, the one in hand is finished if it
    takes under GRACE_SECONDS (then the worker leaves as in any shutdown), else the worker is
    ended. (Ended while the pool still holds drafts, the pool would report them broken and fail
    on those the interrupted loop had already cancelled.)"""
    import multiprocessing

    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + GRACE_SECONDS
    for child in multiprocessing.active_children():
        child.join(max(0.0, deadline - time.monotonic()))
    for child in multiprocessing.active_children():
        child.terminate()
