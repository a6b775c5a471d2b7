"""What checking a folder index costs, to choose what `check` verifies on every run and what only
`corpus add` and `corpus stats` verify. Writes the "Index integrity" section of
benchmarks/RESULTS.md.

    python benchmarks/index_integrity.py --sizes 10000 100000 --runs 5 --work /tmp/pitlint-bench \\
        --old /tmp/pitlint-old

Parts are timed in this process on a real index (medians of 3 x --runs, page cache warm): opening
without any check (numpy's own loader, as pitlint did before), the arrays' values read in chunks
and bounded (every run of `check`), their blake2b digests, and SQLite's quick_check. Whole
commands (check, stats, add) run in fresh processes, alternating with the pitlint at --old (a
source tree from before the change, e.g. `git archive`), each on an index it built itself.
Corpora come from benchmarks/generate.py, as in benchmarks/reuse.py.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, pit, seed_sentences
from results import write_section

SECTION = "## Index integrity"


def _median(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _command(arguments: list[str], old: Path | None) -> float:
    env = dict(os.environ)
    if old is not None:
        env["PYTHONPATH"] = str(old)
    start = time.perf_counter()
    command = [sys.executable, "-m", "pitlint", *arguments]
    done = subprocess.run(command, capture_output=True, env=env, cwd=old or Path.home())  # not this tree's pitlint
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{arguments}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def _build(corpus: Path, index: Path, old: Path | None) -> None:
    if (index / "index.sqlite").exists():
        return
    print(f"building {index}", file=sys.stderr)
    _command(["corpus", "build", str(corpus), "--index", str(index)], old)


def _parts(index: Path, runs: int) -> dict[str, float]:
    """Seconds for each part of opening the index, median of ``runs``."""
    import numpy as np

    from pitlint.reuse import store
    from pitlint.reuse.folder.database import listed_segments as _segment_files
    from pitlint.reuse.index import Index

    opened = Index.open(index)
    files = _segment_files(opened.path, opened.db)
    bound = opened.passage_bound
    opened.close()

    def bare() -> None:  # what opening cost before: numpy's loader maps the arrays, nothing read
        database = sqlite3.connect(f"file:{index / 'index.sqlite'}?mode=ro", uri=True)
        database.execute("SELECT COUNT(*) FROM documents").fetchone()
        for _, hashes, owners in files:
            np.load(index / hashes.name, mmap_mode="r", allow_pickle=False)
            np.load(index / owners.name, mmap_mode="r", allow_pickle=False)
        database.close()

    def values() -> None:
        for _, hashes, owners in files:
            store.open_array(index, hashes, store.ascending, thorough=False)
            store.open_array(index, owners, store.below(bound), thorough=False)

    def digests() -> None:
        for _, hashes, owners in files:
            for file in (hashes, owners):
                digest = store.new_digest()
                with open(index / file.name, "rb") as handle:
                    while chunk := handle.read(1 << 23):
                        digest.update(chunk)

    def quick_check() -> None:
        database = sqlite3.connect(f"file:{index / 'index.sqlite'}?mode=ro", uri=True)
        database.execute("PRAGMA quick_check(1)").fetchall()
        database.close()

    return {
        "bare": _median(bare, runs),
        "values": _median(values, runs),
        "digests": _median(digests, runs),
        "quick_check": _median(quick_check, runs),
        "open": _median(lambda: Index.open(index).close(), runs),
        "thorough": _median(lambda: Index.open(index, thorough=True).close(), runs),
    }


def _commands(size: int, work: Path, old: Path, runs: int) -> dict[str, float]:
    """Medians of whole commands, the new pitlint and the old one alternating."""
    draft = work / f"corpus-{size}.draft.txt"
    new_index, old_index = work / f"integrity-index-{size}", work / f"old-index-{size}"
    timings: dict[str, list[float]] = {}
    boilerplate = seed_sentences()
    for run in range(runs):
        for label, index, source in (("new", new_index, None), ("old", old_index, old)):
            check = ["check", str(draft), "--corpus", str(index), "--format", "json"]
            timings.setdefault(f"check_{label}", []).append(_command(check, source))
            stats = ["corpus", "stats", "--index", str(index), "--format", "json"]
            timings.setdefault(f"stats_{label}", []).append(_command(stats, source))
            new = work / f"integrity-new-{size}-{label}-{run}.txt"
            new.write_text(pit(boilerplate, random.Random(time.time_ns()), 700), encoding="utf-8")
            add = ["corpus", "add", str(new), "--index", str(index)]
            timings.setdefault(f"add_{label}", []).append(_command(add, source))
    return {name: statistics.median(values) for name, values in timings.items()}


def measure(size: int, work: Path, old: Path, runs: int) -> dict[str, object]:
    corpus, draft = work / f"corpus-{size}", work / f"corpus-{size}.draft.txt"
    if not draft.exists():
        generate(corpus, size)
    new_index, old_index = work / f"integrity-index-{size}", work / f"old-index-{size}"
    _build(corpus, new_index, None)
    _build(corpus, old_index, old)
    row: dict[str, object] = {"size": size}
    row["arrays_mb"] = sum(p.stat().st_size for p in new_index.glob("fp-*.npy")) / 2**20
    row["database_mb"] = (new_index / "index.sqlite").stat().st_size / 2**20
    row.update(_parts(new_index, 3 * runs))  # parts are quick: more runs steady their medians
    row.update(_commands(size, work, old, runs))
    return row


def _table(rows: list[dict[str, object]], runs: int, command: str) -> str:
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"  # noqa: E731
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python "
        f'{platform.python_version()}, SQLite {sqlite3.sqlite_version}; corpora and draft as in "Reuse at scale". '
        f"Page cache warm. Parts: medians of {3 * runs} runs in process, on the index this pitlint built; "
        f"commands: medians of {runs} runs of the whole `python -m pitlint` process, the old pitlint (before "
        "checksums and the writer lock) alternating with the new, each on an index it built. Other work shared "
        "the machine's two cores, so figures vary by a tenth or so between runs.",
        "",
        f"Command: `{command}`",
        "",
        "| PITs | arrays | database | open, no checks (before) | values read and bounded | blake2b of the arrays "
        "| SQLite quick_check | open for `check` | open for `add`/`stats` (thorough) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['arrays_mb']:.0f} MB | {r['database_mb']:.0f} MB | {ms(r['bare'])} | "
            f"{ms(r['values'])} | {ms(r['digests'])} | {ms(r['quick_check'])} | {ms(r['open'])} | "
            f"{ms(r['thorough'])} |"
        )
    lines += [
        "",
        "| PITs | check, before | check, now | `corpus add`, before | `corpus add`, now "
        "| `corpus stats`, before | `corpus stats`, now |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['check_old']:.2f} s | {r['check_new']:.2f} s | {r['add_old']:.2f} s | "
            f"{r['add_new']:.2f} s | {r['stats_old']:.2f} s | {r['stats_new']:.2f} s |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pitlint-bench"))
    parser.add_argument("--old", type=Path, required=True, help="a source tree of the pitlint to compare with")
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    rows = [measure(size, arguments.work, arguments.old, arguments.runs) for size in arguments.sizes]
    command = "python benchmarks/index_integrity.py " + " ".join(sys.argv[1:])
    section = _table(rows, arguments.runs, command)
    write_section(SECTION, section)
    print(section)


if __name__ == "__main__":
    main()
