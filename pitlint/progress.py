"""A progress bar (rich) for work that takes more than a moment, shown only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Update = Callable[[int, int], None]
MIN_ITEMS = 20  # fewer files than this are done before a bar would be worth drawing


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
