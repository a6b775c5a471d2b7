"""Hostile drafts, one per class of input that once made a reader hang: each maker writes a real
file and returns the words the reader must still find in it. Shared by the regression tests
(tests/readers/test_hostile_readers.py) and the timing script (benchmarks/hostile_readers.py),
so the figures in benchmarks/RESULTS.md are of exactly the files the tests read."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx

LEAD = "Harm"
WORD = "x" * 300_000
CONTINUATIONS = 40_000
ON = "and so on"
CONTINUED_TEXT = "It would\n\n" + f"{ON}\n\n" * CONTINUATIONS
DEEP = "deep words"


@dataclass(frozen=True)
class Case:
    """A hostile file: how to write it, and what reading it must give: a Document whose text
    contains ``expect``, or (when ``refused`` is set) a ReadError whose reason starts so."""

    name: str
    suffix: str
    make: Callable[[Path], None]
    expect: str = LEAD
    refused: str | None = None
    paragraphs: int | None = None  # how many the Document must have, where it matters


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def docx_with_body(path: Path, body_xml: str) -> None:
    """A real .docx (python-docx's template) whose body is the WordprocessingML given."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f"<w:body>{body_xml}</w:body></w:document>"
                ).encode()
            target.writestr(item, data)


def w_p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _insertions(count: int) -> str:
    """One paragraph of ``count`` tracked insertions (each once asked for its text so far)."""
    insertion = '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">and so on </w:t></w:r></w:ins>'
    return w_p(LEAD) + "<w:p>" + insertion * count + "</w:p>"


def _comment_ranges(count: int) -> str:
    """One paragraph of ``count`` runs inside ``count`` comment ranges (each anchored on all of it)."""
    starts = "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in range(count))
    ends = "".join(f'<w:commentRangeEnd w:id="{n}"/>' for n in range(count))
    body = f'<w:r><w:t xml:space="preserve">{ON} </w:t></w:r>' * count
    return w_p(LEAD) + f"<w:p>{starts}{body}{ends}</w:p>"


def _docx(paragraphs: list[str]) -> Callable[[Path], None]:
    return lambda path: docx_with_body(path, "".join(w_p(text) for text in paragraphs))


def _html(body: str) -> Callable[[Path], None]:
    return _text(f"<html><body><main><h2>{LEAD}</h2>{body}</main></body></html>")


def placed_words_pdf(path: Path, pages: int = 200, per_page: int = 3000, *, letters: bool = False) -> None:
    """A PDF whose every word (or, with ``letters``, every letter) is placed on its own, as some
    converters and OCR layers write them: ``per_page`` words a page in a grid of 4.5-point text,
    each page headed "Harm"."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    columns = 30
    rows = -(-per_page // columns)
    for _ in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.text(10, 8, LEAD)
        pdf.set_font("Helvetica", size=4.5)
        for n in range(per_page):
            row, column = divmod(n, columns)
            x, y, word = 6 + column * 6.6, 14 + row * (275 / rows), "word" if n % 7 else "alpha"
            if not letters:
                pdf.text(x, y, word)
                continue
            for offset, letter in enumerate(word):
                pdf.text(x + offset * 1.2, y, letter)
    pdf.output(str(path))


def drawn_lines_pdf(path: Path, pages: int = 200, per_page: int = 5000) -> None:
    """A PDF of line drawings only (page content with no text to count): "Harm", then
    ``per_page`` strokes a page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for _ in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.text(10, 8, LEAD)
        for n in range(per_page):
            pdf.line(10 + n % 190, 20, 10 + n % 190, 20 + n % 250)
    pdf.output(str(path))


def dense_text_pdf(path: Path, pages: int = 200) -> None:
    """An ordinary PDF of prose: full pages of wrapped paragraphs under headings."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    sentence = "Disclosure would be likely to prejudice the prevention or detection of crime in the area. "
    pdf.add_page()
    while pdf.page_no() < pages:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 6, LEAD, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, sentence * 12, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def raw_pdf(path: Path, content: bytes, *, deflate: bool = True, cut: int = 0, mediabox: bool = True) -> None:
    """A one-page PDF written byte by byte around the content stream given (Helvetica as /F1),
    deflated unless told otherwise, its last ``cut`` bytes lost as in a damaged file, without a
    MediaBox if told so."""
    stream = zlib.compress(content) if deflate else content
    stream = stream[: len(stream) - cut]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R"
        + (b" /MediaBox [0 0 595 842]" if mediabox else b"")
        + b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), b" /Filter /FlateDecode" if deflate else b"")
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    write_pdf_objects(path, objects)


def write_pdf_objects(path: Path, objects: list[bytes]) -> None:
    """A PDF of the objects given (numbered from 1, the first the catalogue), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def damaged_stream_pdf(path: Path) -> None:
    """A page whose deflated content stream lost its end (a file cut short): 1.5 MB of drawing
    with "Harm" written first. pdfminer inflates such a stream a byte at a time."""
    rng = random.Random(7)
    strokes = (f"{rng.randint(0, 595)} {rng.randint(0, 842)} m {rng.randint(0, 595)} 10 l S\n" for _ in range(90_000))
    drawing = "".join(strokes)
    raw_pdf(path, b"BT /F1 12 Tf 72 800 Td (Harm) Tj ET\n" + drawing.encode(), cut=2_000)


