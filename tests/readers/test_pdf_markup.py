"""PDFs exported with their markup showing: LibreOffice (as Word does with "show markup") prints a
tracked deletion struck through, so the deleted words are published. Real Word files, written by
python-docx, exported by a real headless LibreOffice, read back through pdfminer."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
from docx.enum.text import WD_UNDERLINE

from pitlint.readers import read
from tests.conftest import require, run_pitlint
from tests.docxmaker import add_deletion, add_hyperlink, add_insertion

SOFFICE = require("soffice", "exports the Word drafts these tests read as PDFs")

DELETED = (
    "The footage is kept on the supplier's cloud for ninety days before it is reviewed by the "
    "digital evidence team and then deleted."
)


def _exported(tmp_path: Path, document) -> Path:  # docx.Document
    source = tmp_path / "draft.docx"
    document.save(str(source))
    out = tmp_path / "pdf"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to",
         "pdf", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / "draft.pdf"


def _with_a_deletion(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Harm")
    paragraph = document.add_paragraph("The force holds footage from its body-worn cameras. ")
    add_deletion(paragraph, DELETED + " ")
    paragraph.add_run("It is reviewed by supervisors.")
    inserted = document.add_paragraph("Disclosure would ")
    add_insertion(inserted, "be likely to ")
    inserted.add_run("prejudice the prevention or detection of crime.")
    return _exported(tmp_path, document)


def test_a_deletion_printed_struck_through_is_read_whole_across_lines(tmp_path: Path):
    document = read(_with_a_deletion(tmp_path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[1] == f"The force holds footage from its body-worn cameras. {DELETED} It is reviewed by supervisors."
    assert [(r.kind, r.text, r.paragraph) for r in document.facts.revisions] == [("struck", DELETED, 2)]


def test_underlines_rules_tables_and_links_are_not_strikes(tmp_path: Path):
    document = docx.Document()
    heading = document.add_paragraph("Evidence of harm")
    heading.runs[0].font.underline = True
    paragraph = document.add_paragraph("Disclosure would reveal ")
    paragraph.add_run("tactical capability").font.underline = WD_UNDERLINE.DOUBLE
    paragraph.add_run(" in the area. See ")
    add_hyperlink(paragraph, "the ICO's guidance", "https://ico.org.uk/for-organisations/")
    paragraph.add_run(" for more.")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, (("Year", "Incidents"), ("2024", "17")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Section 31(1)(a) is a qualified, prejudice-based exemption.")
    read_back = read(_exported(tmp_path, document))
    assert any("tactical capability" in paragraph.text for paragraph in read_back.paragraphs)
    assert read_back.facts.revisions == []


def test_words_struck_on_purpose_are_reported_too(tmp_path: Path):
    document = docx.Document()
    paragraph = document.add_paragraph("The unit has ")
    paragraph.add_run("twelve").font.strike = True
    paragraph.add_run(" ten officers.")
    revisions = read(_exported(tmp_path, document)).facts.revisions
    assert [(r.kind, r.text, r.paragraph) for r in revisions] == [("struck", "twelve", 1)]


def test_the_check_reports_the_struck_words_where_they_are(tmp_path: Path):
    pdf = _with_a_deletion(tmp_path)
    result = run_pitlint("check", pdf, "--select", "PIT701", "-f", "json")
    assert result.code == 1, result.stderr
    [finding] = result.json["files"][0]["findings"]
    assert finding["code"] == "PIT701"
    assert finding["message"] == f'Struck-through words are printed in the PDF: "{DELETED}"'
    assert (finding["page"], finding["paragraph"], finding["excerpt"]) == (1, 2, DELETED)
    assert finding["suggestion"].startswith("A tracked deletion exported with its markup")
