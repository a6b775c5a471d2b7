"""The worst cases of --check-links, against real servers on 127.0.0.1: a server that trickles
its headers a byte a second, one that accepts and never answers, and an address that never
accepts, each named by many distinct links. Times are of check_urls() with the defaults (5 s per
wait, 10 s per link, 60 s and 1,000 links per run), medians of --runs runs. With --before FILE
(an older linkcheck.py) the same cases are timed once with that module, on --before-links links
(it has no overall bound, so its time for --links links is extrapolated). Writes the "Link
checking bounds" section of benchmarks/RESULTS.md.

    python benchmarks/linkcheck.py --runs 3 --links 10000 --before /tmp/old/linkcheck.py
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT)]
from results import write_section  # noqa: E402

from pitlint import linkcheck  # noqa: E402
from tests.linkservers import black_hole, raw_server, silent, trickle  # noqa: E402

SECTION = "## Link checking bounds"
NOTES = """
Reading the figures: a trickling server is cut off at the link's 10 s deadline, where requests'
per-read timeout let the old check wait as long as the server kept sending (here until it hung
up). A server that accepts and never answers costs each link the 5 s wait, 8 at a time, so about
90 links are tried before the 60 s budget ends the run; the rest are `PIT506` notes, not dead
links. An address that never accepts is given up on for the run once its connections time out,
so every link to it is answered within seconds, up to the 1,000-link cap. "before" is main at
f9a0466 (requests, per-read timeouts, no overall bound), timed on 80 links and scaled."""
TRICKLE_FOR = 60.0  # the trickling server hangs up after this, so that an unbounded check ends


@contextmanager
def _trickling() -> Iterator[str]:
    with raw_server(trickle(1.0, for_seconds=TRICKLE_FOR)) as server:
        yield server.url


@contextmanager
def _silent() -> Iterator[str]:
    with raw_server(silent) as server:
        yield server.url


CASES: list[tuple[str, Callable[[], AbstractContextManager[str]], bool]] = [
    ("trickling headers, 1 byte/s", _trickling, False),  # one link
    ("accepts, never answers", _silent, True),  # many links
    ("never accepts (black hole)", black_hole, True),
]


def _time(module: ModuleType, server: Callable[[], AbstractContextManager[str]], links: int) -> tuple[float, Counter]:
    with server() as url:
        urls = {f"{url}/page{n}" for n in range(links)}
        started = time.perf_counter()
        results = module.check_urls(urls, None)
        took = time.perf_counter() - started
    return took, Counter(_kind(result) for result in results.values())


def _kind(result: linkcheck.LinkResult) -> str:
    return "not checked" if getattr(result, "skipped", False) else "ok" if result.ok else "dead"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("linkcheck_before", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--before", type=Path, help="an older linkcheck.py to compare with")
    parser.add_argument("--before-links", type=int, default=80)
    args = parser.parse_args()
    before = _load(args.before) if args.before else None
    rows = []
    for name, server, many in CASES:
        links = args.links if many else 1
        runs = [_time(linkcheck, server, links) for _ in range(args.runs)]
        times = [took for took, _ in runs]
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(runs[-1][1].items()))
        spread = f"{min(times):.1f}-{max(times):.1f} s"
        row = f"| {name} | {links:,} | {statistics.median(times):.1f} s | {spread} | {kinds} |"
        if before is not None:
            old_links = args.before_links if many else 1
            took, _ = _time(before, server, old_links)
            if many:
                minutes = took * links / old_links / 60
                row += f" {took:.1f} s for {old_links} links, so ~{minutes:,.0f} min for {links:,} |"
            else:
                row += f" {took:.1f} s (until the server hung up after {TRICKLE_FOR:g} s) |"
        rows.append(row)
        print(row, flush=True)
    header = "| server | links | median | range | results (last run) |"
    rule = "|---|---|---|---|---|"
    if before is not None:
        header += " before (old main, one run) |"
        rule += "---|"
    section = "\n".join(
        [
            SECTION,
            "",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; "
            f"medians of {args.runs} runs of check_urls() in one process, default limits (5 s per wait, "
            f"{linkcheck.DEADLINE_FACTOR * linkcheck.TIMEOUT:g} s per link, {linkcheck.RUN_BUDGET:g} s and "
            f"{linkcheck.MAX_LINKS:,} links per run, {linkcheck.WORKERS} at a time).",
            "",
            f"Command: `python benchmarks/linkcheck.py --runs {args.runs} --links {args.links}"
            + (" --before OLD/linkcheck.py`" if before is not None else "`"),
            "",
            header,
            rule,
            *rows,
            NOTES,
        ]
    )
    write_section(SECTION, section + "\n")


if __name__ == "__main__":
    main()
