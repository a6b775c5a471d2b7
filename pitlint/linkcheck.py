"""Online link checking for --check-links.

A draft is untrusted text, and so is every server it names, so the check is built on
http.client rather than requests: nothing is taken from the environment (no .netrc, no proxies,
no CA bundle variables), no cookies are kept, user names and passwords in links are dropped, and
each request carries exactly the headers below. Every link gets a wall-clock deadline (connect,
TLS, a trickling answer and all redirects together), enforced by the run shutting its socket
down; a run gets an overall budget and a cap on how many links it checks, after which links are
reported as not checked. Redirects are followed only to http(s) on the scheme's standard port or
within the draft link's own origin, and never from a public address to a private one. Results
are cached for a day in a file read as untrusted and written atomically."""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import json
import math
import os
import queue
import socket
import ssl
import stat
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from pitlint import regexes

TIMEOUT = 5.0  # seconds to wait for any one thing: the connection, each part of the answer
DEADLINE_FACTOR = 2  # a link's whole check, redirects included, gets twice that (10 s by default)
RUN_BUDGET = 60.0  # seconds of checking per run, shared by every draft in it
MAX_LINKS = 1000  # distinct links checked online per run
MAX_REDIRECTS = 5
WORKERS = 8
CACHE_SECONDS = 24 * 3600
CACHE_MAX_BYTES = 8 * 1024 * 1024
CACHE_MAX_ENTRIES = 20_000
MAX_URL = 4096
PERMANENT = (301, 308)
REDIRECTS = (301, 302, 303, 307, 308)
DEFAULT_PORTS = {"http": 80, "https": 443}
USER_AGENT = "pitlint link check"
_LABEL = regexes.compile(r"[a-z0-9_-]{1,63}")
_PATH_SAFE = "/%:@!$&'()*+,;=~"


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    reason: str  # "200 OK", "404 Not Found", "no answer within 5 s" ...
    moved_to: str | None = None  # where a permanent redirect leads
    checked: float = 0.0
    skipped: bool = False  # not checked online (budget spent, a redirect not followed): a note, not a dead link


