"""Plain text: paragraphs, line/column positions, and text that extraction mangled."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.errors import ReadError
from pitlint.readers import read


def _paragraph(document, start: str):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def test_pdf_extracted_lines_are_joined_into_paragraphs(seeds):
    """Seed 004 has every visual line of a PDF as its own paragraph."""
    document = read(seeds["004"])
    assert len(document.paragraphs) == 20
    harm = document.paragraphs[2]
    assert harm.text == (
        "The disclosure of the requested information would provide the public at large with details of "
        "force systems and products which are intended to be secure. These systems and products "
        "are secure because they contain a variety of information which relates to policing activities."
    )
    assert (harm.line, harm.pieces[0].column) == (5, 1)
    start = harm.text.index("These systems")
    where = harm.locate(start, start + len("These systems"))
    assert (where.line, where.column, where.end_line, where.end_column) == (7, 61, 7, 73)
    assert [p.text for p in document.paragraphs if p.text in ("Harm", "Balancing Test")] == ["Harm", "Balancing Test"]


def test_short_lines_after_a_wrapped_line_are_not_wrapped_lines(tmp_path: Path):
    """Extracted line by line, a long unfinished line goes on in the next; but the next after that
    is judged by its own predecessor's length, not by the length of what was joined so far."""
    long = (
        "Regulation 12(5)(a) allows a public authority to refuse to disclose information to the extent that "
        "its disclosure would adversely affect international relations, defence or public safety"
    )
    lines = [
        long,
        "Public Interest Test (if applicable)",
        "Factors for disclosure",
        "There is a public interest in openness",
    ]
    lines += [
        f"Line {n} of the letter, written out to the width of the page and cut off in mid sentence" for n in range(6)
    ]
    draft = tmp_path / "extracted.txt"
    draft.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    texts = [p.text for p in read(draft).paragraphs]
    assert texts[0] == f"{long} Public Interest Test (if applicable)"  # (a wrapped line may go on so)
    assert texts[1] == "Factors for disclosure"


def test_a_line_that_ends_on_section_goes_on_in_its_number(tmp_path: Path):
    draft = tmp_path / "wrapped.txt"
    draft.write_text("Under the Terrorism Act 2000 Section\n44, the police may designate areas.\n", encoding="utf-8")
    assert [p.text for p in read(draft).paragraphs] == [
        "Under the Terrorism Act 2000 Section 44, the police may designate areas."
    ]


def test_a_citation_wrapped_before_its_last_bracket_goes_on(tmp_path: Path):
    draft = tmp_path / "wrapped.txt"
    draft.write_text(
        "The information is withheld under Section 44 of the Act, in line with Section 38 (2) (c)\n"
        "(i) of the Wireless Telegraphy Act 2006, as the stations would be known to all of them.\n\n"
        "The reasons are these:\n"
        "(a) the stations are secret\n"
        "(b) or their frequencies would be known\n",
        encoding="utf-8",
    )
    assert [p.text for p in read(draft).paragraphs] == [
        "The information is withheld under Section 44 of the Act, in line with Section 38 (2) (c) (i) of the "
        "Wireless Telegraphy Act 2006, as the stations would be known to all of them.",
        "The reasons are these:",
        "(a) the stations are secret",
        "(b) or their frequencies would be known",
    ]


def test_sentence_cut_by_a_page_break_is_one_paragraph(seeds):
    """Seed 001: "Weakening the mechanisms" / blank line / "used to monitor ..."."""
    document = read(seeds["001"])
    paragraph = _paragraph(document, "We recognise that the public interest")
    assert "danger. Weakening" not in paragraph.text
    assert paragraph.text.endswith(
        "Weakening the mechanisms used to monitor any type of criminal activity, would place the security of "
        "the country at an increased level of danger."
    )
    start = paragraph.text.index("used to monitor")
    where = paragraph.locate(start, start + len("used to monitor"))
    assert (paragraph.line, where.line, where.column, where.end_column) == (27, 29, 1, 15)
    assert _paragraph(document, "The wider public interest").line == 31


def test_hard_wrapped_block_is_one_paragraph_and_heading_lines_split_off(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Harm\n"
        "Disclosure of the supplier's name would be likely to prejudice\n"
        "the prevention of crime, because offenders could target the\n"
        "system it runs on.\n"
        "- first point\n"
        "- second point\n",
        encoding="utf-8",
    )
    texts = [p.text for p in read(draft).paragraphs]
    assert texts == [
        "Harm",
        "Disclosure of the supplier's name would be likely to prejudice the prevention of crime, because "
        "offenders could target the system it runs on.",
        "- first point",
        "- second point",
    ]


