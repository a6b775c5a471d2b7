"""Start-up and single-file wall times of the installed `pitlint` command, as a user feels them.

Each command runs --runs times in a fresh process; the median and the spread are reported, with
`python -c pass` measured in the same run as the floor no Python CLI can beat. Writes the
"Start-up" section of benchmarks/RESULTS.md.

    python benchmarks/startup.py --runs 21
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_section

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Start-up and one-file checks"


def _time(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    pitlint = shutil.which("pitlint", path=str(Path(sys.executable).parent)) or shutil.which("pitlint")
    if pitlint is None:
        sys.exit("install pitlint first (pip install .)")
    seed = ROOT / "corpus" / "004_da1c3325b88c1ea3.txt"
    commands = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "pitlint --version": [pitlint, "--version"],
        "pitlint rules": [pitlint, "rules"],
        "pitlint check seed 004 (.txt)": [pitlint, "check", str(seed)],
        "pitlint check examples/foi-1187-draft.docx": [
            pitlint,
            "check",
            str(ROOT / "examples" / "foi-1187-draft.docx"),
        ],
    }
    for command in commands.values():  # warm the file system cache once
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    rows = []
    for name, command in commands.items():
        times = _time(command, args.runs)
        rows.append((name, statistics.median(times), min(times), max(times)))
    floor = rows[0][1]
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {_cpus()} cores, Python "
        f"{platform.python_version()}; {args.runs} runs of each command in fresh processes, same run for all rows.",
        "",
        "Command: `python benchmarks/startup.py --runs " + str(args.runs) + "` (after `pip install .`)",
        "",
        "| command | median | min | max | median / floor |",
        "|---|---|---|---|---|",
    ]
    for name, median, low, high in rows:
        lines.append(
            f"| `{name}` | {median * 1000:.0f} ms | {low * 1000:.0f} ms | {high * 1000:.0f} ms | "
            f"{median / floor:.1f}x |"
        )
    lines += [
        "",
        "Target: `pitlint --version` and `pitlint rules` well under 0.5 s, importing no numpy, scipy, "
        "datasketch or reader libraries (asserted by tests/test_cli.py::test_start_up_imports_nothing_heavy). "
        "About 60-80 ms of every command but `--version` is typer's own parameter coercion, which imports "
        "pydantic (seen with `python -X importtime -m pitlint rules`).",
        "",
    ]
    write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
