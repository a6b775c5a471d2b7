"""A folder index under concurrent writers, writers killed mid-way, and damage of every kind:
real `pitlint` processes on real files. Writers are paused at a named step with the test-only
PITLINT_TEST_PAUSE_AT and killed there with SIGKILL."""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.reuse import index as index_module
from pitlint.reuse import store
from pitlint.reuse.lock import LOCK
from tests.conftest import CORPUS, run_pitlint

WORDS = (
    "kestrel badger heron otter falcon marten plover curlew harbour quarry orchard viaduct foundry meadow "
    "lantern ledger bracket cobble furnace granary hatchery kiln mooring paddock rampart sluice tannery "
    "turbine warren wharf barge beacon cistern dredger gantry hopper jetty lathe mill pylon reservoir "
    "signal silo spindle trawler tunnel valve weir winch"
).split()
ADD_STEPS = ["verified", "written", "segment", "committed"]
BOILERPLATE = (
    "The Police Service is charged with enforcing the law, preventing and detecting crime and protecting the "
    "communities we serve."
)
WAITING = "pitlint: waiting for another writer to this index to finish\n"


def _pit(number: int) -> str:
    """A new PIT whose harm sentence shares no wording with any other: it is named 7NNC-26."""
    words = random.Random(number).sample(WORDS, 12)
    return (
        f"Public Interest Test {700 + number}C/26\n\nHarm\n\n"
        f"Disclosing the {' '.join(words[:6])} records would let offenders avoid the {' '.join(words[6:])}.\n"
    )


def _draft(folder: Path, number: int) -> Path:
    """A draft that copies PIT ``number``'s harm sentence."""
    path = folder / f"draft-{number}.txt"
    path.write_text("Harm\n\n" + _pit(number).split("Harm\n\n")[1], encoding="utf-8")
    return path


def _new(folder: Path, number: int) -> Path:
    path = folder / f"new-{number}.txt"
    path.write_text(_pit(number), encoding="utf-8")
    return path


def _sources(index: Path, drafts: list[Path]) -> list[set[str]]:
    """The issued PITs each draft is found to copy (PIT301), by a real check."""
    report = check(drafts, Config(select=("PIT301",), corpus=str(index)))
    return [{f.source["document"] for f in file.findings if f.source} for file in report.files]


