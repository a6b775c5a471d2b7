"""Time the readers on hostile drafts: the files of tests/readers/hostile_inputs.py, each read
in a fresh process (so a hang is killed, not waited for), the median of N runs of `read(path)`.

    python benchmarks/hostile_readers.py --runs 3 [--before DIR] [--write] [--only NAME]

``--before DIR`` also times another checkout's pitlint package on the same files, once each
(e.g. `mkdir DIR && git archive f9a0466 pitlint | tar -x -C DIR`). ``--write`` records the
table in benchmarks/RESULTS.md.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from results import write_section  # noqa: E402

from tests.readers.hostile_inputs import CASES, Case, case_id  # noqa: E402

HEADING = "## Hostile inputs: readers"
NOTES = """Each input is made by tests/readers/hostile_inputs.py (the regression tests read the same
files, with a 60 s wall clock). "-limit" inputs are the same attack at the 2 MB limit for text
formats. "before" is one run of the readers at f9a0466; "> 60 s" means it was killed. A refusal
is the bounded outcome chosen for input beyond what a PIT can be: more than 150,000 HTML elements,
or a PDF that would make pdfminer lay out more than 150,000 characters or interpret more than
2.5 MB of page content (readers/_pdfbounds.py gives the measured costs behind these ceilings)."""
CHILD = """
import sys, time
from pathlib import Path
from pitlint.readers import read
from pitlint.errors import ReadError
started = time.perf_counter()
try:
    document = read(Path(sys.argv[1]))
    outcome = "read" if sys.argv[2] in document.text else "WRONG TEXT"
except ReadError as error:
    outcome = "ReadError: " + error.reason
print(f"{time.perf_counter() - started:.3f}\\t{outcome}")
"""


def time_once(path: Path, expect: str, timeout: float, code: Path | None) -> tuple[float | None, str]:
    """Seconds `read(path)` took in a fresh process (None if killed at the timeout), and what came of it."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), expect],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=code or ROOT,
        )
    except subprocess.TimeoutExpired:
        return None, f"killed after {timeout:.0f} s"
    if done.returncode != 0:
        return None, "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    seconds, outcome = done.stdout.strip().split("\t", 1)
    return float(seconds), outcome


def median_time(path: Path, case: Case, runs: int, timeout: float, code: Path | None) -> tuple[str, str]:
    """The median of ``runs`` readings (or how the first bad one ended), and what came of it."""
    times: list[float] = []
    outcome = ""
    for _ in range(runs):
        seconds, outcome = time_once(path, case.expect, timeout, code)
        if seconds is None:
            return f"> {timeout:.0f} s", outcome
        times.append(seconds)
    return f"{statistics.median(times):.2f} s", outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", help="only cases whose name contains this")
    parser.add_argument("--before", type=Path, help="folder holding an earlier pitlint package to time too")
    parser.add_argument("--write", action="store_true", help="record the table in benchmarks/RESULTS.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            if args.only and args.only not in case_id(case):
                continue
            path = Path(folder) / case_id(case)
            case.make(path)
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            before = median_time(path, case, 1, args.timeout, args.before)[0] if args.before else "-"
            after, outcome = median_time(path, case, args.runs, args.timeout, None)
            rows.append(f"| {case_id(case)} | {size} | {before} | {after} | {outcome} |")
            print(rows[-1], flush=True)
            path.unlink()
    if args.write:
        write_section(HEADING, _section(rows, args.runs))


def _section(rows: list[str], runs: int) -> str:
    return "\n".join(
        [
            HEADING,
            "",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; each file read by `pitlint.readers.read` in a fresh process "
            f"(start-up excluded), median of {runs} runs, killed at 60 s. The machine was shared: load average "
            f"{os.getloadavg()[0]:.1f} on its {os.cpu_count()} cores at the end of the run.",
            "",
            f"Command: `python benchmarks/hostile_readers.py --runs {runs} --before DIR --write`, DIR holding "
            "the readers before this work (`git archive f9a0466 pitlint`).",
            "",
            "| input | size | before (one run) | read (median) | outcome |",
            "|---|---|---|---|---|",
            *rows,
            "",
            NOTES,
        ]
    )


if __name__ == "__main__":
    main()
