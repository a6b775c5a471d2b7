"""The shared index on a Redis server beside the embedded index: build, check and add times,
memory (of pitlint and of the server), and how many checks per second one server holds. Writes
the "Shared index on Redis" section of benchmarks/RESULTS.md.

    python benchmarks/shared_index.py --sizes 1000 10000 100000 --runs 5 --work /tmp/pitlint-bench

Starts its own redis-server (Debian's package) on a free loopback port, with persistence off.
Corpora and embedded indexes come from benchmarks/reuse.py's work folder (made if missing).
Build, check and add run the installed `pitlint` command in fresh processes; embedded and Redis
checks alternate in the same run. Throughput: worker processes each run `analyse()` (the whole
comparison a check makes) in a loop against one server for a fixed time; the server's own CPU
time per check (from INFO) gives the ceiling of one single-threaded Redis whatever the clients.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, pit, seed_sentences
from results import write_section
from reuse import _pitlint, _run

SECTION = "## Shared index on Redis"


def _start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tempfile.mkdtemp(prefix="pitlint-redis-")
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    sys.exit("redis-server did not start")


def _info(address: str) -> dict:
    import redis

    client = redis.Redis.from_url(address.split("?")[0])  # without pitlint's own ?prefix=
    info = client.info()
    client.close()
    return info


def _server_cpu(address: str) -> float:
    info = _info(address)
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def _worker(corpus: str, draft: str, seconds: float, results) -> None:
    from pitlint.readers import read
    from pitlint.reuse.locate import open_index
    from pitlint.reuse.matching import analyse

    index = open_index(corpus)
    document = read(Path(draft))
    analyse(document, index)  # warm: imports and the first connection
    done, deadline = 0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        index.read_consistently(lambda: analyse(document, index))
        done += 1
    index.close()
    results.put(done)


def throughput(corpus: str, draft: Path, workers: int, seconds: float) -> float:
    """Checks per second of ``workers`` processes comparing the draft with the corpus."""
    results = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=_worker, args=(corpus, str(draft), seconds, results)) for _ in range(workers)
    ]
    for process in processes:
        process.start()
    total = sum(results.get() for _ in processes)
    for process in processes:
        process.join()
    return total / seconds


def server_ms_per_check(address: str, draft: Path, checks: int) -> tuple[float, float]:
    """The server's CPU milliseconds and bytes sent per check, over ``checks`` sequential checks."""
    from pitlint.readers import read
    from pitlint.reuse.matching import analyse
    from pitlint.reuse.shared import RedisIndex

    index = RedisIndex.open(address)
    document = read(draft)
    analyse(document, index)
    cpu, sent = _server_cpu(address), _info(address)["total_net_output_bytes"]
    for _ in range(checks):
        index.read_consistently(lambda: analyse(document, index))
    cpu, sent = _server_cpu(address) - cpu, _info(address)["total_net_output_bytes"] - sent
    index.close()
    return cpu * 1000 / checks, sent / checks


def measure(size: int, work: Path, runs: int, address: str, seconds: float) -> dict[str, object]:
    pitlint = _pitlint()
    corpus = work / f"corpus-{size}"
    draft = work / f"corpus-{size}.draft.txt"
    if not draft.exists():
        generate(corpus, size)
    index = work / f"index-{size}"
    row: dict[str, object] = {"size": size}
    if not (index / "pitlint-index.json").exists():
        row["embedded_build_s"] = _run([pitlint, "corpus", "build", str(corpus), "--index", str(index)])[0]
    shared = f"{address}?prefix=bench{size}"
    before = _info(address)["used_memory"]
    seconds_taken, memory, code = _run([pitlint, "corpus", "build", str(corpus), "--index", shared])
    if code:
        sys.exit(f"redis build failed at {size}")
    grown = _info(address)["used_memory"] - before
    row.update(build_s=seconds_taken, build_mb=memory / 2**20, server_mb=grown / 2**20)
    embedded_checks, shared_checks = [], []
    for _ in range(runs):
        embedded_checks.append(_run([pitlint, "check", str(draft), "--corpus", str(index), "--format", "json"]))
        shared_checks.append(_run([pitlint, "check", str(draft), "--corpus", shared, "--format", "json"]))
    row.update(
        embedded_check_s=statistics.median(s for s, _, _ in embedded_checks),
        check_s=statistics.median(s for s, _, _ in shared_checks),
        check_mb=max(m for _, m, _ in shared_checks) / 2**20,
    )
    boilerplate = seed_sentences()
    adds = []
    for number in range(runs):
        new = work / f"shared-new-{size}-{number}.txt"
        new.write_text(pit(boilerplate, random.Random(20_000 + number), 700), encoding="utf-8")
        adds.append(_run([pitlint, "corpus", "add", str(new), "--index", shared])[0])
    row["add_s"] = statistics.median(adds)
    row["server_ms"], row["sent_kb"] = server_ms_per_check(shared, draft, 50)
    row["sent_kb"] = float(row["sent_kb"]) / 1024
    for workers in (1, 2, 4):
        row[f"shared_rate_{workers}"] = throughput(shared, draft, workers, seconds)
    row["embedded_rate_2"] = throughput(str(index), draft, 2, seconds)
    return row


