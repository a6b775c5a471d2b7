"""The shared index on a real Redis server (started here on a free loopback port): the same
answers and findings as the embedded index, safe concurrent adds, checks that never see half a
document, and clear errors when the server is missing or silent."""

from __future__ import annotations

import select
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz import fuzz

from benchmarks.generate import generate
from pitlint.config import Config
from pitlint.engine import check
from pitlint.errors import CorpusError
from pitlint.readers import read
from pitlint.report.json_format import file_to_dict
from pitlint.reuse import index as embedded
from pitlint.reuse import shared as shared_index
from pitlint.reuse import text
from pitlint.reuse.matching import analyse
from pitlint.reuse.shared import RedisIndex
from tests.conftest import CORPUS, SEEDS, require, run_pitlint
from tests.reuse.test_index import NEW_PIT

REDIS_SERVER = require("redis-server", "the shared index is tested against a real Redis server")
EXAMPLE = Path(__file__).parents[2] / "examples" / "foi-1187-draft.docx"
REUSE = ("boilerplate", "drift", "generic", "PIT403")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(folder: Path) -> tuple[subprocess.Popen, int]:
    """A real redis-server on a free loopback port, persistence off, answering."""
    port = _free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """A redis-server for this module, stopped afterwards; its address without a database."""
    process, port = _start_server(tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


_prefixes = iter(range(10_000))


@pytest.fixture
def address(server: str) -> str:
    """A fresh corpus on the shared test server: its own key prefix."""
    return f"{server}/0?prefix=test{next(_prefixes)}"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """300 PITs mixed as real ones are: boilerplate, edited copies and new wording."""
    folder = tmp_path_factory.mktemp("synthetic") / "corpus"
    generate(folder, 300, seed=7)
    return folder


def _findings(paths: list[Path], corpus: str) -> list[dict]:
    """Each file's report as the JSON output gives it (findings with code, text, position, source)."""
    report = check(paths, Config(select=REUSE, corpus=corpus))
    return [file_to_dict(file) for file in report.files]


def _state(index) -> dict:
    """Everything an index answers about its passages and documents."""
    passages = index.passages(range(index.stats(1).passages))
    groups = sorted({p.group for p in passages.values()})
    return {
        "documents": index.document_count,
        "passages": {p: (r.text, r.norm, r.words, r.documents, r.group) for p, r in passages.items()},
        "occurrences": {
            p: [tuple(vars(o).values()) for o in found] for p, found in index.occurrences(passages).items()
        },
        "top": {g: [p.id for p in index.top_variants(g, 5)] for g in groups},
        "uses": {g: index.group_documents(g) for g in groups},
        "stats": index.stats(10).reused,
    }


def _embedded(corpus: Path, target: Path) -> str:
    embedded.build(corpus, target)
    return str(target)


def test_build_answers_exactly_as_the_embedded_index(tmp_path: Path, address: str, synthetic: Path):
    folder = _embedded(synthetic, tmp_path / "index")
    shared_index.build(synthetic, address)
    local, shared = embedded.Index.open(Path(folder)), RedisIndex.open(address)
    try:
        assert shared.document_count == local.document_count == 300
        assert _state(shared) == _state(local)
        stats_local, stats_shared = local.stats(5), shared.stats(5)
        assert stats_shared.reused == stats_local.reused
        assert (stats_shared.passages, stats_shared.fingerprints) == (stats_local.passages, stats_local.fingerprints)
        words = ["policing", "communities", "zzzunknownword", "protection"]
        assert shared.known_words(words) == local.known_words(words) == {"policing", "communities", "protection"}
        assert _kept_apart(shared) == (True, True)
    finally:
        local.close(), shared.close()


def _kept_apart(shared: RedisIndex) -> tuple[bool, bool]:
    """Whether the compact buckets (uses, fingerprints, passage keys) are all listpacks, as the
    layout keeps them, and whether some long value was kept apart (so that both kinds were read)."""
    client, base = shared.client, shared.keys.base
    kinds: dict[str, set[bytes]] = {}
    for key in client.scan_iter(match=f"{base}:*", count=10_000):
        kind = key.decode().split(":")[2]
        kinds.setdefault(kind, set()).add(client.object("encoding", key))
    compact = all(kinds[kind] == {b"listpack"} for kind in ("u", "f", "pk"))
    return compact, "o" in kinds and "fl" in kinds


def test_the_same_drafts_get_the_same_findings(tmp_path: Path, address: str, synthetic: Path):
    folder = _embedded(synthetic, tmp_path / "index")
    result = run_pitlint("corpus", "build", synthetic, "--index", address)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("Indexed 300 PITs (")
    drafts = [*SEEDS.values(), EXAMPLE, Path(f"{synthetic}.draft.txt"), next(synthetic.rglob("*.txt"))]
    local = _findings(drafts, folder)
    codes = [finding["code"] for file in local for finding in file["findings"]]
    assert codes.count("PIT301") > 20 and "PIT302" in codes and "PIT303" in codes  # a comparison that means something
    assert _findings(drafts, address) == local
    # and through the command line, as JSON
    by_folder = run_pitlint("check", "--format", "json", "--corpus", folder, *drafts)
    by_server = run_pitlint("check", "--format", "json", "--corpus", address, *drafts)
    assert by_server.code == by_folder.code == 1
    assert by_server.json["files"] == by_folder.json["files"]
    # and by two worker processes, each with its own connection to the server
    in_two = run_pitlint("check", "--format", "json", "--jobs", "2", "--corpus", address, *drafts)
    assert (in_two.code, in_two.stdout) == (by_server.code, by_server.stdout)


def test_a_look_up_of_thousands_of_fingerprints_in_a_bucket(tmp_path: Path, address: str):
    """A huge draft asks a small index's buckets for thousands of fingerprints each: the server's
    script reads them in chunks (Lua unpacks a few thousand values at most), and finds what the
    folder index finds."""
    folder = _embedded(CORPUS, tmp_path / "index")
    shared_index.build(CORPUS, address)
    local, shared = embedded.Index.open(Path(folder)), RedisIndex.open(address)
    try:
        known = np.concatenate([np.asarray(hashes) for hashes, _ in local.segments])
        made_up = np.arange(1, 700_001, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        prints = np.concatenate([made_up, known[::7]]).tolist()
        owners = (np.arange(len(prints), dtype=np.int64) % 50).tolist()
        assert len(prints) // shared.buckets > 8000  # per bucket: more than one unpack takes (8,000)
        found_local, found_shared = local.lookup(prints, owners), shared.lookup(prints, owners)
        assert len(found_shared[0]) >= len(known[::7])
        assert sorted(zip(*found_shared, strict=True)) == sorted(
            zip(*found_local, strict=True)
        )  # the same (item, passage, weight) triples, in the server's bucket order
    finally:
        local.close(), shared.close()


def test_a_check_asks_the_server_at_most_ten_times(address: str, synthetic: Path, monkeypatch):
    """Round trips, counted where the client writes to the server: opening, the reading and its
    consistency check, whatever the draft reuses."""
    import redis.connection

    shared_index.build(synthetic, address)
    sent: list[object] = []
    send = redis.connection.Connection.send_packed_command

    def counted(connection, command, check_health=True):
        sent.append(command)
        return send(connection, command, check_health)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counted)
    for draft in (Path(f"{synthetic}.draft.txt"), EXAMPLE, sorted(synthetic.rglob("*.txt"))[0]):
        sent.clear()
        (report,) = check([draft], Config(select=REUSE, corpus=address)).files
        assert report.error is None
        assert [f.rule.code for f in report.findings].count("PIT301") >= 3  # it did compare
        assert len(sent) <= 10, draft


def test_add_gives_the_embedded_add_result(tmp_path: Path, address: str, synthetic: Path):
    """Twenty of the PITs indexed, then the rest added in two calls: passage ids, counts,
    variant groups (merged across the additions) and findings all equal the embedded add's."""
    first = tmp_path / "first"
    first.mkdir()
    files = sorted(synthetic.rglob("*.txt"))
    for path in files[:20]:
        shutil.copy(path, first / path.name)
    folder = _embedded(first, tmp_path / "index")
    shared_index.build(first, address)
    opened = RedisIndex.open(address)
    long_uses = len(list(opened.client.scan_iter(match=f"{opened.keys.base}:o:*")))
    opened.close()
    for batch in (files[20:150], files[150:]):
        pairs = [(path, path.name) for path in batch]
        assert embedded.add(Path(folder), pairs) == shared_index.add(address, pairs)
    new = tmp_path / "new.txt"
    new.write_text(NEW_PIT, encoding="utf-8")
    result = run_pitlint("corpus", "add", new, SEEDS["002"], "--index", address)
    shown = shared_index.Address.parse(address).shown
    assert (result.code, result.stdout) == (0, f"Added 2 PITs to {shown}: 901A-26, {SEEDS['002'].stem}.\n")
    embedded.add(Path(folder), [(new, str(new)), (SEEDS["002"], str(SEEDS["002"]))])
    local, shared = embedded.Index.open(Path(folder)), RedisIndex.open(address)
    try:
        assert _state(shared) == _state(local)
        # passages' uses grew past a compact bucket's values and were moved apart as they grew
        assert len(list(shared.client.scan_iter(match=f"{shared.keys.base}:o:*"))) > long_uses
    finally:
        local.close(), shared.close()
    drafts = [*SEEDS.values(), Path(f"{synthetic}.draft.txt")]
    assert _findings(drafts, address) == _findings(drafts, folder)
    again = run_pitlint("corpus", "add", new, "--index", address)
    assert again.code == 0 and f"{new}: {embedded.ALREADY_INDEXED}" in again.stderr


def test_concurrent_adds_lose_nothing_and_duplicate_nothing(tmp_path: Path, address: str):
    shared_index.build(CORPUS, address)
    batches = []
    for number in range(4):
        folder = tmp_path / f"batch{number}"
        folder.mkdir()
        for item in range(5):
            (folder / f"pit-{number}-{item}.txt").write_text(
                NEW_PIT.replace("901A/26", f"8{number}{item}B/26").replace("drone", f"drone {number}-{item}"),
                encoding="utf-8",
            )
        shutil.copy(SEEDS["002"].parent / "000_258b3735ce721700.txt", folder)  # already indexed, by all four
        (folder / "shared-new.txt").write_text(NEW_PIT, encoding="utf-8")  # new, given by all four
        batches.append(folder)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "pitlint", "corpus", "add", folder, "--index", address],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in batches
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], outputs
    shared = RedisIndex.open(address)
    try:
        assert shared.document_count == 5 + 4 * 5 + 1
        stored = shared.client.hgetall(shared.keys.names)
        assert len(stored) == 26 and len(set(stored.values())) == 26
        assert sum(1 for name in stored if name.startswith(b"901A-26")) == 1  # the shared new PIT once
        # every passage's use count equals its documents, as a fresh build of the same PITs says
        everything = tmp_path / "everything"
        shutil.copytree(CORPUS, everything)
        for folder in batches:
            for path in folder.glob("pit-*.txt"):
                shutil.copy(path, everything / path.name)
        (everything / "shared-new.txt").write_text(NEW_PIT, encoding="utf-8")
        fresh = embedded.Index.open(Path(_embedded(everything, tmp_path / "fresh")))
        counted = {p.norm: p.documents for p in shared.passages(range(int(shared.header["passages"]) + 200)).values()}
        expected = {p.norm: p.documents for p in fresh.passages(range(1000)).values()}
        fresh.close()
        assert counted == expected
    finally:
        shared.close()


