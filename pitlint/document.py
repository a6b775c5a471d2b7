"""The Document model every reader returns and every check reads.

A paragraph's text is the text as it would be published (tracked changes accepted, markup
stripped, PDF line wraps joined). ``pieces`` remember where each run of that text came from, so a
finding on any words can point at their line and column (text formats) or page (PDF).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    """A run of paragraph text copied verbatim from one place in the source file."""

    offset: int  # where the run starts in Paragraph.text
    line: int | None = None  # 1-based line in the file (text formats)
    column: int | None = None  # 1-based column of the run's first character
    page: int | None = None  # 1-based page (PDF)
    block: int | None = None  # Word: which w:p element, in reading order (0-based)
    block_offset: int | None = None  # Word: where the run starts in that element's visible text


@dataclass(frozen=True)
class Location:
    """Where some words are in the file, as the JSON contract reports it."""

    paragraph: int
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Link:
    """A hyperlink whose address is not in the visible text (docx, html)."""

    url: str
    start: int  # offsets of the anchor text in Paragraph.text
    end: int


@dataclass
class Paragraph:
    """One paragraph, heading, list item or table cell, in reading order."""

    text: str
    index: int = 0  # 1-based position in reading order, set by Document
    pieces: list[Piece] = field(default_factory=list)
    heading: bool | None = None  # True/False when the format says; None when it cannot tell
    style: str | None = None  # e.g. the Word style name
    in_table: bool = False
    links: list[Link] = field(default_factory=list)
    silenced: tuple[str, ...] = ()  # rule selectors silenced here by an inline directive
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)  # of pieces

    @property
    def page(self) -> int | None:
        return self.pieces[0].page if self.pieces else None

    @property
    def line(self) -> int | None:
        return self.pieces[0].line if self.pieces else None

    def _point(self, offset: int) -> Piece | None:
        if not self.pieces:
            return None
        starts = self._starts
        if starts is None or len(starts) != len(self.pieces):  # built once, as pieces are added
            starts = self._starts = [piece.offset for piece in self.pieces]
        piece = self.pieces[max(bisect.bisect_right(starts, offset) - 1, 0)]
        moved = offset - piece.offset
        column = None if piece.column is None else piece.column + moved
        block_offset = None if piece.block_offset is None else piece.block_offset + moved
        return Piece(offset, piece.line, column, piece.page, piece.block, block_offset)

    def block_span(self, start: int, end: int) -> tuple[int, int, int, int] | None:
        """Word only: (first w:p, offset in it, last w:p, end offset in it) of text[start:end]."""
        first, last = self._point(start), self._point(max(end - 1, start))
        if first is None or last is None or first.block is None or last.block is None:
            return None
        return first.block, first.block_offset, last.block, last.block_offset + 1

    def locate(self, start: int = 0, end: int | None = None) -> Location:
        """Location of ``text[start:end]`` (the whole paragraph by default); end is inclusive
        in the result, as editors count it."""
        end = len(self.text) if end is None else end
        first = self._point(start)
        last = self._point(max(end - 1, start))
        if first is None or last is None:
            return Location(paragraph=self.index)
        return Location(
            paragraph=self.index,
            line=first.line,
            column=first.column,
            end_line=last.line,
            end_column=last.column,
            page=first.page,
        )


@dataclass(frozen=True)
class Revision:
    """A tracked insertion or deletion still inside a Word file."""

    kind: str  # "insertion" or "deletion"
    text: str
    paragraph: int  # the paragraph it belongs to (1-based)
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment in a Word file, with the words it is anchored on."""

    text: str
    paragraph: int | None
    anchor: str = ""
    author: str | None = None


@dataclass
class PublicationFacts:
    """What a file carries besides its published text; later checks decide what matters."""

    revisions: list[Revision] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    hidden_text: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, text)
    metadata: dict[str, str] = field(default_factory=dict)
    embedded_objects: int = 0


@dataclass
class Document:
    """A draft as its reader saw it: paragraphs in reading order plus publication facts."""

    path: str
    format: str  # "txt", "md", "docx", "pdf", "html"
    paragraphs: list[Paragraph] = field(default_factory=list)
    facts: PublicationFacts = field(default_factory=PublicationFacts)
    silenced: tuple[str, ...] = ()  # rule selectors silenced for the whole file

    def __post_init__(self) -> None:
        self.renumber()

    def renumber(self) -> None:
        for number, paragraph in enumerate(self.paragraphs, start=1):
            paragraph.index = number

    @property
    def text(self) -> str:
        return "\n\n".join(paragraph.text for paragraph in self.paragraphs)
