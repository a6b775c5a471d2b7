"""A build sized for a national corpus keeps passage keys in sorted arrays, spills fingerprints
to bucket files and has worker processes fingerprint new passages: with those thresholds set
tiny, so that every merge, spill, batch and chunk happens many times over on a small corpus, it
must write exactly the index a build in one process holding everything in memory writes."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from array import array
from pathlib import Path

import numpy as np
import pytest

from pitlint.reuse import index as index_module
from pitlint.reuse.folder import builder, bulk, grouping, writer
from pitlint.reuse.signatures import VARIANT_THRESHOLD, signatures, similarity
from tests.conftest import CORPUS

TABLES = {
    "passages": "SELECT id, key, text, norm, words, documents, variant_group, signature FROM passages ORDER BY id",
    "occurrences": "SELECT * FROM occurrences ORDER BY document, paragraph, sentence",
    "documents": "SELECT id, name, path, reference, exemptions, digest, paragraphs, sentences FROM documents",
    "vocabulary": "SELECT word FROM vocabulary ORDER BY word",
    "meta": "SELECT key, value FROM meta WHERE key NOT IN ('build', 'corpus_stamps') ORDER BY key",
    "segments": "SELECT id, fingerprints FROM segments",
}


def _contents(index: Path) -> dict[str, object]:
    database = sqlite3.connect(index / "index.sqlite")
    try:
        found: dict[str, object] = {name: database.execute(query).fetchall() for name, query in TABLES.items()}
    finally:
        database.close()
    for name in ("fp-0.hash.npy", "fp-0.passage.npy"):
        found[name] = (index / name).read_bytes()
    return found


def test_keys_in_sorted_arrays_answer_as_a_dict(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(bulk, "MERGE_AT", 7)
    generator = random.Random(5)
    keys = bulk.PassageKeys()
    expected: dict[bytes, int] = {}
    twins = [bytes(8) + bytes([n]) * 8 for n in range(1, 4)]  # equal first halves: found by their second
    for number in range(200):
        key = twins[number] if number < len(twins) else generator.randbytes(16)
        keys.add(key, number)
        expected[key] = number
    assert len(keys) == 200 and len(keys.recent) == 200 % 7
    asked = [*expected, generator.randbytes(16), bytes(8) + bytes([9]) * 8]
    assert keys.known(asked) == expected
    assert np.all(keys.high[:-1] <= keys.high[1:])


def test_fingerprint_buckets_are_the_whole_array_stably_sorted(tmp_path: Path):
    generator = np.random.default_rng(2)
    hashes = generator.integers(0, 2**64, size=5000, dtype=np.uint64)
    hashes[100:200] = hashes[7]  # a crowded fingerprint, written by many passages in order
    owners = np.arange(5000, dtype=np.uint32)
    runs = bulk.FingerprintRuns(tmp_path / "runs")
    for start in range(0, 5000, 1300):
        runs.write(array("Q", hashes[start : start + 1300].tolist()), array("I", owners[start : start + 1300].tolist()))
    order = np.argsort(hashes, kind="stable")
    parts = list(runs.buckets())
    assert np.array_equal(np.concatenate([part[1] for part in parts]), hashes[order])
    assert np.array_equal(np.concatenate([part[2] for part in parts]), owners[order])
    assert runs.count == 5000
    runs.remove()
    assert not (tmp_path / "runs").exists()


def test_a_spilled_build_writes_the_index_an_in_memory_build_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    generator = random.Random(9)
    sentences = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    for number in range(30):  # more PITs, mixing the seeds' paragraphs as copies do
        paragraphs = [p for text in sentences for p in text.split("\n\n") if len(p) > 80]
        (corpus / f"mixed-{number:02d}.txt").write_text("\n\n".join(generator.sample(paragraphs, 8)), "utf-8")
    index_module.build(corpus, tmp_path / "whole")
    monkeypatch.setattr(bulk, "MERGE_AT", 13)
    monkeypatch.setattr(writer, "SPILL_AT", 50)
    monkeypatch.setattr(grouping, "PAIRS_AT_ONCE", 3)
    monkeypatch.setattr(grouping, "SIGNED_AT_ONCE", 5)
    monkeypatch.setattr(builder, "PARALLEL_FROM", 2)  # worker processes read and fingerprint
    monkeypatch.setattr(writer, "FINGERPRINT_BATCH", 7)
    monkeypatch.setattr(writer, "MAX_WAITING", 2)
    index_module.build(corpus, tmp_path / "spilled")
    whole, spilled = _contents(tmp_path / "whole"), _contents(tmp_path / "spilled")
    assert whole == spilled
    members: dict[int, list[int]] = {}
    for row in whole["passages"]:
        members.setdefault(row[6], []).append(row[0])
    assert len(members) < len(whole["passages"])  # variants were grouped, across chunks
    assert all(group == min(ids) for group, ids in members.items())  # a group is named by its smallest id
    # the groups are those every candidate pair compared at once, from every passage's signature
    # computed here, makes (group_variants, as an add joins groups)
    database = sqlite3.connect(tmp_path / "whole" / "index.sqlite")
    database.execute("UPDATE passages SET variant_group = id")
    norms = [norm.split() for (norm,) in database.execute("SELECT norm FROM passages ORDER BY id")]
    signed = signatures(norms)

    def close(_database: sqlite3.Connection, pairs: np.ndarray) -> np.ndarray:
        return similarity(signed[pairs[:, 0]], signed[pairs[:, 1]]) >= VARIANT_THRESHOLD

    hashes = np.load(tmp_path / "whole" / "fp-0.hash.npy")
    owners = np.load(tmp_path / "whole" / "fp-0.passage.npy")
    grouping.group_variants(database, grouping.star_pairs(hashes, owners), close)
    regrouped = database.execute("SELECT id, variant_group FROM passages ORDER BY id").fetchall()
    database.close()
    assert regrouped == [(row[0], row[6]) for row in whole["passages"]]
    assert hashlib.sha256(whole["fp-0.hash.npy"]).digest() == hashlib.sha256(spilled["fp-0.hash.npy"]).digest()
    assert not list(tmp_path.glob("*/.fingerprint-runs"))
