"""Plain text drafts and text pasted out of Word, PDFs and web pages.

Paragraphs are separated by blank lines. A block of lines without blank lines is one paragraph
that was hard-wrapped, unless a line inside it is plainly a heading or a list item.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pitlint import regexes
from pitlint.document import Document, Paragraph
from pitlint.errors import ReadError
from pitlint.readers._paragraphs import (
    SHORT_LINE,
    ParagraphBuilder,
    apply_directives,
    is_label_line,
    is_list_item,
    is_terminated,
    join_continued,
    looks_like_heading,
    opens_section,
)

SUFFIXES = (".txt", ".text")


_BOMS = (  # longest first: UTF-32-LE's mark begins with UTF-16-LE's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: Path) -> str:
    """The text of a file as Notepad and Word would open it (see ``encoding``). Bytes that do not
    decode in the encoding the file declares become U+FFFD; binary content is refused rather than
    read as gibberish."""
    name, bom = encoding(data, path)
    return data[len(bom) :].decode(name, errors="replace")


def encoding(data: bytes, path: Path) -> tuple[str, bytes]:
    """The encoding of a text file and its byte order mark (b"" without one): by the mark (UTF-8,
    -16 or -32); UTF-16 or UTF-32 without one when the zero bytes fall where those put them; else
    UTF-8, or Windows-1252 as Word's "plain text" export writes it (Latin-1 for the bytes
    Windows-1252 leaves undefined)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, bom
    if b"\x00" in data[:8192]:
        wide = _wide_encoding(data[:8192])
        if wide is None:
            raise ReadError(path, "binary content, not a text file")
        return wide, b""
    for name in ("utf-8", "cp1252"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name, b""
    return "latin-1", b""


def _wide_encoding(head: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte order mark: the encoding in which the first bytes read
    as printable text, mostly ASCII (an English draft in UTF-16 has a zero in every other byte;
    binary data with zero bytes reads as control characters or CJK in every one of these)."""
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        text = _decode_head(head, encoding)
        if text and "\x00" not in text and _mostly_text(text):
            return encoding
    return None


def _decode_head(head: bytes, encoding: str) -> str | None:
    """The start of a file decoded strictly, forgiving a character cut off at the end."""
    try:
        return head.decode(encoding)
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:
            return None
        return head[: error.start].decode(encoding)


def _mostly_text(text: str) -> bool:
    printable = all(char.isprintable() or char in "\t\n\r\f\v" for char in text)
    return printable and sum(char.isascii() for char in text) >= 0.5 * len(text)


def _split_block(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split one blank-line-separated block where a new paragraph plainly starts."""
    groups: list[list[tuple[int, str]]] = []
    width = max(len(text.rstrip()) for _, text in lines)
    for number, text in lines:
        if not groups:
            groups.append([(number, text)])
            continue
        previous = groups[-1][-1][1].rstrip()
        # a finished sentence ends a paragraph where its line is short, or where the next line's
        # first word would have fitted after it: wrapping would have put it there
        next_word = text.strip().split(" ", 1)[0]
        previous_ended = is_terminated(previous) and (
            len(previous) < 0.8 * width or len(previous) + 1 + len(next_word) <= width
        )
        # a lead-in ("which was as follows:-") ends its paragraph however long its line: what
        # follows is a list or a quotation (the request), not the rest of its sentence
        lead_in = previous.endswith((":-", ":\u2013"))
        heading_before = len(groups[-1]) == 1 and looks_like_heading(previous) and len(previous) < SHORT_LINE * width
        opens = opens_section(previous, text.strip(), len(text.strip()) < SHORT_LINE * width)
        if is_list_item(text) or is_label_line(text, previous) or previous_ended or lead_in or heading_before or opens:
            groups.append([(number, text)])
        else:
            groups[-1].append((number, text))
    return groups


def paragraphs_from_lines(lines: list[str], first_line: int = 1) -> list[Paragraph]:
    """Paragraphs of a text with positions, before joining what extraction split."""
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        for group in _split_block(block):
            builder = ParagraphBuilder()
            for number, text in group:
                content = text.rstrip()
                lead = len(content) - len(content.lstrip())
                builder.add(content.lstrip(), line=number, column=lead + 1)
            paragraphs.append(builder.build())
        block.clear()

    for number, text in enumerate(lines, start=first_line):
        if text.strip():
            block.append((number, text))
        else:
            flush()
    flush()
    return paragraphs


_MARKDOWN_HINTS = regexes.compile(r"\*\*\S[^*]*\*\*|^#{1,6} \S", re.MULTILINE)


def read(path: Path) -> Document:
    text = decode(path.read_bytes(), path)
    lines = text.splitlines()
    if _MARKDOWN_HINTS.search(text):
        # Text copied out of a converter often keeps markdown's bold and heading markers.
        from pitlint.readers import markdown

        paragraphs = markdown.parse(lines)
    else:
        paragraphs = join_continued(paragraphs_from_lines(lines))
    paragraphs, silenced = apply_directives(lines, paragraphs)
    return Document(str(path), "txt", paragraphs, silenced=silenced)
