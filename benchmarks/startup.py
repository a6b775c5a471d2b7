"""Start-up, one-file and batch wall times of the installed `pitlint` command, as a user feels them,
beside proselint's on the same drafts and, optionally, an older pitlint's (before/after).

Every one-file command runs --runs times in a fresh process, the commands taking turns so that a
change in the machine's load falls on all of them alike; medians and the spread are reported, with
`python -c pass` as the floor no Python CLI can beat. A batch is one `pitlint check FOLDER` of
--batch drafts, --batch-runs times; files/s counts its start-up too. Writes the "Start-up and
batch" section of benchmarks/RESULTS.md.

    python benchmarks/startup.py --runs 7 --proselint /tmp/prose/bin/proselint \\
        --before /tmp/before/bin/pitlint
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_section

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Start-up and batch"
SEED = ROOT / "corpus" / "004_da1c3325b88c1ea3.txt"
EXAMPLE = ROOT / "examples" / "foi-1187-draft.docx"


NOTES = """\
Compiled patterns kept between runs (ffa19df, in [after] above): Python's `re` compiles a
pattern's text into its matching program in pure Python in every process, and a check compiles
some 320 (about 100 ms of a cold check here, measured by timing `re._compile` inside one run:
91-114 ms of 496-580). `pitlint.regexes.compile` keeps each program in the cache folder (one JSON
file per Python build, 210 KB) and builds later runs' `re.Pattern`s from it with `_sre.compile`,
the constructor `re.compile` itself ends in; a damaged file, a program `_sre` refuses or a Python
laid out otherwise falls back to `re.compile` (tests/test_regexes.py). With a warm cache the
patterns cost 12-15 ms a run. The `regex` module's patterns (the packs', run with a time limit)
are not cached: 30 patterns, 11-19 ms.

A second, shorter run on a quiet machine (load average 0.65; 11 fresh processes of each, taking
turns, the same cache folder warmed first; main at 0469559, after the review's mends, installed
with `pip install .`): proselint 168 ms, pitlint before (74f60d5) 346 ms (2.06x), after 304 ms
(1.81x) on seed 004; the .docx 349 -> 306 ms. So the ratio holds when the machine is idle, where
Python's compiling costs less than under load (42 ms saved here, 80 ms in the loaded run above).

Reading Word without python-docx (8b04b2c, ninth session): pitlint.readers.package, a read-only
package reader on zipfile and lxml, opens a .docx; python-docx is imported only to write Word
files (the read alone 262 -> 161 ms, median of 9 fresh processes).

Targets (issue 15), from the run above (fourteenth session, main at c5d381e against 484472e,
the session's start): `pitlint --version` 28 ms (<= 50 ms: met). A cold check 262 ms on seed
004's .txt, 1.7x proselint's 150 ms, and 265 ms on foi-1187's .docx, 1.9x proselint's 138 ms on
its text (<= 2x: met, the .docx narrowly). Batch 63.2 real-English drafts/s (>= 60: met; 60.8 at
the session's start, so by a small margin: the English counts memory-mapped, typer building only
the command named, link and date spans cached per paragraph); generated drafts, full of unknown
words, 16.3 -> 24.7/s. The phases above add to about 185 ms of the 262: the checks' imports (84
ms: some 60 modules of rules and their patterns) are the largest part left.

Rechecked on 2026-12-03 after the third review's mends (main at 69cb438 plus the fifteenth
session's last fixes, editable install, against c5d381e installed with `pip install .`; the same
200 real-English drafts, the same command, 5 runs each taking turns): median 3.23 s for both
(3.12-3.37 s and 3.13-3.37 s), 61.9 files/s; the mends cost nothing measurable, and the margin
over 60/s stays small.