def _start(*args: str | Path, pause: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if pause:
        env[store.PAUSE_VARIABLE] = pause
    command = [sys.executable, "-m", "pitlint", *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _kill_at(step: str, *args: str | Path) -> None:
    """Run a pitlint command until it reaches ``step``, then SIGKILL it there."""
    process = _start(*args, pause=step)
    ready, _, _ = select.select([process.stderr], [], [], 120)
    assert ready, f"the writer never reached {step}"
    assert process.stderr.readline() == f"pitlint: test pause at {step}\n"
    process.kill()
    process.communicate(timeout=30)


def _damaged(index: Path) -> str:
    return f"pitlint: the index at {index} is damaged; rebuild it with `pitlint corpus build`\n"


def _leftovers(index: Path) -> list[str]:
    """Files in the index that no finished writer leaves."""
    opened = index_module.Index.open(index)
    listed = {name for number in opened.segment_numbers for name in store.segment_files(number)}
    opened.close()
    expected = {index_module.HEADER, index_module.DATABASE, LOCK, *listed}
    return sorted(name for name in os.listdir(index) if name not in expected)


# -- concurrent writers -----------------------------------------------------------------------


def test_concurrent_adds_and_checks_lose_nothing(index: Path, tmp_path: Path):
    """Four adds and four checks at once, round after round: every add lands and is found, and
    no check fails or sees half an addition."""
    numbers = iter(range(40))
    added: list[int] = []
    for _ in range(3):
        batch = [next(numbers) for _ in range(4)]
        adds = [_start("corpus", "add", _new(tmp_path, n), "--index", index) for n in batch]
        checked = [*added[-2:], *batch[:2]]  # two added before this round, two being added
        checks = [
            _start("check", "-f", "json", "--select", "PIT301", "--corpus", index, _draft(tmp_path, n)) for n in checked
        ]
        for process, n in zip(adds, batch, strict=True):
            out, err = process.communicate(timeout=300)
            assert (process.returncode, out) == (0, f"Added 1 PIT to {index}: {700 + n}C-26.\n"), err
            assert err in ("", WAITING)
        for process, n in zip(checks, checked, strict=True):
            out, err = process.communicate(timeout=300)
            assert (process.returncode, err) == (0, "")
            found = {f["source"]["document"] for f in json.loads(out)["files"][0]["findings"]}
            assert found == {f"{700 + n}C-26"} or (n in batch and found == set())
        added += batch
    drafts = [_draft(tmp_path, n) for n in added]
    assert _sources(index, drafts) == [{f"{700 + n}C-26"} for n in added]
    opened = index_module.Index.open(index, thorough=True)
    assert opened.document_count == 5 + len(added) and len(opened.segment_numbers) == 1 + len(added)
    opened.close()


def test_a_writer_waits_for_the_one_before_and_a_killed_one_frees_the_lock(index: Path, tmp_path: Path):
    first = _start("corpus", "add", _new(tmp_path, 1), "--index", index, pause="segment")
    assert first.stderr.readline() == "pitlint: test pause at segment\n"  # holding the lock
    second = _start("corpus", "add", _new(tmp_path, 2), "--index", index)
    assert second.stderr.readline() == WAITING
    first.kill()
    first.communicate(timeout=30)
    out, err = second.communicate(timeout=120)
    assert (second.returncode, out, err) == (0, f"Added 1 PIT to {index}: 702C-26.\n", "")
    assert _sources(index, [_draft(tmp_path, 1), _draft(tmp_path, 2)]) == [set(), {"702C-26"}]
    assert _leftovers(index) == []  # the killed add's segment files were removed


def test_a_writer_gives_up_after_a_bounded_wait(index: Path, tmp_path: Path):
    holder = _start("corpus", "add", _new(tmp_path, 1), "--index", index, pause="verified")
    assert holder.stderr.readline() == "pitlint: test pause at verified\n"
    try:
        with pytest.raises(index_module.CorpusError) as raised:
            index_module.add(index, [(_new(tmp_path, 2), "new-2.txt")], wait=0.3)
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    message = str(raised.value)
    assert message.startswith(f"the index at {index} is being written by another pitlint (`pitlint corpus add`, ")
    assert message.endswith("gave up after 0.3 s: try again when it has finished") and "\n" not in message


def test_checks_during_rebuilds_never_fail(index: Path, tmp_path: Path):
    """A build swaps a whole new folder in while checks have the old one open or are opening it."""
    corpus = Path(index_module.read_header(index)["corpus"])
    draft = tmp_path / "boilerplate.txt"
    draft.write_text("Harm\n\n" + BOILERPLATE + "\n", encoding="utf-8")
    for _ in range(2):
        build = _start("corpus", "build", corpus, "--index", index)
        checks = []
        while build.poll() is None:
            checks.append(_start("check", "-f", "json", "--select", "PIT301", "--corpus", index, draft))
            checks[-1].wait(timeout=120)
        assert build.wait() == 0
        for process in checks:
            out, err = process.communicate(timeout=120)
            assert (process.returncode, err) == (0, "")
            assert json.loads(out)["files"][0]["findings"]


# -- killed writers ---------------------------------------------------------------------------


@pytest.mark.parametrize("step", ADD_STEPS)
def test_an_add_killed_at_any_step_leaves_the_pit_found_or_addable(index: Path, tmp_path: Path, step: str):
    new, draft = _new(tmp_path, 3), _draft(tmp_path, 3)
    _kill_at(step, "corpus", "add", new, "--index", index)
    stats = run_pitlint("corpus", "stats", "--index", index)  # checks every byte: nothing is damaged
    assert (stats.code, stats.stderr) == (0, "")
    found = _sources(index, [draft])[0]
    if step == "committed":
        assert found == {"703C-26"}
        again = run_pitlint("corpus", "add", new, "--index", index)
        assert again.code == 0 and index_module.ALREADY_INDEXED in again.stderr
    else:
        assert found == set()
        again = run_pitlint("corpus", "add", new, "--index", index)
        assert (again.code, again.stdout) == (0, f"Added 1 PIT to {index}: 703C-26.\n")
        assert _sources(index, [draft])[0] == {"703C-26"}
    assert _leftovers(index) == []


def test_a_build_killed_before_its_swap_leaves_the_old_index(index: Path, tmp_path: Path):
    corpus = Path(index_module.Index.open(index).header["corpus"])
    assert run_pitlint("corpus", "add", _new(tmp_path, 4), "--index", index).code == 0
    _kill_at("built", "corpus", "build", corpus, "--index", index)
    assert _sources(index, [_draft(tmp_path, 4)]) == [{"704C-26"}]  # the old index, whole
    assert [p.name for p in index.parent.iterdir() if ".building-" in p.name]  # what the kill left
    rebuilt = run_pitlint("corpus", "build", corpus, "--index", index)
    assert rebuilt.code == 0, rebuilt.stderr
    assert not [p.name for p in index.parent.iterdir() if p.name.startswith(".index")]
    assert _sources(index, [_draft(tmp_path, 4)]) == [set()]  # the new index: the corpus folder only


# -- damage -----------------------------------------------------------------------------------


def _overwrite(path: Path, offset: int, count: int, seed: int = 5) -> None:
    data = bytearray(path.read_bytes())
    data[offset : offset + count] = random.Random(seed).randbytes(count)
    path.write_bytes(bytes(data))


def _header_with(index: Path, **changes: object) -> None:
    """Rewrite the header with its checksum recomputed: only the field checks can refuse it."""
    header = json.loads((index / index_module.HEADER).read_text())
    header.update(changes)
    header["checksum"] = store.header_checksum(header)
    (index / index_module.HEADER).write_text(json.dumps(header))


def _sql(index: Path, statement: str) -> None:
    with sqlite3.connect(index / index_module.DATABASE) as database:
        database.execute(statement)
    database.close()


def _garble_pages(index: Path) -> None:
    path = index / index_module.DATABASE
    data, rng = bytearray(path.read_bytes()), random.Random(1)
    for start in range(4096, len(data), 4096):
        data[start : start + 64] = rng.randbytes(64)
    path.write_bytes(bytes(data))


def _link_outside(index: Path) -> None:
    outside = index.parent / "elsewhere.npy"
    shutil.copy(index / "fp-0.hash.npy", outside)
    (index / "fp-0.hash.npy").unlink()
    (index / "fp-0.hash.npy").symlink_to(outside)


def _other_database(index: Path) -> None:
    other = index.parent / "other"
    index_module.build(Path(index_module.Index.open(index).header["corpus"]), other)
    shutil.copy(other / index_module.DATABASE, index / index_module.DATABASE)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random bytes in the fingerprints": lambda t: _overwrite(t / "fp-0.hash.npy", 128 + 8 * 500, 16),
    "random bytes in the passage ids": lambda t: _overwrite(t / "fp-0.passage.npy", 128 + 4 * 500, 16),
    "random bytes in an array's preamble": lambda t: _overwrite(t / "fp-0.passage.npy", 20, 8),
    "a truncated array": lambda t: (t / "fp-0.hash.npy").write_bytes((t / "fp-0.hash.npy").read_bytes()[:4000]),
    "a deleted array": lambda t: (t / "fp-0.passage.npy").unlink(),
    "an array linked from outside the folder": _link_outside,
    "a deleted header": lambda t: (t / index_module.HEADER).unlink(),
    "a header edited by hand": lambda t: (t / index_module.HEADER).write_text(
        (t / index_module.HEADER).read_text().replace('"built": "', '"built": "1')
    ),
    "a header of wrong types": lambda t: _header_with(t, k="4"),
    "a header naming paths outside": lambda t: _header_with(t, segments=["../../etc/passwd"]),
    "a header too large": lambda t: (t / index_module.HEADER).write_text(" " * 70_000 + "{}"),
    "a header nested too deep": lambda t: (t / index_module.HEADER).write_text("[" * 60_000),
    "a huge fingerprint count": lambda t: _sql(t, "UPDATE segments SET fingerprints = 1 << 40"),
    "a segment number out of range": lambda t: _sql(t, "UPDATE segments SET id = -1"),
    "random bytes over the database's pages": _garble_pages,
    "a truncated database": lambda t: (t / "index.sqlite").write_bytes((t / "index.sqlite").read_bytes()[:9000]),
    "another index's database": _other_database,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_index_is_one_line_and_exit_2_for_check_add_and_stats(index: Path, tmp_path: Path, damage):
    new, draft = _new(tmp_path, 5), _draft(tmp_path, 5)
    damage(index)
    commands = [
        ("check", "--corpus", index, draft),
        ("corpus", "add", new, "--index", index),
        ("corpus", "stats", "--index", index),
    ]
    processes = [_start(*command) for command in commands]
    for command, process in zip(commands, processes, strict=True):
        out, err = process.communicate(timeout=120)
        assert (process.returncode, out, err) == (2, "", _damaged(index)), command


def test_a_flip_that_keeps_the_order_is_found_by_add_and_stats(index: Path, tmp_path: Path):
    """The one damage `check` does not look for (see the README): a fingerprint changed in a
    way that keeps the array sorted. `corpus add` and `corpus stats` compare every byte."""
    import numpy as np

    hashes = np.load(index / "fp-0.hash.npy")
    gaps = np.flatnonzero(np.diff(hashes) > 2)
    position = int(gaps[len(gaps) // 2]) + 1  # hashes[position] - 1 stays above its neighbour
    data = bytearray((index / "fp-0.hash.npy").read_bytes())
    value = int(hashes[position]) - 1
    data[128 + 8 * position : 128 + 8 * position + 8] = value.to_bytes(8, "little")
    (index / "fp-0.hash.npy").write_bytes(bytes(data))
    for command in (("corpus", "add", _new(tmp_path, 6), "--index", index), ("corpus", "stats", "--index", index)):
        result = run_pitlint(*command)
        assert (result.code, result.stdout, result.stderr) == (2, "", _damaged(index))


def test_a_database_row_of_the_wrong_type_is_damage_when_a_check_reads_it(index: Path, tmp_path: Path):
    _sql(index, "UPDATE passages SET norm = CAST(norm AS BLOB)")
    draft = tmp_path / "boilerplate.txt"
    draft.write_text("Harm\n\n" + BOILERPLATE + "\n", encoding="utf-8")
    result = run_pitlint("check", "--corpus", index, draft)
    assert (result.code, result.stdout, result.stderr) == (2, "", _damaged(index))


def test_a_damaged_cache_entry_is_rebuilt(tmp_path: Path, index_cache: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    draft = _draft(tmp_path, 0)
    assert run_pitlint("check", "--corpus", corpus, draft).code in (0, 1)
    entries = [p for p in index_cache.iterdir() if p.is_dir() and index_module.is_index(p)]
    (entry,) = [p for p in entries if index_module.read_header(p)["corpus"] == str(corpus)]
    (entry / "fp-0.passage.npy").unlink()
    again = run_pitlint("check", "--corpus", corpus, draft)
    assert again.code in (0, 1)
    assert again.stderr == f"pitlint: the cached index at {entry} is damaged; indexing {corpus} again\n"
    index_module.Index.open(entry, thorough=True).close()


# -- untrusted headers, in process ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe not utf-8", "header: 'utf-8' codec"),
        (b'"a string"', "header: not an object"),
        (b'{"format": "3"}', "header: not an object with a format number"),
        (b'{"format": 3}', "header: fields ['format']"),
        (b'{"format": 3, "k": 4, "w": 3, "build": "x", "corpus": null, "built": "", "checksum": "y"}', "header: build"),
    ],
)
def test_untrusted_headers(index: Path, content: bytes, reason: str):
    (index / index_module.HEADER).write_bytes(content)
    with pytest.raises(store.DamagedIndex) as raised:
        index_module.Index.open(index)
    assert raised.value.reason.startswith(reason)


def test_a_header_that_is_a_link_is_not_followed(index: Path, tmp_path: Path):
    real = tmp_path / "real-header.json"
    shutil.copy(index / index_module.HEADER, real)
    (index / index_module.HEADER).unlink()
    (index / index_module.HEADER).symlink_to(real)
    with pytest.raises(store.DamagedIndex):
        index_module.Index.open(index)


# -- array files --------------------------------------------------------------------------------


@pytest.mark.parametrize("typecode", ["Q", "I"])
@pytest.mark.parametrize("count", [0, 1, 7, 1000, 10**6, 10**11])
def test_the_array_preamble_is_the_one_numpy_writes(typecode: str, count: int):
    import io

    import numpy as np

    written = io.BytesIO()
    descr = {"Q": "<u8", "I": "<u4"}[typecode]
    np.lib.format.write_array_header_1_0(written, {"descr": descr, "fortran_order": False, "shape": (count,)})
    assert store.preamble(typecode, count) == written.getvalue()


def _array_file(folder: Path, values, typecode: str) -> store.ArrayFile:
    import numpy as np

    array = np.asarray(values, dtype={"Q": np.uint64, "I": np.uint32}[typecode])
    digest = store.write_array(folder / "fp-0.hash.npy", array)
    return store.ArrayFile("fp-0.hash.npy", typecode, len(array), digest)


@pytest.mark.parametrize("count", [5, 300_000, store.VECTORISED_FROM + 5])
def test_arrays_are_verified_whole_and_read_back_as_typed_memoryviews(tmp_path: Path, count: int):
    """Short arrays are verified in plain Python, long ones with numpy: both find one pair of
    values out of order anywhere, and a value at the bound; the values read back are the ones
    written, as a typed memoryview."""
    import numpy as np

    values = np.arange(count, dtype=np.uint64) * 3 + 2**63
    expected = _array_file(tmp_path, values, "Q")
    opened = store.open_array(tmp_path, expected, store.ascending, thorough=True)
    assert isinstance(opened, memoryview) and opened.format == "Q"
    assert (len(opened), opened[0], opened[-1], opened[count // 2]) == (
        count,
        2**63,
        int(values[-1]),
        int(values[count // 2]),
    )
    swapped = values.copy()
    swapped[[count // 2, count // 2 + 1]] = swapped[[count // 2 + 1, count // 2]]
    expected = _array_file(tmp_path, swapped, "Q")
    with pytest.raises(store.DamagedIndex) as raised:
        store.open_array(tmp_path, expected, store.ascending, thorough=False)
    assert raised.value.reason == "fp-0.hash.npy: values out of order or out of range"
    owners = np.arange(count, dtype=np.uint32) % 1000
    expected = _array_file(tmp_path, owners, "I")
    top = int(owners.max())
    assert store.open_array(tmp_path, expected, store.below(top + 1), thorough=False)[-1] == (count - 1) % 1000
    with pytest.raises(store.DamagedIndex):
        store.open_array(tmp_path, expected, store.below(top), thorough=False)


def test_a_long_array_read_whole_once_is_not_read_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A check's cost must not grow with the corpus: a long array whose every value a check has
    read is not read again while the file is the same (same inode, size and times); changed in
    place in any way, it is read whole again and its damage found. `add` and `stats` (thorough)
    always read it."""
    import time

    import numpy as np

    monkeypatch.setenv("PITLINT_CACHE_DIR", str(tmp_path / "cache"))
    values = np.arange(store.VERIFIED_ONCE_FROM + 10, dtype=np.uint64) * 5
    expected = _array_file(tmp_path, values, "Q")
    store.open_array(tmp_path, expected, store.ascending, thorough=False)
    assert len(list((tmp_path / "cache" / "verified").iterdir())) == 1
    reads = []
    real = store._check_values
    monkeypatch.setattr(store, "_check_values", lambda *args: (reads.append(args[1].name), real(*args)))
    opened = store.open_array(tmp_path, expected, store.ascending, thorough=False)
    assert (reads, opened[-1]) == ([], int(values[-1]))
    store.open_array(tmp_path, expected, store.below(2**64), thorough=False)  # another rule: read again
    store.open_array(tmp_path, expected, store.ascending, thorough=True)  # add and stats: every time
    assert reads == ["fp-0.hash.npy", "fp-0.hash.npy"]
    time.sleep(0.05)  # past the file system's clock tick
    data = bytearray((tmp_path / "fp-0.hash.npy").read_bytes())
    data[128 + 8 * 1000 : 128 + 8 * 1001] = (2**64 - 1).to_bytes(8, "little")
    with open(tmp_path / "fp-0.hash.npy", "r+b") as handle:  # in place: the same inode and size
        handle.write(data)
    with pytest.raises(store.DamagedIndex) as raised:
        store.open_array(tmp_path, expected, store.ascending, thorough=False)
    assert raised.value.reason == "fp-0.hash.npy: values out of order or out of range"
