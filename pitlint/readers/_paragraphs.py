"""Helpers every reader shares: building paragraphs with positions, and undoing the damage
that extraction does to them (lines wrapped into paragraphs, sentences cut by page breaks).

This is where the format-independent heuristics live, so each reader stays a thin layer over
its parser.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from pitlint import regexes
from pitlint.document import Link, Paragraph, Piece

# A sentence (or heading with a colon) is over when the text ends on one of these, perhaps
# followed by closing quotes or brackets.
_TERMINATORS = (".", "!", "?", ":", ";")
_CLOSERS = ")\"'\u2019\u201d]"
_STARTS_LOWER = regexes.compile(r"^\s*[a-z]")
_URL_START = regexes.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
# How much of the end of a paragraph being joined decides whether the next one carries it on:
# the last word, a link's start, a full stop and its closing quotes all lie within it.
_TAIL = 512
_LIST_MARKER = regexes.compile(r"^\s*(?:[-*+\u2022\u25cf\u25aa]\s|\(?[0-9]{1,2}[.)]\s|\(?[a-z][.)]\s)")
_WORD = regexes.compile(r"[\w'\u2019-]+")
# A line that is only the label of a letter's part ("Response", "Our reply:", "Request"): it heads
# what follows and never ends a wrapped sentence, whatever the line before left unfinished.
_LABEL_LINE = regexes.compile(
    r"^\W*(?:Our\s+|Your\s+|The\s+)?(?:FOI\s+)?(?:[Rr]esponse|[Rr]eply|[Aa]nswer|[Rr]equest|[Dd]ecision|[Oo]utcome"
    r"|RESPONSE|REPLY|ANSWER|REQUEST|DECISION|OUTCOME)[\s:\-\u2013]*$"
)
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
        "section",  # (its number is on the next line: "the Terrorism Act 2000 Section" / "44, ...")
        "sections",
        "subsection",
    ]
)


def last_word(text: str) -> str:
    """The last run of non-space characters ("" if none)."""
    words = text.rsplit(maxsplit=1)
    return words[-1] if words else ""


def url_at_end(text: str) -> bool:
    """Does the text end with a link ("http://", "https://" or "www." and more, in its last word)?
    Looked for in the last word only, so the cost is that of one pass (a regular expression
    anchored at the end would retry from every "www." in a long word)."""
    return bool(_URL_START.search(last_word(text)))


def url_goes_on(before: str, after: str) -> bool:
    """Does ``after`` carry on a link that a line end cut at a "/" or "-" in ``before``? (It goes
    on with a path fragment, not a word; joined without a space, the link is whole again.)"""
    if not before.rstrip().endswith(("/", "-")) or not url_at_end(before):
        return False
    first = after.split(maxsplit=1)[:1]
    return bool(first) and bool(re.search(r"[/.\-_]\w", first[0]))


class ParagraphBuilder:
    """Accumulates runs of text with their source positions into one Paragraph."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []  # where each part starts in the text
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
            self._append(separator)
        self._pieces.append(Piece(self._length, line, column, page, block, block_offset))
        self._append(text)

    def _append(self, text: str) -> None:
        self._starts.append(self._length)
        self._parts.append(text)
        self._length += len(text)

    def add_link(self, url: str, start: int, end: int) -> None:
        self._links.append(Link(url, start, end))

    @property
    def length(self) -> int:
        return self._length

    def text_since(self, start: int, limit: int | None = None) -> str:
        """The raw text added from offset ``start`` on (before build() strips it), at most
        ``limit`` characters. Only the parts from ``start`` on are joined, so asking after
        every run of a long paragraph stays linear."""
        if not self._parts:
            return ""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        skip = start - self._starts[first]
        taken: list[str] = []
        length = 0
        for index in range(first, len(self._parts)):  # (islice would step over the parts before)
            part = self._parts[index]
            taken.append(part)
            length += len(part)
            if limit is not None and length - skip >= limit:
                break
        text = "".join(taken)[skip:]
        return text if limit is None else text[:limit]

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
    """Does the text end a sentence: a terminator, then perhaps closing quotes or brackets? (A
    lead-in's colon and dash, "as follows:-", end one too: that dash joins no word to the next.)"""
    ending = text.rstrip().rstrip(_CLOSERS)
    if ending.endswith((":-", ":\u2013")):
        return True
    return ending[-1:] in _TERMINATORS


