"""The normalised view of a paragraph: the text as matching wants it (NFKC, no invisible
characters, look-alike letters read as Latin, single spaces), mapped back to the original
characters, which the Document keeps for excerpts and positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.document import Paragraph, Piece, normalise
from pitlint.readers import read

SOFT_HYPHEN, ZERO_WIDTH, CYRILLIC_E, NBSP = "\u00ad", "\u200b", "\u0435", "\u00a0"
LINE = (
    f"Disclosure would pre{SOFT_HYPHEN}vent the dis{ZERO_WIDTH}closure of pr{CYRILLIC_E}judicial "
    f"\ufb01nance{NBSP}{NBSP}data and  Москва stays."
)


def test_normalised_text_reads_plain_words_and_maps_back(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(f"Harm\n\n{LINE}\n", encoding="utf-8")
    paragraph = read(draft).paragraphs[1]
    assert paragraph.text == LINE  # the original is kept
    normalised = paragraph.normalised
    assert normalised.text == "Disclosure would prevent the disclosure of prejudicial finance data and Москва stays."
    for word, original in [
        ("prevent", f"pre{SOFT_HYPHEN}vent"),
        ("disclosure", f"dis{ZERO_WIDTH}closure"),
        ("prejudicial", f"pr{CYRILLIC_E}judicial"),
        ("finance data", f"\ufb01nance{NBSP}{NBSP}data"),
        ("Москва", "Москва"),
    ]:
        start = normalised.text.index(word)
        begin, end = normalised.original(start, start + len(word))
        assert paragraph.text[begin:end] == original
        # positions are those of the original characters: line 3, columns as in the file
        where = paragraph.locate_normalised(start, start + len(word))
        assert where == paragraph.locate(begin, end)
        assert (where.line, where.column, where.end_column) == (3, begin + 1, end)
    # positions in the original are those of the file, invisible characters counted
    line = draft.read_text(encoding="utf-8").splitlines()[2]
    assert paragraph.locate(paragraph.text.index("stays")).column == line.index("stays") + 1


def test_lookalikes_only_inside_latin_words():
    text = (
        f"N{CYRILLIC_E}ither c\u043enfirm n\u043er deny; \u0440\u0435\u0441 and \u041c\u043e\u0441\u043a\u0432\u0430."
    )
    assert (
        normalise(text).text == "Neither confirm nor deny; \u0440\u0435\u0441 and \u041c\u043e\u0441\u043a\u0432\u0430."
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("", ""),
        ("plain text", "plain text"),
        ("  tabs\tand\r\nlines  ", " tabs and lines "),
        (f"a {ZERO_WIDTH} b", "a b"),  # the space after a removed character is not doubled
        ("cafe\u0301 \uff26\uff2f\uff29", "caf\u00e9 FOI"),  # NFKC composes and folds full width
        (f"{SOFT_HYPHEN}{ZERO_WIDTH}\ufeff", ""),
    ],
)
def test_normalising(source: str, expected: str):
    normalised = normalise(source)
    assert normalised.text == expected
    for start in range(len(expected) + 1):
        for end in range(start, len(expected) + 1):
            begin, stop = normalised.original(start, end)
            assert 0 <= begin <= stop <= len(source)


def test_view_follows_the_text():
    paragraph = Paragraph(f"pre{SOFT_HYPHEN}vent", pieces=[Piece(0, line=1, column=1)])
    assert paragraph.normalised.text == "prevent"
    assert paragraph.normalised is paragraph.normalised  # made once
    paragraph.text = "withheld"
    assert paragraph.normalised.text == "withheld"
