"""Helpers every reader shares: building paragraphs with positions, and undoing the damage
that extraction does to them (lines wrapped into paragraphs, sentences cut by page breaks).

This is where the format-independent heuristics live, so each reader stays a thin layer over
its parser.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pitlint.document import Link, Paragraph, Piece

# A sentence (or heading with a colon) is over when the text ends like this.
_TERMINATED = re.compile(r"""[.!?:;][)"'\u2019\u201d\]]*\s*$""")
_STARTS_LOWER = re.compile(r"^\s*[a-z]")
_URL_AT_END = re.compile(r"(https?://|www\.)\S+\s*$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022\u25cf\u25aa]\s|\(?[0-9]{1,2}[.)]\s|\(?[a-z][.)]\s)")
_WORD = re.compile(r"[\w'\u2019-]+")
# Words a heading never ends on: a line ending on one is a wrapped sentence.
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "that",
        "which",
        "as",
        "at",
        "be",
        "is",
        "are",
        "was",
        "were",
        "this",
        "would",
        "could",
        "should",
        "will",
        "may",
        "can",
        "not",
    ]
)


def url_goes_on(before: str, after: str) -> bool:
    """Does ``after`` carry on a link that a line end cut at a "/" or "-" in ``before``? (It goes
    on with a path fragment, not a word; joined without a space, the link is whole again.)"""
    words = after.split()
    return (
        bool(words)
        and before.rstrip().endswith(("/", "-"))
        and bool(_URL_AT_END.search(before))
        and bool(re.search(r"[/.\-_]\w", words[0]))
    )


class ParagraphBuilder:
    """Accumulates runs of text with their source positions into one Paragraph."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._links: list[Link] = []
        self._length = 0

    def __bool__(self) -> bool:
        return self._length > 0

    def add(
        self,
        text: str,
        line: int | None = None,
        column: int | None = None,
        page: int | None = None,
        *,
        separator: str = " ",
        block: int | None = None,
        block_offset: int | None = None,
    ) -> None:
        """Append a run copied verbatim from (line, column) or page; a separator goes between
        runs unless either side already has white space."""
        if not text:
            return
        if self._parts and separator == " " and url_goes_on(self._parts[-1], text):
            separator = ""
        if self._parts and separator and not self._parts[-1][-1:].isspace() and not text[0].isspace():
            self._parts.append(separator)
            self._length += len(separator)
        self._pieces.append(Piece(self._length, line, column, page, block, block_offset))
        self._parts.append(text)
        self._length += len(text)

    def add_link(self, url: str, start: int, end: int) -> None:
        self._links.append(Link(url, start, end))

    @property
    def length(self) -> int:
        return self._length

    def text_since(self, start: int) -> str:
        """The raw text added from offset ``start`` on (before build() strips it)."""
        return "".join(self._parts)[start:]

    def build(self, heading: bool | None = None, style: str | None = None, in_table: bool = False) -> Paragraph:
        raw = "".join(self._parts)
        stripped = raw.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        pieces = self._pieces
        if lead:
            # Pieces that start inside the stripped white space collapse onto offset 0;
            # the last of them is the one that holds the first visible character.
            inside = [piece for piece in pieces if piece.offset < lead]
            pieces = [_shift(inside[-1], lead)] + [_shift(piece, lead) for piece in pieces if piece.offset >= lead]
        links = [Link(link.url, link.start - lead, link.end - lead) for link in self._links]
        return Paragraph(
            text=stripped[lead:], pieces=pieces, heading=heading, style=style, in_table=in_table, links=links
        )


def _shift(piece: Piece, by: int) -> Piece:
    """Move a piece left by ``by`` characters of stripped leading white space."""
    if piece.offset >= by:
        return replace(piece, offset=piece.offset - by)
    moved = by - piece.offset
    column = None if piece.column is None else piece.column + moved
    block_offset = None if piece.block_offset is None else piece.block_offset + moved
    return replace(piece, offset=0, column=column, block_offset=block_offset)


def is_terminated(text: str) -> bool:
    return bool(_TERMINATED.search(text))


def looks_like_heading(text: str) -> bool:
    """A short line that does not read as a sentence: "Harm", "Factors favouring release:",
    "Section 24(2) National Security". Used where the format cannot say (plain text, PDF)."""
    stripped = text.strip().strip("*_#").strip()
    if not stripped or len(stripped) > 120 or _URL_AT_END.search(stripped) or stripped.startswith("<"):
        return False
    words = _WORD.findall(stripped)
    if not words or len(words) > 16:
        return False
    if re.search(r"[.,;!?]$", stripped):
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "(["):
        return False
    return words[-1].lower() not in _DANGLING


def is_list_item(text: str) -> bool:
    return bool(_LIST_MARKER.match(text))


def _continues(previous: Paragraph, following: Paragraph, wrapped_width: int | None) -> bool:
    """Does ``following`` carry on the sentence that ``previous`` left unfinished?"""
    if previous.heading or following.heading or previous.in_table or following.in_table:
        return False
    before, after = previous.text.rstrip(), following.text.lstrip()
    if not before or not after:
        return False
    if _URL_AT_END.search(before):
        return url_goes_on(before, after)
    if is_terminated(before):
        return False
    if is_list_item(after):
        return False
    if _STARTS_LOWER.match(after):
        return True
    last_word = _WORD.findall(before)[-1:] or [""]
    if last_word[0].lower() in _DANGLING or before.endswith((",", "-", "\u2013", "/")):
        return True
    # In text extracted line by line from a PDF, a long unfinished line was wrapped.
    return wrapped_width is not None and len(before) >= 0.6 * wrapped_width


def _wrapped_width(paragraphs: list[Paragraph]) -> int | None:
    """If most paragraphs look like single visual lines cut off mid-sentence (text extracted
    from a PDF line by line), return the typical line width; otherwise None."""
    body = [p.text.rstrip() for p in paragraphs if len(p.text) > 30]
    if len(body) < 4:
        return None
    unfinished = [text for text in body if not is_terminated(text)]
    if len(unfinished) < 0.4 * len(body):
        return None
    widths = sorted(len(text) for text in body)
    return widths[int(0.9 * (len(widths) - 1))]


def join_map(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[int]]:
    """Join paragraphs that extraction split in mid-sentence (PDF line wraps, page breaks).
    Also returns, for each input paragraph, the 0-based index of the paragraph it ended in."""
    if not paragraphs:
        return [], []
    width = _wrapped_width(paragraphs)
    joined: list[Paragraph] = [paragraphs[0]]
    ended_in = [0]
    for paragraph in paragraphs[1:]:
        previous = joined[-1]
        if _continues(previous, paragraph, width):
            joined[-1] = merge(previous, paragraph)
        else:
            joined.append(paragraph)
        ended_in.append(len(joined) - 1)
    return joined, ended_in


def join_continued(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return join_map(paragraphs)[0]


def merge(first: Paragraph, second: Paragraph) -> Paragraph:
    """One paragraph from two, keeping every piece's position."""
    head = first.text.rstrip()
    # "cyber-" at a line end and "attack" on the next: the hyphen stays, the space goes.
    joined = (head.endswith("-") and not head.endswith(" -")) or url_goes_on(head, second.text)
    separator = "" if joined else " "
    offset = len(head) + len(separator)
    tail_lead = len(second.text) - len(second.text.lstrip())
    pieces = list(first.pieces)
    for piece in second.pieces:
        pieces.append(replace(piece, offset=max(piece.offset - tail_lead, 0) + offset))
    links = list(first.links) + [
        Link(link.url, link.start - tail_lead + offset, link.end - tail_lead + offset) for link in second.links
    ]
    return Paragraph(
        text=head + separator + second.text.lstrip(),
        pieces=pieces,
        heading=first.heading,
        style=first.style,
        in_table=first.in_table,
        links=links,
    )


