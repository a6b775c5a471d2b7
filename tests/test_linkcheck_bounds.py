"""--check-links is bounded whatever the servers do: a deadline per link that a trickling answer
cannot stretch, an overall budget and a cap per run, threads that end with the run, Ctrl-C
that ends it at once; and malformed links and a damaged cache give results, not tracebacks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pitlint.linkcheck import (
    CACHE_MAX_BYTES,
    LinkResult,
    LinkRun,
    _Invalid,
    check_urls,
    load_cache,
    parse,
    save_cache,
)
from tests.conftest import run_pitlint
from tests.linkservers import (
    answer,
    black_hole,
    raw_server,
    recording_server,
    self_signed,
    silent,
    trickle,
)


def _link_threads() -> list[threading.Thread]:
    """The checker's threads still alive, after a moment for those just woken to end."""
    for _ in range(20):
        alive = [thread for thread in threading.enumerate() if thread.name == "pitlint-link"]
        if not alive:
            break
        time.sleep(0.05)
    return alive


def test_a_trickling_answer_is_cut_off_at_the_deadline():
    with raw_server(trickle(1.0)) as server:
        started = time.perf_counter()
        result = check_urls({f"{server.url}/slow"}, None, timeout=2.0, deadline=3.0)
        took = time.perf_counter() - started
    assert (result[f"{server.url}/slow"].ok, result[f"{server.url}/slow"].reason) == (
        False,
        "no complete answer within 3 s",
    )
    assert 2.9 < took < 4.0
    assert _link_threads() == []


def test_the_deadline_covers_every_redirect():
    """Each hop answers within the timeout; together they take longer than the deadline."""
    routes = {f"/hop{n}": _slow_redirect(0.8, f"/hop{n + 1}") for n in range(5)}
    with recording_server(routes) as server:
        started = time.perf_counter()
        result = check_urls({f"{server.url}/hop0"}, None, timeout=2.0, deadline=2.0)
        took = time.perf_counter() - started
    assert result[f"{server.url}/hop0"].reason == "no complete answer within 2 s"
    assert took < 3.0
    assert len(server.seen) == 3


def _slow_redirect(delay: float, location: str):
    def route(handler) -> None:
        time.sleep(delay)
        answer(302, {"Location": location})(handler)

    return route


def test_a_silent_server_is_reported_after_the_timeout():
    with raw_server(silent) as server:
        result = check_urls({f"{server.url}/x"}, None, timeout=1.0, deadline=5.0)
    assert result[f"{server.url}/x"].reason == "no answer within 1 s"


def test_tls_is_verified_and_a_trickle_over_tls_is_cut_off_too():
    pytest.importorskip("cryptography")
    certificates = self_signed()
    with recording_server(tls=certificates.server) as server:
        trusted = LinkRun(None, 2.0, tls=certificates.client).check({f"{server.url}/page"})
        untrusted = check_urls({f"{server.url}/other"}, None, timeout=2.0)
    assert trusted[f"{server.url}/page"].reason == "200 OK"
    assert untrusted[f"{server.url}/other"].reason.startswith("cannot connect (certificate not valid: ")
    with raw_server(trickle(0.5), tls=certificates.server) as slow:
        started = time.perf_counter()
        result = LinkRun(None, 2.0, deadline=2.0, tls=certificates.client).check({f"{slow.url}/slow"})
        took = time.perf_counter() - started
    assert result[f"{slow.url}/slow"].reason == "no complete answer within 2 s"
    assert took < 3.0
    assert _link_threads() == []


def test_many_links_to_an_address_that_never_accepts():
    """Once its queue is full, connections hang: the host is given up on for the rest of the run."""
    with black_hole() as address:
        urls = {f"{address}/page{n}" for n in range(5000)}
        started = time.perf_counter()
        results = check_urls(urls, None, timeout=1.0, max_links=5000)
        took = time.perf_counter() - started
    assert len(results) == 5000
    assert {result.ok for result in results.values()} == {False}
    assert {result.reason for result in results.values()} <= {"no answer within 1 s", "cannot connect"}
    # not given up on, 5,000 links 8 at a time would take over ten minutes; given up on, a few
    # seconds (a loaded machine has taken 5.6; the bound tells the two apart, not the speed)
    assert took < 30.0


def test_the_budget_ends_the_run_and_the_rest_are_noted_not_dead():
    with raw_server(silent) as server:
        urls = {f"{server.url}/page{n}" for n in range(100)}
        run = LinkRun(None, 1.0, budget=2.5)
        started = time.perf_counter()
        results = run.check(urls)
        took = time.perf_counter() - started
        later = run.check({f"{server.url}/another"})  # the budget is the run's, not the draft's
        took_later = time.perf_counter() - started - took
    assert took < 3.5
    dead = [result for result in results.values() if not result.skipped]
    skipped = [result for result in results.values() if result.skipped]
    assert 8 <= len(dead) <= 24  # 8 at a time, 1 s each
    assert {result.reason for result in dead} == {"no answer within 1 s"}
    assert {result.reason for result in skipped} == {"the run's 2.5 s for checking links was spent"}
    assert later[f"{server.url}/another"].skipped
    assert took_later < 0.2
    assert _link_threads() == []


