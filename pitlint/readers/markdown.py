"""Markdown drafts, including text pasted from converters that glue bold markers onto headings
("**Public Interest Considerations\\nSection 24 National Security****Factors favouring release**").

Markup is stripped while every run of kept text remembers its line and column, so findings
point at the words in the file the user edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pitlint.document import Document, Paragraph
from pitlint.readers._paragraphs import (
    ParagraphBuilder,
    apply_directives,
    is_list_item,
    join_continued,
    looks_like_heading,
)
from pitlint.readers.text import decode

SUFFIXES = (".md", ".markdown")

_ATX = re.compile(r"^( {0,3})(#{1,6})\s+(.*?)(?:\s+#+\s*)?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUOTE = re.compile(r"^ {0,3}>\s?")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = re.compile(
    r"(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<label>[^\]]*)\]\((?P<href>[^)\s]*)[^)]*\))"
    r"|(?P<auto><(?P<url>(?:https?|mailto):[^>\s]+)>)"
    r"|(?P<escape>\\(?P<char>[\\`*_{}\[\]()#+\-.!<>|]))"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<marker>\*\*|__|`|(?<=\w)\*|\*(?=\w))"
)


@dataclass
class _Unit:
    """A stretch of one source line that becomes (part of) a paragraph."""

    line: int
    column: int  # 1-based column of text[0]
    text: str
    heading: bool = False


def _inline(builder: ParagraphBuilder, unit: _Unit) -> None:
    """Add a unit's text to the builder with inline markup removed and links recorded."""
    text, column, position = unit.text, unit.column, 0
    first = True

    def emit(chunk: str, at: int) -> int:
        """Add a chunk; return where it starts in the paragraph."""
        nonlocal first
        if chunk:
            builder.add(chunk, line=unit.line, column=column + at, separator=" " if first else "")
            first = False
        return builder.length - len(chunk)

    for match in _INLINE.finditer(text):
        emit(text[position : match.start()], position)
        position = match.end()
        if match["image"]:
            emit(match["alt"], match.start() + 2)
        elif match["link"]:
            start = emit(match["label"], match.start() + 1)
            builder.add_link(match["href"], start, builder.length)
        elif match["auto"]:
            start = emit(match["url"], match.start() + 1)
            builder.add_link(match["url"], start, builder.length)
        elif match["escape"]:
            emit(match["char"], match.start() + 1)
    emit(text[position:], position)


def _bold_units(line: int, text: str, column: int, bold: bool) -> tuple[list[_Unit], bool]:
    """Split a line at bold runs that stand as headings: a bold run that starts a line (or is
    glued to the text before it) and ends the line (or is glued to what follows). Inline bold
    inside a sentence stays where it is. Returns the units and the bold state at line end."""
    parts: list[tuple[int, int, bool]] = []  # (start, end, bold) over text
    start = 0
    for marker in re.finditer(r"\*\*", text):
        parts.append((start, marker.start(), bold))
        bold = not bold
        start = marker.end()
    parts.append((start, len(text), bold))
    units: list[_Unit] = []
    plain: list[tuple[int, int]] = []
    heading_found = False
    for index, (begin, end, is_bold) in enumerate(parts):
        segment = text[begin:end]
        glued_before = index == 0 or begin == 0 or not text[begin - 3 : begin - 2].isspace()
        glued_after = index == len(parts) - 1 or end == len(text) or not text[end + 2 : end + 3].isspace()
        if is_bold and segment.strip() and glued_before and glued_after and looks_like_heading(segment):
            heading_found = True
            if plain:
                units.append(_Unit(line, column + plain[0][0], text[plain[0][0] : plain[-1][1]]))
                plain = []
            units.append(_Unit(line, column + begin, segment, heading=True))
        else:
            plain.append((begin, end))
    if plain:
        units.append(_Unit(line, column + plain[0][0], text[plain[0][0] : plain[-1][1]]))
    if not heading_found:
        return [_Unit(line, column, text)], bold
    return [unit for unit in units if unit.text.strip()], bold


def parse(lines: list[str]) -> list[Paragraph]:
    """Paragraphs of markdown source lines, markup stripped, positions kept."""
    paragraphs: list[Paragraph] = []
    current: list[_Unit] = []
    bold = False
    fence: str | None = None

    def flush() -> None:
        if current:
            builder = ParagraphBuilder()
            for unit in current:
                _inline(builder, unit)
            if builder:
                paragraphs.append(builder.build())
            current.clear()

    def alone(unit: _Unit, heading: bool | None, in_table: bool = False) -> None:
        flush()
        builder = ParagraphBuilder()
        _inline(builder, unit)
        if builder:
            paragraphs.append(builder.build(heading=heading, in_table=in_table))

    for number, raw in enumerate(lines, start=1):
        if fence:
            fence = None if raw.strip().startswith(fence) else fence
            continue
        if fenced := _FENCE.match(raw):
            flush()
            fence = fenced.group(1)
            continue
        if not raw.strip():
            flush()
            bold = False
            continue
        if atx := _ATX.match(raw):
            alone(_Unit(number, atx.start(3) + 1, atx.group(3)), heading=True)
            continue
        if _SETEXT.match(raw) and len(current) == 1:
            alone(current.pop(), heading=True)
            continue
        if _RULE.match(raw) or (_TABLE_SEPARATOR.match(raw) and "|" in raw):
            flush()
            continue
        body, column = raw.rstrip(), 1
        if quote := _QUOTE.match(body):
            body, column = body[quote.end() :], quote.end() + 1
        lead = len(body) - len(body.lstrip())
        body, column = body.lstrip(), column + lead
        if body.startswith("|"):
            for cell in re.finditer(r"[^|]+", body):
                if cell.group().strip():
                    offset = len(cell.group()) - len(cell.group().lstrip())
                    alone(_Unit(number, column + cell.start() + offset, cell.group().strip()), None, in_table=True)
            continue
        if is_list_item(body):
            flush()
        units, bold = _bold_units(number, body, column, bold)
        if len(units) == 1 and not units[0].heading:
            current.append(units[0])
            continue
        flush()
        for unit in units:
            alone(unit, heading=True if unit.heading else None)
    flush()
    return join_continued(paragraphs)


def read(path: Path) -> Document:
    lines = decode(path.read_bytes(), path).splitlines()
    paragraphs, silenced = apply_directives(lines, parse(lines))
    return Document(str(path), "md", paragraphs, silenced=silenced)
