"""Merging fingerprint segments: `pitlint corpus compact`, and the merge an add makes past
MERGE_ABOVE segments. Findings never change; a killed merge leaves a whole index."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.reuse import index as index_module
from pitlint.reuse import store
from tests.conftest import run_pitlint
from tests.reuse.test_index_integrity import BOILERPLATE, _draft, _kill_at, _leftovers, _new, _sources, _start

MERGED = re.compile(r"Merged (\d+) segments of (.+) into one \((\d+) fingerprints\) in \d+\.\d s\.\n")


def _add(index: Path, folder: Path, numbers: range) -> None:
    """One add per PIT, in this process (each leaves a segment, or merges)."""
    for number in numbers:
        added, skipped = index_module.add(index, [(_new(folder, number), f"new-{number}.txt")])
        assert (added, skipped) == ([f"{700 + number}C-26"], [])


def _segments(index: Path) -> tuple[list[int], int]:
    """The segment numbers listed, and their fingerprints in all (every byte checked)."""
    opened = index_module.Index.open(index, thorough=True)
    try:
        return opened.segment_numbers, sum(len(hashes) for hashes, _ in opened.segments)
    finally:
        opened.close()


def _findings(index: Path, drafts: list[Path]) -> list[list]:
    report = check(drafts, Config(corpus=str(index)))
    return [file.findings for file in report.files]


def _drafts(folder: Path, numbers: range) -> list[Path]:
    boilerplate = folder / "boilerplate.txt"
    boilerplate.write_text("Harm\n\n" + BOILERPLATE + "\n", encoding="utf-8")
    return [boilerplate, *(_draft(folder, n) for n in numbers)]


def test_compact_merges_every_segment_and_no_finding_changes(index: Path, tmp_path: Path):
    _add(index, tmp_path, range(5))
    drafts = _drafts(tmp_path, range(5))
    before = _findings(index, drafts)
    assert [{f.source["document"] for f in found if f.rule.code == "PIT301"} for found in before[1:]] == [
        {f"{700 + n}C-26"} for n in range(5)
    ]  # each draft is found to copy the PIT an add put in its own segment
    numbers, fingerprints = _segments(index)
    assert numbers == [0, 1, 2, 3, 4, 5]

    done = run_pitlint("corpus", "compact", "--index", index)
    assert (done.code, done.stderr) == (0, "")
    assert MERGED.fullmatch(done.stdout).groups() == ("6", str(index), str(fingerprints))
    assert _segments(index) == ([6], fingerprints)
    assert _leftovers(index) == []  # the six segments' files are gone
    assert _findings(index, drafts) == before

    again = run_pitlint("corpus", "compact", "--index", index)
    assert (again.code, again.stdout, again.stderr) == (0, f"{index} has 1 segment already; nothing to merge.\n", "")
    assert _segments(index) == ([6], fingerprints)


def test_an_add_past_the_threshold_merges_all_but_the_largest(index: Path, tmp_path: Path):
    limit = index_module.MERGE_ABOVE
    _add(index, tmp_path, range(limit - 1))
    drafts = _drafts(tmp_path, range(limit))
    numbers, fingerprints = _segments(index)
    assert numbers == list(range(limit))  # the build's and one per add: not yet past the limit
    _add(index, tmp_path, range(limit - 1, limit))  # its segment would be one too many
    numbers, merged = _segments(index)
    assert numbers == [0, limit + 1]  # the build's kept; the adds' and the new one merged
    assert merged > fingerprints and _leftovers(index) == []
    found = [{f.source["document"] for f in files if f.rule.code == "PIT301"} for files in _findings(index, drafts)]
    assert found[1:] == [{f"{700 + n}C-26"} for n in range(limit)]
    assert found[0]  # the boilerplate is still found in the shipped PITs


@pytest.mark.parametrize(("step", "merged"), [("compact-verified", False), ("merged", False), ("compacted", True)])
def test_a_compact_killed_at_any_step_leaves_a_whole_index(index: Path, tmp_path: Path, step: str, merged: bool):
    _add(index, tmp_path, range(3))
    drafts = _drafts(tmp_path, range(3))
    before = _findings(index, drafts)
    numbers, fingerprints = _segments(index)
    _kill_at(step, "corpus", "compact", "--index", index)
    stats = run_pitlint("corpus", "stats", "--index", index)  # checks every byte
    assert (stats.code, stats.stderr) == (0, "")
    assert _segments(index) == ([4] if merged else numbers, fingerprints)
    assert _findings(index, drafts) == before
    done = run_pitlint("corpus", "compact", "--index", index)  # removes what the killed one left
    assert done.code == 0, done.stderr
    assert _segments(index)[1] == fingerprints and len(_segments(index)[0]) == 1
    assert _leftovers(index) == []
    assert _findings(index, drafts) == before


def test_an_add_killed_while_merging_is_not_in_the_index(index: Path, tmp_path: Path):
    limit = index_module.MERGE_ABOVE
    _add(index, tmp_path, range(limit - 1))
    _kill_at("merged", "corpus", "add", _new(tmp_path, limit - 1), "--index", index)
    assert _segments(index)[0] == list(range(limit))  # as before the add
    assert _sources(index, [_draft(tmp_path, limit - 1)]) == [set()]
    again = run_pitlint("corpus", "add", _new(tmp_path, limit - 1), "--index", index)
    assert (again.code, again.stdout) == (0, f"Added 1 PIT to {index}: {700 + limit - 1}C-26.\n")
    assert _segments(index)[0] == [0, limit + 1] and _leftovers(index) == []
    assert _sources(index, [_draft(tmp_path, limit - 1)]) == [{f"{700 + limit - 1}C-26"}]


def test_a_merge_removes_no_file_a_reader_has_listed_until_the_reader_is_done(index: Path, tmp_path: Path):
    """A check lists the segments and opens their files under one read lock: the merge's commit,
    and so its removal of the old files, waits for it."""
    _add(index, tmp_path, range(2))
    reader = sqlite3.connect(index / index_module.DATABASE)
    reader.execute("BEGIN")
    listed = [
        index / name for (number,) in reader.execute("SELECT id FROM segments") for name in store.segment_files(number)
    ]
    compacting = _start("corpus", "compact", "--index", index)
    try:
        deadline = time.monotonic() + 60
        while not (index / store.segment_files(3)[1]).exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # the merged segment is written; its commit comes next
        time.sleep(1.0)
        assert compacting.poll() is None  # waiting for the read lock
        assert [path.name for path in listed if not path.exists()] == []
    finally:
        reader.execute("COMMIT")
        reader.close()
    out, err = compacting.communicate(timeout=60)
    assert (compacting.returncode, err) == (0, ""), out
    assert [path.name for path in listed if path.exists()] == [] and _segments(index)[0] == [3]


def test_compact_refuses_what_it_cannot_compact(tmp_path: Path):
    missing = run_pitlint("corpus", "compact", "--index", tmp_path / "none")
    assert (missing.code, missing.stdout) == (2, "")
    assert missing.stderr == (
        f"pitlint: {tmp_path / 'none'}: no index here; build one with `pitlint corpus build DIR` or give --index\n"
    )
    shared = run_pitlint("corpus", "compact", "--index", "redis://localhost:6379/0")
    assert (shared.code, shared.stdout) == (2, "")
    assert shared.stderr == (
        "pitlint: redis://localhost:6379/0: a shared index keeps no segments to merge; nothing to compact\n"
    )
