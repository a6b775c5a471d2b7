"""Fixes: chosen from the findings' own replacements, written into text drafts in place (only with
--fix), shown by --diff, and made as tracked changes in a copy of a Word draft that Word's (and
LibreOffice's) Accept All gives the fixed text and Reject All the original."""

from __future__ import annotations

import codecs
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from pitlint.fix.edits import smallest
from tests.conftest import require, run_pitlint

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFT = (
    "Harm\n\n"
    "Disclosure would would reveal the behavior of the unit and its goverment links .\n\n"
    "Factors favouring disclosure\n\n"
    "Neither confirm or deny is our answer, which would recieve scrutiny.\n"
)
FIXED = (
    "Harm\n\n"
    "Disclosure would reveal the behaviour of the unit and its government links.\n\n"
    "Factors favouring disclosure\n\n"
    "Neither confirm nor deny is our answer, which would recieve scrutiny.\n"
)
TYPOS = "PIT4"  # the typo rules: what these drafts exercise, without the structure findings


def test_an_edit_is_cut_down_to_the_words_that_change():
    assert smallest("the the", "the") == (3, 7, "")
    assert smallest("and protection the communities", "and protecting the communities") == (4, 14, "protecting")
    assert smallest("Police charged", "Police are charged") == (7, 7, "are ")
    assert smallest("permit ed", "permitted") == (0, 9, "permitted")


