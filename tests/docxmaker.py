"""Builds real Word files for the tests and the shipped example: python-docx for what it
supports, and the WordprocessingML it does not write (tracked changes, hidden text, hyperlinks)
added as Word itself writes it."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

DATE = "2026-11-01T09:00:00Z"


def _run(text: str) -> OxmlElement:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def add_insertion(paragraph: Paragraph, text: str, author: str = "J. Smith", revision: int = 1) -> None:
    """A tracked insertion, as Word writes it: <w:ins><w:r><w:t>text</w:t></w:r></w:ins>."""
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), str(revision))
    ins.set(qn("w:author"), author)
    ins.set(qn("w:date"), DATE)
    ins.append(_run(text))
    paragraph._p.append(ins)


def add_deletion(paragraph: Paragraph, text: str, author: str = "J. Smith", revision: int = 2) -> None:
    """A tracked deletion: the deleted words stay in the file as <w:delText>."""
    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), str(revision))
    deletion.set(qn("w:author"), author)
    deletion.set(qn("w:date"), DATE)
    run = OxmlElement("w:r")
    deleted = OxmlElement("w:delText")
    deleted.set(qn("xml:space"), "preserve")
    deleted.text = text
    run.append(deleted)
    deletion.append(run)
    paragraph._p.append(deletion)


def add_hidden(paragraph: Paragraph, text: str) -> Run:
    """Text formatted as hidden (w:vanish): invisible in Word, still in the file."""
    run = paragraph.add_run(text)
    run.font.hidden = True
    return run


def add_hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A real Word hyperlink: the address lives in a relationship, not in the text."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.append(_run(text))
    paragraph._p.append(link)


def add_bold_heading(document, text: str) -> Paragraph:  # docx.Document
    """A heading typed as a short bold line in Normal style, as many teams do."""
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph
