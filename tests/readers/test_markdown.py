"""Markdown: markup stripped, headings found (even glued bold ones), positions kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from pitlint.document import Link
from pitlint.readers import read


def test_bold_markers_glued_to_headings_become_headings(seeds, tmp_path: Path):
    """Seed 002: "**Public Interest Considerations\\nSection 24 National Security****Factors favouring release**"."""
    as_markdown = tmp_path / "002.md"
    shutil.copy(seeds["002"], as_markdown)
    for path in (seeds["002"], as_markdown):
        paragraphs = read(path).paragraphs
        headings = [(p.text, p.line, p.pieces[0].column) for p in paragraphs if p.heading]
        assert headings == [
            ("Public Interest Considerations", 7, 3),
            ("Section 24 National Security", 8, 1),
            ("Factors favouring release", 8, 33),
            ("Factors favouring release", 26, 32),
        ]
        texts = [p.text for p in paragraphs]
        assert "Section 31(3) Law Enforcement" in texts
        assert not any("**" in text for text in texts)


def test_inline_markup_is_stripped_and_links_kept(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Public Interest Test\n"
        "\n"
        "The **withheld** information is described in [the APP](https://www.college.police.uk/app) and\n"
        "at <http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf>.\n",
        encoding="utf-8",
    )
    heading, body = read(draft).paragraphs
    assert (heading.text, heading.heading, heading.line, heading.pieces[0].column) == (
        "Public Interest Test",
        True,
        1,
        3,
    )
    assert body.text == (
        "The withheld information is described in the APP and at "
        "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf."
    )
    start = body.text.index("information")
    where = body.locate(start, start + len("information"))
    assert (where.line, where.column, where.end_column) == (3, 18, 28)
    url_start = body.text.index("http://")
    assert body.locate(url_start).line == 4
    assert body.locate(url_start).column == 5
    assert body.links == [
        Link("https://www.college.police.uk/app", body.text.index("the APP"), body.text.index("the APP") + 7),
        Link(
            "http://library.college.police.uk/docs/APP-Community-Security-Policy-2014.pdf",
            url_start,
            len(body.text) - 1,
        ),
    ]


def test_lists_tables_quotes_and_code(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "Factors against disclosure\n"
        "==========================\n"
        "\n"
        "- Offenders could map force systems.\n"
        "- Suppliers could be targeted.\n"
        "\n"
        "> The public interest is not what interests the public.\n"
        "\n"
        "| Request | Outcome |\n"
        "|---------|---------|\n"
        "| 1187/26 | NCND    |\n"
        "\n"
        "```\n"
        "not prose\n"
        "```\n",
        encoding="utf-8",
    )
    paragraphs = read(draft).paragraphs
    assert [(p.text, p.heading, p.in_table) for p in paragraphs] == [
        ("Factors against disclosure", True, False),
        ("- Offenders could map force systems.", None, False),
        ("- Suppliers could be targeted.", None, False),
        ("The public interest is not what interests the public.", None, False),
        ("Request", None, True),
        ("Outcome", None, True),
        ("1187/26", None, True),
        ("NCND", None, True),
    ]
    assert paragraphs[3].pieces[0].column == 3
    assert paragraphs[6].locate().column == 3


def test_inline_bold_inside_a_sentence_is_not_a_heading(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text("Disclosure **would** prejudice the prevention of crime.\n", encoding="utf-8")
    (paragraph,) = read(draft).paragraphs
    assert (paragraph.text, paragraph.heading) == ("Disclosure would prejudice the prevention of crime.", None)
