"""The Document model every reader returns and every check reads.

A paragraph's text is the text as it would be published (tracked changes accepted, markup
stripped, PDF line wraps joined). ``pieces`` remember where each run of that text came from, so a
finding on any words can point at their line and column (text formats) or page (PDF).

``Paragraph.normalised`` is the same text as matching wants it (see NormalisedText): excerpts
and positions keep using the original text, through ``NormalisedText.original``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from array import array
from dataclasses import dataclass, field

from pitlint import regexes


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


# Characters that show nothing (or nothing but a line-end hyphen): soft hyphen, combining
# grapheme joiner, zero-width space, non-joiner and joiner, direction marks and embeddings, word
# joiner and invisible operators, Mongolian vowel separator, variation selectors, byte order mark.
_INVISIBLE = regexes.compile(
    "[\u00ad\u034f\u061c\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]+"
)
# Cyrillic and Greek letters drawn like Latin ones: read as Latin inside a word that has Latin
# letters too ("prеvention" with a Cyrillic "е"), left alone in a Russian or Greek word.
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051b\u051d\u04bb\u04cf"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405\u04ae"
    "\u03bf\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7",
    "aeopcyxijsdqwhlABEKMHOPCTXIJSYoABEZHIKMNOPTYX",
)
# Printable ASCII, words single-spaced: the same after normalising.
_PLAIN = regexes.compile(r"[!-~]+(?: [!-~]+)*")
_SPACE = regexes.compile(r"\s+")
_OTHER = regexes.compile(  # a run of anything but ASCII, white space and invisible characters
    "[^\\x00-\\x7f\\s\u00ad\u034f\u061c\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufe00-\ufe0f\ufeff]+"
)
_LETTERS = regexes.compile(r"[^\W\d_]+")
_LATIN = regexes.compile(r"[A-Za-z]")


_CHUNK = regexes.compile(r"\S+")
# in a chunk: a link, an address, or a file's path ("C:\\Users\\jsmith\\...", "\\\\server\\share")
_LINKISH = regexes.compile(r"@|://|www\.|\.(?:uk|com|org|gov|pdf|html?)\b|\b[A-Za-z]:\\|\\\\", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # (several checks ask of each paragraph)
def link_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of a text's links, e-mail addresses and file paths, each its whole run of
    non-space characters ("www.college.police.uk/app", "foi@force.police.uk", "section-13-act.pdf",
    "C:\\DOCUME~1\\jsmith\\Temp"): what the word checks leave alone, in order."""
    if not _LINKISH.search(text):
        return ()
    return tuple(chunk.span() for chunk in _CHUNK.finditer(text) if _LINKISH.search(chunk.group()))


def opens_sentence(text: str, start: int, marks: str = ".!?:") -> bool:
    """Whether the word at ``start`` begins a sentence (or the paragraph): nothing before it but
    white space, or one of ``marks``."""
    before = text[:start].rstrip()
    return not before or before[-1] in marks


def plain_word(word: str) -> str:
    """One word in the form matching wants (NFKC, invisible characters removed, look-alike
    letters read as Latin in a word with Latin letters): what NormalisedText does, word by word."""
    if word.isascii():
        return word
    word = _INVISIBLE.sub("", unicodedata.normalize("NFKC", word))
    return word.translate(_LOOKALIKES) if _LATIN.search(word) else word


@dataclass(frozen=True)
class NormalisedText:
    """A paragraph's text as matching wants it, with the way back to the original characters.

    Normalising: NFKC (ligatures, full-width letters, non-breaking and other spaces), invisible
    characters removed (soft hyphens, zero-width spaces and joiners, ...), Cyrillic and Greek
    look-alike letters inside Latin words read as Latin, every run of white space one space.
    Case, quotes and dashes are left as they are. The text is made of units, each from one
    stretch of the original: copied character for character, or replaced as a whole."""

    text: str
    source: str  # the original text
    _units: _Units

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was made from: an excerpt is
        ``source[a:b]`` and a position is ``Paragraph.locate(a, b)``."""
        if start >= end:
            point = self._original_start(start)
            return point, point
        return self._original_start(start), self._original_end(end - 1)

    def _unit(self, offset: int) -> int:
        return max(bisect.bisect_right(self._units.starts, offset) - 1, 0)

    def _original_start(self, offset: int) -> int:
        units = self._units
        if offset >= len(self.text):
            return units.ends[-1] if units.ends else len(self.source)
        unit = self._unit(offset)
        moved = offset - units.starts[unit] if units.copied[unit] else 0
        return units.begins[unit] + moved

    def _original_end(self, offset: int) -> int:
        units = self._units
        unit = self._unit(offset)
        if units.copied[unit]:
            return units.begins[unit] + offset - units.starts[unit] + 1
        return units.ends[unit]


class _Units:
    """The pieces of a normalised text, kept compactly (a hostile paragraph has millions)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("q")  # where each unit starts in the normalised text
        self.begins = array("q")  # and where it came from in the original
        self.ends = array("q")
        self.copied = bytearray()  # 1: copied character for character
        self.length = 0

    def add(self, text: str, begin: int, end: int, copied: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        if copied and self.copied and self.copied[-1] and self.ends[-1] == begin:
            self.ends[-1] = end  # carries on the copy before it
        else:
            self.starts.append(self.length)
            self.begins.append(begin)
            self.ends.append(end)
            self.copied.append(copied)
        self.length += len(text)

    def ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(" ")


def normalise(source: str) -> NormalisedText:
    """The matching form of a text and its map back (see NormalisedText). One pass: printable
    ASCII and already normal runs of other letters are copied whole, so ordinary text costs
    little more than a copy."""
    units = _Units()
    position = 0
    while position < len(source):
        if plain := _PLAIN.match(source, position):
            end = plain.end()
            if end < len(source) and unicodedata.combining(source[end]):
                end -= 1  # the last letter goes with the accent after it
            if end > position:
                units.add(source[position:end], position, end, copied=True)
                position = end
                continue
        if space := _SPACE.match(source, position):
            if not units.ends_with_space():
                units.add(" ", position, space.end(), copied=source[position : space.end()] == " ")
            position = space.end()
        elif invisible := _INVISIBLE.match(source, position):
            position = invisible.end()
        elif (run := _OTHER.match(source, position)) and unicodedata.is_normalized("NFKC", run.group()):
            units.add(run.group(), position, run.end(), copied=True)
            position = run.end()
        else:
            position = _clusters(source, position, run.end() if run else position + 1, units)
    text = "".join(units.parts)
    units.parts = []
    if not text.isascii():
        text = _LETTERS.sub(_latin, text)
    return NormalisedText(text, source, units)


def _clusters(source: str, begin: int, end: int, units: _Units) -> int:
    """Each character from ``begin`` to ``end`` with the combining marks after it, in NFKC;
    returns where the last one ended."""
    while begin < end:
        stop = begin + 1
        while stop < len(source) and unicodedata.combining(source[stop]):
            stop += 1
        cluster = source[begin:stop]
        text = unicodedata.normalize("NFKC", cluster)
        units.add(text, begin, stop, copied=text == cluster)
        begin = stop
    return begin


def _latin(word: re.Match[str]) -> str:
    """A word with Latin letters and look-alikes, read all in Latin (the same length)."""
    text = word.group()
    if text.isascii() or not _LATIN.search(text):
        return text
    return text.translate(_LOOKALIKES)


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

    def line_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each of the source file's lines the paragraph joins (a plain-text list
        or table, one row a line); the whole paragraph where the format has no lines (Word, PDF)."""
        starts = []
        previous = None
        for piece in self.pieces:
            if piece.line is not None and piece.line != previous:
                starts.append(piece.offset)
                previous = piece.line
        if len(starts) < 2:
            return [(0, len(self.text))]
        starts[0] = 0
        return list(zip(starts, [*starts[1:], len(self.text)], strict=True))

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

    _normalised: NormalisedText | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def normalised(self) -> NormalisedText:
        """The text as matching wants it, with the map back to ``text`` (made once, on demand,
        and again if ``text`` is replaced)."""
        if self._normalised is None or self._normalised.source is not self.text:
            self._normalised = normalise(self.text)
        return self._normalised

    def locate_normalised(self, start: int, end: int) -> Location:
        """Location of ``normalised.text[start:end]``: that of the original characters it came from."""
        return self.locate(*self.normalised.original(start, end))


AUTHOR = "pitlint"  # who pitlint's comments (--annotate) and tracked changes (`pitlint fix`) are by in Word


@dataclass(frozen=True)
class Revision:
    """A tracked insertion or deletion still inside a Word file, or words a PDF prints struck
    through (a deletion exported with its markup)."""

    kind: str  # "insertion", "deletion" or "struck"
    text: str
    paragraph: int  # the paragraph it belongs to (1-based)
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Comment:
    """A comment in a Word file (or a PDF note), with the words it is anchored on. ``kind`` says
    who left it: a reviewer, pitlint's ``--annotate`` (a finding), or the author as a directive
    ("pitlint: ignore PIT302"); all are published with the file, but are reported differently."""

    text: str
    paragraph: int | None
    anchor: str = ""
    author: str | None = None
    kind: str = "reviewer"  # "reviewer", "pitlint" (written by --annotate) or "directive"


@dataclass
class PublicationFacts:
    """What a file carries besides its published text; later checks decide what matters."""

    revisions: list[Revision] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    hidden_text: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, text)
    metadata: dict[str, str] = field(default_factory=dict)
    embedded_objects: int = 0
    macros: bool = False  # a VBA project in the package (.docm, .dotm)


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
