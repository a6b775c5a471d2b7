"""--check-links against a real HTTP server on 127.0.0.1 that answers 200, redirects, 404,
slowly, hugely, and in a loop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check
from pitlint.linkcheck import LinkRun, address_refusal, check_urls, is_public, parse, redirect_refusal
from tests.conftest import run_pitlint
from tests.linkservers import answer, recording_server

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


# What a check sends: no credentials from .netrc, the environment or the link, no cookies, no
# proxy, and redirects only where they may lead.


def _run_with_env(tmp_path: Path, draft_text: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`pitlint check --check-links` on a draft, in a process with these environment variables."""
    draft = tmp_path / "draft.txt"
    draft.write_text(draft_text, encoding="utf-8")
    (tmp_path / ".pitlint.toml").write_text('link-timeout = 10\nselect = ["PIT504", "PIT505", "PIT506"]\n')
    return subprocess.run(
        [sys.executable, "-m", "pitlint", "check", "-f", "json", "--check-links", "draft.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        timeout=120,
    )


def test_no_credentials_from_netrc_the_link_or_the_environment(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    netrc = home / ".netrc"
    netrc.write_text("machine 127.0.0.1 login alice password secret\ndefault login bob password hunter2\n")
    netrc.chmod(0o600)
    with recording_server() as server, recording_server() as proxy:
        text = f"See {server.url}/plain and http://carol:pw@127.0.0.1:{server.port}/userinfo.\n"
        done = _run_with_env(
            tmp_path,
            text,
            HOME=str(home),
            NETRC=str(netrc),
            http_proxy=proxy.url,
            HTTP_PROXY=proxy.url,
            https_proxy=proxy.url,
            ALL_PROXY=proxy.url,
            NO_PROXY="",
            no_proxy="",
        )
    assert (done.returncode, done.stderr) == (0, "")
    assert sorted(server.paths()) == ["/plain", "/userinfo"]
    assert [request.headers.get("authorization") for request in server.seen] == [None, None]
    assert proxy.seen == []  # the proxy variables are ignored


def test_exactly_four_headers_are_sent(tmp_path: Path):
    with recording_server() as server:
        check_urls({f"{server.url}/page"}, None)
    (request,) = server.seen
    assert request.headers == {
        "host": f"127.0.0.1:{server.port}",
        "user-agent": "pitlint link check",
        "accept": "*/*",
        "connection": "close",
    }


def test_cookies_are_never_sent_back():
    routes = {
        "/sets-cookie": answer(302, {"Set-Cookie": "session=abc; Path=/", "Location": "/after"}),
        "/also-sets": answer(200, {"Set-Cookie": "other=1; Path=/"}),
    }
    with recording_server(routes) as server:
        run = LinkRun(None)
        first = run.check({f"{server.url}/sets-cookie", f"{server.url}/also-sets"})
        run.check({f"{server.url}/later"})
    assert first[f"{server.url}/sets-cookie"].ok
    assert sorted(server.paths()) == ["/after", "/also-sets", "/later", "/sets-cookie"]
    assert [request.headers.get("cookie") for request in server.seen] == [None] * 4


def test_a_redirect_to_another_port_is_not_followed(tmp_path: Path):
    with recording_server() as elsewhere:
        routes = {
            "/other-port": answer(301, {"Location": f"{elsewhere.url}/target"}),
            "/same-origin": answer(302, {"Location": "/target"}),
        }
        with recording_server(routes) as server:
            text = f"See {server.url}/other-port and {server.url}/same-origin.\n"
            done = _run_with_env(tmp_path, text)
            assert server.paths().count("/target") == 1  # within the link's own origin: followed
    assert elsewhere.seen == []
    (finding,) = json.loads(done.stdout)["files"][0]["findings"]
    assert (finding["code"], finding["severity"], finding["excerpt"]) == ("PIT506", "info", f"{server.url}/other-port")
    assert finding["message"] == (
        f"{server.url}/other-port was not checked online: it redirects to {elsewhere.url}/target, another port, "
        "which is not followed"
    )
    assert done.returncode == 0  # a note, not a failure


def test_userinfo_in_a_redirect_is_dropped():
    routes: dict = {}
    with recording_server(routes) as server:
        routes["/go"] = answer(302, {"Location": f"http://u:p@127.0.0.1:{server.port}/there"})
        result = check_urls({f"{server.url}/go"}, None)
    assert (result[f"{server.url}/go"].ok, server.paths()) == (True, ["/go", "/there"])
    assert [request.headers.get("authorization") for request in server.seen] == [None, None]


@pytest.mark.parametrize(
    ("link", "target", "refused"),
    [
        ("http://127.0.0.1:8123/a", "http://127.0.0.1:8123/b", False),  # the link's own origin
        ("http://127.0.0.1:8123/a", "http://127.0.0.1:8124/b", True),
        ("http://127.0.0.1:8123/a", "https://127.0.0.1:8123/b", True),  # another scheme on that port
        ("https://www.example.org/", "http://www.example.org/", False),  # port 80
        ("https://www.example.org/", "https://example.net/", False),  # port 443
        ("https://www.example.org/", "https://www.example.org:8443/", True),
        ("https://www.example.org/", "http://www.example.org:443/", True),  # not http's own port
    ],
)
def test_which_redirects_are_followed(link: str, target: str, refused: bool):
    assert (redirect_refusal(parse(link), parse(target)) is not None) == refused


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2a00:1450:4009:81f::200e", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.0.1", False),
        ("172.16.5.4", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("169.254.169.254", False),  # cloud metadata
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("::ffff:8.8.8.8", True),
        ("224.0.0.1", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool):
    assert is_public(address) == public


def test_a_public_link_is_not_followed_to_a_private_address():
    target = parse("http://intranet.example/admin")
    assert address_refusal(True, target, ["93.184.215.14"]) is None
    assert address_refusal(True, target, ["93.184.215.14", "10.0.0.8"]) == (
        "it redirects to http://intranet.example/admin, a private or local address, which is not followed from a "
        "public link"
    )
    assert address_refusal(False, target, ["10.0.0.8"]) is None  # the draft itself names a local address


def test_links_are_checked_once_however_written():
    with recording_server() as server:
        port = server.port
        variants = {
            f"http://127.0.0.1:{port}/same",
            f"HTTP://127.0.0.1:{port}/same",
            f"http://someone:pw@127.0.0.1:{port}/same",
            f"http://127.0.0.1:{port}/same#part",
        }
        results = check_urls(variants, None)
    assert server.paths() == ["/same"]
    assert {result.reason for result in results.values()} == {"200 OK"}
