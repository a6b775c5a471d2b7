"""Online link checking for --check-links: only http(s), concurrent, with timeouts, a size limit
(the body is never read beyond the headers), redirects followed within a limit, and a cache of
results so a team's repeated runs do not hammer the same servers."""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

TIMEOUT = 5.0  # seconds to connect, and to wait for the answer
MAX_REDIRECTS = 5
WORKERS = 8
CACHE_SECONDS = 24 * 3600
PERMANENT = (301, 308)


@dataclass(frozen=True)
class LinkResult:
    ok: bool
    reason: str  # "200 OK", "404 Not Found", "no answer within 5 s" ...
    moved_to: str | None = None  # where a permanent redirect leads
    checked: float = 0.0


def _normalise(url: str) -> str | None:
    if url.lower().startswith("www."):
        url = "https://" + url
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _check(url: str, timeout: float) -> LinkResult:
    import requests

    target, moved_to, permanent = url, None, True
    try:
        with requests.Session() as session:
            for _ in range(MAX_REDIRECTS + 1):
                response = session.get(
                    target,
                    stream=True,
                    timeout=(timeout, timeout),
                    allow_redirects=False,
                    headers={"User-Agent": "pitlint link check"},
                )
                response.close()  # headers are enough: the body, however large, is never read
                if response.is_redirect and response.headers.get("location"):
                    permanent = permanent and response.status_code in PERMANENT
                    target = urljoin(target, response.headers["location"])
                    if _normalise(target) is None:
                        return LinkResult(False, f"redirects to a non-web address ({target})", checked=time.time())
                    moved_to = target if permanent else None
                    continue
                reason = f"{response.status_code} {response.reason or ''}".strip()
                return LinkResult(response.status_code < 400, reason, moved_to, time.time())
            return LinkResult(False, f"more than {MAX_REDIRECTS} redirects", checked=time.time())
    except requests.Timeout:
        return LinkResult(False, f"no answer within {timeout:g} s", checked=time.time())
    except requests.ConnectionError:
        return LinkResult(False, "cannot connect", checked=time.time())
    except requests.RequestException as error:
        return LinkResult(False, f"request failed ({error.__class__.__name__})", checked=time.time())


def _load(cache: Path | None) -> dict[str, LinkResult]:
    if cache is None or not cache.is_file():
        return {}
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        fresh = time.time() - CACHE_SECONDS
        return {url: LinkResult(**item) for url, item in data.items() if item.get("checked", 0) > fresh}
    except (OSError, ValueError, TypeError):
        return {}  # a damaged cache is only a cache


def _save(cache: Path | None, results: dict[str, LinkResult]) -> None:
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f".{cache.name}.{os.getpid()}")
        temporary.write_text(json.dumps({url: asdict(r) for url, r in results.items()}), encoding="utf-8")
        os.replace(temporary, cache)
    except OSError:
        pass


def check_urls(urls: set[str], cache: Path | None, timeout: float = TIMEOUT) -> dict[str, LinkResult]:
    """Results by the URL as written in the draft (non-web addresses are left out)."""
    known = _load(cache)
    wanted = {url: address for url in urls if (address := _normalise(url))}
    missing = sorted({address for address in wanted.values() if address not in known})
    if missing:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(missing))) as pool:
            for address, result in zip(missing, pool.map(lambda u: _check(u, timeout), missing), strict=True):
                known[address] = result
        _save(cache, known)
    return {url: known[address] for url, address in wanted.items()}