def test_a_run_checks_at_most_so_many_links():
    with recording_server() as server:
        run = LinkRun(None, max_links=3)
        first = run.check({f"{server.url}/{n}" for n in range(5)})
        second = run.check({f"{server.url}/{n}" for n in range(5, 8)} | {f"{server.url}/0"})
    assert len(server.seen) == 3
    assert (
        sorted(result.reason for result in first.values())
        == ["200 OK"] * 3 + ["a run checks at most 3 links online"] * 2
    )
    assert [second[f"{server.url}/{n}"].skipped for n in range(5, 8)] == [True] * 3
    assert second[f"{server.url}/0"].reason == "200 OK"  # already known


def test_a_stuck_server_cannot_hold_the_command(tmp_path: Path):
    """The whole command ends soon after the deadline: no thread keeps the interpreter waiting."""
    with raw_server(trickle(0.4)) as slow, raw_server(silent) as quiet:
        draft = tmp_path / "draft.txt"
        draft.write_text(f"See {slow.url}/a, {quiet.url}/b.\n", encoding="utf-8")
        (tmp_path / ".pitlint.toml").write_text('link-timeout = 1\nselect = ["PIT504"]\n')
        started = time.perf_counter()
        result = run_pitlint("check", "-f", "json", "--check-links", "draft.txt", cwd=tmp_path)
        took = time.perf_counter() - started
    messages = sorted(finding["message"] for finding in result.json["files"][0]["findings"])
    assert messages == sorted(
        [
            f"{slow.url}/a does not work: no complete answer within 2 s",
            f"{quiet.url}/b does not work: no answer within 1 s",
        ]
    )
    assert result.stderr == ""
    assert took < 2.0 + 6.0  # the deadline, and start-up on a busy machine