CASES: list[Case] = [
    # One 300,000-character word.
    Case("long-word", ".txt", _text(f"{LEAD}\n\n{WORD} end.\n"), "end."),
    Case("long-word", ".md", _text(f"# {LEAD}\n\n{WORD} end.\n"), "end."),
    Case("long-word", ".html", _html(f"<p>{WORD} end.</p>"), "end."),
    Case("long-word", ".docx", _docx([LEAD, f"{WORD} end."]), "end."),
    Case("long-url-word", ".txt", _text(f"{LEAD}\n\n{'www.' * 75_000} x\n\nnext line\n"), "next line"),
    # 40,000 short paragraphs, each carrying on the sentence before it.
    Case("continuations", ".txt", _text(f"{LEAD}\n\n{CONTINUED_TEXT}"), ON, paragraphs=2),
    Case("continuations", ".md", _text(f"# {LEAD}\n\n{CONTINUED_TEXT}"), ON, paragraphs=2),
    Case("continuations", ".html", _html("<p>It would</p>" + f"<p>{ON}</p>" * CONTINUATIONS), ON, paragraphs=2),
    Case("continuations", ".docx", _docx([LEAD, "It would", *[ON] * CONTINUATIONS]), ON, paragraphs=2),
    Case("insertions", ".docx", lambda path: docx_with_body(path, _insertions(CONTINUATIONS)), ON),
    Case("comment-ranges", ".docx", lambda path: docx_with_body(path, _comment_ranges(10_000)), ON),
    Case("hyphen-continuations", ".txt", _text(f"{LEAD}\n\n" + "cyber-\n\n" * CONTINUATIONS + "end\n"), "end"),
    # Markdown links that never close.
    Case("open-links", ".md", _text(f"# {LEAD}\n\n" + "[a](" * 4_000 + "\n"), "[a]("),
    Case("open-links-limit", ".md", _text(f"# {LEAD}\n\n" + "[a](" * 500_000 + "\n"), "[a]("),
    # 200,000 brackets.
    Case("brackets", ".md", _text(f"# {LEAD}\n\n" + "[" * 200_000 + "\n"), "[["),
    Case("brackets", ".txt", _text(f"{LEAD}\n\n" + "(" * 200_000 + "\n"), "(("),
    Case("brackets", ".html", _html("<p>" + "[" * 200_000 + "</p>"), "[["),
    Case("brackets-pairs", ".md", _text(f"# {LEAD}\n\n" + "[a]" * 200_000 + "\n"), "a"),
    # Comments opened and never closed.
    Case("comment-openers", ".md", _text(f"# {LEAD}\n\n" + "<!--" * 100_000 + "\n"), LEAD),
    Case("comment-openers", ".html", _html("<p>before</p>" + "<!--" * 100_000), "before"),
    Case("comment-openers-limit", ".md", _text(f"# {LEAD}\n\n" + "<!-- " * 400_000 + "\n"), LEAD),
    Case("comment-openers-limit", ".html", _html("<p>before</p>" + "<!--" * 500_000), "before"),
    # 100,000 nested elements.
    Case("nested-divs", ".html", _html("<div>" * 100_000 + DEEP + "</div>" * 100_000), DEEP, paragraphs=2),
    Case(
        "nested-divs-unclosed",
        ".html",
        _html("<div>" * 300_000 + "deep words"),
        refused="refused: more than 150,000 HTML elements",
    ),
    Case("nested-spans", ".html", _html("<p>" + "<span>" * 100_000 + "deep words</p>"), "deep words", paragraphs=2),
    # A 200-page PDF whose 3,000 words a page are placed one by one; and other ways to make
    # pdfminer work hard: letters placed one by one, drawings only, ordinary prose.
    # (Each of the last three is refused within its first pages; fewer pages make it quicker to write.)
    Case("placed-words", ".pdf", placed_words_pdf, refused="refused: more than 150,000 characters of text"),
    Case("few-placed-words", ".pdf", lambda path: placed_words_pdf(path, pages=5), "alpha"),
    Case(
        "placed-letters",
        ".pdf",
        lambda path: placed_words_pdf(path, pages=10, letters=True),
        refused="refused: more than 2.5 MB of page content",
    ),
    Case("drawn-lines", ".pdf", lambda path: drawn_lines_pdf(path, pages=20), refused="refused: more than 2.5 MB"),
    Case("dense-text", ".pdf", lambda path: dense_text_pdf(path, pages=60), refused="refused: more than 150,000"),
    Case("damaged-stream", ".pdf", damaged_stream_pdf),
]


def case_id(case: Case) -> str:
    return f"{case.name}{case.suffix}"
