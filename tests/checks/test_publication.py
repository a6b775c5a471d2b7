"""What must never be published: tracked changes, comments, hidden text, personal metadata and
embedded objects in Word files; author metadata and annotations in PDFs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from pitlint.config import Config
from pitlint.engine import check
from tests.docxmaker import add_deletion, add_hidden, add_insertion

CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Reviewer">'
    "<vt:lpwstr>B. Reviewer</vt:lpwstr></property></Properties>"
)


def _with_parts(path: Path) -> None:
    """Add a custom properties part and an embedded OLE object, as Word writes them."""
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                    b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
                    b"</Types>",
                )
            elif item.filename == "_rels/.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdOle1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>',
                )
            target.writestr(item, content)
        target.writestr("docProps/custom.xml", CUSTOM)
        target.writestr("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 an embedded workbook")


def test_everything_a_word_file_carries(tmp_path: Path):
    document = docx.Document()
    document.core_properties.author = "A. Officer"
    document.core_properties.last_modified_by = "B. Reviewer"
    document.core_properties.comments = ""
    document.add_paragraph("Harm")
    body = document.add_paragraph("Disclosure would harm crime prevention.")
    add_deletion(body, " The drones are kept at Birmingham Airport.")
    add_insertion(body, " It would also cost money.")
    add_hidden(body, " Internal note: ask the air unit.")
    commented = document.add_paragraph("Transparency matters.")
    document.add_comment(commented.runs, text="Is this still true?", author="B. Reviewer")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    _with_parts(path)
    (report,) = check([path], Config(select=("publication",))).files
    found = [
        (f.rule.code, f.severity.value, f.location.paragraph if f.location else None, f.excerpt, f.message)
        for f in report.findings
    ]
    assert found == [
        ("PIT704", "warning", None, "", 'The file\'s author is "A. Officer"'),
        ("PIT704", "warning", None, "", 'The file\'s custom property Reviewer is "B. Reviewer"'),
        ("PIT704", "warning", None, "", 'The file\'s last modified by is "B. Reviewer"'),
        ("PIT705", "error", None, "", "1 embedded object is in the file."),
        (
            "PIT701",
            "error",
            2,
            "The drones are kept at Birmingham Airport.",
            'A tracked deletion by J. Smith is still in the file: "The drones are kept at Birmingham Airport."',
        ),
        (
            "PIT701",
            "error",
            2,
            "It would also cost money.",
            'A tracked insertion by J. Smith is not yet accepted: "It would also cost money."',
        ),
        (
            "PIT703",
            "error",
            2,
            "Internal note: ask the air unit.",
            'Hidden text is in the file: "Internal note: ask the air unit."',
        ),
        ("PIT702", "error", 3, "Is this still true?", 'A comment by B. Reviewer is in the file: "Is this still true?"'),
    ]


def test_a_clean_word_file_has_no_publication_findings(tmp_path: Path):
    document = docx.Document()
    document.core_properties.author = "West Midlands Police FOI Unit"  # a team, as the rule advises
    document.core_properties.last_modified_by = "Information Compliance Team"
    document.core_properties.comments = ""
    document.add_paragraph("Harm")
    document.add_paragraph("Disclosure would harm crime prevention.")
    path = tmp_path / "clean.docx"
    document.save(str(path))
    (report,) = check([path], Config(select=("publication",))).files
    assert report.findings == []


def test_pdf_author_and_annotations(tmp_path: Path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_author("J. Smith")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Harm")
    pdf.text_annotation(20, 20, "Remove before publishing")
    path = tmp_path / "published.pdf"
    pdf.output(str(path))
    (report,) = check([path], Config(select=("publication",))).files
    assert [(f.rule.code, f.message) for f in report.findings] == [
        ("PIT702", 'A comment (page 1) is in the file: "Remove before publishing"'),
        ("PIT704", 'The file\'s author is "J. Smith"'),
    ]


@pytest.mark.parametrize(
    ("comments", "expected"),
    [
        ("generated by python-docx", []),
        ("Final version for the disclosure log", []),
        ("Checked by Jane Smith", ['The file\'s comments property is "Checked by Jane Smith"']),
        ("Ask J. Smith first", ['The file\'s comments property is "Ask J. Smith first"']),
        (
            "queries to foi.team@example.police.uk",
            ['The file\'s comments property is "queries to foi.team@example.police.uk"'],
        ),
    ],
)
def test_the_comments_property_is_reported_when_it_names_someone(tmp_path: Path, comments: str, expected: list[str]):
    document = docx.Document()
    document.core_properties.author = "FOI Unit"
    document.core_properties.last_modified_by = "FOI Unit"
    document.core_properties.comments = comments
    document.add_paragraph("Harm")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    (report,) = check([path], Config(select=("PIT704",))).files
    assert [f.message for f in report.findings] == expected