def test_ctrl_c_ends_the_check_at_once(tmp_path: Path):
    with raw_server(trickle(1.0)) as slow:
        draft = tmp_path / "draft.txt"
        draft.write_text(f"See {slow.url}/a and {slow.url}/b.\n", encoding="utf-8")
        (tmp_path / ".pitlint.toml").write_text("link-timeout = 20\n")
        process = subprocess.Popen(
            [sys.executable, "-m", "pitlint", "check", "--check-links", "draft.txt"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert slow.connected.wait(30)
            time.sleep(0.5)
            interrupted = time.perf_counter()
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=10)
            took = time.perf_counter() - interrupted
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert took < 2.0


MALFORMED = {
    "http://[::1": "the IPv6 address is not valid",
    "http://[zz::1]/": "the IPv6 address is not valid",
    "http://[fe80::1%25eth0]/": "the IPv6 address names a network interface",
    "http://a..b/": "the host name has an empty label",
    "http://.example.org/": "the host name has an empty label",
    "http://" + "a" * 64 + ".example.org/": "a label of the host name is longer than 63 characters",
    "http://" + "abcd." * 60 + "org/": "the host name is longer than 253 characters",
    "http://a\u200db.example/": "the host name is not a valid international name (",
    "http://exa%6dple.org/": "the host name has characters a host name cannot have",
    "http://127.0.0.1:99999/": "the port is not valid",
    "http://127.0.0.1:http/": "the port is not valid",
    "http://127.0.0.1:0/": "port 0 cannot be used",
    "http:///path": "there is no host name",
}


def test_malformed_links_are_findings_not_tracebacks():
    results = check_urls(set(MALFORMED), None)
    assert set(results) == set(MALFORMED)
    for url, reason in MALFORMED.items():
        assert results[url].reason.startswith(f"not a valid address: {reason}"), url
    assert not any(result.ok or result.skipped for result in results.values())


def test_malformed_links_through_the_command_line(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\n" + "\n\n".join(f"See {url} here." for url in MALFORMED) + "\n", encoding="utf-8")
    (tmp_path / ".pitlint.toml").write_text('select = ["PIT504"]\n')
    result = run_pitlint("check", "-f", "json", "--check-links", "draft.txt", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "")
    assert len(result.json["files"][0]["findings"]) >= 10


def test_an_overlong_link_is_noted_not_requested():
    with recording_server() as server:
        url = f"{server.url}/" + "a" * 5000
        result = check_urls({url}, None)[url]
    assert (result.skipped, result.reason, server.seen) == (True, "the address is longer than 4096 characters", [])


@given(st.text(max_size=60))
def test_any_text_after_the_scheme_parses_or_says_why(rest: str):
    """Whatever follows http://, parsing gives a Target that is plain ASCII and parses to itself,
    or an _Invalid saying why: never another exception."""
    try:
        target = parse("http://" + rest)
    except _Invalid as error:
        assert str(error)
        return
    assert target.url.isascii() and target.url.isprintable() and " " not in target.url
    assert parse(target.url) == target


# The cache: read as untrusted, written atomically.


def _fresh(**item) -> dict:
    return {"ok": True, "reason": "200 OK", "moved_to": None, "checked": time.time(), **item}


def test_a_damaged_cache_is_ignored(tmp_path: Path):
    cache = tmp_path / "links.json"
    for content in (
        "{damaged",
        "[]",
        "null",
        '"text"',
        "[" * 100_000 + "]" * 100_000,  # deeper than json can recurse
        b"\xff\xfe\x00".decode("latin-1"),
    ):
        cache.write_text(content, encoding="latin-1")
        assert load_cache(cache) == {}
    cache.write_bytes(b" " * (CACHE_MAX_BYTES + 1))
    assert load_cache(cache) == {}


def test_cache_entries_of_the_wrong_shape_are_dropped(tmp_path: Path):
    cache = tmp_path / "links.json"
    now = time.time()
    entries = {
        "https://good.example/": _fresh(),
        "https://moved.example/": _fresh(moved_to="https://new.example/page"),
        "https://ok-not-bool.example/": _fresh(ok="yes"),
        "https://reason-not-str.example/": _fresh(reason=404),
        "https://checked-bool.example/": _fresh(checked=True),
        "https://checked-text.example/": _fresh(checked="today"),
        "https://checked-future.example/": _fresh(checked=now + 3600),
        "https://checked-old.example/": _fresh(checked=now - 2 * 24 * 3600),
        "https://moved-bad.example/": _fresh(moved_to="http://a..b/"),
        "https://moved-not-str.example/": _fresh(moved_to=["x"]),
        "https://not-a-dict.example/": ["ok"],
        "https://escape.example/": _fresh(reason="\x1b[31mred\x1b[0m 200 OK"),
    }
    cache.write_text(json.dumps(entries))
    loaded = load_cache(cache)
    assert sorted(loaded) == ["https://escape.example/", "https://good.example/", "https://moved.example/"]
    assert loaded["https://moved.example/"].moved_to == "https://new.example/page"
    assert loaded["https://escape.example/"].reason == "[31mred [0m 200 OK"  # no escape characters
    cache.write_text('{"https://nan.example/": {"ok": true, "reason": "x", "moved_to": null, "checked": NaN}}')
    assert load_cache(cache) == {}


def test_a_cache_that_is_not_a_file_is_ignored(tmp_path: Path):
    fifo = tmp_path / "links.json"
    os.mkfifo(fifo)
    assert load_cache(fifo) == {}  # and does not block waiting for a writer
    assert load_cache(tmp_path) == {}
    assert load_cache(tmp_path / "missing.json") == {}


def test_the_cache_is_replaced_atomically(tmp_path: Path):
    cache = tmp_path / "cache" / "links.json"
    save_cache(cache, {"https://a.example/": LinkResult(True, "200 OK", checked=time.time())})
    before = tmp_path / "before.json"
    os.link(cache, before)  # the old file's inode
    written = before.read_text()
    results = {
        "https://a.example/": LinkResult(True, "200 OK", checked=time.time()),
        "https://b.example/": LinkResult(False, "not checked", checked=time.time(), skipped=True),
    }
    save_cache(cache, results)
    assert before.read_text() == written  # the old file is untouched, not rewritten in place
    assert os.stat(cache).st_ino != os.stat(before).st_ino  # a new file renamed into place
    assert sorted(json.loads(cache.read_text())) == ["https://a.example/"]  # skipped links are not cached
    assert sorted(path.name for path in cache.parent.iterdir()) == ["links.json"]  # no temporary left
    save_cache(tmp_path / "before.json" / "links.json", results)  # cannot be written: not an error


def _garbage(connection, stop) -> None:
    connection.recv(65536)
    connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")


def _hang_up(connection, stop) -> None:
    connection.recv(65536)


def _many_headers(connection, stop) -> None:
    connection.recv(65536)
    connection.sendall(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 1000 + b"\r\n")


def test_answers_that_are_not_http():
    with raw_server(_garbage) as garbage, raw_server(_hang_up) as hang_up, raw_server(_many_headers) as many:
        results = check_urls({f"{garbage.url}/", f"{hang_up.url}/", f"{many.url}/"}, None, timeout=2.0)
    assert results[f"{garbage.url}/"].reason == "not a valid HTTP answer (BadStatusLine)"
    assert results[f"{hang_up.url}/"].reason == "the server closed the connection without answering"
    assert results[f"{many.url}/"].reason == "not a valid HTTP answer (HTTPException)"


def test_every_draft_in_a_run_shares_one_link_checker():
    import gc

    from pitlint.checks import Context
    from pitlint.checks.links import _RUNS, _link_run
    from pitlint.config import Config

    context = Context(Config(check_links=True, link_timeout=3.0))
    run = _link_run(context)
    assert _link_run(context) is run
    assert (run.timeout, run.deadline) == (3.0, 6.0)
    assert _link_run(Context(Config())) is not run
    del context
    gc.collect()
    assert all(kept is not run for kept in _RUNS.values())
