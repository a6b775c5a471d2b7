"""Time the readers on hostile drafts: the files of tests/readers/hostile_inputs.py, each read
in a fresh process (so a hang is killed, not waited for), the median of N runs of `read(path)`.

    python benchmarks/hostile_readers.py --runs 3 [--write] [--only NAME] [--code DIR]

``--code DIR`` times another checkout's pitlint (e.g. `git archive main pitlint | tar -x -C DIR`)
on the same files, for a before/after comparison. ``--write`` records the table in RESULTS.md.
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


def measure(case: Case, folder: Path, runs: int, timeout: float, code: Path | None) -> tuple[str, str, str]:
    path = folder / f"{case.name}{case.suffix}"
    case.make(path)
    size = f"{path.stat().st_size / 1024:,.0f} KB"
    times: list[float] = []
    outcome = ""
    for _ in range(runs):
        seconds, outcome = time_once(path, case.expect, timeout, code)
        if seconds is None:
            return size, f"> {timeout:.0f} s", outcome
        times.append(seconds)
    return size, f"{statistics.median(times):.2f} s", outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", help="only cases whose name contains this")
    parser.add_argument("--code", type=Path, help="folder holding another pitlint package to time")
    parser.add_argument("--write", action="store_true", help="record the table in benchmarks/RESULTS.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            if args.only and args.only not in case_id(case):
                continue
            started = time.perf_counter()
            size, median, outcome = measure(case, Path(folder), args.runs, args.timeout, args.code)
            rows.append(f"| {case_id(case)} | {size} | {median} | {outcome} |")
            print(rows[-1], f"({time.perf_counter() - started:.0f} s with making the file)", flush=True)
    if args.write:
        write_section(HEADING, _section(rows, args.runs))


def _section(rows: list[str], runs: int) -> str:
    return "\n".join(
        [
            HEADING,
            "",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; each file read by `pitlint.readers.read` in a fresh process "
            f"(start-up excluded), median of {runs} runs, killed at 60 s.",
            "",
            f"Command: `python benchmarks/hostile_readers.py --runs {runs} --write`",
            "",
            "| input | size | read (median) | outcome |",
            "|---|---|---|---|",
            *rows,
        ]
    )


if __name__ == "__main__":
    main()
