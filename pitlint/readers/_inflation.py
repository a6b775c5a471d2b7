"""A budget for what a PDF's compressed streams may inflate to.

A 4 MB PDF can hold Flate streams that inflate to gigabytes; the file size limit says nothing
about them, and _pdfbounds bounds the page content only, not fonts, character maps or images.
pdfminer inflates each stream whole with ``zlib.decompress``, so its stream module sees a
stand-in for ``zlib`` whose inflation, counted across every stream of the file, stops once the
file's budget (a multiple of its size, with an absolute cap) is spent; the reader then refuses
the file with one line.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Iterator

RATIO = 20  # a PDF's streams may inflate to this many times the file's size (text: 3 to 10) ...
FLOOR = 16 * 2**20  # ... and never less than this (small files with large images) ...
CAP = 256 * 2**20  # ... nor more than this, whatever the file's size
_CHUNK = 2**20


class TooMuchInflation(Exception):
    """The streams of the PDF being read inflate beyond its budget."""


class _Budget(threading.local):
    left: int | None = None


_budget = _Budget()


def budget_for(size: int) -> int:
    return min(max(size * RATIO, FLOOR), CAP)


def _spend(amount: int) -> None:
    if _budget.left is None:
        return
    _budget.left -= amount
    if _budget.left < 0:
        raise TooMuchInflation


class _BoundedDecompressor:
    """zlib's decompress object, counting what it gives out against the budget."""

    def __init__(self, *args: object) -> None:
        self._inner = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = bytearray()
        pending = data
        while True:
            limit = _CHUNK if not max_length else min(_CHUNK, max_length - len(out))
            piece = self._inner.decompress(pending, limit)
            _spend(len(piece))
            out += piece
            pending = self._inner.unconsumed_tail
            if not pending or (max_length and len(out) >= max_length) or not piece:
                return bytes(out)

    def flush(self, *args: int) -> bytes:
        piece = self._inner.flush(*args)
        _spend(len(piece))
        return piece

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


class _BoundedZlib:
    """What pdfminer's modules see as ``zlib``: the same, but inflation is counted."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        decompressor = _BoundedDecompressor(wbits)
        out = decompressor.decompress(data)
        if not decompressor.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args: object) -> _BoundedDecompressor:
        return _BoundedDecompressor(*args)

    def __getattr__(self, name: str) -> object:
        return getattr(zlib, name)


_installed = False
_install_lock = threading.Lock()


def _install() -> None:
    """Give pdfminer's stream decoding the counting zlib (once per process)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        import pdfminer.pdftypes

        pdfminer.pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
        _installed = True


@contextlib.contextmanager
def bounded(size: int) -> Iterator[None]:
    """While reading a PDF of ``size`` bytes: its streams inflate to budget_for(size) at most."""
    _install()
    _budget.left = budget_for(size)
    try:
        yield
    finally:
        _budget.left = None
