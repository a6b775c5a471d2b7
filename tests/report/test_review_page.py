"""The HTML review page, read back from a real headless Chromium's DOM: each draft as it reads with
the findings marked on their exact words, notes, legend, navigation, reused passages beside the
issued PIT's wording (tailoring apart from slips), and what a printout keeps."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from pitlint.document import Location
from pitlint.engine import FileReport, ParagraphText, Report
from pitlint.findings import Applicability, Finding, Fix, find_rule
from pitlint.readers import read
from pitlint.report.html import render, side_by_side
from pitlint.report.html.marks import Mark, marked
from tests.conftest import require, run_pitlint
from tests.report.test_people_outputs import EXAMPLE, _chromium_dom

# Written for these tests: a placeholder, a missing balancing test, a doubled word, and a passage
# the shipped corpus uses with one word tailored ("drone" for "investigative") and one slip
# ("protection" for "protecting").
DRAFT = """Public Interest Test

Request: the number of drones bought by the force in 2025.

Date: [insert date]

Harm

The Police Service is charged with enforcing the law, preventing and detecting crime and protection the \
communities we serve. As part of that policing purpose, information is gathered which can be highly sensitive \
relating to high profile drone activity.

Factors favouring disclosure

Releasing the the figures would show how public money is spent.

Factors against disclosure

Disclosure would let offenders judge how many drones the force can fly at once.

Decision

