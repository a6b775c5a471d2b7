"""Source attribution at scale: when a draft copies an issued PIT, is the copy credited to that
PIT (and not to another of the thousands that share its boilerplate)? Writes the "Source
attribution" section of benchmarks/RESULTS.md.

    python benchmarks/attribution.py --work /tmp/pitlint-bench --sizes 1000 10000 100000 [--drafts 50]

Uses the corpora and indexes benchmarks/reuse.py leaves in --work (corpus-N, index-N). For each
size, --drafts issued PITs are picked at random and two drafts made from each:

- *whole copy*: the PIT with its reference line changed (a PIT reused for a new request);
- *two paragraphs*: two of its body paragraphs copied into a new PIT written around them.

A draft is credited when every reused run inside the copied text names the PIT it was copied
from. Each is measured in this process with the closest-document step on and off (off: a run is
credited by votes among each passage's first uses only, as before), same drafts, same run.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import pit, seed_sentences
from results import write_section

SECTION = "## Source attribution"


def _drafts(corpus: Path, count: int, seed: int) -> list[tuple[Path, str, list[str]]]:
    """(source file, draft text, the copied paragraphs) for ``count`` random issued PITs."""
    rng = random.Random(seed)
    files = sorted(corpus.rglob("*.txt"))
    boilerplate = seed_sentences()
    made = []
    for source in rng.sample(files, count):
        blocks = source.read_text(encoding="utf-8").strip().split("\n\n")
        body = [b for b in blocks[2:] if len(b.split()) > 12]
        whole = "\n\n".join([f"Public Interest Test {rng.randint(10000, 99999)}/27", *blocks[1:]]) + "\n"
        made.append((source, whole, body))
        copied = rng.sample(body, 2)
        around = pit(boilerplate, rng, 500).strip().split("\n\n")
        middle = len(around) // 2
        text = "\n\n".join([*around[:middle], "Harm", *copied, *around[middle:]]) + "\n"
        made.append((source, text, copied))
    return made


def _credited(index, path: Path, copied: list[str], source_name: str) -> bool:
    from pitlint.readers import read
    from pitlint.reuse.matching import analyse

    analysis = analyse(read(path), index)
    runs = [run for run in analysis.runs if any(run.paragraph.text in block for block in copied)]
    return bool(runs) and all(run.document == source_name for run in runs)


def measure(work: Path, size: int, count: int) -> dict[str, object]:
    from pitlint.reuse import matching
    from pitlint.reuse.index import Index

    index = Index.open(work / f"index-{size}")
    corpus = work / f"corpus-{size}"
    names = {(corpus / path).resolve(): name for name, path in index.db.execute("SELECT name, path FROM documents")}
    drafts = _drafts(corpus, count, seed=size)
    results: dict[str, object] = {"size": size}
    closest = getattr(matching, "CLOSEST_DOCUMENTS", None)  # (None: a pitlint from before it, run as it is)
    settings = (("before", 0), ("after", closest)) if closest is not None else (("before", None), ("after", None))
    with tempfile.TemporaryDirectory() as tmp:
        for setting, value in settings:
            if value is not None:
                matching.CLOSEST_DOCUMENTS = value
            whole = pieces = 0
            for number, (source, text, copied) in enumerate(drafts):
                path = Path(tmp) / f"draft-{number}.txt"
                path.write_text(text, encoding="utf-8")
                hit = _credited(index, path, copied, names[source.resolve()])
                if number % 2 == 0:
                    whole += hit
                else:
                    pieces += hit
            results[f"{setting}_whole"] = whole
            results[f"{setting}_pieces"] = pieces
    if closest is not None:
        matching.CLOSEST_DOCUMENTS = closest
    results["drafts"] = count
    index.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        row = measure(args.work, size, args.drafts)
        print(row, flush=True)
        rows.append(row)
    lines = [
        SECTION,
        "",
        f"Measured with `python benchmarks/attribution.py --work WORK --sizes "
        f"{' '.join(map(str, args.sizes))} --drafts {args.drafts}` on {platform.machine()}, Python "
        f"{platform.python_version()}, over the generated corpora and indexes of benchmarks/reuse.py. "
        "Drafts credited to the PIT they copy (every reused run in the copied text names it); "
        "*before*: a run's source chosen by votes among each passage's first 20 uses only; *after*: "
        "the three issued PITs the draft shares the most rare passages with are read whole and "
        "break the tie. Same drafts, same run.",
        "",
        "| PITs | whole copy, before | whole copy, after | two paragraphs, before | two paragraphs, after |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        n = r["drafts"]
        lines.append(
            f"| {r['size']:,} | {r['before_whole']}/{n} | {r['after_whole']}/{n} | "
            f"{r['before_pieces']}/{n} | {r['after_pieces']}/{n} |"
        )
    if not args.no_write:
        write_section(SECTION, "\n".join(lines))


if __name__ == "__main__":
    main()
