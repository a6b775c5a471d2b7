"""A cold check against a large index, taking turns with the same check against the shipped
corpus (fresh processes; wall time, medians of several runs). Prints the figures; the "A million
PITs" paragraphs of benchmarks/RESULTS.md quote them.

    python benchmarks/check_at_scale.py INDEX [--draft FILE] [--runs 11]

The first check after a build is timed apart: it may verify the index's arrays once.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "corpus" / "004_da1c3325b88c1ea3.txt"


def _check(draft: Path, corpus: list[str]) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "pitlint", "check", str(draft), "--format", "json", "--quiet"]
    subprocess.run(
        [*command, "--fail-on", "never", *corpus],
        capture_output=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--draft", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=11)
    arguments = parser.parse_args()
    large = ["--corpus", str(arguments.index)]
    print(f"first check against {arguments.index}: {_check(arguments.draft, large):.3f} s")
    against_large, against_shipped = [], []
    for _ in range(arguments.runs):
        against_large.append(_check(arguments.draft, large))
        against_shipped.append(_check(arguments.draft, []))
    for label, times in (("large index", against_large), ("shipped corpus", against_shipped)):
        print(f"{label}: median {statistics.median(times):.3f} s, min {min(times):.3f}, max {max(times):.3f}")
    print(f"ratio of medians: {statistics.median(against_large) / statistics.median(against_shipped):.2f}")


if __name__ == "__main__":
    main()