@dataclass(frozen=True)
class Target:
    """A link as it will be requested: validated, ASCII, without user name or password."""

    scheme: str  # http or https
    host: str  # an IP address, or an ASCII (IDNA) host name
    port: int
    path: str  # path and query, percent-encoded

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)

    @property
    def authority(self) -> str:
        """The Host header: brackets around IPv6, the port only when it is not the default."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.authority}{self.path}"


class _Invalid(ValueError):
    """A link that cannot name a web page; the message says why."""


class _Cancelled(Exception):
    """The run has given up on this link (its deadline passed, the budget was spent, Ctrl-C)."""


class _Refused(Exception):
    """A redirect pitlint does not follow; the message says why."""


class _Unreachable(OSError):
    """A host this run already failed to reach: the same failure, without waiting again."""


def _dead(reason: str) -> LinkResult:
    return LinkResult(False, reason, checked=time.time())


def _skipped(reason: str) -> LinkResult:
    return LinkResult(False, reason, checked=time.time(), skipped=True)


def _printable(text: str, limit: int = 200) -> str:
    """Text from a server or the cache, safe to put in a report or on a terminal."""
    return "".join(c if c.isprintable() else " " for c in text[:limit]).strip()


def _normalise(url: str) -> str | None:
    """The address to try for a link as written, or None for what is not a web address."""
    if url.lower().startswith("www."):
        url = "https://" + url
    return url if url[:8].lower().startswith(("http://", "https://")) else None


def _idna(name: str) -> str:
    """A non-ASCII host name in ASCII: IDNA 2008 with the UTS 46 mapping browsers use."""
    import idna

    try:
        return idna.encode(name, uts46=True).decode("ascii")
    except (UnicodeError, ValueError) as error:  # idna.IDNAError is a UnicodeError
        raise _Invalid(f"the host name is not a valid international name ({_printable(str(error))})") from None


def _ascii_host(name: str) -> str:
    """A host name as DNS sees it: IDNA for non-ASCII, every label 1-63 characters, 253 in all."""
    if name.endswith("."):
        name = name[:-1]
    if not name.isascii():
        name = _idna(name)
    if len(name) > 253:
        raise _Invalid("the host name is longer than 253 characters")
    labels = name.split(".")
    if not all(labels):
        raise _Invalid("the host name has an empty label")
    if any(len(label) > 63 for label in labels):
        raise _Invalid("a label of the host name is longer than 63 characters")
    if not all(_LABEL.fullmatch(label) for label in labels):
        raise _Invalid("the host name has characters a host name cannot have")
    return name


def _host(netloc: str, hostname: str | None) -> str:
    if not hostname:
        raise _Invalid("there is no host name")
    if "[" in netloc.rpartition("@")[2]:
        try:
            address = ipaddress.IPv6Address(hostname)
        except ValueError:
            raise _Invalid("the IPv6 address is not valid") from None
        if address.scope_id:
            raise _Invalid("the IPv6 address names a network interface")
        return str(address)
    return _ascii_host(hostname)


def parse(url: str) -> Target:
    """The Target for an http(s) address; _Invalid, saying why, for one that cannot work."""
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "Invalid IPv6 URL", a bracketed host that is not an address
        if "[" in url:
            raise _Invalid("the IPv6 address is not valid") from None
        raise _Invalid(f"it cannot be read ({_printable(str(error))})") from None
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        raise _Invalid("the port is not valid") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise _Invalid(f"not a web address ({_printable(url)})")
    if port == 0:
        raise _Invalid("port 0 cannot be used")
    path = quote(parts.path, safe=_PATH_SAFE) or "/"
    if parts.query:
        path += "?" + quote(parts.query, safe=_PATH_SAFE + "?")
    return Target(scheme, _host(parts.netloc, parts.hostname), port or DEFAULT_PORTS[scheme], path)


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, private, link-local, ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def redirect_refusal(link: Target, target: Target) -> str | None:
    """Why a redirect from the draft's link to target is not followed, or None.

    Allowed: the scheme's standard port (80 for http, 443 for https), or the draft link's own
    scheme, host and port. A draft that names a service on another port has chosen it; a redirect
    to some other port is how a public page would point a checker at a service never meant for
    the web (a database, a printer's admin page), so it is not followed."""
    if target.port == DEFAULT_PORTS[target.scheme] or target.origin == link.origin:
        return None
    return f"it redirects to {target.url}, another port, which is not followed"


def address_refusal(link_is_public: bool, target: Target, addresses: list[str]) -> str | None:
    """Why a request to target at these addresses is not made, or None.

    A link the draft gives to a private or local address (an intranet page, a test server) is
    checked: the author named it. But once a link has resolved to public addresses, neither a
    redirect nor a name that resolves differently the next time may lead the check to a private,
    loopback or link-local address (a router's admin page, a cloud metadata service)."""
    if not link_is_public or all(is_public(address) for address in addresses):
        return None
    return f"it redirects to {target.url}, a private or local address, which is not followed from a public link"


def _open(family: int, sockaddr: tuple, attempt: Attempt, timeout: float) -> socket.socket:
    """A TCP connection, registered with the attempt so that the run can shut it down."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        attempt.use(sock)
        sock.settimeout(attempt.wait(timeout))
        sock.connect(sockaddr)
    except BaseException:
        attempt.use(None)
        sock.close()
        raise
    return sock


def _secure(sock: socket.socket, host: str, attempt: Attempt, timeout: float, context: ssl.SSLContext) -> ssl.SSLSocket:
    """TLS over a connection, the certificate verified for host; the handshake, too, can be cut
    short by the run."""
    try:
        secure = context.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
    except BaseException:
        attempt.use(None)
        sock.close()
        raise
    try:
        attempt.use(secure)
        secure.settimeout(attempt.wait(timeout))
        secure.do_handshake()
    except BaseException:
        attempt.use(None)
        secure.close()
        raise
    return secure


class Attempt:
    """One link being checked: when the run gives up on it, and the socket in use, so that the
    run can cut a stuck read short (shutting a socket down wakes the thread blocked on it)."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.cancelled = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()

    def wait(self, timeout: float) -> float:
        """How long the next wait may last: the timeout, cut to what is left of the deadline."""
        left = self.deadline - time.monotonic()
        if self.cancelled or left <= 0:
            raise _Cancelled
        return min(timeout, left)

    def use(self, sock: socket.socket | None) -> None:
        with self._lock:
            if self.cancelled and sock is not None:
                raise _Cancelled
            self._socket = sock

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._socket is not None:
                # the plain socket's shutdown, also for TLS: SSLSocket.shutdown is not thread-safe
                with contextlib.suppress(OSError):
                    socket.socket.shutdown(self._socket, socket.SHUT_RDWR)


def _tls_context() -> ssl.SSLContext:
    """The system's certificates and certifi's bundle (a machine without a CA store still checks)."""
    import certifi

    context = ssl.create_default_context()
    with contextlib.suppress(OSError, ssl.SSLError):
        context.load_verify_locations(certifi.where())
    return context


class LinkRun:
    """One run's online link checking, shared by every draft in it: the cache, the results so
    far, the budget and the cap on links, and hosts that could not be reached."""

    def __init__(
        self,
        cache: Path | None,
        timeout: float = TIMEOUT,
        *,
        deadline: float | None = None,
        budget: float = RUN_BUDGET,
        max_links: int = MAX_LINKS,
        workers: int = WORKERS,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.cache = cache
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else DEADLINE_FACTOR * timeout
        self.budget = budget
        self.max_links = max_links
        self.workers = workers
        self._tls = tls
        self._results: dict[str, LinkResult] | None = None
        self._spent = 0.0
        self._tried = 0
        self._unreachable: dict[tuple[str, int], str] = {}

    def check(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        """Results by the URL as written in the draft (non-web addresses are left out)."""
        known = self._known()
        wanted: dict[str, str | LinkResult] = {}
        targets: dict[str, Target] = {}
        for url in urls:
            address = _normalise(url)
            if address is None:
                continue
            if len(address) > MAX_URL:
                wanted[url] = _skipped(f"the address is longer than {MAX_URL} characters")
                continue
            try:
                target = parse(address)
            except _Invalid as error:
                wanted[url] = _dead(f"not a valid address: {error}")
                continue
            wanted[url] = target.url
            if target.url not in known:
                targets[target.url] = target
        if targets:
            known.update(self._try(sorted(targets.values(), key=lambda t: t.url)))
            self._save()
        return {url: known[found] if isinstance(found, str) else found for url, found in wanted.items()}

    def _save(self) -> None:
        save_cache(self.cache, self._known())

    def _known(self) -> dict[str, LinkResult]:
        if self._results is None:
            self._results = load_cache(self.cache)
        return self._results

    def _try(self, targets: list[Target]) -> dict[str, LinkResult]:
        """Check what the cap allows; the rest are noted as not checked."""
        allowed = max(0, self.max_links - self._tried)
        self._tried += min(allowed, len(targets))
        over = {
            target.url: _skipped(f"a run checks at most {self.max_links} links online") for target in targets[allowed:]
        }
        return {**self._fetch(targets[:allowed]), **over}

    def _fetch(self, targets: list[Target]) -> dict[str, LinkResult]:
        """Check links within what is left of the run's budget; the rest are noted as not checked."""
        batch = _Batch(targets, self._check, self.workers, self.deadline)
        started = time.monotonic()
        try:
            batch.run(until=started + max(0.0, self.budget - self._spent), late=self._late)
        except BaseException:  # Ctrl-C: shut every socket down and wait for nothing
            batch.cancel()
            raise
        finally:
            self._spent += time.monotonic() - started
        return batch.give_up(_skipped(f"the run's {self.budget:g} s for checking links was spent"))

    def _check(self, link: Target, attempt: Attempt) -> LinkResult:
        """A link's result; _Cancelled if the run gave up on it meanwhile (it has its result)."""
        try:
            return self._follow(link, attempt)
        except _Refused as refusal:
            return _skipped(str(refusal))
        except (_Invalid, _Unreachable) as error:
            return _dead(str(error))
        except (OSError, http.client.HTTPException) as error:
            if attempt.cancelled:
                raise _Cancelled from None
            if isinstance(error, TimeoutError) and time.monotonic() >= attempt.deadline:
                return self._late()
            return _dead(self._failure(error))

    def _follow(self, link: Target, attempt: Attempt) -> LinkResult:
        """Request a link and follow its redirects (at most MAX_REDIRECTS, each one allowed)."""
        target, moved_to, permanent, public = link, None, True, None
        for _ in range(MAX_REDIRECTS + 1):
            addresses = self._addresses(target)
            if public is None:
                public = all(is_public(sockaddr[0]) for _, sockaddr in addresses)
            refusal = address_refusal(public, target, [sockaddr[0] for _, sockaddr in addresses])
            if refusal:
                raise _Refused(refusal)
            status, reason, location = self._request(target, addresses, attempt)
            if status not in REDIRECTS or not location:
                return LinkResult(status < 400, f"{status} {reason}".strip(), moved_to, time.time())
            permanent = permanent and status in PERMANENT
            target = self._next(link, target, location)
            moved_to = target.url if permanent else None
        return _dead(f"more than {MAX_REDIRECTS} redirects")

    @staticmethod
    def _next(link: Target, target: Target, location: str) -> Target:
        """Where a redirect leads, if it may be followed."""
        joined = urljoin(target.url, location.strip())
        if len(joined) > MAX_URL:
            raise _Refused(f"it redirects to an address longer than {MAX_URL} characters")
        if not joined[:8].lower().startswith(("http://", "https://")):
            raise _Invalid(f"redirects to a non-web address ({_printable(joined)})")
        try:
            following = parse(joined)
        except _Invalid as error:
            raise _Invalid(f"redirects to an address that is not valid: {error}") from None
        refusal = redirect_refusal(link, following)
        if refusal:
            raise _Refused(refusal)
        return following

    def _late(self) -> LinkResult:
        return _dead(f"no complete answer within {self.deadline:g} s")

    def _failure(self, error: Exception) -> str:
        """What went wrong, in the words of a finding."""
        if isinstance(error, TimeoutError):
            return f"no answer within {self.timeout:g} s"
        if isinstance(error, ssl.SSLCertVerificationError):
            return f"cannot connect (certificate not valid: {_printable(error.verify_message or '')})"
        if isinstance(error, ssl.SSLError):
            return "cannot connect (TLS failed)"
        if isinstance(error, http.client.RemoteDisconnected):
            return "the server closed the connection without answering"
        if isinstance(error, http.client.HTTPException):
            return f"not a valid HTTP answer ({error.__class__.__name__})"
        if isinstance(error, socket.gaierror):
            return "cannot connect (host not found)"
        return "cannot connect"

    def _addresses(self, target: Target) -> list[tuple[int, tuple]]:
        """Where the host is: resolved once per request, and the request goes to exactly these
        addresses (so a name cannot be checked as public and then connect somewhere private)."""
        known = self._unreachable.get((target.host, target.port))
        if known:
            raise _Unreachable(known)
        try:
            found = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except OSError as error:
            self._unreachable[(target.host, target.port)] = self._failure(error)
            raise
        return [(family, sockaddr) for family, _, _, _, sockaddr in found]

    def _connect(self, target: Target, addresses: list[tuple[int, tuple]], attempt: Attempt) -> socket.socket:
        """A connected socket (TLS for https) to the first of the addresses that answers. A host
        none of them answers for is not tried again in this run."""
        error: OSError = OSError("no address")
        for family, sockaddr in addresses:
            try:
                sock = _open(family, sockaddr, attempt, self.timeout)
                break
            except OSError as failure:
                error = failure
        else:
            if not attempt.cancelled and time.monotonic() < attempt.deadline:  # not cut short by the deadline
                self._unreachable[(target.host, target.port)] = self._failure(error)
            raise error
        if target.scheme != "https":
            return sock
        return _secure(sock, target.host, attempt, self.timeout, self._tls or _TLS.get())

    def _request(
        self, target: Target, addresses: list[tuple[int, tuple]], attempt: Attempt
    ) -> tuple[int, str, str | None]:
        """GET the page and read the status and headers only (the body, however large, is never
        read). The request carries no credentials and no cookies: only these four headers."""
        sock = self._connect(target, addresses, attempt)
        connection = http.client.HTTPConnection(target.host, target.port)
        connection.sock = sock  # already connected, to the address chosen above
        response = None
        try:
            sock.settimeout(attempt.wait(self.timeout))
            connection.putrequest("GET", target.path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", target.authority)
            connection.putheader("User-Agent", USER_AGENT)
            connection.putheader("Accept", "*/*")
            connection.putheader("Connection", "close")
            connection.endheaders()
            sock.settimeout(attempt.wait(self.timeout))
            response = connection.getresponse()
            return response.status, _printable(response.reason or "", 80), response.getheader("Location")
        finally:
            attempt.use(None)
            if response is not None:
                response.close()
            connection.close()


class _Batch:
    """Links checked on daemon threads, at most `workers` at once, each until its deadline. The
    calling thread keeps the time: when a link's deadline passes, or the batch's, it shuts the
    link's socket down (which wakes the thread blocked on it) and moves on, so no server holds
    the run, no thread outlives it for long, and Ctrl-C is seen at once."""

    def __init__(
        self, targets: list[Target], check: Callable[[Target, Attempt], LinkResult], workers: int, deadline: float
    ) -> None:
        self.waiting = deque(targets)
        self.running: dict[Attempt, tuple[Target, threading.Thread]] = {}
        self.results: dict[str, LinkResult] = {}
        self._check = check
        self._workers = workers
        self._deadline = deadline
        self._done: queue.SimpleQueue[tuple[Attempt, LinkResult | None]] = queue.SimpleQueue()

    def run(self, until: float, late: Callable[[], LinkResult]) -> None:
        """Check until every link has a result or `until` (a time.monotonic() value) passes."""
        while (self.waiting or self.running) and time.monotonic() < until:
            self._start()
            wake = min([attempt.deadline for attempt in self.running] + [until])
            self._receive(max(0.0, wake - time.monotonic()))
            now = time.monotonic()
            for attempt in [attempt for attempt in self.running if attempt.deadline <= now]:
                attempt.cancel()
                self.results[self.running.pop(attempt)[0].url] = late()

    def give_up(self, result: LinkResult) -> dict[str, LinkResult]:
        """The results, with `result` for every link not finished; their threads are woken and
        given a moment to end."""
        threads = []
        for attempt, (target, thread) in self.running.items():
            attempt.cancel()
            self.results[target.url] = result
            threads.append(thread)
        for target in self.waiting:
            self.results[target.url] = result
        self.running.clear()
        self.waiting.clear()
        grace = time.monotonic() + 0.5  # one stuck in a DNS lookup cannot be woken; it is a daemon
        for thread in threads:
            thread.join(timeout=max(0.0, grace - time.monotonic()))
        return self.results

    def cancel(self) -> None:
        """Shut every socket down at once (Ctrl-C): nothing waits for a server."""
        for attempt in self.running:
            attempt.cancel()

    def _start(self) -> None:
        while self.waiting and len(self.running) < self._workers:
            target = self.waiting.popleft()
            attempt = Attempt(time.monotonic() + self._deadline)
            thread = threading.Thread(target=self._work, args=(target, attempt), name="pitlint-link", daemon=True)
            self.running[attempt] = (target, thread)
            thread.start()

    def _receive(self, timeout: float) -> None:
        try:
            attempt, result = self._done.get(timeout=timeout)
        except queue.Empty:
            return
        target, _ = self.running.pop(attempt, (None, None))
        if target is not None and result is not None:  # not already given up on
            self.results[target.url] = result

    def _work(self, target: Target, attempt: Attempt) -> None:
        """A thread's job: one link. It never raises: an unexpected error is that link's result."""
        try:
            result: LinkResult | None = self._check(target, attempt)
        except _Cancelled:
            result = None
        except Exception as error:  # a bug must not print a traceback from a thread or stall the run
            result = _dead(f"check failed ({error.__class__.__name__})")
        self._done.put((attempt, result))


class _Lazy:
    """The TLS context, made once, on the first https link (loading certificates takes time)."""

    def __init__(self) -> None:
        self._context: ssl.SSLContext | None = None
        self._lock = threading.Lock()

    def get(self) -> ssl.SSLContext:
        with self._lock:
            if self._context is None:
                self._context = _tls_context()
            return self._context


_TLS = _Lazy()


def load_cache(path: Path | None) -> dict[str, LinkResult]:
    """Fresh results from the cache file, read as untrusted: anything not a regular file, too
    large, not JSON, or of the wrong shape is ignored (a damaged cache is only a cache)."""
    if path is None:
        return {}
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the run
    except OSError:
        return {}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > CACHE_MAX_BYTES:
            return {}
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = json.loads(file.read(CACHE_MAX_BYTES + 1))
    except (OSError, ValueError, RecursionError):
        return {}
    finally:
        os.close(fd)
    if not isinstance(data, dict):
        return {}
    results = {}
    for url, item in data.items():
        result = _cached_result(url, item)
        if result is not None:
            results[url] = result
    return results


def _cached_result(url: object, item: object) -> LinkResult | None:
    """One cache entry if it is well formed and fresh, with its text made safe to show."""
    if not isinstance(url, str) or len(url) > MAX_URL or not isinstance(item, dict):
        return None
    ok, reason, moved_to, checked = (item.get(key) for key in ("ok", "reason", "moved_to", "checked"))
    if not isinstance(ok, bool) or not isinstance(reason, str) or isinstance(checked, bool):
        return None
    if not isinstance(checked, (int, float)) or not math.isfinite(checked):
        return None
    now = time.time()
    if not now - CACHE_SECONDS < checked <= now + 60:
        return None
    if moved_to is not None:
        moved_to = _valid_url(moved_to)
        if moved_to is None:
            return None
    return LinkResult(ok, _printable(reason), moved_to, float(checked))


def _valid_url(value: object) -> str | None:
    """A URL from the cache as this module would write it, or None: it becomes a suggestion."""
    if not isinstance(value, str) or len(value) > MAX_URL:
        return None
    try:
        return parse(value).url
    except _Invalid:
        return None


def save_cache(path: Path | None, results: dict[str, LinkResult]) -> None:
    """Write what was checked (not what was skipped), newest first up to a limit, to a temporary
    file renamed into place, so a reader never sees half a file. A cache that cannot be written
    is not an error."""
    if path is None:
        return
    kept = sorted(
        ((url, result) for url, result in results.items() if not result.skipped),
        key=lambda pair: pair[1].checked,
        reverse=True,
    )[:CACHE_MAX_ENTRIES]
    data = {url: {"ok": r.ok, "reason": r.reason, "moved_to": r.moved_to, "checked": r.checked} for url, r in kept}
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def check_urls(
    urls: Iterable[str],
    cache: Path | None,
    timeout: float = TIMEOUT,
    *,
    deadline: float | None = None,
    budget: float = RUN_BUDGET,
    max_links: int = MAX_LINKS,
) -> dict[str, LinkResult]:
    """Check links in a run of their own (see LinkRun)."""
    return LinkRun(cache, timeout, deadline=deadline, budget=budget, max_links=max_links).check(urls)
