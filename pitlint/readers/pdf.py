"""Published PDFs, read with pdfminer.six's layout analysis (with a ceiling on its work:
readers/_pdfbounds.py).

Each text box becomes a paragraph (a bold line, or a short heading-shaped line at its start or after
a finished sentence, becomes its own paragraph), page numbers
in headers and footers are dropped, and sentences that run across boxes or pages are joined
again. Paragraphs remember their page.
"""

from __future__ import annotations

import re
from pathlib import Path

from pitlint import regexes
from pitlint.document import Comment, Document, Paragraph, PublicationFacts
from pitlint.errors import ReadError
from pitlint.readers._paragraphs import SHORT_LINE, ParagraphBuilder, join_continued, looks_like_heading, opens_section

SUFFIXES = (".pdf",)
SHORT_OF_MARGIN = 0.85  # of the box's width: a heading-shaped line this short, then a capital, is a heading
MAX_PAGES = 500

_BOLD_FONT = regexes.compile(r"bold|black|heavy", re.IGNORECASE)
_PAGE_NUMBER = regexes.compile(r"^\s*(page\s+)?\d+(\s*(of|/)\s*\d+)?\s*$", re.IGNORECASE)


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
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                if number > MAX_PAGES:
                    raise ReadError(path, f"refused: more than {MAX_PAGES} pages")
                interpreter.process_page(page)
                notes.extend(_annotations(page, number))
                for element in device.get_result():
                    if isinstance(element, LTTextBox):
                        raw.extend(_box_paragraphs(element, number))
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
    return Document(str(path), "pdf", join_continued([p for p in raw if p.text.strip()]), facts)
