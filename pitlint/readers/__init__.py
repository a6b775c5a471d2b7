"""One reader per format, chosen by file suffix. Nothing outside this package knows formats.

Every reader module exports ``SUFFIXES`` and ``read(path) -> Document``; modules are imported
only when a file of their format is read, so starting pitlint stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from pitlint.document import Document
from pitlint.errors import ReadError

MAX_FILE_BYTES = 64 * 1024 * 1024  # Word and PDF files
MAX_TEXT_BYTES = 2 * 1024 * 1024  # text, markdown and HTML: a PIT is a few pages, not a book
TEXT_READERS = ("text", "markdown", "html")

# suffix -> reader module; kept in sync with each module's SUFFIXES by a test.
READERS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".dotm": "docx",
    ".doc": "office",  # through LibreOffice, when it is installed
    ".dot": "office",
    ".odt": "office",
    ".ott": "office",
    ".rtf": "office",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files to read under the paths given (see pitlint.files.discover); problems left out."""
    from pitlint.files import discover as walk

    return walk(paths, is_supported).files


def read(path: Path) -> Document:
    """Read any supported draft. Every failure is a ReadError with a one-line reason."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(path, "no such file or folder") from None
    except OSError as error:
        raise ReadError(path, f"cannot open: {error.strerror or error}") from None
    if path.is_dir():
        raise ReadError(path, "is a folder, not a file")
    module_name = READERS.get(path.suffix.lower())
    if module_name is None:
        raise ReadError(
            path,
            f"unsupported file type '{path.suffix or '(none)'}' (pitlint reads .docx, .pdf, .md, .txt and .html; "
            ".doc, .odt and .rtf through LibreOffice)",
        )
    if size == 0:
        raise ReadError(path, "the file is empty")
    limit = MAX_TEXT_BYTES if module_name in TEXT_READERS else MAX_FILE_BYTES
    if size > limit:
        raise ReadError(path, f"refused: {size / 2**20:.0f} MB is over the {limit // 2**20} MB limit for a draft")
    module = importlib.import_module(f"pitlint.readers.{module_name}")
    try:
        return module.read(path)
    except ReadError:
        raise
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as error:
        raise ReadError(path, f"cannot read: {error.strerror or error}") from None
    except MemoryError:
        raise ReadError(path, "refused: too large to read in memory") from None
    except RecursionError:
        raise ReadError(path, "refused: nested too deeply to read") from None
    except Exception as error:  # a reader bug or a parser's surprise must still be one line
        reason = str(error).splitlines()[0] if str(error) else ""
        raise ReadError(
            path, f"could not be read as {module_name} ({error.__class__.__name__}{': ' + reason if reason else ''})"
        ) from None
