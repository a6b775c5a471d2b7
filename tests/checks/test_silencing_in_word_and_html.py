"""Inline silencing in Word drafts (a comment "pitlint: ignore CODES" on some words) and in
HTML pages (``<!-- pitlint: ignore CODES -->``), counted as silenced, never lost; Word directive
comments reported, with pitlint's own comments, in one PIT702."""

from __future__ import annotations

from pathlib import Path

import docx

from pitlint.config import Config
from pitlint.engine import FileReport, check
from pitlint.readers import read
from tests.conftest import run_pitlint

DOUBLED = ("Disclosure would would harm the force.", "The the footage is kept.", "Officers could could be named.")


def _word(path: Path, comments: list[tuple[int, int, str]], author: str = "A. Officer") -> Path:
    """Three paragraphs with a doubled word each; comments (first, last paragraph, text) on them."""
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in DOUBLED]
    for first, last, text in comments:
        document.add_comment([paragraphs[first].runs[0], paragraphs[last].runs[0]], text=text, author=author)
    document.save(str(path))
    return path


def _check(path: Path) -> FileReport:
    (report,) = check([path], Config(select=("PIT402", "PIT702"))).files
    return report


def _found(report: FileReport) -> list[tuple[str, int | None, str]]:
    return [(f.rule.code, f.location.paragraph if f.location else None, f.excerpt) for f in report.findings]


def test_a_word_directive_comment_silences_that_rule_on_its_paragraph(tmp_path: Path):
    plain = _check(_word(tmp_path / "plain.docx", []))
    assert _found(plain) == [("PIT402", 1, "would would"), ("PIT402", 2, "The the"), ("PIT402", 3, "could could")]
    silenced = _check(_word(tmp_path / "silenced.docx", [(1, 1, "pitlint: ignore PIT402")]))
    assert _found(silenced) == [
        ("PIT702", None, ""),
        ("PIT402", 1, "would would"),
        ("PIT402", 3, "could could"),
    ]
    assert silenced.silenced == plain.silenced + 1
    (directive,) = [f for f in silenced.findings if f.rule.code == "PIT702"]
    assert directive.message == '1 pitlint directive ("pitlint: ignore ...") is still in the file'


def test_a_directive_for_another_rule_silences_nothing_here(tmp_path: Path):
    report = _check(_word(tmp_path / "draft.docx", [(1, 1, "pitlint: ignore PIT403, misspelling")]))
    assert [f.rule.code for f in report.findings] == ["PIT702", "PIT402", "PIT402", "PIT402"]


def test_a_directive_on_words_across_paragraphs_silences_each_of_them_by_name(tmp_path: Path):
    report = _check(_word(tmp_path / "draft.docx", [(0, 1, "Pitlint: ignore doubled-word")]))
    assert _found(report) == [("PIT702", None, ""), ("PIT402", 3, "could could")]


def test_ignore_file_in_a_word_comment_silences_the_whole_file(tmp_path: Path):
    plain = _check(_word(tmp_path / "plain.docx", []))
    report = _check(_word(tmp_path / "draft.docx", [(2, 2, "pitlint: ignore-file PIT402")]))
    assert _found(report) == [("PIT702", None, "")]
    assert report.silenced == plain.silenced + 3


def test_directives_and_reviewers_comments_are_told_apart(tmp_path: Path):
    draft = _word(tmp_path / "draft.docx", [(0, 0, "pitlint: ignore"), (2, 2, "Is this right?")])
    comments = read(draft).facts.comments
    assert [(c.kind, c.paragraph, c.text) for c in comments] == [
        ("directive", 1, "pitlint: ignore"),
        ("reviewer", 3, "Is this right?"),
    ]
    assert _found(_check(draft)) == [
        ("PIT702", None, ""),
        ("PIT402", 2, "The the"),
        ("PIT402", 3, "could could"),
        ("PIT702", 3, "Is this right?"),
    ]


def test_a_comment_signed_pitlint_without_a_rule_code_is_a_reviewers(tmp_path: Path):
    draft = _word(tmp_path / "draft.docx", [(0, 0, "Looks fine to me")], author="pitlint")
    assert [c.kind for c in read(draft).facts.comments] == ["reviewer"]


PAGE = """<!DOCTYPE html><html><body><main>
<p>Disclosure would would harm the force. <!-- pitlint: ignore PIT402 --></p>
<!-- pitlint: ignore doubled-word -->
<p>The the footage is kept.</p>
<p>Officers could could be named.</p>
<p>Staff may may be named.<!-- pitlint: ignore PIT403 --></p>
</main></body></html>
"""


def test_html_comment_directives_work_as_in_markdown(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text(PAGE.replace("pitlint:", "note:"), encoding="utf-8")
    report, unsilenced = _check(page), _check(plain)
    assert _found(report) == [("PIT402", 3, "could could"), ("PIT402", 4, "may may")]
    assert report.silenced == unsilenced.silenced + 2
    assert [p.text for p in read(page).paragraphs] == [p.text for p in read(plain).paragraphs]


def test_ignore_file_in_an_html_comment(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("<main>", "<main><!-- pitlint: ignore-file PIT402 -->"), encoding="utf-8")
    assert _found(_check(page)) == []


def test_explain_says_how_to_silence_in_each_format():
    explained = run_pitlint("explain", "PIT402").stdout
    assert "    .txt, .md, .html: <!-- pitlint: ignore PIT402 --> in a paragraph or just before it;\n" in explained
    assert '    .docx: a Word comment "pitlint: ignore PIT402" on the words (their paragraphs);\n' in explained
    assert "<!-- pitlint: ignore-file PIT402 --> for the whole file" in explained