def test_a_check_during_an_add_sees_a_document_whole_or_not_at_all(tmp_path: Path, address: str, synthetic: Path):
    first = tmp_path / "first"
    first.mkdir()
    files = sorted(synthetic.rglob("*.txt"))
    for path in files[:100]:
        shutil.copy(path, first / path.name)
    shared_index.build(first, address)
    draft = files[150]  # a PIT about to be issued: it is in the batch being added
    before = _findings([draft], address)
    seen: list[list[dict]] = []
    stop = threading.Event()

    def keep_checking() -> None:
        while not stop.is_set():
            seen.append(_findings([draft], address))

    checker = threading.Thread(target=keep_checking)
    checker.start()
    try:
        for start in range(100, 300, 50):
            shared_index.add(address, [(path, path.name) for path in files[start : start + 50]])
            time.sleep(0.05)
    finally:
        stop.set()
        checker.join()
    after = _findings([draft], address)
    assert before[0]["stats"]["identical_to"] is None and after[0]["stats"]["identical_to"] is not None
    # the states between additions, from the embedded index given the same additions
    folder = Path(_embedded(first, tmp_path / "index"))
    states = [_findings([draft], str(folder))]
    for start in range(100, 300, 50):
        embedded.add(folder, [(path, path.name) for path in files[start : start + 50]])
        states.append(_findings([draft], str(folder)))
    assert (states[0], states[-1]) == (before, after)
    assert len(seen) >= 3
    for found in seen:  # each check saw one of those states, never a half-written one
        assert found in states


