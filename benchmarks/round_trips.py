"""Round trips to the Redis server per check: how many times a `check` writes to the server
(counted where redis-py sends a command or a pipeline), from opening the index to the end of the
reading, for drafts against a shared index of the shipped corpus and of generated corpora. Writes
the "Shared index: round trips" section of benchmarks/RESULTS.md.

    python benchmarks/round_trips.py --sizes 1000 10000 --before /tmp/old-checkout

Starts its own redis-server on a free loopback port, persistence off. With --before, the same
count is made with another checkout of pitlint (its folder is put first on the import path of a
child process), on the same server and corpora, for a before/after table.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from results import write_section
from shared_index import _start_server

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Shared index: round trips"
DRAFTS = {
    "the example draft (.docx)": ROOT / "examples" / "foi-1187-draft.docx",
    "an issued PIT itself (seed 004)": ROOT / "corpus" / "004_da1c3325b88c1ea3.txt",
}

NOTES = """\
Reading the figures: a check's questions depend on one another (the fingerprints give the
candidate passages, their rows the matches, the matches their sources and the closest issued
PITs), so they cannot all go in one trip; scripts on the server (Lua, run by Redis itself) now
answer each step's related questions together: a passage's uses with their documents' names and
references, a document's uses with their passages' rows, a group's most used variants with their
rows and documents. Connecting sends nothing of its own (no CLIENT SETINFO, no HELLO), opening is
one script, and the version read after one draft's reading is the next draft's before. The
number depends on what the draft reuses, not on the corpus's size: only a question about more
than 2,000 passages at once is split in two. Findings are the folder index's, as the equality
tests check; the test suite asserts at most 10 per check on three kinds of draft."""

# Run in a child process, with the checkout to measure first on the import path: one
# `pitlint check` of a draft against the index at an address, as a user runs it; prints the sends.
_COUNT = """
import sys
import redis.connection
sent = []
send = redis.connection.Connection.send_packed_command
def counted(connection, command, check_health=True):
    sent.append(1)
    return send(connection, command, check_health)
redis.connection.Connection.send_packed_command = counted
from pitlint.cli import main
sys.argv = ["pitlint", "check", "--quiet", "--fail-on", "never", "--format", "json", "--corpus", *sys.argv[1:]]
try:
    main()
finally:
    print(len(sent), file=sys.stderr)
"""


def _count(checkout: Path, address: str, drafts: dict[str, Path]) -> dict[str, int]:
    """Each draft's round trips, in a fresh process run outside any checkout (so that the import
    path, not the working folder, says which pitlint runs)."""
    found = {}
    with tempfile.TemporaryDirectory() as elsewhere:
        for label, draft in drafts.items():
            reply = subprocess.run(
                [sys.executable, "-c", _COUNT, address, str(draft)],
                capture_output=True,
                text=True,
                env=dict(os.environ, PYTHONPATH=str(checkout)),
                cwd=elsewhere,
                check=True,
            )
            found[label] = int(reply.stderr.strip().splitlines()[-1])
    return found


def _build(corpus: Path, address: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pitlint", "corpus", "build", str(corpus), "--index", address],
        check=True,
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--before", type=Path, help="another checkout of pitlint, counted on the same indexes")
    parser.add_argument("--before-label", default="before")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    server, base = _start_server()
    rows: list[tuple[str, str, int | None, int]] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            corpora = {"shipped corpus (5 PITs)": ROOT / "corpus"}
            for size in args.sizes:
                corpora[f"generated, {size:,} PITs"] = Path(folder) / f"c{size}"
                generate(corpora[f"generated, {size:,} PITs"], size, seed=11)
            for number, (name, corpus) in enumerate(corpora.items()):
                address = f"{base}?prefix=rt{number}"
                _build(corpus, address)
                drafts = dict(DRAFTS)
                if name != "shipped corpus (5 PITs)":
                    drafts = {"the generator's draft": Path(f"{corpus}.draft.txt"), **drafts}
                after = _count(ROOT, address, drafts)
                before = _count(args.before, address, drafts) if args.before else {}
                rows += [(name, draft, before.get(draft), sends) for draft, sends in after.items()]
    finally:
        server.terminate()
        server.wait(timeout=10)
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python {platform.python_version()}, "
        "a local redis-server; round trips counted where redis-py writes a command or a pipeline to the "
        "server, from opening the index to the end of the check (all rules selected).",
        "",
        f"Command: `{' '.join(['python', 'benchmarks/round_trips.py', *sys.argv[1:]])}`"
        + (f"; before: {args.before_label}" if args.before else ""),
        "",
        "| corpus | draft | " + ("before | " if args.before else "") + "round trips |",
        "|---|---|" + ("---|" if args.before else "") + "---|",
    ]
    for name, draft, before, after in rows:
        lines.append(f"| {name} | {draft} | " + (f"{before} | " if args.before else "") + f"{after} |")
    lines += ["", NOTES]
    if not args.no_write:
        write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