def test_a_heading_after_a_sentence_that_fills_its_line_starts_a_section(tmp_path: Path):
    """Unwrapped paragraphs, one per line, with headings between them and no blank lines: a
    heading after the block's longest line is still a heading, not the end of that sentence."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Evidence of Harm:\n"
        "Naming the sites would let offenders plan around the patrols that protect them at night in the county.\n"
        "Factors favouring disclosure:\n"
        "Release would show how public money is spent.\n"
        "Balancing test\n"
        "The balance favours withholding.\n",
        encoding="utf-8",
    )
    texts = [p.text for p in read(draft).paragraphs]
    assert texts == [
        "Evidence of Harm:",
        "Naming the sites would let offenders plan around the patrols that protect them at night in the county.",
        "Factors favouring disclosure:",
        "Release would show how public money is spent.",
        "Balancing test",
        "The balance favours withholding.",
    ]


def test_a_lead_in_and_a_sentence_the_next_word_would_have_fitted_after_end_their_paragraphs(tmp_path: Path):
    """A line ending "as follows:-" is a lead-in, not a word broken at a hyphen; a finished sentence
    whose line had room for the next line's first word is a paragraph's end, however long its
    line; a hard-wrapped paragraph stays one."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Thank you for your request for information received by the force on the 3rd of May, which was as follows:-\n"
        "Please provide the number of cameras currently under the control of the force in the county.\n"
        "Your request has now been considered and some of the information is given below.\n"
        "\n"
        "Disclosure of the supplier's name would be likely to prejudice the prevention of\n"
        "crime. Offenders could target the system it runs on, and the force would then\n"
        "lose the use of it.\n",
        encoding="utf-8",
    )
    texts = [p.text for p in read(draft).paragraphs]
    assert texts == [
        "Thank you for your request for information received by the force on the 3rd of May, which was as follows:-",
        "Please provide the number of cameras currently under the control of the force in the county.",
        "Your request has now been considered and some of the information is given below.",
        "Disclosure of the supplier's name would be likely to prejudice the prevention of crime. Offenders "
        "could target the system it runs on, and the force would then lose the use of it.",
    ]


def test_windows_1252_text_is_decoded(tmp_path: Path):
    draft = tmp_path / "cp1252.txt"
    draft.write_bytes("The public\u2019s confidence \u2013 \u201cNPCC\u201d guidance.\n".encode("cp1252"))
    assert read(draft).paragraphs[0].text == "The public\u2019s confidence \u2013 \u201cNPCC\u201d guidance."


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path):
    draft = tmp_path / "bom.txt"
    draft.write_bytes("\ufeffHarm\n\nText here.\n".encode())
    paragraphs = read(draft).paragraphs
    assert (paragraphs[0].text, paragraphs[0].pieces[0].column) == ("Harm", 1)


def test_binary_content_named_txt_is_refused(tmp_path: Path):
    draft = tmp_path / "image.txt"
    draft.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ReadError, match="binary content, not a text file"):
        read(draft)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("draft.pages", b"{\\rtf1 hello}", "unsupported file type '.pages'"),
    ],
)
def test_unreadable_files_give_a_reason(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as raised:
        read(path)
    assert raised.value.reason.startswith(reason)
    assert str(raised.value) == f"{path}: {raised.value.reason}"


def test_missing_file(tmp_path: Path):
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "nope.docx")


def test_a_label_line_starts_its_own_paragraph(tmp_path: Path):
    """ "Response" under a request's last item, in a block of wrapped lines or after a blank line, is
    a label, not the end of the item's sentence; "Response sent: 03 June 2025" under it stays apart."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "a. How many animals were used in the test, in each year since the start of the licence period\n"
        "b. Which species were used in the test\n"
        "Response\n"
        "Response sent: 03 June 2025\n"
        "We hold the information.\n",
        encoding="utf-8",
    )
    assert [p.text for p in read(draft).paragraphs] == [
        "a. How many animals were used in the test, in each year since the start of the licence period",
        "b. Which species were used in the test",
        "Response",
        "Response sent: 03 June 2025",
        "We hold the information.",
    ]


def test_a_wrapped_last_word_is_not_a_label(tmp_path: Path):
    """A hard-wrapped sentence whose last word is "request." or "response" after "your" or "our" is
    one paragraph, not a label; a label is capitalised, with no full stop."""
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "We apologise for the delay in replying to your\nrequest.\n\nThe information forms part of our\nresponse\n"
        "and is attached.\n",
        encoding="utf-8",
    )
    assert [p.text for p in read(draft).paragraphs] == [
        "We apologise for the delay in replying to your request.",
        "The information forms part of our response and is attached.",
    ]