SHORT_LINE = 0.6  # of a block's width: a line this short is the last of a paragraph, or a heading


def opens_section(previous: str | None, line: str, short: bool) -> bool:
    """A short heading-shaped line inside a block of lines that starts a new section: at the
    block's start, or after a finished sentence ("...in the county." then "Balancing test:"),
    even when that sentence filled its line. A wrapped paragraph's short line is its last, and
    that ends a sentence, so a short unfinished line there is a heading. Text and PDF readers
    both split blocks here, each measuring "short" its own way (characters, points)."""
    return short and looks_like_heading(line) and (previous is None or is_terminated(previous))


# A sentence that introduces what follows: a subject and its verb, then a colon.
_LEAD_IN = regexes.compile(
    r"(?i:this|that|these|those|the|it|we|i|our|your|my)\b(?:\s+[\w'\u2019-]+){0,3}?\s+"
    r"(?i:is|are|was|were|has|have|had|will|would|can|cannot|may|must|should)\b.*:$"
)

# a subject and its auxiliary ending the line: a sentence cut short, never a heading
# ("Where numbers are fewer than five we have")
SUBJECT_AND_AUXILIARY_LAST = regexes.compile(
    r"\b(?:we|they|I|you|he|she)\s+(have|has|had|are|were|will|would|can|must|shall|should)\s*$", re.IGNORECASE
)


def looks_like_heading(text: str) -> bool:
    """A short line that does not read as a sentence: "Harm", "Factors favouring release:",
    "Section 24(2) National Security". Used where the format cannot say (plain text, PDF)."""
    stripped = text.strip().strip("*_#").strip()
    if not stripped or len(stripped) > 120 or url_at_end(stripped) or stripped.startswith("<"):
        return False
    words = _WORD.findall(stripped)
    if not words or len(words) > 16:
        return False
    if re.search(r"[.,;!?]$", stripped):
        return False
    if _LEAD_IN.match(stripped):
        return False  # "This information is exempt by virtue of the following sections:"
    if not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "(["):
        return False
    # (a bracketed subsection's letter is no article: "Harm in complying with s1(1)(a)")
    cited_last = stripped.rstrip(" :").endswith(")")
    return (cited_last or words[-1].lower() not in _DANGLING) and not SUBJECT_AND_AUXILIARY_LAST.search(stripped)


# after what looks like an item's marker, a word that carries a citation on, not an item's first:
# "Section 38(2)(c)" wrapped before "(i) of the Wireless Telegraphy Act 2006"
_CITATION_GOES_ON = regexes.compile(r"(?:of|under)\b")


def is_label_line(text: str, previous: str = "") -> bool:
    """A line that is only a letter part's label ("Response", "Our reply:"), capitalised and with no
    full stop, after a line not left hanging on a small word ("... replying to your" then "request."
    is a wrapped sentence): it starts a paragraph."""
    if _LABEL_LINE.match(text) is None or not text.lstrip(" \t*_#")[:1].isupper():
        return False
    last = _WORD.findall(previous[-32:])[-1:]
    return not last or last[0].lower() not in _HANGING


_HANGING = _DANGLING | frozenset("your our my their his her its".split())  # a line left on these goes on


# the words a public interest test's section headings are made of
_SECTION_HEADING = regexes.compile(
    r"[^\w\n]{0,5}(?:\S+\s+){0,4}?(?:factors?|considerations?|arguments?|reasons?|harm|balanc\w*|conclusions?|"
    r"public\s+interest)\b",
    re.IGNORECASE,
)
HEADING_LONGEST = 120  # characters: a longer line is no heading


def _a_section_heading(text: str) -> bool:
    return len(text) <= HEADING_LONGEST and bool(_SECTION_HEADING.match(text)) and looks_like_heading(text)


def is_list_item(text: str) -> bool:
    marker = _LIST_MARKER.match(text)
    if marker is None:
        return False
    bracketed = marker.group().lstrip().startswith("(")  # "(i) of the ... Act": "1. of the first kind" is an item
    return not (bracketed and _CITATION_GOES_ON.match(text, marker.end()))