The information is withheld under section 31(1)(a).
"""
PASSAGE = DRAFT.split("\n\n")[4]


def _words(mark_pieces: list[Tag]) -> str:
    """The draft text a finding's mark covers: its pieces' text, without the numbers."""
    return "".join(
        text for piece in mark_pieces for text in piece.find_all(string=True) if not text.find_parent(class_="ref")
    )


def _marks(scope: Tag) -> list[tuple[str, str, str]]:
    """(number, code, words) of every marked finding, in the order the marks start."""
    found: dict[str, list[Tag]] = {}
    for piece in scope.select("mark[data-finding]"):
        found.setdefault(piece["data-finding"], []).append(piece)
    return [(pieces[0]["data-n"], pieces[0]["data-code"], _words(pieces)) for pieces in found.values()]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, BeautifulSoup]:
    chromium = require("chromium", "the review page is tested in a real browser")
    assert chromium
    folder = tmp_path_factory.mktemp("review")
    draft = folder / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    broken = folder / "broken.docx"
    broken.write_bytes(b"not a zip")
    out = folder / "review.html"
    result = run_pitlint("check", "-f", "html", "-o", out, draft, EXAMPLE, broken)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.endswith(f"pitlint: wrote the report to {out}\n")  # says where the page went
    data = run_pitlint("check", "-f", "json", draft, EXAMPLE, broken).json
    return out, data, _chromium_dom(out, folder)


def test_each_draft_reads_in_order_with_every_finding_on_its_exact_words(page):
    _, data, dom = page
    sections = dom.select("section.file")
    assert [s["data-path"] for s in sections] == [f["path"] for f in data["files"]]
    ours = sections[0]
    paragraphs = [p.get_text() for p in ours.select(".draft .para > :is(p, h3)")]
    texts = [_words([p]) for p in ours.select(".draft .para > :is(p, h3)")]
    assert texts == [block.replace("\n", "") for block in DRAFT.strip().split("\n\n")]  # every paragraph, in order
    assert len(paragraphs) == data["files"][0]["stats"]["paragraphs"]
    assert _marks(ours) == [
        ("2", "PIT602", "[insert date]"),
        ("3", "PIT205", "Harm"),
        ("4", "PIT301", PASSAGE.replace("\n", "")),
        ("5", "PIT302", "and protection the communities"),
        ("6", "PIT402", "the the"),
    ]
    # the example: every finding on words is marked, on exactly its excerpt (a tracked change's
    # excerpt is the deleted text, marked on the paragraph it was deleted from)
    findings = data["files"][1]["findings"]
    marks = {int(n): (code, " ".join(words.split())) for n, code, words in _marks(sections[1])}
    assert sorted(marks) == [n for n, f in enumerate(findings, 1) if f["paragraph"] is not None]
    for n, finding in enumerate(findings, 1):
        if finding["paragraph"] is not None and finding["category"] != "publication":
            assert marks[n] == (finding["code"], finding["excerpt"])
    assert [h.get_text() for h in sections[1].select(".draft h3")][:2] == [
        "West Midlands Police – Public Interest Test – FOI 1187/26",
        "Applicable exemption",
    ]


def test_overlapping_findings_each_keep_their_own_mark(page):
    dom = page[2]
    slip = dom.select_one('section.file mark[data-code="PIT302"]')
    assert slip.find_parent("mark")["data-code"] == "PIT301"  # nested inside the copied passage
    # each number is a link to that finding's note, and the note's number links back to the mark
    for ref in dom.select("mark a.ref"):
        note = dom.select_one(ref["href"])
        assert note is not None and "note" in note["class"]
        assert ref.get_text() == note.select_one(".num").get_text()
        assert dom.select_one(note.select_one(".num")["href"])["data-finding"] == note["id"]


def test_notes_say_what_is_wrong_beside_the_paragraph_and_whole_draft_findings_first(page):
    _, data, dom = page
    ours = dom.select("section.file")[0]
    expected = data["files"][0]["findings"]
    notes = ours.select(".note")
    assert [(n["data-code"], n["data-severity"]) for n in notes] == [(f["code"], f["severity"]) for f in expected]
    whole = ours.select(".whole .note")
    assert [n["data-code"] for n in whole] == ["PIT104"]
    assert whole[0].select_one(".message").get_text() == expected[0]["message"]
    doubled = ours.select_one('.note[data-code="PIT402"]')
    row = doubled.find_parent("div", "row")
    assert row.select_one(f'mark[data-finding="{doubled["id"]}"]') is not None  # beside its own paragraph
    assert doubled.select_one(".message").get_text() == '"the" is written twice'
    assert doubled.select_one(".where").get_text() == "line 13, column 11"
    about = doubled.select_one("details.about")
    rule = find_rule("PIT402")
    assert about.select_one("summary").get_text() == "About PIT402 " + rule.name
    assert rule.explanation in about.get_text() and about.select_one(".example.bad").get_text() == rule.bad
    drift = ours.select_one('.note[data-code="PIT302"]')
    assert "4 of 5 issued PITs say" in drift.select_one(".message").get_text()
    # what to write: the fix's exact words once the drift check attaches one, else its suggestion
    assert "and protecting the communities" in drift.select_one(".fix, .suggestion").get_text()


def test_legend_summary_and_every_link_resolve(page):
    _, data, dom = page
    legend = dom.select_one(".legend")
    for sample in ("mark.error", "mark.warning", "mark.info", ".tailored", ".theirs", ".slip", ".approved", ".gap"):
        assert legend.select_one(sample) is not None, sample
    rows = dom.select("table.summary tbody tr")
    assert [r["data-path"] for r in rows] == [f["path"] for f in data["files"]]
    assert [td.get_text() for td in rows[0].select("td.n")] == ["2", "3", "1"]
    assert (
        rows[2].select_one(".unreadable").get_text()
        == "Could not be read: not a Word .docx file (it is not a zip package)"
    )
    ids = {tag["id"] for tag in dom.select("[id]")}
    links = [a["href"] for a in dom.select('a[href^="#"]')]
    assert links and all(link[1:] in ids for link in links)
    for number, (section, file) in enumerate(zip(dom.select("section.file"), data["files"], strict=True), 1):
        assert section["id"] == f"file-{number}" and rows[number - 1].select_one("a")["href"] == f"#file-{number}"
        jumps = [a.get_text() for a in section.select("nav.jump a")]
        assert jumps == [f"{n} {f['code']}" for n, f in enumerate(file["findings"], 1)]
    assert "Could not be checked: not a Word .docx file" in dom.select("section.file")[2].get_text()


def test_reused_passage_shows_tailoring_as_tailoring_and_only_the_slip_as_a_slip(page):
    html, dom = page[0].read_text(encoding="utf-8"), page[2]
    ours = dom.select("section.file")[0]
    copied = ours.select_one(".compare.reuse")
    assert [s.get_text() for s in copied.select(".ours .tailored")] == ["drone"]
    assert [s.get_text() for s in copied.select(".theirs-side .theirs")] == ["investigative"]
    # seed-002, the PIT this passage is closest to, has the slip too: the drift compare shows it
    assert "protection the communities" in copied.select_one(".theirs-side").get_text()
    assert not copied.select(".slip, .approved")
    assert copied.select_one(".theirs-side h5").get_text() == "Issued PIT seed-002, paragraph 21"
    drift = ours.select_one(".compare.drift")
    assert drift.select_one(".ours").get_text() == "This draftand protection the communities"
    assert [s.get_text() for s in drift.select(".ours .slip")] == ["protection"]
    assert [s.get_text() for s in drift.select(".theirs-side .approved")] == ["protecting"]
    assert not drift.select(".tailored")
    for struck in ("<del", "<s>", "line-through"):  # nothing reads as "delete this"
        assert struck not in html
    for outside in ("<script", "<link", "src=", "url(", "@import"):  # self-contained
        assert outside not in html


def test_a_missing_word_shows_as_missing_not_as_a_changed_neighbour():
    slip = BeautifulSoup(side_by_side("and the communities", "and protecting the communities").draft, "html.parser")
    gap = slip.select_one(".gap.slip")
    assert (gap["data-missing"], gap.get_text()) == ("protecting", "\u2038")
    assert slip.get_text() == "and \u2038 the communities" and not slip.select(".slip:not(.gap)")
    tailored = side_by_side("we target offenders now", "we target cyber criminals now", slips=[])
    assert re.findall(r'class="(\w+)">([^<]*)', tailored.draft) == [("tailored", "offenders")]
    assert re.findall(r'class="(\w+)">([^<]*)', tailored.source) == [("theirs", "cyber criminals")]
    both = side_by_side(
        "we target offenders and protection them", "we target criminals and protecting them", [(24, 34)]
    )
    assert re.findall(r'class="(\w+)">([^<]*)', both.draft) == [("tailored", "offenders"), ("slip", "protection")]
    assert re.findall(r'class="(\w+)">([^<]*)', both.source) == [("theirs", "criminals"), ("approved", "protecting")]
    extra = side_by_side("we very much target them", "we target them")
    assert re.findall(r'class="(\w+)">([^<]*)', extra.draft) == [("slip", "very much")] and "gap" not in extra.draft


def test_crossing_marks_are_split_so_none_swallows_another():
    text = "one two three four five"
    spans = [(4, 13), (8, 18), (0, 23), (14, 14)]
    out = marked(text, [Mark(a, b, n, "error", "PIT1", f"m{n}", f"f{n}") for n, (a, b) in enumerate(spans, 1)])
    dom = BeautifulSoup(out, "html.parser")
    got = {n: words for n, _, words in _marks(dom)}
    assert got == {"3": text, "1": "two three", "2": "three four", "4": ""}
    assert _words([dom]) == text
    assert [m["id"] for m in dom.select("mark[id]")] == ["m3", "m1", "m2", "m4"]  # one anchor each


def _report(texts: list[str], findings: list[Finding]) -> Report:
    file = FileReport("hostile.txt", paragraphs=len(texts), findings=findings, format="txt")
    file.texts = [ParagraphText(text, False) for text in texts]
    return Report([file])


def test_a_fix_is_shown_as_its_replacement():
    rule = find_rule("PIT402")
    finding = Finding(rule, '"the" is written twice', "the the", Location(1, 1, 5), span=(4, 12))
    finding.fix = Fix("the", Applicability.SAFE)
    dom = BeautifulSoup(render(_report(["Set the  the figures out."], [finding])), "html.parser")
    assert dom.select_one(".note .fix").get_text() == "Replace with: the (safe fix)"
    assert not dom.select(".note .suggestion")
    assert _marks(dom) == [("1", "PIT402", "the  the")]


def test_hostile_drafts_stay_escaped_and_quick():
    rule = find_rule("PIT402")
    evil = "<script>alert(1)</script> \u202eevil:: " * 5
    huge = ("word " * 200_000) + evil
    findings = [
        Finding(rule, f"finding {n}", "word", Location(1, 1, 1 + n * 5), span=(n * 5, n * 5 + 4 + (n % 3) * 5))
        for n in range(3000)
    ]
    findings.append(Finding(rule, "<b>bold</b>", evil, Location(2, 2, 1), span=(0, len(evil))))
    started = time.perf_counter()
    out = render(_report([huge, evil], findings))
    assert time.perf_counter() - started < 5
    body = out[out.index("</style>") :]
    for unsafe in ("<script", "<b>bold", "\u202e", "::"):
        assert unsafe not in body
    assert "\\u202eevil:&#58;" in body  # shown as its escape
    dom = BeautifulSoup(out, "lxml")
    marks = _marks(dom)
    assert len(marks) == 3001 and marks[7][2] == "word word word "[: 4 + (7 % 3) * 5]
    assert dom.select('.note[id="f1-3001"] .message')[0].get_text() == "<b>bold</b>"


@pytest.fixture(scope="module")
def printed(page, tmp_path_factory: pytest.TempPathFactory) -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    folder = tmp_path_factory.mktemp("print")
    pdf = folder / "review.pdf"
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={folder / 'chrome'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page[0].as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return " ".join(p.text for p in read(pdf).paragraphs)


def test_the_printout_keeps_marks_and_notes_and_leaves_out_navigation(printed: str):
    assert "Findings: 1 PIT104" not in printed and "Back to the summary" not in printed
    assert "About PIT402" not in printed  # the explanations stay on screen
    assert '"the" is written twice' in printed and "[insert date]" in printed
    assert "Public interest test review" in printed and "How to read this page" in printed
    assert "File Errors Warnings Info" in printed  # the summary is content, not navigation
