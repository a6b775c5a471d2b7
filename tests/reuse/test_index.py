"""The on-disk index: what it holds, adding to it, and refusing what it should refuse."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from pitlint.errors import CorpusError
from pitlint.reuse import index as index_module
from pitlint.reuse import locate
from tests.conftest import CORPUS

NEW_PIT = """Public Interest Test 901A/26

Harm

Naming the drone supplier would be likely to prejudice the prevention of crime, because offenders could
plan around its flight times.

Balancing Test

The Police Service is charged with enforcing the law, preventing and detecting crime and protecting the
communities we serve across the whole of the region.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def _build(corpus: Path) -> Path:
    target = corpus.parent / "index"
    index_module.build(corpus, target)
    return target


def test_build_writes_a_safe_self_describing_index(corpus: Path):
    result = index_module.build(corpus, corpus.parent / "index")
    assert (result.documents, result.passages, result.skipped) == (5, 112, [])
    target = corpus.parent / "index"
    header = json.loads((target / "pitlint-index.json").read_text())
    assert header["format"] == index_module.FORMAT
    assert header["corpus"] == str(corpus.resolve())
    assert sorted(header) == ["build", "built", "checksum", "corpus", "format", "k", "w"]
    hashes = np.load(target / "fp-0.hash.npy", allow_pickle=False)
    owners = np.load(target / "fp-0.passage.npy", allow_pickle=False)
    assert hashes.dtype == np.uint64 and owners.dtype == np.uint32 and len(hashes) == result.fingerprints
    assert np.all(hashes[:-1] <= hashes[1:])
    opened = index_module.Index.open(target, thorough=True)
    assert opened.document_count == 5 and opened.segment_numbers == [0]
    assert opened.reference("624A-23") == "624A/23"
    (group,) = {p.group for p in opened.passages(range(112)).values() if "protection the communities" in p.norm}
    variants = {p.norm for p in opened.group_members([group])[group]}
    assert any("protecting the communities" in norm for norm in variants)  # the typo is a variant
    opened.close()
    assert not list(corpus.parent.glob(".index.*"))  # no staging left behind


def test_add_appends_a_segment_and_finds_the_new_pit(corpus: Path, tmp_path: Path):
    target = _build(corpus)
    new = tmp_path / "new.txt"
    new.write_text(NEW_PIT, encoding="utf-8")
    added, skipped = index_module.add(target, [(new, "new.txt")])
    assert (added, skipped) == (["901A-26"], [])
    opened = index_module.Index.open(target, thorough=True)
    assert opened.segment_numbers == [0, 1] and opened.document_count == 6
    from pitlint.reuse.fingerprints import fingerprints
    from pitlint.reuse.text import normalise

    words = normalise("Naming the drone supplier would be likely to prejudice the prevention of crime").split()
    prints = fingerprints(words)
    _, passages, _ = opened.lookup(prints, [0] * len(prints))
    found = opened.passages(passages)
    assert any(p.norm.startswith("naming the drone supplier") for p in found.values())
    # the added clause makes a new variant of the boilerplate, in the boilerplate's group
    rows = opened.passages(range(opened.stats().passages)).values()
    (variant,) = [p for p in rows if p.norm.endswith("we serve across the whole of the region")]
    (original,) = [p for p in rows if p.norm.startswith("the police service is charged") and p.documents == 3]
    assert variant.group == original.group
    opened.close()
    again, skipped = index_module.add(target, [(new, "new.txt")])
    assert again == [] and skipped == [f"{new}: {index_module.ALREADY_INDEXED}"]


def test_a_reused_reference_gets_a_distinct_name(corpus: Path, tmp_path: Path):
    target = _build(corpus)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(NEW_PIT, encoding="utf-8")
    second.write_text(NEW_PIT.replace("across the whole of the region", "in every district"), encoding="utf-8")
    added, _ = index_module.add(target, [(first, "a.txt"), (second, "b.txt")])
    assert added == ["901A-26", "901A-26-2"]


def test_an_interrupted_build_leaves_the_previous_index(corpus: Path):
    target = _build(corpus)

    def interrupt(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index_module.build(corpus, target, progress=interrupt)
    opened = index_module.Index.open(target)
    assert opened.document_count == 5
    opened.close()
    assert sorted(p.name for p in corpus.parent.iterdir()) == ["corpus", "index"]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda t: (t / "pitlint-index.json").write_text("{not json"), "header: Expecting property name"),
        (lambda t: (t / "index.sqlite").write_bytes(b"garbage" * 100), "index.sqlite: file is not a database"),
        (lambda t: (t / "fp-0.hash.npy").write_bytes(b"\x93NUMPY garbage"), "fp-0.hash.npy: not a file of the"),
        (lambda t: (t / "fp-0.passage.npy").unlink(), "fp-0.passage.npy: No such file or directory"),
    ],
)
def test_a_damaged_index_is_refused_with_a_reason(corpus: Path, damage, reason: str):
    target = _build(corpus)
    damage(target)
    with pytest.raises(index_module.DamagedIndex) as raised:
        index_module.Index.open(target)
    assert str(raised.value) == f"the index at {target} is damaged; rebuild it with `pitlint corpus build`"
    assert raised.value.reason.startswith(reason)