def test_old_generation_expires_after_a_rebuild(address: str):
    shared_index.build(CORPUS, address)
    first = RedisIndex.open(address)
    shared_index.build(CORPUS, address)
    second = RedisIndex.open(address)
    try:
        assert second.generation == first.generation + 1
        old_keys = list(first.client.scan_iter(match=f"{first.keys.base}:*"))
        assert old_keys and all(0 < first.client.ttl(key) <= shared_index.OLD_GENERATION_EXPIRES for key in old_keys)
        assert first.document_count == 5  # a check that began before the switch finishes on its data
        assert all(second.client.ttl(key) == -1 for key in second.client.scan_iter(match=f"{second.keys.base}:*"))
    finally:
        first.close(), second.close()


def test_prefixes_keep_corpora_apart(server: str, tmp_path: Path):
    one, two = f"{server}/0?prefix=force-a", f"{server}/0?prefix=force-b"
    shared_index.build(CORPUS, one)
    new = tmp_path / "new.txt"
    new.write_text(NEW_PIT, encoding="utf-8")
    single = tmp_path / "single"
    single.mkdir()
    shutil.copy(new, single / "new.txt")
    shared_index.build(single, two)
    a, b = RedisIndex.open(one), RedisIndex.open(two)
    try:
        assert (a.document_count, b.document_count) == (5, 1)
        assert a.reference("624A-23") == "624A/23" and b.reference("624A-23") is None
    finally:
        a.close(), b.close()