def _table(rows: list[dict[str, object]], runs: int, seconds: float, command: str) -> str:
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {multiprocessing.cpu_count()} cores, "
        f"Python {platform.python_version()}, Redis {_redis_version()} on loopback (persistence off), the "
        'client processes on the same machine. Corpora, drafts and embedded indexes as in "Reuse at scale". '
        f"Check and add are medians of {runs} runs of the installed command; embedded and Redis checks "
        "alternate in the same run. Server memory is Redis's `used_memory` growth for the corpus.",
        "",
        f"Command: `{command}`",
        "",
        "| PITs | Redis build | build peak RSS | server memory | check, Redis (median) | check, embedded "
        "(same run) | check peak RSS | corpus add, Redis |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['build_s']:.1f} s | {row['build_mb']:.0f} MB | {row['server_mb']:.0f} MB | "
            f"{row['check_s']:.2f} s | {row['embedded_check_s']:.2f} s | {row['check_mb']:.0f} MB | "
            f"{row['add_s']:.2f} s |"
        )
    lines += [
        "",
        f"Checks per second ({seconds:.0f} s of `analyse()` in a loop per worker process, the draft of each "
        "size; start-up excluded) and what one check costs the server:",
        "",
        "| PITs | 1 worker | 2 workers | 4 workers | embedded, 2 workers | server CPU per check | "
        "sent per check | one server's ceiling |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ceiling = 1000 / float(row["server_ms"]) if row["server_ms"] else float("inf")
        lines.append(
            f"| {row['size']:,} | {row['shared_rate_1']:.1f}/s | {row['shared_rate_2']:.1f}/s | "
            f"{row['shared_rate_4']:.1f}/s | {row['embedded_rate_2']:.1f}/s | {row['server_ms']:.1f} ms | "
            f"{row['sent_kb']:.0f} KB | {ceiling:.0f} checks/s |"
        )
    return "\n".join(lines) + "\n"


def _redis_version() -> str:
    found = subprocess.run(["redis-server", "--version"], capture_output=True, text=True).stdout
    return found.split("v=")[1].split()[0] if "v=" in found else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pitlint-bench"))
    parser.add_argument("--no-write", action="store_true", help="print the table instead of updating RESULTS.md")
    options = parser.parse_args()
    if shutil.which("redis-server") is None:
        sys.exit("install redis-server first (Debian: apt-get install redis-server)")
    options.work.mkdir(parents=True, exist_ok=True)
    server, address = _start_server()
    try:
        rows = []
        for size in options.sizes:
            rows.append(measure(size, options.work, options.runs, address, options.seconds))
            print(rows[-1], flush=True)
    finally:
        server.terminate()
        server.wait()
    command = "python benchmarks/shared_index.py " + " ".join(sys.argv[1:])
    table = _table(rows, options.runs, options.seconds, command)
    if options.no_write:
        print(table)
    else:
        write_section(SECTION, table)
        print(table)


if __name__ == "__main__":
    main()
