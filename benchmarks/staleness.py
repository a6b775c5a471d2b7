"""What a check pays to know its index is not stale: listing every PIT's name (before) against
statting each corpus folder (now, while no folder's time has changed). Writes the "Staleness
test" section of benchmarks/RESULTS.md.

    python benchmarks/staleness.py --work /tmp/pitlint-bench --sizes 1000 10000 100000 [--runs 9]

Uses the generated corpora benchmarks/reuse.py leaves in --work (corpus-N: sub-folders of 1,000
PITs). Both are timed in this process, same run, medians; the page cache is warm for both, as it
is for a check run after the last.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_section

SECTION = "## Staleness test"


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    from pitlint.reuse.folder.listing import folder_listing, listing_with_stamps, unchanged

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        corpus = args.work / f"corpus-{size}"
        _, stamps = listing_with_stamps(corpus)
        assert unchanged(corpus, stamps)
        listing = _median_ms(lambda corpus=corpus: folder_listing(corpus), args.runs)
        stat = _median_ms(lambda corpus=corpus, stamps=stamps: unchanged(corpus, stamps), args.runs)
        rows.append((size, len(stamps.split(",")), listing, stat))
        print(rows[-1], flush=True)
    lines = [
        SECTION,
        "",
        f"Measured with `python benchmarks/staleness.py --work WORK --sizes {' '.join(map(str, args.sizes))} "
        f"--runs {args.runs}` on {platform.machine()}, Python {platform.python_version()}; medians, same run. "
        "Before: every check listed the corpus folder's PITs by name to tell whether its index was stale. "
        "Now: the index records each corpus folder's modification time when it is built or added to (after "
        "putting itself in place), and a check stats those folders; only when one has changed does it list "
        "the PITs. The generated corpora hold 1,000 PITs a folder.",
        "",
        "| PITs | folders | listing every PIT | statting the folders | ratio |",
        "|---|---|---|---|---|",
    ]
    for size, folders, listing, stat in rows:
        lines.append(f"| {size:,} | {folders:,} | {listing:.1f} ms | {stat:.2f} ms | {listing / stat:.0f}x |")
    if not args.no_write:
        write_section(SECTION, "\n".join(lines))


if __name__ == "__main__":
    main()
