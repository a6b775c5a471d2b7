"""Plain text drafts and text pasted out of Word, PDFs and web pages.

Paragraphs are separated by blank lines. A block of lines without blank lines is one paragraph
that was hard-wrapped, unless a line inside it is plainly a heading or a list item.
"""

from __future__ import annotations

import re
from pathlib import Path

from pitlint.document import Document, Paragraph
from pitlint.errors import ReadError
from pitlint.readers._paragraphs import (
    ParagraphBuilder,
    apply_directives,
    is_list_item,
    is_terminated,
    join_continued,
    looks_like_heading,
)

SUFFIXES = (".txt", ".text")


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM); Windows-1252 as Word's "plain text"
    export writes it otherwise. Binary content is refused rather than read as gibberish."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary content, not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _split_block(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split one blank-line-separated block where a new paragraph plainly starts."""
    groups: list[list[tuple[int, str]]] = []
    width = max(len(text.rstrip()) for _, text in lines)
    for number, text in lines:
        if not groups:
            groups.append([(number, text)])
            continue
        previous = groups[-1][-1][1].rstrip()
        previous_ended = is_terminated(previous) and len(previous) < 0.8 * width
        heading_before = len(groups[-1]) == 1 and looks_like_heading(previous) and len(previous) < 0.6 * width
        if is_list_item(text) or previous_ended or heading_before:
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


_MARKDOWN_HINTS = re.compile(r"\*\*\S[^*]*\*\*|^#{1,6} \S", re.MULTILINE)


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
