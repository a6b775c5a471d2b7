"""--check-links against a real HTTP server on 127.0.0.1 that answers 200, redirects, 404,
slowly, hugely, and in a loop."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.linkcheck import check_urls
from tests.conftest import run_pitlint

HITS: Counter[str] = Counter()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        HITS[self.path] += 1
        if self.path == "/ok":
            body = b"<html>fine</html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/moved":
            self._redirect(301, "/ok")
        elif self.path == "/temporary":
            self._redirect(302, "/ok")
        elif self.path == "/loop":
            self._redirect(301, "/loop")
        elif self.path == "/to-ftp":
            self._redirect(301, "ftp://127.0.0.1/file")
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(4 * 1024**3))
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass  # the checker hung up after the headers, as it should
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture(scope="module")
def server() -> str:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_each_kind_of_answer(server: str, tmp_path: Path):
    urls = {f"{server}/{path}" for path in ("ok", "moved", "temporary", "missing", "huge", "loop", "to-ftp")}
    urls.add("mailto:foi@example.police.uk")
    started = time.perf_counter()
    results = check_urls(urls, tmp_path / "links.json", timeout=10.0)  # generous: CI machines are busy
    slow = check_urls({f"{server}/slow"}, None, timeout=1.0)  # the server answers after 3 s
    assert time.perf_counter() - started < 30
    by_path = {url.rsplit("/", 1)[-1]: result for url, result in {**results, **slow}.items()}
    assert "mailto:foi@example.police.uk" not in results  # only http(s) is tried
    assert (by_path["ok"].ok, by_path["ok"].reason, by_path["ok"].moved_to) == (True, "200 OK", None)
    assert (by_path["moved"].ok, by_path["moved"].moved_to) == (True, f"{server}/ok")
    assert (by_path["temporary"].ok, by_path["temporary"].moved_to) == (True, None)
    assert (by_path["missing"].ok, by_path["missing"].reason) == (False, "404 Not Found")
    assert (by_path["slow"].ok, by_path["slow"].reason) == (False, "no answer within 1 s")
    assert (by_path["huge"].ok, by_path["huge"].reason) == (True, "200 OK")
    assert (by_path["loop"].ok, by_path["loop"].reason) == (False, "more than 5 redirects")
    assert by_path["to-ftp"].reason == "redirects to a non-web address (ftp://127.0.0.1/file)"


def test_results_are_cached(server: str, tmp_path: Path):
    cache = tmp_path / "links.json"
    HITS.clear()
    check_urls({f"{server}/ok"}, cache)
    check_urls({f"{server}/ok"}, cache)
    assert HITS["/ok"] == 1
    cache.write_text("{damaged")
    assert check_urls({f"{server}/ok"}, cache)[f"{server}/ok"].ok
    assert HITS["/ok"] == 2


def test_findings_through_the_command_line(server: str, tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Harm\n\nSee {server}/missing, and <{server}/moved>.\n", encoding="utf-8")
    (tmp_path / ".pitlint.toml").write_text('link-timeout = 10\nselect = ["PIT504", "PIT505"]\n')
    offline = run_pitlint("check", "-f", "json", "draft.txt", cwd=tmp_path)
    assert offline.json["files"][0]["findings"] == []  # nothing is fetched unless asked
    result = run_pitlint("check", "-f", "json", "--check-links", "draft.txt", cwd=tmp_path)
    found = [(f["code"], f["excerpt"], f["message"], f["suggestion"]) for f in result.json["files"][0]["findings"]]
    assert found == [
        ("PIT504", f"{server}/missing", f"{server}/missing does not work: 404 Not Found", None),
        ("PIT505", f"{server}/moved", f"{server}/moved has moved permanently to {server}/ok", f"{server}/ok"),
    ]
    (report,) = check([draft], Config(select=("PIT504",), check_links=True, link_timeout=10)).files
    assert [f.location.line for f in report.findings] == [3]