def test_an_index_of_another_format_is_old_not_damaged(corpus: Path):
    target = _build(corpus)
    (target / "pitlint-index.json").write_text('{"format": 2, "segments": ["fp-0"]}')
    with pytest.raises(CorpusError, match=r"index format 2 is not format 3; rebuild it with `pitlint corpus build`"):
        index_module.Index.open(target)


def test_stale_indexes(corpus: Path):
    target = _build(corpus)
    assert locate.resolve(str(target)) == target
    (corpus / "005_new.txt").write_text("Harm\n\nIssued after the index was built.\n")
    with pytest.raises(CorpusError, match=r"stale index: the corpus folder .* has changed"):
        locate.resolve(str(target))


def test_a_fresh_index_is_known_fresh_from_its_folders_times_without_listing_its_pits(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
):
    """Built inside its corpus (the default), the index's own arrival changes the folder's time:
    the times are taken again after it, so a check stats the folders and lists nothing."""
    (corpus / "2024").mkdir()
    (corpus / "2024" / "old.txt").write_text("Harm\n\nAn older PIT kept in a sub-folder.\n")
    target = corpus / ".pitlint-index"
    index_module.build(corpus, target)
    stamps = index_module.Index.open(target).corpus_stamps
    assert sorted(json.loads(stamps)) == ["", "2024"]
    listed: list[Path] = []
    monkeypatch.setattr(index_module, "folder_listing", lambda folder: listed.append(folder) or "")
    assert locate.resolve(str(target)) == target and listed == []
    monkeypatch.undo()
    (corpus / "2024" / "new.txt").write_text("Harm\n\nIssued after the index was built.\n")
    with pytest.raises(CorpusError, match=r"stale index: the corpus folder .* has changed"):
        locate.resolve(str(target))
    (corpus / "2024" / "new.txt").unlink()
    assert locate.resolve(str(target)) == target  # the folder's time moved, but its PITs are as indexed


def test_a_new_sub_folder_of_pits_stales_the_index(corpus: Path):
    target = _build(corpus)
    (corpus / "2025").mkdir()
    (corpus / "2025" / "new.txt").write_text("Harm\n\nIssued after the index was built.\n")
    with pytest.raises(CorpusError, match="stale index"):
        locate.resolve(str(target))


@pytest.mark.parametrize("stamps", ['{"": 1}', '{"/etc": 1, "": 1}', '{"../x": 1, "": 1}', "[1]", "not json"])
def test_folder_times_that_do_not_hold_are_never_trusted(corpus: Path, stamps: str):
    assert index_module.unchanged(corpus, stamps) is False


def test_a_folder_is_indexed_once_into_the_cache(corpus: Path, index_cache: Path):
    messages: list[str] = []
    first = locate.resolve(str(corpus), messages.append)
    assert first.parent == index_cache and index_module.is_index(first)
    assert messages == [f"indexing {corpus} (once; kept in {index_cache})"]
    assert locate.resolve(str(corpus), messages.append) == first and len(messages) == 1
    index_module.build(corpus, corpus / ".pitlint-index")  # what `pitlint corpus build DIR` writes
    assert locate.resolve(str(corpus)) == corpus / ".pitlint-index"
    (corpus / "extra.txt").write_text("Balancing Test\n\nA new PIT in the folder.\n")
    fresh = locate.resolve(str(corpus), messages.append)
    assert fresh.parent == index_cache and fresh != first
    assert messages[1].startswith(f"{corpus / '.pitlint-index'} is out of date")


def test_adding_a_pit_saved_into_the_corpus_folder_keeps_the_index_fresh(corpus: Path):
    target = _build(corpus)
    new = corpus / "new.txt"
    new.write_text(NEW_PIT, encoding="utf-8")
    with pytest.raises(CorpusError, match="stale index"):
        locate.resolve(str(target))
    index_module.add(target, [(new, "new.txt")])
    assert locate.resolve(str(target)) == target
    assert index_module.Index.open(target).corpus_listing == index_module.folder_listing(corpus)


def test_concurrent_checks_share_one_cache(corpus: Path, tmp_path: Path):
    """Several pitlint processes (pre-commit in parallel, a CI matrix) building the same cache
    entry at once: every one succeeds with the same findings, and one complete index remains."""
    import os
    import subprocess
    import sys

    cache = tmp_path / "shared-cache"
    draft = tmp_path / "draft.txt"
    draft.write_text(NEW_PIT, encoding="utf-8")
    env = dict(os.environ, PITLINT_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "pitlint", "check", "-f", "json", "--corpus", str(corpus), str(draft)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(4)]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [processes[0].returncode] * 4
    reports = [json.loads(out) for out, _ in outputs]
    assert all(report == reports[0] for report in reports)
    assert any(f["code"] == "PIT301" for f in reports[0]["files"][0]["findings"])
    entries = sorted(path.name for path in cache.iterdir())
    indexes = [name for name in entries if name.startswith("index-")]
    assert len(indexes) == 1 and set(entries) - set(indexes) == {"packs", "patterns"}  # no half-built or duplicates
    for kept in ("packs", "patterns"):  # nor halves of their files
        assert all(p.suffix == ".json" and not p.name.startswith(".tmp") for p in (cache / kept).iterdir())
    assert index_module.Index.open(cache / entries[0]).document_count == 5


def test_a_truncated_database_is_refused(corpus: Path):
    target = _build(corpus)
    database = target / "index.sqlite"
    database.write_bytes(database.read_bytes()[:1000])
    with pytest.raises(index_module.DamagedIndex):
        index_module.Index.open(target)
