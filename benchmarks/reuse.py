"""Reuse detection at scale: index build, check and add times, memory, and the index's recall
and speed against an exhaustive rapidfuzz search over every corpus sentence (what a user without
pitlint would write). Writes the "Reuse at scale" section of benchmarks/RESULTS.md.

    python benchmarks/reuse.py --sizes 1000 10000 100000 --runs 5 --work /tmp/pitlint-bench

Corpora come from benchmarks/generate.py (made once per size and kept in --work). Build, check
and add run the installed `pitlint` command in fresh processes; peak memory is the child's
maximum resident set size. Recall and the speed ratio are measured in this process, on the same
draft, in the same run, for sizes up to --brute-max.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, pit, seed_sentences
from results import write_section

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Reuse at scale"


def _pitlint() -> str:
    found = shutil.which("pitlint", path=str(Path(sys.executable).parent)) or shutil.which("pitlint")
    if found is None:
        sys.exit("install pitlint first (pip install .)")
    return found


def _run(command: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident memory (bytes) and exit code of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.stderr.close()
    return elapsed, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def _size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def _recall_and_speed(index_path: Path, draft: Path, runs: int) -> dict[str, float]:
    from rapidfuzz import fuzz, process

    from pitlint.readers import read
    from pitlint.reuse.index import Index
    from pitlint.reuse.matching import SIMILARITY, _body_sentences, analyse

    document = read(draft)
    index = Index.open(index_path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analysis = analyse(document, index)
        times.append(time.perf_counter() - start)
    found = {(m.paragraph.index, m.sentence.start) for run in analysis.runs for m in run.matches}
    # every sentence of every corpus PIT, as a user without an index would search them
    choices = [
        row[0] for row in index.db.execute("SELECT p.norm FROM occurrences o JOIN passages p ON p.id = o.passage")
    ]
    index.close()
    queries = [(p.index, s.start, s.norm) for p, s in _body_sentences(document) if len(s.tokens) >= 6]
    start = time.perf_counter()
    brute = {
        (paragraph, offset)
        for paragraph, offset, norm in queries
        if process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=SIMILARITY) is not None
    }
    brute_seconds = time.perf_counter() - start
    search = statistics.median(times)
    return {
        "queries": len(queries),
        "brute_matches": len(brute),
        "recall": len(brute & found) / len(brute) if brute else 1.0,
        "extra": len(found - brute),
        "search_ms": search * 1000,
        "brute_s": brute_seconds,
        "ratio": brute_seconds / search if search else float("inf"),
        "sentences": len(choices),
    }


def measure(size: int, work: Path, runs: int, brute_max: int) -> dict[str, object]:
    pitlint = _pitlint()
    corpus = work / f"corpus-{size}"
    draft = work / f"corpus-{size}.draft.txt"
    if not draft.exists():
        generate(corpus, size)
    index = work / f"index-{size}"
    shutil.rmtree(index, ignore_errors=True)
    build_seconds, build_memory, code = _run([pitlint, "corpus", "build", str(corpus), "--index", str(index)])
    if code:
        sys.exit(f"build failed at {size}")
    checks = [_run([pitlint, "check", str(draft), "--corpus", str(index), "--format", "json"]) for _ in range(runs)]
    row: dict[str, object] = {
        "size": size,
        "build_s": build_seconds,
        "build_mb": build_memory / 2**20,
        "index_mb": _size(index) / 2**20,
        "corpus_mb": _size(corpus) / 2**20,
        "check_s": statistics.median(seconds for seconds, _, _ in checks),
        "check_min_s": min(seconds for seconds, _, _ in checks),
        "check_mb": max(memory for _, memory, _ in checks) / 2**20,
    }
    if size <= brute_max:
        row.update(_recall_and_speed(index, draft, runs))
    import random

    boilerplate = seed_sentences()
    adds = []
    for number in range(runs):
        new = work / f"new-{size}-{number}.txt"
        new.write_text(pit(boilerplate, random.Random(10_000 + number), 700), encoding="utf-8")
        adds.append(_run([pitlint, "corpus", "add", str(new), "--index", str(index)])[0])
    row["add_s"] = statistics.median(adds)
    return row


def _table(rows: list[dict[str, object]], runs: int, command: str) -> str:
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Synthetic corpora of ~700-word PITs from benchmarks/generate.py "
        "(about 55% of sentences from the seed PITs' boilerplate, 30% of those edited as copying does; the "
        "rest new wording); one ~1,500-word draft. Wall times are of the installed `pitlint` command in fresh "
        f"processes (page cache warm); check and add are medians of {runs} runs; memory is peak RSS.",
        "",
        f"Command: `{command}`",
        "",
        "| PITs | corpus | build | build peak RSS | index size | check (median) | check peak RSS | corpus add |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['corpus_mb']:.0f} MB | {r['build_s']:.1f} s | {r['build_mb']:.0f} MB | "
            f"{r['index_mb']:.0f} MB | {r['check_s']:.2f} s | {r['check_mb']:.0f} MB | {r['add_s']:.2f} s |"
        )
    lines += [
        "",
        "Recall of the index against the exhaustive search (rapidfuzz `process.extractOne` with `fuzz.ratio`, "
        "cutoff 85, over every sentence of every corpus PIT), on the draft's sentences of six words or more; "
        "the index search is `analyse()` in process (median), the exhaustive search one pass, same run:",
        "",
        "| PITs | corpus sentences | draft sentences | matched by exhaustive search | recall | also found by index "
        "(partial copies) | index search | exhaustive search | speed ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "recall" in r:
            lines.append(
                f"| {r['size']:,} | {r['sentences']:,} | {r['queries']} | {r['brute_matches']} | "
                f"{r['recall']:.1%} | {r['extra']} | {r['search_ms']:.0f} ms | {r['brute_s']:.1f} s | "
                f"{r['ratio']:.0f}x |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--brute-max", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pitlint-bench"))
    parser.add_argument(
        "--report",
        type=int,
        nargs="*",
        default=None,
        help="sizes to put in the table: those measured now, and earlier rows kept in --work for the others",
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        row = measure(size, args.work, args.runs, args.brute_max)
        (args.work / f"row-{size}.json").write_text(json.dumps(row), encoding="utf-8")
        print(row, flush=True)
    sizes = args.report or args.sizes
    rows = [json.loads((args.work / f"row-{size}.json").read_text(encoding="utf-8")) for size in sizes]
    command = "python benchmarks/reuse.py --sizes " + " ".join(map(str, args.sizes)) + f" --runs {args.runs}"
    if sizes != args.sizes:
        command += " --report " + " ".join(map(str, sizes)) + " (the other rows from an earlier run of the same code)"
    section = _table(rows, args.runs, command)
    write_section(SECTION, section)
    print(section)


if __name__ == "__main__":
    main()
