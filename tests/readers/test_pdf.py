"""PDF: real files laid out by fpdf2 and read back through pdfminer's layout analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.errors import ReadError
from pitlint.readers import read

HARM = (
    "The disclosure of the requested information would provide the public at large with details of force "
    "systems which are intended to be secure. The requested information could be used by a hostile party "
    "to plan and execute an attack on force systems."
)


def test_headings_wrapped_lines_and_pages(tmp_path: Path, pdf_maker):
    filler = [
        ("p", f"Paragraph {n} of the factors against disclosure, long enough to wrap onto a second line.")
        for n in range(12)
    ]
    path = pdf_maker(
        tmp_path / "pit.pdf",
        [
            ("h", "Harm"),
            ("p", HARM),
            ("h", "Factors against disclosure"),
            *filler,
            ("cut", "Weakening the mechanisms"),
            ("page", ""),
            ("p", "used to monitor any type of criminal activity would place the country at risk."),
            ("h", "Balancing Test"),
            ("p", "The balance test favours non-disclosure."),
        ],
        page_numbers=True,
    )
    paragraphs = read(path).paragraphs
    assert [(p.text, p.page) for p in paragraphs if p.heading] == [
        ("Harm", 1),
        ("Factors against disclosure", 1),
        ("Balancing Test", 2),
    ]
    assert paragraphs[1].text == HARM  # three visual lines, one paragraph
    assert not any(p.text.startswith("Page ") for p in paragraphs)  # footers dropped
    cut = next(p for p in paragraphs if p.text.startswith("Weakening"))
    assert cut.text == (
        "Weakening the mechanisms used to monitor any type of criminal activity would place the country at risk."
    )
    start = cut.text.index("used to")
    assert (cut.locate(0).page, cut.locate(start).page) == (1, 2)
    assert paragraphs[-1].text == "The balance test favours non-disclosure."
    assert len(paragraphs) == 3 + 12 + 1 + 2


def test_plain_headings_set_tight_in_one_block_are_their_own_paragraphs(tmp_path: Path):
    """Headings in the body font, lines set close enough that the layout makes one text box of
    the whole PIT (as a word processor exporting a plain-text draft does): each heading is its own
    paragraph, so the sections are found (only the factors against, which the text lacks, are missing)."""
    from fpdf import FPDF

    from tests.conftest import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(
        0,
        4.6,
        "Public Interest Test - 15/26\nHarm in confirming or denying that the information requested is held\n"
        "Naming the sites would let offenders plan around the "
        "patrols that protect them at night in the county.\nFactors favouring disclosure:\n"
        "Release would show how public money is spent on patrols.\nBalancing test\n"
        "The balance favours withholding the information.",
    )
    path = tmp_path / "plain.pdf"
    pdf.output(str(path))
    assert [p.text for p in read(path).paragraphs] == [
        "Public Interest Test - 15/26",  # two headings in a row: each its own
        "Harm in confirming or denying that the information requested is held",  # most of the width, then a capital
        "Naming the sites would let offenders plan around the patrols that protect them at night in the county.",
        "Factors favouring disclosure:",
        "Release would show how public money is spent on patrols.",
        "Balancing test",
        "The balance favours withholding the information.",
    ]
    from pitlint.config import Config
    from pitlint.engine import check

    (report,) = check([path], Config(select=("structure",))).files
    assert [(f.rule.code, f.message) for f in report.findings] == [
        ("PIT103", "No factors against disclosure: nothing supports maintaining the exemption."),
    ]


def test_author_metadata_is_kept(tmp_path: Path, pdf_maker):
    path = pdf_maker(tmp_path / "pit.pdf", [("p", HARM)], author="J. Smith")
    assert read(path).facts.metadata["author"] == "J. Smith"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Just some words in a file called pdf", "not a PDF file (no %PDF header)"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 200, "not a readable PDF"),
    ],
)
def test_broken_pdfs_are_refused(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(ReadError) as raised:
        read(path)
    assert raised.value.reason.startswith(reason)
    assert "\n" not in raised.value.reason


def test_truncated_pdf_is_refused(tmp_path: Path, pdf_maker):
    whole = pdf_maker(tmp_path / "whole.pdf", [("h", "Harm"), ("p", HARM)]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    try:
        document = read(path)
    except ReadError as error:
        assert "\n" not in error.reason
    else:  # pdfminer may recover the pages it can reach; what it returns must still be sane
        assert all(p.text.strip() for p in document.paragraphs)
