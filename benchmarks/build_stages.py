"""The per-PIT work of `corpus build`, stage by stage, in one process (CPU time, medians of
several runs), each stage against the way it was done before, measured in the same run. Writes
the "Build stages" section of benchmarks/RESULTS.md.

    python benchmarks/build_stages.py [--pits 1500] [--runs 5] [--before TREE --before-label TEXT]

- reading: `load_document` of generated PITs (benchmarks/generate.py), ms a PIT; with --before,
  the same in a process that imports pitlint from TREE (an older checkout);
- fingerprinting new passages: the workers' batch (`batch_fingerprints`, numpy) against
  `fingerprints()` passage by passage, on the sentences of those PITs;
- signing variant pairs: `signatures` (numpy minima with datasketch's permutations) against
  datasketch's `MinHash.bulk`, one object a passage, on the same sentences.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from results import write_section

HEADING = "## Build stages (in one process)"
_READ = """
import statistics, sys, time
from pathlib import Path
from pitlint.reuse.corpus import load_document, load_folder
files, manifest = load_folder(Path(sys.argv[1]))
for path, label in files[:50]:
    load_document(path, label, manifest)
runs = []
for _ in range(int(sys.argv[2])):
    started = time.process_time()
    for path, label in files:
        load_document(path, label, manifest)
    runs.append((time.process_time() - started) / len(files) * 1000)
print(statistics.median(runs))
"""


def _median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # (warm: word ids memoised, modules imported)
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def _reading_ms(tree: Path, corpus: Path, runs: int) -> float:
    """ms of CPU a PIT for `load_document`, in a fresh process importing pitlint from ``tree``."""
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(corpus), str(runs)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
        env=environment,
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pits", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="an older checkout whose reading is measured too")
    parser.add_argument("--before-label", default="before")
    arguments = parser.parse_args()

    from pitlint.reuse import fingerprints as fp
    from pitlint.reuse import signatures as signing
    from pitlint.reuse.corpus import load_document, load_folder
    from pitlint.reuse.folder.writer import batch_fingerprints

    here = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        generate(corpus, arguments.pits)
        files, manifest = load_folder(corpus)
        norms = [s.norm for path, label in files for s in load_document(path, label, manifest).sentences]
        words = [norm.split(" ") for norm in norms]
        rows = [("reading and splitting a PIT (`load_document`), ms a PIT", _reading_ms(here, corpus, arguments.runs))]
        if arguments.before:
            rows.append(
                (
                    f"the same, {arguments.before_label}",
                    _reading_ms(arguments.before.resolve(), corpus, arguments.runs),
                )
            )
        batch = _median_ms(lambda: batch_fingerprints(norms), arguments.runs)
        one_by_one = _median_ms(lambda: [fp.fingerprints(each) for each in words], arguments.runs)
        signed = _median_ms(lambda: signing.signatures(words), arguments.runs)
        bulk = _median_ms(lambda: signing._signatures_one_by_one(words), max(1, arguments.runs // 2))
    per = 1000 / len(norms)  # ms for all the passages -> us a passage
    table = [
        "| stage | this revision | the way before | ratio |",
        "|---|---|---|---|",
    ]
    reading = rows[0][1]
    if len(rows) > 1:
        earlier = rows[1][1]
        compared = f"{earlier:.2f} ms ({arguments.before_label}) | {earlier / reading:.1f}x |"
    else:
        compared = "| |"
    table.append(f"| {rows[0][0]} | {reading:.2f} ms | {compared}")
    table.append(
        f"| fingerprinting a new passage: a batch at once (numpy) vs `fingerprints()` one by one | "
        f"{batch * per:.1f} us | {one_by_one * per:.1f} us | {one_by_one / batch:.1f}x |"
    )
    table.append(
        f"| signing a passage of a variant pair: numpy minima vs datasketch `MinHash.bulk` | "
        f"{signed * per:.1f} us | {bulk * per:.1f} us | {bulk / signed:.1f}x |"
    )
    section = (
        f"{HEADING}\n\nMeasured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python "
        f"{platform.python_version()}; {arguments.pits} generated PITs ({len(norms):,} sentences of six words "
        f"or more), CPU time of one process, medians of {arguments.runs} runs (datasketch's of "
        f"{max(1, arguments.runs // 2)}); every stage gives the same values both ways (tests/reuse).\n\n"
        f"Command: `python benchmarks/build_stages.py --pits {arguments.pits} --runs {arguments.runs}"
        + (f" --before {arguments.before} --before-label '{arguments.before_label}'" if arguments.before else "")
        + "`\n\n"
        + "\n".join(table)
        + "\n"
    )
    write_section(HEADING, section)
    print(section)


if __name__ == "__main__":
    main()
