#!/usr/bin/env python3
"""Per-rule accuracy of pitlint on labelled sets of published PITs.

A set is a folder of .txt files, each with three header lines (Source:, Force:, Exemptions:) and a
blank line before the published text, and a labels.json listing per file the faults a careful FOI
reviewer flags: {"file.txt": [{"accept": [categories], "anchor": "exact quote", "core": bool}]}
(the format of the shared development set, ../shared/real-pits). The published texts are not kept
in this repository; ACCURACY.md says where each set comes from.

A finding matches a label when its category is accepted and its excerpt or message holds the
anchor (or nearly: 90% of the shorter string in one block, as ../shared/bin/pit-accuracy judges).
Every error or warning that matches no label is looked up in a judgements file (the reviewer's
verdict on it: true, false or debatable); findings not yet judged are listed so that they can be.
Missing-section findings are left out, as the texts are cut short.

Usage:
  python benchmarks/accuracy.py SET... [--judgements FILE] [--markdown] [--show]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

STRUCTURE_MISSING = {"PIT101", "PIT102", "PIT103", "PIT104", "PIT105"}
# what a reviewer's note says of a missing section, by the rule that reports that section missing
# (a missing section has no words of its own to anchor a label to)
MISSING_SECTION_WORDS = {
    "PIT101": ("no harm", "harm is never", "no evidence of harm"),
    "PIT102": ("favouring disclosure", "for disclosure", "no public interest test"),
    "PIT103": ("against disclosure", "no public interest test"),
    "PIT104": ("no balanc", "no public interest test"),
    "PIT105": ("no conclusion", "never states which way"),  # (PIT105: "no closing paragraph states which way")
}


def norm(text: str | None) -> str:
    text = (text or "").lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-")):
        text = text.replace(a, b)
    text = re.sub(r"\s+\(", "(", text)
    return re.sub(r"\s+", " ", text).strip()


def close(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    if len(short) < 20:
        return False
    matcher = difflib.SequenceMatcher(None, long_, short, autojunk=False)
    if max((block.size for block in matcher.get_matching_blocks()), default=0) >= 0.9 * len(short):
        return True
    return any(
        difflib.SequenceMatcher(None, long_[start : start + len(short)], short).ratio() >= 0.9
        for start in range(0, max(1, len(long_) - len(short) + 1), 5)
    )


def matches(label: dict, finding: dict, body: str = "") -> bool:
    if finding["category"] not in label["accept"]:
        return False
    if finding["code"] in STRUCTURE_MISSING:
        note = norm(label.get("note"))
        return any(words in note for words in MISSING_SECTION_WORDS[finding["code"]])
    anchor = norm(label.get("anchor"))
    if not anchor:
        return True
    for hay in (norm(finding.get("excerpt")), norm(finding.get("message"))):
        if len(hay) >= 6 and (anchor in hay or hay in anchor):
            return True
        if close(anchor, hay):
            return True
    # an excerpt that does not match by its words (too short, "s.24", "Madm"; or a span that starts
    # before the anchor, "is prejudiced based exemption" for "Section 30 is prejudiced based")
    # matches by where it is: overlapping an occurrence of the label's anchor in the text
    return _overlaps_anchor(body, label.get("anchor") or "", finding)


OVERLAP = 6  # characters a finding's span must share with the anchor (or all of a shorter one)


def _overlaps_anchor(body: str, anchor: str, finding: dict) -> bool:
    line, column, excerpt = finding.get("line"), finding.get("column"), finding.get("excerpt") or ""
    if not (body and anchor and line and column):
        return False
    lines = body.split("\n")
    if line > len(lines):
        return False
    offset = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
    end = offset + max(len(excerpt), 1)
    needed = min(OVERLAP, end - offset, len(anchor))
    start = body.find(anchor)
    while start >= 0:
        if min(end, start + len(anchor)) - max(offset, start) >= needed:
            return True
        start = body.find(anchor, start + 1)
    return False


def judged_key(name: str, finding: dict) -> str:
    return f"{name}|{finding['code']}|{norm(finding.get('excerpt'))[:80]}"


BODIES: dict[str, str] = {}  # each text as checked (headers stripped), by set/file name


def run(sets: list[Path]) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Check every text of the sets (headers stripped) in one run; findings and labels by file."""
    from pitlint.config import Config
    from pitlint.engine import check
    from pitlint.report.json_format import finding_to_dict

    labels: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for folder in sets:
            known = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
            for source in sorted(folder.glob("*.txt")):
                if source.name not in known:
                    continue  # (a set's sources.txt, its list of addresses, is no text to check)
                name = f"{folder.name}/{source.name}"
                body = source.read_text(encoding="utf-8").split("\n", 4)[4]
                BODIES[name] = body
                target = Path(tmp) / folder.name / source.name
                target.parent.mkdir(exist_ok=True)
                target.write_text(body, encoding="utf-8")
                paths.append(target)
                labels[name] = known.get(source.name, [])
        report = check(paths, Config(fail_on="never"))
        found = {
            f"{Path(file.path).parent.name}/{Path(file.path).name}": [
                finding_to_dict(f, file.format) for f in file.findings
            ]
            for file in report.files
        }
    return found, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--judgements", type=Path, help="JSON: {file|code|excerpt: true|false|debatable}")
    parser.add_argument("--markdown", action="store_true", help="print the per-rule table as Markdown")
    parser.add_argument("--show", action="store_true", help="list missed labels and unjudged findings")
    parser.add_argument("--dump", type=Path, help="write every finding no label matches, as JSON, for judging")
    args = parser.parse_args()
    judgements = json.loads(args.judgements.read_text()) if args.judgements and args.judgements.exists() else {}
    found, labels = run(args.sets)

    tally: dict[str, Counter[str]] = defaultdict(Counter)
    recall = {True: [0, 0], False: [0, 0]}
    unjudged: list[str] = []
    missed: list[str] = []
    to_judge: list[dict] = []
    for name in sorted(found):
        for label in labels[name]:
            hit = any(matches(label, f, BODIES[name]) for f in found[name])
            recall[label["core"]][0] += hit
            recall[label["core"]][1] += 1
            if not hit:
                missed.append(
                    f"{name}: {'core' if label['core'] else 'stretch'} {label['accept']}: {label['anchor']!r}"
                )
        for finding in found[name]:
            if finding["code"] in STRUCTURE_MISSING:
                continue
            code = f"{finding['code']} {finding['severity']}"
            tally[code]["findings"] += 1
            if any(matches(label, finding, BODIES[name]) for label in labels[name]):
                tally[code]["labelled"] += 1
                continue
            verdict = judgements.get(judged_key(name, finding))
            tally[code][verdict or "unjudged"] += 1
            to_judge.append({"key": judged_key(name, finding), "file": name, **finding, "verdict": verdict})
            if verdict is None:
                unjudged.append(
                    f"{judged_key(name, finding)}  -- {finding['message'][:110]}"
                    + (f" => {finding['suggestion'][:60]}" if finding.get("suggestion") else "")
                )

    columns = ("findings", "labelled", "true", "false", "debatable", "unjudged")
    rows = [[code, *(tally[code][c] for c in columns)] for code in sorted(tally)]
    if args.markdown:
        print("| rule | " + " | ".join(columns) + " |")
        print("|---|" + "---|" * len(columns))
        for row in rows:
            print("| " + " | ".join(str(cell) for cell in row) + " |")
    else:
        print(f"{'rule':16}" + "".join(f"{c:>11}" for c in columns))
        for row in rows:
            print(f"{row[0]:16}" + "".join(f"{cell:>11}" for cell in row[1:]))
    shown = [r for r in rows if r[0].split()[1] in ("error", "warning")]
    total = sum(r[1] for r in shown)
    accepted = sum(r[2] + r[3] for r in shown)
    wrong = sum(r[4] for r in shown)
    print(
        f"\ncore {recall[True][0]}/{recall[True][1]}, stretch {recall[False][0]}/{recall[False][1]}; "
        f"errors and warnings {total}: {accepted} labelled or judged true, {wrong} false, "
        f"{sum(r[5] for r in shown)} debatable, {sum(r[6] for r in shown)} unjudged"
    )
    if args.dump:
        args.dump.write_text(json.dumps(to_judge, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.show:
        print("\nmissed:\n  " + "\n  ".join(missed))
        print("\nunjudged:\n  " + "\n  ".join(unjudged))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