Rechecked again at the fifteenth session's end (main at 4db9cf3, after this session's new checks;
the same command and drafts, 5 runs each taking turns with c5d381e): median 3.31 s (3.28-3.48 s),
60.4 files/s, against 3.20 s (3.18-3.23 s), 62.5 files/s, for c5d381e: the session's checks cost
about 3%, and the batch target is met by a hair.
"""


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start


def _timed(commands: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, list[float]]:
    """Each command ``runs`` times, taking turns; one untimed run first warms caches."""
    for command, env in commands.values():
        _run(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            times[name].append(_run(command, env))
    return times


def _real_english(out: Path, count: int, seed: int = 1) -> None:
    """Drafts of issued-PIT sentences (the shipped corpus's), unedited, under the usual headings."""
    from generate import HEADINGS, seed_sentences

    sentences = seed_sentences()
    rng = random.Random(seed)
    out.mkdir(parents=True)
    for number in range(count):
        blocks = [f"Public Interest Test {rng.randint(100, 9999)}/{rng.randint(18, 26)}"]
        for heading in [*HEADINGS, "Conclusion"]:
            blocks += [heading, " ".join(rng.sample(sentences, rng.randint(3, 6)))]
        (out / f"draft-{number:04d}.txt").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def _generated(out: Path, count: int, seed: int = 1) -> None:
    """benchmarks/generate.py's drafts: copied sentences with copying's slips, and made-up ones."""
    from generate import pit, seed_sentences

    sentences = seed_sentences()
    rng = random.Random(seed)
    out.mkdir(parents=True)
    for number in range(count):
        (out / f"draft-{number:04d}.txt").write_text(pit(sentences, rng, 700), encoding="utf-8")


PHASES = {  # label -> (untimed set-up, timed code), each in a fresh process
    "import typer and the commands (pitlint.commands)": ("", "import pitlint.commands"),
    "import the checks (pitlint.checks: the rule modules and their patterns)": ("", "import pitlint.checks"),
    "import the index reader (pitlint.reuse.locate; numpy no longer)": ("", "import pitlint.reuse.locate"),
    "load the rule packs (YAML, patterns)": ("import pitlint.checks; from pitlint import packs", "packs.load()"),
    "load the spelling word list": ("from pitlint import spelling", "spelling._words()"),
    "load the English word and pair counts": ("from pitlint import language", "language._arrays()"),
}


def _phases(python: str, runs: int) -> dict[str, float]:
    """Median seconds of each phase of a check's start-up, in fresh processes of ``python``."""
    found = {}
    for label, (setup, code) in PHASES.items():
        probe = f"{setup}\nimport time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
        times = [
            float(subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout)
            for _ in range(runs)
        ]
        found[label] = statistics.median(times)
    return found


def _docx_text(path: Path, out: Path) -> Path:
    """The Word draft's paragraphs as text, for proselint (which reads no .docx)."""
    import docx

    out.write_text("\n\n".join(p.text for p in docx.Document(str(path)).paragraphs) + "\n", encoding="utf-8")
    return out


def _installs(args: argparse.Namespace, scratch: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """label -> (pitlint executable, environment with its own index cache)."""
    after = shutil.which("pitlint", path=str(Path(sys.executable).parent)) or shutil.which("pitlint")
    if after is None:
        sys.exit("install pitlint first (pip install .)")
    found = {"after": after} if args.before else {"": after}
    if args.before:
        found = {"before": args.before, **found}
    return {
        label: (path, dict(os.environ, PITLINT_CACHE_DIR=str(scratch / f"cache-{label or 'now'}")))
        for label, path in found.items()
    }


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.0f} ms | {min(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=200, help="drafts in each batch (0: no batch)")
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument("--proselint", help="a proselint executable (0.16), for the ratio")
    parser.add_argument("--before", help="an older pitlint executable, measured in the same run")
    parser.add_argument("--before-label", default="an older install", help="what --before is, for the notes")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        installs = _installs(args, scratch)
        example_text = _docx_text(EXAMPLE, scratch / "foi-1187-draft.txt")
        plain = dict(os.environ)
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass (floor)": ([sys.executable, "-c", "pass"], plain)
        }
        if args.proselint:
            commands["proselint check seed 004 (.txt)"] = ([args.proselint, "check", str(SEED)], plain)
            commands["proselint check foi-1187 (its text)"] = ([args.proselint, "check", str(example_text)], plain)
        for label, (pitlint, env) in installs.items():
            tag = f" [{label}]" if label else ""
            commands[f"pitlint --version{tag}"] = ([pitlint, "--version"], env)
            commands[f"pitlint rules{tag}"] = ([pitlint, "rules"], env)
            commands[f"pitlint check seed 004 (.txt){tag}"] = ([pitlint, "check", str(SEED)], env)
            commands[f"pitlint check --ignore PIT403 seed 004{tag}"] = (
                [pitlint, "check", "--ignore", "PIT403", str(SEED)],
                env,
            )
            commands[f"pitlint check foi-1187 (.docx){tag}"] = ([pitlint, "check", str(EXAMPLE)], env)
        times = _timed(commands, args.runs)
        batches: dict[str, list[float]] = {}
        if args.batch:
            for kind, make in (("real-English", _real_english), ("generated", _generated)):
                drafts = scratch / kind
                make(drafts, args.batch)
                batch_commands = {
                    f"{args.batch} {kind} drafts{f' [{label}]' if label else ''}": (
                        [
                            pitlint,
                            "check",
                            "--quiet",
                            "--fail-on",
                            "never",
                            "--format",
                            "json",
                            "--output",
                            str(scratch / f"{kind}-{label}.json"),
                            str(drafts),
                        ],
                        env,
                    )
                    for label, (pitlint, env) in installs.items()
                }
                # the newest install again in one process, beside its default (a worker per core)
                newest, (pitlint, env) = next(reversed(installs.items()))
                one = [*batch_commands[f"{args.batch} {kind} drafts{f' [{newest}]' if newest else ''}"][0]]
                one[one.index("--output") + 1] += ".one.json"
                batch_commands[f"{args.batch} {kind} drafts, --jobs 1{f' [{newest}]' if newest else ''}"] = (
                    [*one[:2], "--jobs", "1", *one[2:]],
                    env,
                )
                batches.update(_timed(batch_commands, args.batch_runs))
    floor = statistics.median(times["python -c pass (floor)"])
    prose = {
        ".txt": statistics.median(times["proselint check seed 004 (.txt)"]) if args.proselint else None,
        ".docx": statistics.median(times["proselint check foi-1187 (its text)"]) if args.proselint else None,
    }
    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end; {args.runs} runs of "
        "each one-file command in fresh processes, taking turns, all rows in the same run.",
        "",
        f"Command: `{' '.join(['python', 'benchmarks/startup.py', *sys.argv[1:]])}` (each pitlint installed "
        "with `pip install .`, not editable; proselint 0.16 in a scratch venv)"
        + (f"; [before] is {args.before_label}" if args.before else ""),
        "",
        "| command | median | min | max | median / floor | median / proselint |",
        "|---|---|---|---|---|---|",
    ]
    for name, found in times.items():
        ratio = ""
        for suffix, base in (("(.txt)", prose[".txt"]), ("seed 004", prose[".txt"]), ("(.docx)", prose[".docx"])):
            if name.startswith("pitlint check") and suffix in name and base:
                ratio = f"{statistics.median(found) / base:.1f}x"
                break
        lines.append(f"| `{name}` | {_ms(found)} | {statistics.median(found) / floor:.1f}x | {ratio} |")
    if batches:
        lines += [
            "",
            f"Batch: one `pitlint check --quiet --fail-on never --format json --output FILE FOLDER` of {args.batch} "
            f"drafts, {args.batch_runs} runs; files/s = drafts / median wall time, start-up included. "
            "Real-English drafts are 15-30 unedited sentences of the shipped issued PITs under the five headings; "
            "generated drafts are benchmarks/generate.py's (copying's slips and made-up sentences: many unknown "
            "words, each given a suggestion).",
            "",
            "| batch | median | min | max | files/s |",
            "|---|---|---|---|---|",
        ]
        for name, found in batches.items():
            lines.append(
                f"| {name} | {_ms(found).replace(' ms', ' ms')} | {args.batch / statistics.median(found):.1f} |"
            )
    python = str(Path(installs[next(reversed(installs))][0]).with_name("python"))
    lines += [
        "",
        f"Where a cold check's time goes ({'after' if args.before else 'now'}): each phase alone in a fresh "
        f"process, median of {args.runs}.",
        "",
        "| phase | median |",
        "|---|---|",
    ]
    lines += [f"| {label} | {seconds * 1000:.1f} ms |" for label, seconds in _phases(python, args.runs).items()]
    lines += ["", NOTES, ""]
    if not args.no_write:
        write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
