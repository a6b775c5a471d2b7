"""Markdown drafts, including text pasted from converters that glue bold markers onto headings
("**Public Interest Considerations\\nSection 24 National Security****Factors favouring release**").

Markup is stripped while every run of kept text remembers its line and column, so findings
point at the words in the file the user edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pitlint import regexes
from pitlint.document import Document, Paragraph
from pitlint.readers._paragraphs import (
    NextMatch,
    ParagraphBuilder,
    apply_directives,
    is_list_item,
    join_continued,
    looks_like_heading,
)
from pitlint.readers.text import decode

SUFFIXES = (".md", ".markdown")

_ATX = regexes.compile(r"( {0,3})(#{1,6})(\s+)")
_SETEXT = regexes.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = regexes.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = regexes.compile(r"^ {0,3}(```|~~~)")
_QUOTE = regexes.compile(r"^ {0,3}>\s?")
_TABLE_SEPARATOR = regexes.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Where inline markup may start; what it is, and where it ends, is worked out by _mark_at.
_MARK_START = regexes.compile(r"!\[|[\[<\\*_`]")
_AUTOLINK_SCHEME = regexes.compile(r"(?:https?|mailto):")
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>|")
_WORD_CHAR = regexes.compile(r"\w")


@dataclass
class _Unit:
    """A stretch of one source line that becomes (part of) a paragraph."""

    line: int
    column: int  # 1-based column of text[0]
    text: str
    heading: bool = False


@dataclass(frozen=True)
class _Mark:
    """Inline markup in a line: ``text[start:end]`` is markup; ``keep`` is the visible text it
    stands for (found at ``keep_at``); ``href`` is a link's address."""

    start: int
    end: int
    keep: str = ""
    keep_at: int = 0
    href: str | None = None


class _Closers:
    """The next "]", ")", white space, ">" or "-->" after a position, for one line scanned from
    left to right: each is searched for once per stretch, however many openers never close
    (a regular expression retried at every "[" would scan the rest of the line each time)."""

    def __init__(self, text: str) -> None:
        self.bracket = NextMatch(text, regexes.compile(r"\]"))
        self.paren = NextMatch(text, regexes.compile(r"\)"))
        self.space = NextMatch(text, regexes.compile(r"\s"))
        self.angle_or_space = NextMatch(text, regexes.compile(r"[>\s]"))
        self.comment_end = NextMatch(text, regexes.compile(r"-->"))


def _marks(text: str) -> Iterator[_Mark]:
    """Inline markup of one line, left to right: images, links, autolinks, escapes, comments,
    and bold, italic and code markers. Linear in the line's length."""
    closers = _Closers(text)
    position = 0
    while found := _MARK_START.search(text, position):
        mark = _mark_at(text, found.start(), closers)
        if mark is None:
            position = found.start() + 1
            continue
        yield mark
        position = mark.end


def _mark_at(text: str, at: int, closers: _Closers) -> _Mark | None:
    char = text[at]
    if char == "!":
        return _bracketed(text, at, at + 2, closers, image=True)
    if char == "[":
        return _bracketed(text, at, at + 1, closers, image=False)
    if char == "<":
        return _autolink(text, at, closers) or _comment(text, at, closers)
    if char == "\\":
        escaped = text[at + 1 : at + 2]
        return _Mark(at, at + 2, escaped, at + 1) if escaped and escaped in _ESCAPABLE else None
    return _marker(text, at)


def _bracketed(text: str, at: int, label_at: int, closers: _Closers, image: bool) -> _Mark | None:
    """``[label](href title)`` or ``![alt](src)``: the label ends at the first "]", which must be
    followed by "(", and the whole at the first ")" after that."""
    bracket = closers.bracket.at_or_after(label_at)
    if bracket is None or not text.startswith("(", bracket.end()):
        return None
    paren = closers.paren.at_or_after(bracket.end() + 1)
    if paren is None:
        return None
    label = text[label_at : bracket.start()]
    if image:
        return _Mark(at, paren.end(), label, label_at)
    space = closers.space.at_or_after(bracket.end() + 1)
    href_end = min(paren.start(), space.start()) if space else paren.start()
    return _Mark(at, paren.end(), label, label_at, href=text[bracket.end() + 1 : href_end])


def _autolink(text: str, at: int, closers: _Closers) -> _Mark | None:
    """``<https://...>`` or ``<mailto:...>``."""
    scheme = _AUTOLINK_SCHEME.match(text, at + 1)
    if scheme is None:
        return None
    close = closers.angle_or_space.at_or_after(scheme.end())
    if close is None or close.start() == scheme.end() or close.group() != ">":
        return None
    url = text[at + 1 : close.start()]
    return _Mark(at, close.end(), url, at + 1, href=url)


def _comment(text: str, at: int, closers: _Closers) -> _Mark | None:
    if not text.startswith("<!--", at):
        return None
    close = closers.comment_end.at_or_after(at + 4)
    return None if close is None else _Mark(at, close.end())


def _marker(text: str, at: int) -> _Mark | None:
    """Bold and code markers, and a "*" against a word (italic); a lone "*" or "_" is text."""
    if text.startswith(("**", "__"), at):
        return _Mark(at, at + 2)
    if text[at] == "`":
        return _Mark(at, at + 1)
    if text[at] == "*" and ((at > 0 and _WORD_CHAR.match(text[at - 1])) or _WORD_CHAR.match(text, at + 1)):
        return _Mark(at, at + 1)
    return None


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

    for mark in _marks(text):
        emit(text[position : mark.start], position)
        position = mark.end
        start = emit(mark.keep, mark.keep_at)
        if mark.href is not None:
            builder.add_link(mark.href, start, builder.length)
    emit(text[position:], position)


def _atx(line: str) -> tuple[int, str] | None:
    """An ATX heading's text and the 0-based column it starts at ("## Harm ##" -> (3, "Harm")),
    or None. Worked out from the end, not by a regular expression that would try every
    stretch of white space in the line as the start of the closing "#"s."""
    opening = _ATX.match(line)
    if opening is None:
        return None
    rest = line[opening.end() :]
    body = rest.rstrip()
    before_closing = body.rstrip("#")
    if before_closing != body and before_closing[-1:].isspace():
        return opening.end(), before_closing.rstrip()
    return opening.end(), rest


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
        if atx := _atx(raw):
            alone(_Unit(number, atx[0] + 1, atx[1]), heading=True)
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
