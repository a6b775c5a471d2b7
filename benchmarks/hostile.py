#!/usr/bin/env python3
"""Worst cases of the checks (not the readers: see the readers' cases in RESULTS.md): text built
to make a rule's regular expressions, pairwise comparisons or per-finding work blow up, each
checked by the real command in a separate process. Prints the median wall time of several runs
and the exit code; every case must end well within the per-file limit (engine.FILE_SECONDS).

Usage: python benchmarks/hostile.py [--runs 3] [--pitlint "python -m pitlint"]
"""

from __future__ import annotations

import argparse
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _words(count: int, seed: int = 1) -> str:
    generator = random.Random(seed)
    return " ".join("".join(generator.choice("bcdfghjklmnpqrstvwxz") for _ in range(8)) for _ in range(count))


def cases(folder: Path) -> dict[str, list[str]]:
    """name -> command arguments after `pitlint check`; the inputs are written into folder."""
    import docx

    texts = {
        "unknown-words-1.8MB.txt": _words(200_000),
        "force-names-200k-words.txt": " ".join(
            random.Random(2).choice(["Police", "Constabulary", "Force", "Thames", "Valley", "Kent"])
            for _ in range(200_000)
        ),
        "doubled-words-20k.txt": " ".join("the the" for _ in range(20_000)),
        "citations-20k.txt": " ".join("Section 31(1)(a) and (b) or (c)" for _ in range(20_000)),
        "one-word-300k-chars.txt": "a" * 300_000,
        "brackets-200k.txt": "Section 31" + "(" * 200_000,
    }
    made: dict[str, list[str]] = {}
    for name, body in texts.items():
        path = folder / name
        path.write_text(f"Harm\n\n{body}.\n", encoding="utf-8")
        made[name] = [str(path), "--format", "json"]
    word = docx.Document()
    word.add_paragraph("Harm")
    for _ in range(2_000):
        word.add_paragraph(" ".join(["the the"] * 10))
    annotated = folder / "doubled-words-20k.docx"
    word.save(annotated)
    made["annotate-20k-findings.docx"] = [str(annotated), "--annotate", str(folder / "annotated.docx")]
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pitlint", default=f"{sys.executable} -m pitlint")
    options = parser.parse_args()
    command = shlex.split(options.pitlint)
    with tempfile.TemporaryDirectory() as temporary:
        for name, arguments in cases(Path(temporary)).items():
            times, code = [], None
            for _ in range(options.runs):
                started = time.perf_counter()
                done = subprocess.run([*command, "check", *arguments], capture_output=True, timeout=600)
                times.append(time.perf_counter() - started)
                code = done.returncode
            print(f"| {name} | {statistics.median(times):.1f} s | {code} |", flush=True)


if __name__ == "__main__":
    main()