def _continues(previous: _Joined, following: Paragraph, wrapped_width: int | None) -> bool:
    """Does ``following`` carry on the sentence that ``previous`` left unfinished?"""
    first = previous.first
    if first.heading or following.heading or first.in_table or following.in_table:
        return False
    before, after = previous.tail, following.text.lstrip()
    if not before or not after:
        return False
    if url_at_end(before):
        return url_goes_on(before, after)
    if is_terminated(before) or is_label_line(after, before):
        return False
    if is_list_item(after):
        return False
    if _STARTS_LOWER.match(after):
        return True
    # A word longer than this window is never one a sentence dangles on.
    last = _WORD.findall(before[-32:])[-1:] or [""]
    cited_last = before.rstrip(" :").endswith(")")  # "s1(1)(a)": a subsection's letter, not the article
    if (last[0].lower() in _DANGLING and not cited_last) or before.endswith((",", "-", "\u2013", "/")):
        # (but a PIT's heading never carries a sentence on: "... about a specific incident would" /
        # "Factors favouring disclosure" is a sentence cut short before a heading)
        return not _a_section_heading(after)
    # In text extracted line by line from a PDF, a long unfinished line was wrapped (the last line's
    # length: a short line after a wrapped one is no wrapped line, whatever came before it).
    return wrapped_width is not None and previous.last >= 0.6 * wrapped_width


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
    joined: list[_Joined] = [_Joined(paragraphs[0])]
    ended_in = [0]
    for paragraph in paragraphs[1:]:
        if _continues(joined[-1], paragraph, width):
            joined[-1].add(paragraph)
        else:
            joined.append(_Joined(paragraph))
        ended_in.append(len(joined) - 1)
    return [run.paragraph() for run in joined], ended_in