def test_a_writer_waits_for_the_one_before(address: str, tmp_path: Path):
    shared_index.build(CORPUS, address)
    new = tmp_path / "new.txt"
    new.write_text(NEW_PIT, encoding="utf-8")
    holder = RedisIndex.open(address)
    lock = holder.client.lock(f"{holder.address.prefix}:lock", timeout=30)
    assert lock.acquire(blocking=False)
    process = subprocess.Popen(
        [sys.executable, "-m", "pitlint", "corpus", "add", new, "--index", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready, _, _ = select.select([process.stderr], [], [], 60)  # it says so once it is waiting
    assert ready, "the second writer never said it was waiting"
    assert process.stderr.readline() == "pitlint: waiting for another writer to this index to finish\n"
    time.sleep(0.5)
    assert process.poll() is None  # waiting, not failing and not writing
    assert holder.document_count == 5
    lock.release()
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, "")
    assert holder.document_count == 6
    holder.close()


def test_a_writer_gives_up_after_a_bounded_wait(address: str, tmp_path: Path):
    shared_index.build(CORPUS, address)
    new = tmp_path / "new.txt"
    new.write_text(NEW_PIT, encoding="utf-8")
    holder = RedisIndex.open(address)
    lock = holder.client.lock(f"{holder.address.prefix}:lock", timeout=30)
    assert lock.acquire(blocking=False)
    try:
        with pytest.raises(CorpusError, match=r"held the index for more than 0\.3 s; try again when it has finished$"):
            shared_index.add(address, [(new, "new.txt")], wait=0.3)
    finally:
        lock.release()
    assert holder.document_count == 5
    holder.close()


def test_a_build_whose_lock_ran_out_changes_nothing(address: str):
    """A build stalled past its lease, whose lock another writer then took, must not switch the
    index to its generation: the switch is made only while the lock is still the build's."""
    shared_index.build(CORPUS, address)
    before = RedisIndex.open(address)
    lock_key = f"{before.address.prefix}:lock"

    def lease_lost(done: int, total: int) -> None:
        if done == 1:
            before.client.set(lock_key, b"another writer's token")

    try:
        with pytest.raises(CorpusError, match="lock ran out and another writer may have changed the index"):
            shared_index.build(CORPUS, address, progress=lease_lost)
        after = RedisIndex.open(address)
        assert (after.generation, after.document_count) == (before.generation, 5)
        after.close()
        refused = f"{before.address.prefix}:{before.generation + 1}:*"
        assert not list(before.client.scan_iter(match=refused))  # what it loaded went away
    finally:
        before.client.delete(lock_key)
        before.close()


def test_a_damaged_header_on_the_server_is_one_line(address: str, tmp_path: Path):
    shared_index.build(CORPUS, address)
    opened = RedisIndex.open(address)
    opened.client.hset(opened.keys.header, "buckets", "many")
    opened.close()
    draft = tmp_path / "draft.txt"
    draft.write_text(NEW_PIT, encoding="utf-8")
    shown = shared_index.Address.parse(address).shown
    for command in (("check", "--corpus", address, draft), ("corpus", "add", draft, "--index", address)):
        result = run_pitlint(*command)
        assert (result.code, result.stderr) == (
            2,
            f"pitlint: the index at {shown} is damaged; rebuild it with `pitlint corpus build`\n",
        )


def test_no_server_is_one_line_and_exit_2(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nSome harm.\n", encoding="utf-8")
    port = _free_port()  # nothing listens here
    started = time.monotonic()
    result = run_pitlint("check", "--corpus", f"redis://127.0.0.1:{port}/0", draft)
    assert result.code == 2
    assert result.stderr == (
        f"pitlint: redis://127.0.0.1:{port}/0: cannot reach the corpus server "
        f"(Error 111 connecting to 127.0.0.1:{port}. Connection refused)\n"
    )
    assert time.monotonic() - started < 30  # a clear failure, not a hang
    for command in (["corpus", "stats"], ["corpus", "add", draft], ["corpus", "build", CORPUS]):
        result = run_pitlint(*command, "--index", f"redis://:secret@127.0.0.1:{port}/0")
        assert result.code == 2 and result.stderr.count("\n") == 1
        assert "cannot reach the corpus server" in result.stderr and "secret" not in result.stderr


def test_a_silent_server_times_out(tmp_path: Path):
    """A server that accepts the connection and never answers: the timeout, not a hang."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nSome harm.\n", encoding="utf-8")
    try:
        started = time.monotonic()
        result = run_pitlint("check", "--corpus", f"redis://127.0.0.1:{port}/0?timeout=1", draft)
        elapsed = time.monotonic() - started
    finally:
        listener.close()
    assert result.code == 2
    assert (
        result.stderr == f"pitlint: redis://127.0.0.1:{port}/0: cannot reach the corpus server (no answer within 1 s)\n"
    )
    assert elapsed < 30  # bounded by the 1-s timeout, not a hang (run_pitlint would give up at 120 s)


def test_an_empty_server_and_a_bad_address_are_clear(address: str):
    with pytest.raises(CorpusError, match=r"no pitlint index on this server under the prefix 'test\d+'; build one"):
        RedisIndex.open(address)
    with pytest.raises(CorpusError, match="timeout must be a number of seconds"):
        RedisIndex.open(address + "&timeout=soon")
    with pytest.raises(CorpusError, match="the prefix must be a plain name"):
        RedisIndex.open(address.split("?")[0] + "?prefix=a*b")
    result = run_pitlint("corpus", "stats", "--index", address)
    assert result.code == 2 and result.stderr.startswith(f"pitlint: {address.split('?')[0]}?prefix=")


def test_a_server_that_may_evict_keys_is_named_at_build(address: str):
    import redis

    admin = redis.Redis.from_url(address.split("?")[0])
    admin.config_set("maxmemory-policy", "allkeys-lru")
    try:
        result = run_pitlint("corpus", "build", CORPUS, "--index", address)
    finally:
        admin.config_set("maxmemory-policy", "noeviction")
        admin.close()
    assert result.code == 0
    shown = shared_index.Address.parse(address).shown
    assert result.stderr == (
        f"pitlint: {shown}: the server's maxmemory-policy is allkeys-lru: when full it will drop parts of the "
        "index; set it to noeviction\n"
    )
    quiet = run_pitlint("corpus", "build", CORPUS, "--index", address)
    assert (quiet.code, quiet.stderr) == (0, "")


BASE = (
    "Disclosure of the locations of the automatic number plate recognition cameras would allow offenders "
    "to plan routes that avoid them and so escape detection"
)
SHARED = (
    "The Police Service is charged with enforcing the law, preventing and detecting crime and protecting the "
    "communities we serve."
)


def test_a_new_wording_that_joins_two_groups_merges_them_as_the_embedded_add_does(tmp_path: Path, address: str):
    """Two wordings too far apart to be variants of each other, then a third close to both: the
    groups merge, with every member re-pointed, counts and ranks kept, as in the embedded index."""
    first, second, third = (tmp_path / name for name in ("first", "second.txt", "third.txt"))
    first.mkdir()
    one = f"{BASE}, as the chief constable told the board in March."
    two = f"In the view of the force and its partner agencies, {BASE}."
    assert fuzz.ratio(text.normalise(one), text.normalise(two)) < 85  # not variants of each other
    assert min(fuzz.ratio(text.normalise(f"{BASE}."), text.normalise(x)) for x in (one, two)) >= 85
    (first / "one.txt").write_text(f"Harm\n\n{one}\n\n{SHARED}\n", encoding="utf-8")
    second.write_text(f"Harm\n\n{two}\n\n{SHARED}\n", encoding="utf-8")
    third.write_text(f"Harm\n\n{BASE}.\n\n{SHARED}\n", encoding="utf-8")
    folder = Path(_embedded(first, tmp_path / "index"))
    shared_index.build(first, address)
    for path in (second, third):
        assert embedded.add(folder, [(path, path.name)]) == shared_index.add(address, [(path, path.name)])
        if path == second:  # two groups so far
            opened = RedisIndex.open(address)
            assert len({r.group for r in opened.passages(range(4)).values() if "number plate" in r.norm}) == 2
            opened.close()
    local, shared = embedded.Index.open(folder), RedisIndex.open(address)
    try:
        assert _state(shared) == _state(local)
        rows = shared.passages(range(5))
        base_groups = {row.group for row in rows.values() if "number plate" in row.norm}
        assert len([row for row in rows.values() if "number plate" in row.norm]) == 3 and len(base_groups) == 1
        (group,) = base_groups
        assert shared.group_documents(group) == 3
        (shared_row,) = [row for row in rows.values() if row.text == SHARED]
        assert shared_row.documents == 3 and shared.top_variants(shared_row.group) == [shared_row]
    finally:
        local.close(), shared.close()


def test_a_server_that_goes_away_mid_run_is_a_clear_error(tmp_path: Path):
    """An index opened before the server stopped: every question is one clear error (the command
    line turns it into one line and exit 2), never a traceback."""
    process, port = _start_server(tmp_path)
    address = f"redis://127.0.0.1:{port}/0?timeout=2"
    try:
        shared_index.build(CORPUS, address)
        opened = RedisIndex.open(address)
        assert opened.document_count == 5
    finally:
        process.kill()
        process.wait(timeout=10)
    failed = rf"^redis://127.0.0.1:{port}/0: the corpus server failed \(.+\)$"
    document = read(SEEDS["002"])
    for question in (
        lambda: opened.read_consistently(lambda: analyse(document, opened)),
        lambda: opened.top_variants(0),
        lambda: opened.stats(3),
        lambda: opened.known_words(["harm"]),
    ):
        with pytest.raises(CorpusError, match=failed):
            question()
    opened.close()
    with pytest.raises(CorpusError, match=rf"^redis://127.0.0.1:{port}/0: cannot reach the corpus server \("):
        check([SEEDS["002"]], Config(select=REUSE, corpus=address))
