"""Segments: what 100 `corpus add`s cost every later check, and what merging them wins back.
Writes the "Segments" section of benchmarks/RESULTS.md.

    python benchmarks/segments.py --pits 10000 100000 --adds 100 --runs 9 --work /tmp/pitlint-segments

A corpus from benchmarks/generate.py is indexed (one per size, kept in --work), then PITs are
added one call at a time, three ways: without merging (every add leaves a segment, as before
merging existed: the benchmark raises MERGE_ABOVE in its own process to get it), then
`pitlint corpus compact` on that index, and with the automatic merge an add makes past
MERGE_ABOVE segments. For each, the installed `pitlint check` runs on the generator's draft in
fresh processes (median wall time), and the draft's comparison with the index (`Index.open` +
`analyse`) runs in this process (median), which shows the segments' cost without the process
start's noise.
"""

from __future__ import annotations

import argparse
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, pit, seed_sentences
from results import write_section

SECTION = "## Segments"


def _pitlint() -> str:
    found = shutil.which("pitlint", path=str(Path(sys.executable).parent)) or shutil.which("pitlint")
    if found is None:
        sys.exit("install pitlint first (pip install .)")
    return found


def _wall(command: list[str], runs: int) -> float:
    """Median wall seconds of a command in fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _compare(index: Path, draft: Path, runs: int) -> tuple[float, int, int]:
    """Median seconds to open the index and compare the draft with it, in this process; the
    segment count and the PIT301 matches found (the same in every state, or merging lost some)."""
    from pitlint.readers import read
    from pitlint.reuse.index import Index
    from pitlint.reuse.matching import analyse

    document = read(draft)
    times, found, segments = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        opened = Index.open(index)
        analysis = analyse(document, opened)
        times.append(time.perf_counter() - start)
        found = sum(len(run.matches) for run in analysis.runs)
        segments = len(opened.segments)
        opened.close()
    return statistics.median(times), segments, found


def _add_all(index: Path, new: list[Path]) -> list[float]:
    from pitlint.reuse import index as index_module

    seconds = []
    for path in new:
        start = time.perf_counter()
        added, _ = index_module.add(index, [(path, path.name)])
        seconds.append(time.perf_counter() - start)
        assert len(added) == 1, path
    return seconds


def _measure_size(pitlint: str, work: Path, pits: int, adds: int, runs: int, compactor) -> list[tuple]:
    """The four rows of one corpus size."""
    corpus = work / f"corpus-{pits}"
    draft = work / f"corpus-{pits}.draft.txt"
    if not corpus.is_dir():
        generate(corpus, pits)
    built = work / f"built-{pits}"
    if not built.is_dir():
        subprocess.run([pitlint, "corpus", "build", str(corpus), "--index", str(built)], check=True)
    new_folder = work / "new"
    shutil.rmtree(new_folder, ignore_errors=True)
    new_folder.mkdir()
    rng, boilerplate = random.Random(7), seed_sentences()
    new = []
    for number in range(adds):
        path = new_folder / f"added-{number:03d}.txt"
        path.write_text(pit(boilerplate, rng, 700), encoding="utf-8")
        new.append(path)

    rows = []

    def measure(label: str, index: Path, note: str) -> None:
        check = _wall([pitlint, "check", str(draft), "--corpus", str(index), "--format", "json"], runs)
        compare, segments, found = _compare(index, draft, runs)
        rows.append((pits, label, segments, found, check, compare, note))
        print(rows[-1], flush=True)

    measure("as built", built, "")
    plain, merging = work / "plain", work / "merging"
    for target in (plain, merging):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(built, target)
    limit = compactor.MERGE_ABOVE
    compactor.MERGE_ABOVE = 10**9  # every add leaves its segment, as before merging existed
    plain_adds = _add_all(plain, new)
    compactor.MERGE_ABOVE = limit
    measure(f"after {adds} adds, no merging", plain, f"median {statistics.median(plain_adds) * 1000:.0f} ms")
    start = time.perf_counter()
    subprocess.run([pitlint, "corpus", "compact", "--index", str(plain)], check=True, stdout=subprocess.DEVNULL)
    measure("then `pitlint corpus compact`", plain, f"compact: {time.perf_counter() - start:.2f} s")
    merging_adds = _add_all(merging, new)
    measure(
        f"after {adds} adds, merging past {limit} segments (default)",
        merging,
        f"median {statistics.median(merging_adds) * 1000:.0f} ms, slowest {max(merging_adds) * 1000:.0f} ms",
    )
    for target in (plain, merging):
        shutil.rmtree(target, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pits", type=int, nargs="+", default=[1000])
    parser.add_argument("--adds", type=int, default=100)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pitlint-segments"))
    args = parser.parse_args()
    from pitlint.reuse.folder import compactor

    pitlint = _pitlint()
    rows: list[tuple] = []
    for pits in args.pits:
        rows += _measure_size(pitlint, args.work, pits, args.adds, args.runs, compactor)

    sizes = " ".join(map(str, args.pits))
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python {platform.python_version()}. "
        f"An index of generated PITs (benchmarks/generate.py), then {args.adds} more added one "
        f"`corpus add` call each. Check: the installed `pitlint check --format json` on the generator's ~1,500-word "
        f"draft in fresh processes; compare: `Index.open` + `analyse` of the same draft in one process "
        f"(the part segments cost); medians of {args.runs} runs each. Matches: the draft's sentences matched in "
        f"the corpus, the same in every row (merging finds what the segments found).",
        "",
        f"Command: `python benchmarks/segments.py --pits {sizes} --adds {args.adds} --runs {args.runs}`",
        "",
        "| PITs | index | segments | matches | check (median) | compare (median) | adds |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {pits:,} | {label} | {segments} | {found} | {check:.3f} s | {compare * 1000:.1f} ms | {note} |"
            for pits, label, segments, found, check, compare, note in rows
        ),
    ]
    write_section(SECTION, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