def test_check_fix_rewrites_a_text_draft_and_reports_what_remains(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run_pitlint("check", draft, "--fix", "--select", TYPOS, "--format", "json")
    assert draft.read_text(encoding="utf-8") == FIXED
    assert "pitlint: fixed 5 findings in 1 file (1 more with --unsafe-fixes)" in result.stderr
    remaining = [(f["code"], f["excerpt"]) for f in result.json["files"][0]["findings"]]
    assert remaining == [("PIT403", "recieve")]  # two words are one edit away: the officer chooses
    assert result.code == 0  # what remains is a warning; --fail-on error


def test_unsafe_fixes_are_made_only_when_asked(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run_pitlint("check", draft, "--fix", "--unsafe-fixes", "--select", TYPOS, "--fail-on", "warning")
    assert draft.read_text(encoding="utf-8") == FIXED.replace("recieve", "receive")
    assert "pitlint: fixed 6 findings in 1 file" in result.stderr
    assert result.code == 0


def test_diff_shows_the_fixes_and_changes_nothing(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run_pitlint("check", draft, "--diff", "--select", TYPOS)
    assert draft.read_text(encoding="utf-8") == DRAFT
    shown = str(draft)
    assert result.stdout == (
        f"--- {shown}\n+++ {shown}\n@@ -1,7 +1,7 @@\n Harm\n \n"
        "-Disclosure would would reveal the behavior of the unit and its goverment links .\n"
        "+Disclosure would reveal the behaviour of the unit and its government links.\n"
        " \n Factors favouring disclosure\n \n"
        "-Neither confirm or deny is our answer, which would recieve scrutiny.\n"
        "+Neither confirm nor deny is our answer, which would recieve scrutiny.\n"
    )
    assert "5 fixes in 1 file would be made (1 more with --unsafe-fixes)" in result.stderr
    assert result.code == 1
    clean = tmp_path / "clean.txt"
    clean.write_text("Harm\n\nDisclosure would reveal the unit.\n", encoding="utf-8")
    nothing = run_pitlint("check", clean, "--diff", "--select", TYPOS)
    assert (nothing.code, nothing.stdout) == (0, "")


def test_a_fixed_file_keeps_its_encoding_and_line_endings(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(codecs.BOM_UTF16_LE + DRAFT.replace("\n", "\r\n").encode("utf-16-le"))
    result = run_pitlint("check", draft, "--fix", "--select", TYPOS)
    assert draft.read_bytes() == codecs.BOM_UTF16_LE + FIXED.replace("\n", "\r\n").encode("utf-16-le")
    assert "fixed 5 findings" in result.stderr


def test_a_fix_across_markup_is_left_for_a_person(tmp_path: Path):
    draft = tmp_path / "draft.md"
    text = "# Harm\n\nDisclosure would **would** reveal the behavior of the unit.\n"
    draft.write_text(text, encoding="utf-8")
    result = run_pitlint("check", draft, "--fix", "--select", TYPOS, "--format", "json")
    assert draft.read_text(encoding="utf-8") == text.replace("behavior", "behaviour")
    assert "fixed 1 finding in 1 file (1 not placeable in the file, to make by hand)" in result.stderr
    assert [f["code"] for f in result.json["files"][0]["findings"]] == ["PIT402"]


def test_fix_without_output_never_touches_the_draft(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run_pitlint("fix", draft, "--select", TYPOS)
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert (tmp_path / "draft-fixed.txt").read_text(encoding="utf-8") == FIXED
    assert result.stderr == f"pitlint: wrote {tmp_path / 'draft-fixed.txt'} with 5 fixes (1 more with --unsafe-fixes)\n"
    assert result.code == 0  # what remains ("recieve") is a warning; --fail-on error
    (tmp_path / "strict.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    strict = run_pitlint(
        "fix", draft, "-o", tmp_path / "again.txt", "--select", TYPOS, "--config", tmp_path / "strict.toml"
    )
    assert strict.code == 1
    again = run_pitlint("fix", draft, "--select", TYPOS)
    assert again.code == 2 and "draft-fixed.txt exists; give -o FILE" in again.stderr
    onto = run_pitlint("fix", draft, "-o", draft)
    assert onto.code == 2 and "would overwrite" in onto.stderr
    assert draft.read_text(encoding="utf-8") == DRAFT


# --- Word ---------------------------------------------------------------------------------------

WORD_PARAGRAPHS = [
    ("Harm", None),
    ("Disclosure would would reveal the behavior of the unit.", None),
    ("Neither confirm or deny is ", "our answer."),  # the second part in bold: formatting kept
    ("The footage is kept for a month.", None),
]


def _word_draft(path: Path) -> Path:
    from tests.docxmaker import add_deletion

    document = docx.Document()
    paragraphs = []
    for text, bold in WORD_PARAGRAPHS:
        paragraph = document.add_paragraph()
        # the doubled word split across two runs, as Word's editing leaves them
        for part in re.split(r"(?<=would )", text):
            paragraph.add_run(part)
        if bold:
            paragraph.add_run(bold).bold = True
        paragraphs.append(paragraph)
    add_deletion(paragraphs[3], " It is deleted.", author="J. Smith", revision=7)
    document.add_comment(paragraphs[3].runs[0], text="Check the retention period", author="J. Smith", initials="JS")
    document.save(str(path))
    return path


def _settle(path: Path, accept: bool) -> list[str]:
    """The text of each paragraph after Accept All (or Reject All) of the tracked changes, done on
    the file's XML as Word defines them: an insertion's runs kept (or dropped), a deletion's
    dropped (or kept, its deleted text as text again)."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    keep, drop = (f"{W}ins", f"{W}del") if accept else (f"{W}del", f"{W}ins")
    for change in list(body.iter(drop)):
        change.getparent().remove(change)
    for change in list(body.iter(keep)):
        for text in change.iter(f"{W}delText"):
            text.tag = f"{W}t"
        parent = change.getparent()
        place = parent.index(change)
        for child in reversed(list(change)):
            parent.insert(place, child)
        parent.remove(change)
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def test_word_fixes_are_tracked_changes_in_a_copy(tmp_path: Path):
    draft = _word_draft(tmp_path / "draft.docx")
    before = draft.read_bytes()
    fixed = tmp_path / "fixed.docx"
    result = run_pitlint("fix", draft, "-o", fixed, "--select", TYPOS)
    assert draft.read_bytes() == before
    assert result.stderr == f"pitlint: wrote {fixed} with 3 tracked changes\n"
    assert _settle(fixed, accept=False)[:4] == [
        "Harm",
        "Disclosure would would reveal the behavior of the unit.",
        "Neither confirm or deny is our answer.",
        "The footage is kept for a month. It is deleted.",
    ]
    assert _settle(fixed, accept=True)[:4] == [
        "Harm",
        "Disclosure would reveal the behaviour of the unit.",
        "Neither confirm nor deny is our answer.",
        "The footage is kept for a month.",
    ]
    with zipfile.ZipFile(fixed) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        comments = package.read("word/comments.xml")
    with zipfile.ZipFile(draft) as package:
        assert package.read("word/comments.xml") == comments  # the reviewer's comment untouched
    ours = [c for c in body.iter(f"{W}ins", f"{W}del") if c.get(f"{W}author") == "pitlint"]
    assert [(c.tag[len(W) :], "".join(c.itertext())) for c in ours] == [
        ("del", " would"),
        ("del", "behavior"),
        ("ins", "behaviour"),
        ("del", "or"),
        ("ins", "nor"),
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", c.get(f"{W}date")) for c in ours)
    assert len({c.get(f"{W}id") for c in body.iter(f"{W}ins", f"{W}del")}) == 6  # ids never reused
    smith = [c for c in body.iter(f"{W}del") if c.get(f"{W}author") == "J. Smith"]
    assert [("".join(c.itertext()), c.get(f"{W}id")) for c in smith] == [(" It is deleted.", "7")]
    word = docx.Document(str(fixed))
    replaced = [r for r in word.paragraphs[2].runs if r.text == "our answer."]
    assert replaced and replaced[0].bold  # the bold run kept its formatting


def test_the_accepted_copy_no_longer_has_the_fixed_findings(tmp_path: Path):
    draft = _word_draft(tmp_path / "draft.docx")
    fixed = tmp_path / "fixed.docx"
    run_pitlint("fix", draft, "-o", fixed, "--select", TYPOS)
    accepted = tmp_path / "accepted.txt"
    accepted.write_text("\n\n".join(_settle(fixed, accept=True)) + "\n", encoding="utf-8")
    original = tmp_path / "original.txt"
    original.write_text("\n\n".join(_settle(fixed, accept=False)) + "\n", encoding="utf-8")

    def codes(path: Path) -> list[str]:
        found = run_pitlint("check", path, "--select", TYPOS, "-f", "json").json["files"][0]["findings"]
        return [finding["code"] for finding in found]

    assert sorted(codes(original)) == ["PIT401", "PIT402", "PIT404"]
    assert codes(accepted) == []


def test_libreoffice_reads_the_fixes_as_tracked_changes_by_pitlint(tmp_path: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or require("soffice", "opens the fixed copy")
    draft = _word_draft(tmp_path / "draft.docx")
    fixed = tmp_path / "fixed.docx"
    run_pitlint("fix", draft, "-o", fixed, "--select", TYPOS)
    out = tmp_path / "odt"
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "odt",
         "--outdir", str(out), str(fixed)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out / "fixed.odt") as package:
        content = package.read("content.xml").decode("utf-8")
    creators = re.findall(r"<dc:creator>([^<]*)</dc:creator>", content)
    assert creators.count("pitlint") == 5  # three deletions, two insertions
    assert creators.count("J. Smith") == 2  # the deletion and the comment, as they were


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_fix_refuses_formats_it_cannot_write(tmp_path: Path, suffix: str):
    draft = tmp_path / f"draft{suffix}"
    if suffix == ".html":
        draft.write_text("<h1>Harm</h1><p>It would would reveal it.</p>", encoding="utf-8")
    else:
        from tests.conftest import make_pdf

        make_pdf(draft, [("h", "Harm"), ("p", "It would would reveal it.")])
    result = run_pitlint("fix", draft)
    assert result.code == 2
    said = f"pitlint: {draft}: pitlint fixes .docx, .txt and .md drafts, into a file of the same kind\n"
    assert result.stderr == said


def test_rules_explain_and_json_say_how_a_rule_fixes(tmp_path: Path):
    listing = run_pitlint("rules").stdout
    fixes = {line.split()[0]: line for line in listing.splitlines() if line.startswith("PIT")}
    assert re.search(r"\bwarning\s+safe\s+The same word twice", fixes["PIT402"])
    assert re.search(r"\bwarning\s+unsafe, sometimes\s", fixes["PIT405"])
    assert re.search(r"\berror\s+No harm section", fixes["PIT101"])
    assert "Fix: safe. `pitlint check --fix` makes it" in run_pitlint("explain", "PIT402").stdout
    assert "Fix: none; the finding says what to change." in run_pitlint("explain", "PIT101").stdout
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    found = run_pitlint("check", draft, "--select", "PIT402,PIT403", "-f", "json").json["files"][0]["findings"]
    assert [(f["code"], f["excerpt"], f["fix"]) for f in found] == [
        ("PIT402", "would would", {"replacement": "would", "applicability": "safe"}),
        ("PIT403", "goverment", {"replacement": "government", "applicability": "safe"}),
        ("PIT403", "recieve", {"replacement": "receive", "applicability": "unsafe"}),
    ]


def test_the_fixed_copy_says_once_that_pitlints_changes_await_review(tmp_path: Path):
    draft = _word_draft(tmp_path / "draft.docx")
    fixed = tmp_path / "fixed.docx"
    run_pitlint("fix", draft, "-o", fixed, "--select", TYPOS)
    found = run_pitlint("check", fixed, "--select", "PIT701", "-f", "json").json["files"][0]["findings"]
    assert [(f["message"], f["paragraph"]) for f in found] == [
        ("5 tracked changes made by `pitlint fix` are not yet accepted or rejected", None),
        ('A tracked deletion by J. Smith is still in the file: "It is deleted."', 4),  # a person's, as before
    ]


def test_check_fix_leaves_a_word_draft_alone_and_says_how_to_fix_it(tmp_path: Path):
    draft = _word_draft(tmp_path / "draft.docx")
    before = draft.read_bytes()
    result = run_pitlint("check", draft, "--fix", "--select", TYPOS, "-q")
    assert draft.read_bytes() == before
    assert (
        f"pitlint: {draft}: 3 fixes not made: a Word draft is fixed into a copy with tracked changes" in result.stderr
    )
    shown = run_pitlint("check", draft, "--diff", "--select", TYPOS)
    assert shown.code == 1 and draft.read_bytes() == before
    assert shown.stdout.splitlines()[:2] == [f"--- {draft} (text)", f"+++ {draft} (text)"]
    assert "-Disclosure would would reveal the behavior of the unit." in shown.stdout
    assert "+Disclosure would reveal the behaviour of the unit." in shown.stdout


def test_a_missing_word_is_inserted_inside_a_run_and_a_refused_edit_splits_nothing(tmp_path: Path):
    from pitlint.findings import Finding, find_rule
    from pitlint.fix.docx import fix_docx
    from pitlint.fix.edits import Edit
    from pitlint.readers import read

    source = tmp_path / "draft.docx"
    word = docx.Document()
    word.add_paragraph("The Police charged offenders.")
    across = word.add_paragraph("Across ")
    across.add_run("fields")  # to be "replaced" across a field below: refused
    field = docx.oxml.OxmlElement("w:fldSimple")
    field.set(docx.oxml.ns.qn("w:instr"), "DATE")
    field.append(across.runs[1]._r)
    across._p.append(field)
    word.save(str(source))
    document = read(source)
    finding = Finding(find_rule("PIT302"), "reused wording has drifted", "", None)
    edits = [
        Edit(1, 11, 11, "are ", finding),  # "The Police |charged"
        Edit(2, 0, 13, "Over fields", finding),  # crosses into the field's run: left
    ]
    result = fix_docx(source, tmp_path / "fixed.docx", document, edits)
    assert [e.start for e in result.made] == [11] and [e.start for e in result.left] == [0]
    assert _settle(tmp_path / "fixed.docx", accept=True)[:2] == ["The Police are charged offenders.", "Across fields"]
    with zipfile.ZipFile(tmp_path / "fixed.docx") as package:
        body = etree.fromstring(package.read("word/document.xml"))
    second = list(body.iter(f"{W}p"))[1]
    assert len(list(second.iter(f"{W}r"))) == 2  # the refused edit split no run


def test_standard_input_is_fixed_to_standard_output(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", "check", "--fix", "-", "--select", TYPOS, "-f", "concise"],
        input=DRAFT.encode("utf-8"), capture_output=True, timeout=120, cwd=tmp_path,
        env=dict(os.environ, NO_COLOR="1"),
    )  # fmt: skip
    assert done.stdout == FIXED.encode("utf-8")  # the fixed text, for an editor to put in place of its buffer
    stderr = done.stderr.decode("utf-8")
    assert stderr.startswith("pitlint: fixed 5 findings (1 more with --unsafe-fixes)\n")
    assert "-:7:53: PIT403 " in stderr and "would would" not in stderr  # what remains, where it now is
    assert done.returncode == 0
    shown = subprocess.run(
        [sys.executable, "-m", "pitlint", "check", "--diff", "-", "--stdin-filename", "pit.md", "--select", TYPOS],
        input=DRAFT.encode("utf-8"), capture_output=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert shown.returncode == 1
    assert shown.stdout.decode("utf-8").splitlines()[:2] == ["--- pit.md", "+++ pit.md"]


def test_check_fix_says_it_cannot_fix_an_html_draft_and_leaves_it(tmp_path: Path):
    draft = tmp_path / "draft.html"
    draft.write_text("<h1>Harm</h1><p>Disclosure would would reveal it.</p>", encoding="utf-8")
    before = draft.read_bytes()
    result = run_pitlint("check", draft, "--fix", "--select", "PIT402", "-f", "json")
    assert draft.read_bytes() == before
    assert result.stderr.splitlines() == [
        f"pitlint: {draft}: 1 fix not made: pitlint fixes .txt and .md drafts in place, and Word drafts into a copy",
        "pitlint: fixed 0 findings in 0 files",
    ]
    assert [f["code"] for f in result.json["files"][0]["findings"]] == ["PIT402"]  # still there, still reported
    assert result.code == 0  # a warning; --fail-on error


def test_fixes_on_the_same_words_are_made_one_per_run():
    from pitlint.document import Document, Paragraph
    from pitlint.findings import Applicability, Finding, Fix, find_rule
    from pitlint.fix.edits import plan

    paragraph = Paragraph("the the behavior")
    document = Document("d.txt", "txt", [paragraph])

    def finding(code: str, start: int, end: int, replacement: str) -> Finding:
        made = find_rule(code).finding("m", paragraph, start, end)
        made.fix = Fix(replacement, Applicability.SAFE)
        return made

    chosen = plan([finding("PIT402", 0, 7, "the"), finding("PIT401", 4, 16, "this behaviour")], document)
    assert [(e.start, e.end, e.replacement) for e in chosen.edits] == [(3, 7, "")]
    assert chosen.overlapping == 1
