"""Progress for work that takes more than a moment, on stderr and only when stderr is a terminal
(a CI log or a test's captured stderr never sees it): a bar (rich) for building an index, and one
line redrawn in place while many drafts are checked."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Update = Callable[[int, int], None]
MIN_ITEMS = 20  # fewer files than this are done before a bar would be worth drawing
MIN_DRAFTS = 11  # checking fewer drafts than this is quick: no counter


@contextmanager
def progress_bar(description: str, items: int) -> Iterator[Update | None]:
    if items < MIN_ITEMS or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=items)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def counter(verb: str, noun: str) -> Iterator[Update | None]:
    """A count such as "Checking 120/1000 drafts" on one line of the terminal, redrawn as work is done and
    erased at the end (also when interrupted), so the report that follows starts on a clean line.
    Shown only for MIN_DRAFTS items or more."""
    if not _terminal():
        yield None
        return
    shown = False

    def update(done: int, total: int) -> None:
        nonlocal shown
        if total < MIN_DRAFTS:
            return
        sys.stderr.write(f"\r{verb} {done}/{total} {noun}\x1b[K")
        sys.stderr.flush()
        shown = True

    try:
        yield update
    finally:
        if shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except ValueError:  # closed
        return False