def join_continued(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return join_map(paragraphs)[0]


class _Joined:
    """Paragraphs being joined into one. The text is kept as parts and joined once at the end,
    and only its last few hundred characters are looked at to decide about the next paragraph,
    so joining n short paragraphs costs n, not n squared."""

    def __init__(self, first: Paragraph) -> None:
        self.first = first
        self._parts = [first.text]
        self._pieces = list(first.pieces)
        self._links = list(first.links)
        self._length = len(first.text)
        stripped = first.text.rstrip()
        self.last = len(stripped)  # of the last paragraph joined on, without white space at its end
        self.tail = stripped[-_TAIL:]  # the end of that text

    def add(self, second: Paragraph) -> None:
        """Append a paragraph that carries this one on, keeping every piece's position."""
        self._drop_end_space()
        # "cyber-" at a line end and "attack" on the next: the hyphen stays, the space goes.
        glued = (self.tail.endswith("-") and not self.tail.endswith(" -")) or url_goes_on(self.tail, second.text)
        separator = "" if glued else " "
        offset = self._length + len(separator)
        body = second.text.lstrip()
        lead = len(second.text) - len(body)
        self._pieces.extend(replace(piece, offset=max(piece.offset - lead, 0) + offset) for piece in second.pieces)
        self._links.extend(
            Link(link.url, link.start - lead + offset, link.end - lead + offset) for link in second.links
        )
        self._parts += [separator, body]
        self._length = offset + len(body)
        stripped = body.rstrip()
        self.last = len(stripped)
        self.tail = (self.tail + separator + stripped[-_TAIL:])[-_TAIL:]

    def _drop_end_space(self) -> None:
        while self._parts and self._parts[-1][-1:].isspace():
            last = self._parts.pop()
            kept = last.rstrip()
            self._length -= len(last) - len(kept)
            if kept:
                self._parts.append(kept)

    def paragraph(self) -> Paragraph:
        first = self.first
        if len(self._parts) == 1:  # nothing was joined on
            return first
        return Paragraph(
            text="".join(self._parts),
            pieces=self._pieces,
            heading=first.heading,
            style=first.style,
            in_table=first.in_table,
            links=self._links,
        )


_DIRECTIVE_OPENER = regexes.compile(r"<!--\s*pitlint:\s*(?P<kind>ignore-file|ignore)\b", re.IGNORECASE)


class NextMatch:
    """The first match of a pattern at or after a position, asked for at positions that never go
    back (a scan from left to right): a search is only made again once the scan has passed the
    last match found, so a line is searched through once per pattern however many openers it
    has that never close."""

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self._text, self._pattern = text, pattern
        self._asked = -1  # the position the cached answer was searched from
        self._found: re.Match[str] | None = None
        self._end = -1  # where the cached match starts (len(text) when there is none)

    def at_or_after(self, position: int) -> re.Match[str] | None:
        if position < self._asked or position > self._end:
            self._found = self._pattern.search(self._text, position)
            self._end = self._found.start() if self._found else len(self._text)
        self._asked = position
        return self._found


_CLOSING_ANGLE = regexes.compile(">")


def directives(text: str) -> list[tuple[int, int, str, str]]:
    """Inline directives in a line: (start, end, kind, codes) of each
    ``<!-- pitlint: ignore CODES -->`` (or ``ignore-file``). The comment ends at the first ">",
    which must close it ("-->"); found in one pass however many comments never close."""
    found: list[tuple[int, int, str, str]] = []
    closer = NextMatch(text, _CLOSING_ANGLE)
    for opener in _DIRECTIVE_OPENER.finditer(text):
        if found and opener.start() < found[-1][1]:
            continue
        angle = closer.at_or_after(opener.end())
        end = angle.start() if angle else -1
        if end - 2 >= opener.end() and text[end - 2 : end] == "--":
            found.append((opener.start(), end + 1, opener["kind"].lower(), text[opener.end() : end - 2]))
    return found


def selectors(codes_text: str) -> list[str]:
    """The rules a directive names ("PIT401, PIT402", "typo"): codes, names or categories,
    separated by commas or spaces; all rules when it names none."""
    return [code for code in re.split(r"[\s,]+", codes_text.strip()) if code] or ["ALL"]


def _blank_directives(text: str, found: list[tuple[int, int, str, str]] | None = None) -> str:
    """The text with each directive replaced by as many spaces, every other character in place."""
    parts: list[str] = []
    position = 0
    for start, end, _, _ in directives(text) if found is None else found:
        parts += [text[position:start], " " * (end - start)]
        position = end
    return "".join([*parts, text[position:]])


def apply_directives(lines: list[str], paragraphs: list[Paragraph]) -> tuple[list[Paragraph], tuple[str, ...]]:
    """Inline silencing in text and markdown: ``<!-- pitlint: ignore PIT401, PIT402 -->`` silences
    those rules (codes, names or categories; all rules without any) for the paragraph it is in,
    or for the next paragraph when it stands on a line of its own; ``ignore-file`` for the whole
    file. Paragraphs that are nothing but directives are dropped."""
    whole_file: list[str] = []
    pending: dict[int, list[str]] = {}  # line number -> selectors for the paragraph at/after it
    for number, line in enumerate(lines, start=1):
        if "<!--" not in line:
            continue
        found = directives(line)
        alone = bool(found) and not _blank_directives(line, found).strip()
        for _, _, kind, codes_text in found:
            codes = selectors(codes_text)
            if kind == "ignore-file":
                whole_file.extend(codes)
                continue
            pending.setdefault(number + 1 if alone else number, []).extend(codes)
    kept: list[Paragraph] = []
    for paragraph in paragraphs:  # blank the directives out, keeping every other character where it was
        if "<!--" in paragraph.text:
            paragraph.text = _blank_directives(paragraph.text).rstrip()
        if paragraph.text.strip():
            kept.append(paragraph)
    _silence(kept, pending)
    return kept, tuple(whole_file)


def _silence(paragraphs: list[Paragraph], pending: dict[int, list[str]]) -> None:
    """Give each pending directive to the first paragraph that reaches its line."""
    reach: list[int] = []  # the furthest line any paragraph so far reaches, in reading order
    for paragraph in paragraphs:
        first = paragraph.line or 0
        last = max((piece.line or 0) for piece in paragraph.pieces) if paragraph.pieces else first
        reach.append(max(last, reach[-1] if reach else last))
    for target, codes in sorted(pending.items()):
        at = bisect.bisect_left(reach, target)
        if at < len(paragraphs):
            paragraphs[at].silenced = (*paragraphs[at].silenced, *codes)
