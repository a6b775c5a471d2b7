"""Text drafts in the encodings Windows tools write: UTF-8 (with or without a byte order mark),
UTF-16 and UTF-32 (with a mark, or UTF-16 without one), Windows-1252; positions count characters,
whatever the encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.errors import ReadError
from pitlint.readers import read

DRAFT = "Harm\r\n\r\nThe public\u2019s confidence in the force would would suffer \U0001f4c4.\r\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_unicode_encodings_are_detected(tmp_path: Path, encoding: str, suffix: str):
    """utf-16 and utf-32 write a byte order mark; -le and -be do not (UTF-32 without one is
    told from UTF-16 by its zero bytes too)."""
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(DRAFT.encode(encoding))
    document = read(path)
    assert [p.text for p in document.paragraphs] == [
        "Harm",
        "The public\u2019s confidence in the force would would suffer \U0001f4c4.",
    ]
    body = document.paragraphs[1]
    start = body.text.index("would would")
    where = body.locate(start, start + len("would would"))
    assert (where.line, where.column, where.end_line, where.end_column) == (3, 38, 3, 48)


def test_bytes_that_do_not_decode_become_replacement_characters(tmp_path: Path):
    """A UTF-16 file (by its mark) with a lone surrogate, and a UTF-32 one with a character out
    of range: read, with U+FFFD where the bad units were, not refused."""
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(
        b"\xff\xfe" + "Harm\n\nBefore ".encode("utf-16-le") + b"\x00\xd8" + " after.\n".encode("utf-16-le")
    )
    assert read(utf16).paragraphs[1].text == "Before \ufffd after."
    utf32 = tmp_path / "utf32.txt"
    utf32.write_bytes(
        b"\xff\xfe\x00\x00" + "Harm\n\nX ".encode("utf-32-le") + b"\x00\x00\x11\x00" + " y.".encode("utf-32-le")
    )
    assert read(utf32).paragraphs[1].text == "X \ufffd y."


def test_windows_1252_and_binary(tmp_path: Path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Harm\n\nThe public\u2019s confidence \u2013 for \u00a35.\n".encode("cp1252"))
    assert read(legacy).paragraphs[1].text == "The public\u2019s confidence \u2013 for \u00a35."
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(ReadError) as raised:
        read(binary)
    assert raised.value.reason == "binary content, not a text file"
