"""Fuzzing the readers and the outline with hypothesis: whatever the bytes, reading ends in a
Document or a ReadError, and outlining a Document never fails. Bounded so CI stays quick."""

from __future__ import annotations

import contextlib
import signal
import tempfile
from collections.abc import Iterator
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


# Mutating small valid drafts: every reader gets input close enough to its format to get past
# its first checks, with damage and hostile repetitions where the parsers work hardest. Each
# example must end, within TIME_LIMIT, in a Document or a ReadError.
TIME_LIMIT = 20  # seconds for one example; the largest take well under one
HOSTILE = ["[a](", "<!--", "<div>", "<p>", "www.", "(", "[", "**", "\u00ad", "\u200b", "x", " ", "\n\n", "-\n\n"]
_SEEDS: dict[str, bytes] = {}


def _seed(suffix: str) -> bytes:
    """A small valid draft of each format, made once."""
    if suffix not in _SEEDS:
        _SEEDS[suffix] = _make_seed(suffix)
    return _SEEDS[suffix]


def _make_seed(suffix: str) -> bytes:
    body = "Disclosure would be likely to prejudice the prevention of crime, see www.example.police.uk/a-"
    if suffix == ".txt":
        return f"Harm\n\n{body}\nb/c and more.\n\nFactors favouring disclosure\n\n- Transparency.\n".encode()
    if suffix == ".md":
        return f'# Harm\n\n**Bold heading**\n\n{body} [link](http://x "t") <!-- pitlint: ignore -->\n'.encode()
    if suffix == ".html":
        return f"<html><body><nav>menu</nav><main><h2>Harm</h2><p>{body}<br><a href='/x'>x</a></p></main>".encode()
    if suffix == ".docx":
        import io

        import docx

        document = docx.Document()
        document.add_heading("Harm", level=2)
        document.add_paragraph(body)
        document.add_table(rows=1, cols=2).cell(0, 1).text = "Request"
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)  # so that mutations land on operators and text
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 10, "Harm", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, body * 3)
    return bytes(pdf.output())


@st.composite
def _mutations(draw) -> list[tuple[str, float, bytes, int]]:
    """(kind, where as a fraction of the data, bytes, count) for each mutation."""
    kind = st.sampled_from(["flip", "insert", "delete", "repeat", "truncate"])
    piece = st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(HOSTILE).map(str.encode))
    where = st.floats(0, 1, allow_nan=False)
    count = st.one_of(st.integers(1, 4), st.integers(100, 20_000))
    return draw(st.lists(st.tuples(kind, where, piece, count), min_size=1, max_size=4))


def _mutate(data: bytes, mutations: list[tuple[str, float, bytes, int]]) -> bytes:
    for kind, where, piece, count in mutations:
        at = int(where * len(data))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ piece[0]]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + piece + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + count % 64 :]
        elif kind == "repeat":
            data = data[:at] + piece * count + data[at:]
        elif kind == "truncate":
            data = data[:at]
    return data


def _mutate_docx(data: bytes, member: str, mutations: list[tuple[str, float, bytes, int]]) -> bytes:
    """Mutate one part inside the package and zip it again, so the damage reaches the XML."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item.filename, _mutate(content, mutations) if item.filename == member else content)
    return out.getvalue()


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expire(signum, frame):
        raise _TooSlow(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _read_within_limit(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(data)
        with _time_limit(TIME_LIMIT):
            try:
                document = read(path)
            except ReadError as error:
                assert error.reason and "\n" not in error.reason
                return
            for paragraph in document.paragraphs:
                normalised = paragraph.normalised
                begin, end = normalised.original(0, len(normalised.text))
                assert 0 <= begin <= end <= len(paragraph.text)


MUTATED = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@MUTATED
@given(st.sampled_from([".txt", ".md", ".html", ".pdf"]), _mutations())
def test_mutated_drafts_end_in_a_document_or_a_reason(suffix: str, mutations):
    _read_within_limit(_mutate(_seed(suffix), mutations), suffix)


@MUTATED
@given(st.sampled_from(["word/document.xml", "word/styles.xml", "_rels/.rels", "[Content_Types].xml"]), _mutations())
def test_mutated_word_parts_end_in_a_document_or_a_reason(member: str, mutations):
    _read_within_limit(_mutate_docx(_seed(".docx"), member, mutations), ".docx")
