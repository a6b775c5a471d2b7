"""Fuzzing the readers and the outline with hypothesis: whatever the bytes, reading ends in a
Document or a ReadError, and outlining a Document never fails. Bounded so CI stays quick."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pitlint.errors import ReadError
from pitlint.outline import build
from pitlint.readers import read

PIECES = st.sampled_from(
    [
        "Harm",
        "Factors favouring disclosure",
        "Balancing Test",
        "Section 31(1)(a) and (b)",
        "s.24(2)",
        "**",
        "****",
        "# ",
        "\n",
        "\n\n",
        "<!-- pitlint: ignore PIT402 -->",
        "<p>",
        "</p>",
        "<h2>",
        "<nav>",
        "|",
        "---",
        "http://www.example.police.uk/a-",
        "[link](http://x)",
        "neither confirm nor deny",
        "\u2019",
        "\t",
        " ",
        "Request: drones",
        "the the",
        "withheld information",
        "```",
        "> ",
        "- ",
        "1. ",
        "\u00a0",
        "\r\n",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=60).map("".join)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _roundtrip(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(data)
        try:
            document = read(path)
        except ReadError as error:
            assert error.reason and "\n" not in error.reason
            return
        outline = build(document)
        assert outline.response in ("ncnd", "withhold", "mixed", "unknown")
        for paragraph in document.paragraphs:
            assert paragraph.text.strip()  # no empty paragraphs
            where = paragraph.locate(0, len(paragraph.text))
            assert where.paragraph == paragraph.index


@FUZZ
@given(TEXT, st.sampled_from([".txt", ".md", ".html"]), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_text_formats_never_crash(text: str, suffix: str, encoding: str) -> None:
    _roundtrip(text.encode(encoding, errors="replace"), suffix)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]))
def test_random_bytes_never_crash(data: bytes, suffix: str) -> None:
    _roundtrip(data, suffix)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_pdf_like_bytes_never_crash(data: bytes) -> None:
    _roundtrip(b"%PDF-1.4\n" + data + b"\n%%EOF", ".pdf")
