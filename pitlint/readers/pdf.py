"""Published PDFs, read with pdfminer.six's layout analysis (with a ceiling on its work:
readers/_pdfbounds.py).

Each text box becomes a paragraph (a bold line, or a short heading-shaped line at its start or after
a finished sentence, becomes its own paragraph), page numbers
in headers and footers are dropped, and sentences that run across boxes or pages are joined
again. Paragraphs remember their page.

What a PDF shows besides its text is recorded too: reviewers' notes, and words struck through
(a tracked deletion printed with its markup, as Word's and LibreOffice's "show changes" exports
do: the deleted words are published, only crossed out).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import NamedTuple

from pitlint import regexes
from pitlint.document import Comment, Document, Paragraph, PublicationFacts, Revision
from pitlint.errors import ReadError
from pitlint.readers._paragraphs import SHORT_LINE, ParagraphBuilder, join_continued, looks_like_heading, opens_section

SUFFIXES = (".pdf",)
SHORT_OF_MARGIN = 0.85  # of the box's width: a heading-shaped line this short, then a capital, is a heading
MAX_PAGES = 500

_BOLD_FONT = regexes.compile(r"bold|black|heavy", re.IGNORECASE)
_PAGE_NUMBER = regexes.compile(r"^\s*(page\s+)?\d+(\s*(of|/)\s*\d+)?\s*$", re.IGNORECASE)
# where a strike-through crosses its characters, as a share of their height above their box's
# bottom (the descent included): LibreOffice's and Word's at 0.28-0.45; an underline runs below
# the baseline (under 0.15), a table's or a heading's rule between lines (outside the box)
STRIKE_LOW, STRIKE_HIGH = 0.2, 0.7
MAX_STROKE = 1.6  # points: a bar thicker than this across words is a box, a highlight or a redaction
MIN_STRUCK = 2  # characters: a stroke over less is a dash or an accent, not words struck out
MAX_STROKES = 1_000  # thin rules on a page: past this it is a drawing or a form, not marked-up text


def _decode(value: object) -> str:
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        return value.decode("latin-1")
    return str(value)


def _line_is_bold(line) -> bool:  # pdfminer LTTextLine
    from pdfminer.layout import LTChar

    fonts = {char.fontname for char in line if isinstance(char, LTChar) and not char.get_text().isspace()}
    return bool(fonts) and all(_BOLD_FONT.search(font) for font in fonts)


def _box_paragraphs(box, page_number: int) -> list[Paragraph]:  # pdfminer LTTextBox
    from pdfminer.layout import LTTextLine

    lines = [line for line in box if isinstance(line, LTTextLine)]
    lines = [line for line in lines if line.get_text().strip() and not _PAGE_NUMBER.match(line.get_text())]
    paragraphs: list[Paragraph] = []
    builder = ParagraphBuilder()
    previous: str | None = None
    texts = [re.sub(r"\s+", " ", line.get_text()).strip() for line in lines]  # justified text has runs of spaces
    for number, (line, text) in enumerate(zip(lines, texts, strict=True)):
        bold = _line_is_bold(line) and looks_like_heading(text)
        # a plain heading between paragraphs that the layout put in one box ("Evidence of Harm:"):
        # short, or short of the margin with a sentence starting on the line after it
        following = texts[number + 1] if number + 1 < len(texts) else ""
        short = line.width < SHORT_LINE * box.width or (
            line.width < SHORT_OF_MARGIN * box.width and following[:1].isupper()
        )
        plain = opens_section(previous, text, short)
        if bold or plain:
            if builder:
                paragraphs.append(builder.build())
                builder = ParagraphBuilder()
            heading = ParagraphBuilder()
            heading.add(text, page=page_number)
            paragraphs.append(heading.build(heading=True if bold else None))
            previous = None  # what follows a heading starts afresh, another heading too
            continue
        builder.add(text, page=page_number)
        previous = text
    if builder:
        paragraphs.append(builder.build())
    return paragraphs


class _Stroke(NamedTuple):
    """A horizontal rule drawn on a page: from x0 to x1 at height y."""

    x0: float
    x1: float
    y: float


class _Rules:
    """A page's thin horizontal rules (lines, and rectangles no taller than a stroke), by height."""

    def __init__(self, page) -> None:  # pdfminer LTPage
        from pdfminer.layout import LTCurve

        strokes = []
        for element in page:
            if isinstance(element, LTCurve) and element.height <= MAX_STROKE and element.width > 1:
                strokes.append(_Stroke(element.x0, element.x1, (element.y0 + element.y1) / 2))
                if len(strokes) > MAX_STROKES:
                    strokes = []  # (each line of text is compared with the rules at its height: bounded work)
                    break
        self.strokes = sorted(strokes, key=lambda stroke: stroke.y)
        self.heights = [stroke.y for stroke in self.strokes]

    def __bool__(self) -> bool:
        return bool(self.strokes)

    def between(self, low: float, high: float) -> list[_Stroke]:
        return self.strokes[bisect.bisect_left(self.heights, low) : bisect.bisect_right(self.heights, high)]


