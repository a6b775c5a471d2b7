"""Word: text as published, headings by style or bold, tables in reading order, and the
publication facts (revisions, comments, hidden text, metadata) kept on the Document."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from pitlint.document import Comment, Link, Revision
from pitlint.errors import ReadError
from pitlint.readers import read
from tests.docxmaker import add_bold_heading, add_deletion, add_hidden, add_hyperlink, add_insertion


def _draft(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.author = "A. Officer"
    document.core_properties.last_modified_by = "B. Reviewer"
    document.core_properties.comments = ""
    document.add_heading("Public Interest Test", level=1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Request:"
    table.cell(0, 1).text = "Number of drones owned by the force."
    add_bold_heading(document, "Harm")
    harm = document.add_paragraph("Disclosure would be likely to prejudice the prevention of crime")
    add_insertion(harm, " and the apprehension of offenders")
    harm.add_run(".")
    add_deletion(harm, " The drones are kept at Birmingham Airport.")
    add_hidden(harm, " Internal note: ask the air unit.")
    favouring = document.add_paragraph("Factors favouring disclosure", style="Heading 2")
    assert favouring.style.name == "Heading 2"
    body = document.add_paragraph("Guidance is published in the ")
    add_hyperlink(body, "Authorised Professional Practice", "https://www.college.police.uk/app")
    body.add_run(".")
    commented = document.add_paragraph("Transparency about spending on drones is in the public interest.")
    document.add_comment(commented.runs, text="Is this still true?", author="B. Reviewer")
    broken = document.add_paragraph("The balance test favours")
    broken.add_run().add_break(WD_BREAK.PAGE)
    broken.add_run("non-disclosure of the information.")
    document.save(str(path))
    return path


def test_published_text_headings_and_tables(tmp_path: Path):
    document = read(_draft(tmp_path / "draft.docx"))
    assert [(p.index, p.text, p.heading, p.in_table) for p in document.paragraphs] == [
        (1, "Public Interest Test", True, False),
        (2, "Request:", None, True),
        (3, "Number of drones owned by the force.", None, True),
        (4, "Harm", True, False),
        (
            5,
            "Disclosure would be likely to prejudice the prevention of crime and the apprehension of offenders.",
            None,
            False,
        ),
        (6, "Factors favouring disclosure", True, False),
        (7, "Guidance is published in the Authorised Professional Practice.", None, False),
        (8, "Transparency about spending on drones is in the public interest.", None, False),
        (9, "The balance test favours non-disclosure of the information.", None, False),
    ]
    assert document.paragraphs[0].style == "Heading 1"
    link_start = document.paragraphs[6].text.index("Authorised")
    assert document.paragraphs[6].links == [
        Link("https://www.college.police.uk/app", link_start, link_start + len("Authorised Professional Practice"))
    ]
    where = document.paragraphs[4].locate(0, 10)
    assert (where.paragraph, where.line, where.page) == (5, None, None)


def test_publication_facts_are_kept(tmp_path: Path):
    facts = read(_draft(tmp_path / "draft.docx")).facts
    assert facts.revisions == [
        Revision("insertion", " and the apprehension of offenders", 5, "J. Smith", "2026-11-01T09:00:00Z"),
        Revision("deletion", " The drones are kept at Birmingham Airport.", 5, "J. Smith", "2026-11-01T09:00:00Z"),
    ]
    assert facts.comments == [
        Comment(
            "Is this still true?",
            8,
            "Transparency about spending on drones is in the public interest.",
            "B. Reviewer",
        )
    ]
    assert facts.hidden_text == [(5, " Internal note: ask the air unit.")]
    assert facts.metadata == {"author": "A. Officer", "last_modified_by": "B. Reviewer"}


def test_corrupt_and_legacy_files_are_refused_with_a_reason(tmp_path: Path):
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"this is not a zip file at all")
    legacy = tmp_path / "legacy.docx"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    cases = {
        garbage: "not a Word .docx file (it is not a zip package)",
        legacy: "a legacy Word (.doc) or password-protected Office file; save it as an unprotected .docx",
        other_zip: "not a Word .docx file (no main document part inside)",
    }
    for path, reason in cases.items():
        with pytest.raises(ReadError) as raised:
            read(path)
        assert raised.value.reason == reason


def test_truncated_docx_is_refused(tmp_path: Path):
    whole = _draft(tmp_path / "whole.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ReadError) as raised:
        read(truncated)
    assert "\n" not in raised.value.reason
    assert raised.value.reason.startswith("not a Word .docx file")