_DIRECTIVE = re.compile(r"<!--\s*pitlint:\s*(?P<kind>ignore-file|ignore)\b(?P<codes>[^>]*?)\s*-->", re.IGNORECASE)


def apply_directives(lines: list[str], paragraphs: list[Paragraph]) -> tuple[list[Paragraph], tuple[str, ...]]:
    """Inline silencing in text and markdown: ``<!-- pitlint: ignore PIT401, PIT402 -->`` silences
    those rules (codes, names or categories; all rules without any) for the paragraph it is in,
    or for the next paragraph when it stands on a line of its own; ``ignore-file`` for the whole
    file. Paragraphs that are nothing but directives are dropped."""
    whole_file: list[str] = []
    pending: dict[int, list[str]] = {}  # line number -> selectors for the paragraph at/after it
    for number, line in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            codes = [c for c in re.split(r"[\s,]+", match["codes"].strip()) if c] or ["ALL"]
            if match["kind"].lower() == "ignore-file":
                whole_file.extend(codes)
                continue
            alone = not _DIRECTIVE.sub("", line).strip()
            pending.setdefault(number + 1 if alone else number, []).extend(codes)
    kept = [p for p in paragraphs if _DIRECTIVE.sub("", p.text).strip()]
    for paragraph in kept:  # blank the directives out, keeping every other character where it was
        paragraph.text = _DIRECTIVE.sub(lambda m: " " * len(m.group()), paragraph.text).rstrip()
    for target, codes in sorted(pending.items()):
        for paragraph in kept:
            first = paragraph.line or 0
            last = max((piece.line or 0) for piece in paragraph.pieces) if paragraph.pieces else first
            if last >= target:
                paragraph.silenced = (*paragraph.silenced, *codes)
                break
    return kept, tuple(whole_file)
