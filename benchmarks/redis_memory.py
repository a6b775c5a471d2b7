"""What a shared index costs a Redis server, per PIT and per kind of key. Writes the "Shared
index: server memory" section of benchmarks/RESULTS.md.

    python benchmarks/redis_memory.py --sizes 1000 10000 --work /tmp/pitlint-bench \
        --before /tmp/memory-before --before-label "main at 4756296"

Starts its own redis-server (Debian's package) on a free loopback port, persistence off, and
builds each generated corpus (benchmarks/generate.py, made in the work folder if missing) into
it with this checkout's pitlint, and with ``--before``'s (a checkout whose ``.venv`` has pitlint
installed) under another prefix. Server memory is the growth of INFO's ``used_memory`` over the
build, after the temporary keys of the build have gone; the breakdown is MEMORY USAGE of every
key (SAMPLES 0: exact), grouped by the kind of key the index's layout names.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from results import write_section
from shared_index import _info, _start_server

SECTION = "## Shared index: server memory"
KINDS = {  # the key's part after ``<prefix>:<generation>:`` -> what it holds
    "p": "passages (text, counts, groups)",
    "f": "fingerprint postings",
    "fl": "fingerprint postings",
    "o": "passages' uses",
    "u": "passages' uses",
    "pk": "passage keys",
    "doc": "documents",
    "names": "documents",
    "digests": "documents",
    "docnames": "documents",
    "vocab": "vocabulary",
    "gm": "variant groups",
    "gs": "variant groups",
}


def _build(pitlint: str, corpus: Path, address: str) -> None:
    done = subprocess.run([pitlint, "corpus", "build", str(corpus), "--index", address], capture_output=True)
    if done.returncode:
        sys.exit(f"build failed: {done.stderr.decode()[-500:]}")


def breakdown(address: str, prefix: str) -> dict[str, tuple[int, int]]:
    """Bytes and keys of each kind under ``prefix``, with MEMORY USAGE's exact count."""
    import redis

    client = redis.Redis.from_url(address)
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pattern = re.compile(rf"^{re.escape(prefix)}:\d+:([a-z]+)")
    keys = [key.decode() for key in client.scan_iter(match=f"{prefix}:*", count=10_000)]
    pipe = client.pipeline(transaction=False)
    for key in keys:
        pipe.memory_usage(key, samples=0)
    for key, used in zip(keys, pipe.execute(), strict=True):
        found = pattern.match(key)
        kind = KINDS.get(found.group(1), "other") if found else "other"
        kinds[kind][0] += used or 0
        kinds[kind][1] += 1
    client.close()
    return {kind: (used, count) for kind, (used, count) in kinds.items()}


def measure(pitlint: str, corpus: Path, address: str, prefix: str) -> dict[str, object]:
    before = _info(address)["used_memory"]
    _build(pitlint, corpus, f"{address}?prefix={prefix}")
    grown = _info(address)["used_memory"] - before
    return {"grown": grown, "kinds": breakdown(address, prefix)}


def _table(rows: list[tuple[int, str, dict]], command: str, label: str) -> str:
    kinds = sorted({kind for _, _, row in rows for kind in row["kinds"]})
    lines = [
        SECTION,
        "",
        f"Measured {datetime.date.today()} on {platform.machine()}, Python {platform.python_version()}, "
        f"{_redis_version()}, persistence off; "
        "corpora from benchmarks/generate.py (700-word PITs). Server memory: growth of INFO used_memory over "
        "`pitlint corpus build`; by kind: MEMORY USAGE of every key (SAMPLES 0), summed.",
        "",
        f"Command: `{command}`" + (f"; before: {label}" if label else ""),
        "",
        "| PITs | pitlint | server memory | per PIT | " + " | ".join(kinds) + " |",
        "|---|---|---|---|" + "---|" * len(kinds),
    ]
    for size, who, row in rows:
        cells = [
            f"{row['kinds'].get(kind, (0, 0))[0] / 2**20:.1f} MB ({row['kinds'].get(kind, (0, 0))[1]:,} keys)"
            for kind in kinds
        ]
        lines.append(
            f"| {size:,} | {who} | {row['grown'] / 2**20:.1f} MB | {row['grown'] / size / 1024:.1f} KB | "
            + " | ".join(cells)
            + " |"
        )
    return "\n".join(lines) + "\n" + READING


READING = """
Reading the figures: format 5 of the shared layout (issue 15) keeps a passage in one field (its
count, its variant group and its text, packed; its comparison form is the text's normalised words,
so it is no longer stored twice), and puts the small values that were keys or fields of their own
(passages' uses, passage keys) in buckets of 64. Redis keeps a hash compact (a listpack) while
each of its values is at most 64 bytes (its default hash-max-listpack-value); one longer value
turns the whole hash into a hash table several times the size. So a value that grows past 64 bytes
(a common fingerprint's passages, a popular passage's uses) is kept apart under a key of its own,
and its bucket holds an empty marker; a script on the server follows the marker in the same round
trip. Server memory per PIT is about half what it was (the issue's target), the findings are the
folder index's (the equality tests), and a check still makes at most 10 round trips.
"""


def _redis_version() -> str:
    done = subprocess.run(["redis-server", "--version"], capture_output=True, text=True)
    return "Redis " + done.stdout.split("v=")[1].split()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/pitlint-bench"))
    parser.add_argument("--before", type=Path, help="a checkout with pitlint installed in its .venv")
    parser.add_argument("--before-label", default="")
    parser.add_argument("--write", action="store_true", help="write the section into benchmarks/RESULTS.md")
    options = parser.parse_args()
    here = str(Path(sys.executable).with_name("pitlint"))
    server, address = _start_server()
    rows = []
    try:
        for size in options.sizes:
            corpus = options.work / f"corpus-{size}"
            if not corpus.exists():
                generate(corpus, size)
            if options.before:
                before = str(options.before / ".venv" / "bin" / "pitlint")
                rows.append((size, "before", measure(before, corpus, address, f"before{size}")))
            rows.append((size, "this", measure(here, corpus, address, f"mem{size}")))
            print(_table(rows, "", options.before_label), flush=True)
    finally:
        server.terminate()
        server.wait()
    command = "python benchmarks/redis_memory.py " + " ".join(sys.argv[1:])
    text = _table(rows, command.replace(" --write", ""), options.before_label)
    print(text)
    if options.write:
        write_section(SECTION, text)


if __name__ == "__main__":
    main()