def _struck_text(line, rules: _Rules) -> list[tuple[str, bool, bool]]:  # pdfminer LTTextLine
    """The words a stroke crosses through their middle on this line, each run as (text, whether it
    starts the line, whether it ends it)."""
    from pdfminer.layout import LTChar

    near = rules.between(line.y0 - 1, line.y1)
    if not near:
        return []
    items = list(line)
    struck = [False] * len(items)
    for stroke in near:
        if stroke.x1 <= line.x0 or stroke.x0 >= line.x1:
            continue
        for position, item in enumerate(items):
            if not isinstance(item, LTChar) or not stroke.x0 <= (item.x0 + item.x1) / 2 <= stroke.x1:
                continue
            height = item.y1 - item.y0
            if height > 0 and STRIKE_LOW <= (stroke.y - item.y0) / height <= STRIKE_HIGH:
                struck[position] = True
    shown = [p for p, item in enumerate(items) if isinstance(item, LTChar) and item.get_text().strip()]
    runs = []
    position = 0
    while position < len(items):
        if not struck[position]:
            position += 1
            continue
        end = position
        while end + 1 < len(items) and (struck[end + 1] or not isinstance(items[end + 1], LTChar)):
            end += 1  # (the spaces pdfminer puts between words belong to the run they are inside)
        while not struck[end]:
            end -= 1
        text = " ".join("".join(item.get_text() for item in items[position : end + 1]).split())
        if sum(1 for char in text if char.isalnum()) >= MIN_STRUCK:
            runs.append((text, position <= shown[0], end >= shown[-1]))
        position = end + 1
    return runs


def _struck_runs(box, rules: _Rules) -> list[str]:  # pdfminer LTTextBox
    """The struck-through passages of a text box, a passage struck to a line's end and on from the
    next line's start joined into one."""
    from pdfminer.layout import LTTextLine

    passages: list[str] = []
    open_to_next = False
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        runs = _struck_text(line, rules)
        for number, (text, starts, _) in enumerate(runs):
            if number == 0 and starts and open_to_next and passages:
                passages[-1] += " " + text
            else:
                passages.append(text)
        open_to_next = bool(runs) and runs[-1][2]
    return passages


def _where(paragraphs: list[Paragraph], page: int, text: str) -> int:
    """The number of the paragraph on the page whose text holds the passage (0: none)."""
    for paragraph in paragraphs:
        if (paragraph.page == page or any(piece.page == page for piece in paragraph.pieces)) and text in paragraph.text:
            return paragraph.index
    return 0


def _annotations(page, page_number: int) -> list[Comment]:  # pdfminer PDFPage
    """Reviewers' notes left on a page (links and form fields are not notes)."""
    from pdfminer.pdftypes import resolve1

    notes: list[Comment] = []
    for reference in resolve1(page.annots) or []:
        annotation = resolve1(reference)
        if not isinstance(annotation, dict):
            continue
        subtype = str(resolve1(annotation.get("Subtype", "")))
        if "Link" in subtype or "Widget" in subtype or "Popup" in subtype:
            continue
        text = _decode(resolve1(annotation.get("Contents", b""))).strip()
        author = _decode(resolve1(annotation.get("T", b""))).strip() or None
        notes.append(Comment(text, None, anchor=f"page {page_number}", author=author))
    return notes


def _metadata(info: object) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1

    metadata: dict[str, str] = {}
    if isinstance(info, dict):
        for key in ("Author", "Creator", "Producer", "Title", "Subject"):
            text = _decode(resolve1(info.get(key, b""))).strip()
            if text:
                metadata[key.lower()] = text
    return metadata


def _open_error(path: Path, error: Exception) -> ReadError:
    name = error.__class__.__name__
    if "Password" in name or "Encryption" in name or "NotAllowed" in name:
        return ReadError(path, "the PDF is encrypted or password-protected; publish an unprotected copy to check it")
    return ReadError(path, f"not a readable PDF ({name}: {error})".replace("\n", " "))


def read(path: Path) -> Document:
    from pdfminer.layout import LTTextBox
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    from pitlint.readers._inflation import TooMuchInflation, bounded, budget_for
    from pitlint.readers._pdfbounds import open_bounded

    size = path.stat().st_size
    with path.open("rb") as handle, bounded(size):
        if not handle.read(1024).lstrip().startswith(b"%PDF"):
            raise ReadError(path, "not a PDF file (no %PDF header)")
        handle.seek(0)
        try:
            document = PDFDocument(PDFParser(handle))
            if not document.is_extractable:
                raise ReadError(path, "the PDF forbids text extraction")
            device, interpreter = open_bounded(path)
            raw: list[Paragraph] = []
            notes: list[Comment] = []
            struck: list[tuple[int, str]] = []  # (page, passage)
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                if number > MAX_PAGES:
                    raise ReadError(path, f"refused: more than {MAX_PAGES} pages")
                interpreter.process_page(page)
                notes.extend(_annotations(page, number))
                layout = device.get_result()
                rules = _Rules(layout)
                for element in layout:
                    if isinstance(element, LTTextBox):
                        raw.extend(_box_paragraphs(element, number))
                        if rules:
                            struck.extend((number, text) for text in _struck_runs(element, rules))
            metadata = _metadata(document.info[0] if document.info else {})
        except ReadError:
            raise
        except TooMuchInflation:
            raise ReadError(
                path, f"refused: its compressed streams inflate to over {budget_for(size) // 2**20} MB"
            ) from None
        except Exception as error:  # pdfminer raises many unrelated types for broken files
            raise _open_error(path, error) from None
    facts = PublicationFacts(comments=notes, metadata=metadata)
    document = Document(str(path), "pdf", join_continued([p for p in raw if p.text.strip()]), facts)
    facts.revisions += [Revision("struck", text, _where(document.paragraphs, page, text)) for page, text in struck]
    return document
