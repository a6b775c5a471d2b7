"""Outputs for the people who fix drafts: the annotated Word copy (reopened, and converted by a
real LibreOffice) and the HTML report (loaded in a real headless Chromium)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pitlint.readers import read
from tests.conftest import SEEDS, run_pitlint

EXAMPLE = Path(__file__).parents[2] / "examples" / "foi-1187-draft.docx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_annotated_copy_has_a_comment_on_each_finding(tmp_path: Path):
    draft = tmp_path / "draft.docx"
    shutil.copy(EXAMPLE, draft)
    before = _digest(draft)
    annotated = tmp_path / "reviewed.docx"
    result = run_pitlint("check", "-f", "json", "--annotate", annotated, draft)
    assert result.code == 1
    assert _digest(draft) == before  # the draft itself is never touched
    findings = [f for f in result.json["files"][0]["findings"] if f["severity"] != "info"]
    assert result.stderr == f"pitlint: wrote {annotated} with {len(findings)} comments\n"
    ours = [c for c in read(annotated).facts.comments if c.author == "pitlint"]
    assert len(ours) == len(findings) == 10
    for comment, finding in zip(ours, findings, strict=True):
        assert comment.text.startswith(f"{finding['code']} {finding['name']} ({finding['severity']}): ")
        if finding["paragraph"] is not None:
            assert comment.paragraph == finding["paragraph"]
        if finding["excerpt"] and finding["category"] != "publication":
            assert comment.anchor == finding["excerpt"]  # exactly the words flagged
    drift = next(c for c in ours if c.text.startswith("PIT302"))
    # the approved wording as words to write: a suggestion, or a fix once drift findings carry one
    assert re.search(r'\b(Suggestion|Replace with): "and protecting the communities"', drift.text)
    # the published text of the copy is the draft's, word for word
    assert [p.text for p in read(annotated).paragraphs] == [p.text for p in read(draft).paragraphs]
    reviewer = [c for c in read(annotated).facts.comments if c.author == "J. Smith"]
    assert len(reviewer) == 1  # the draft's own comment is kept


def test_info_findings_are_annotated_on_request(tmp_path: Path):
    annotated = tmp_path / "reviewed.docx"
    result = run_pitlint("check", "--annotate", annotated, "--annotate-info", EXAMPLE)
    comments = [c for c in read(annotated).facts.comments if c.author == "pitlint"]
    assert len(comments) == 13 and result.stderr.endswith("with 13 comments\n")
    copied = next(c for c in comments if c.text.startswith("PIT301"))
    assert "Source: issued PIT seed-002, paragraph 2" in copied.text


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is installed by .ci/run")
def test_libreoffice_opens_the_annotated_copy(tmp_path: Path):
    annotated = tmp_path / "reviewed.docx"
    run_pitlint("check", "--annotate", annotated, EXAMPLE)
    done = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(annotated),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "reviewed.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_annotate_refuses_what_it_cannot_do(tmp_path: Path):
    text = tmp_path / "draft.txt"
    text.write_text("Harm\n\nText.\n")
    wrong = run_pitlint("check", "--annotate", tmp_path / "out.docx", text)
    assert (wrong.code, wrong.stderr) == (2, "pitlint: --annotate needs exactly one .docx draft to check\n")
    draft = tmp_path / "draft.docx"
    shutil.copy(EXAMPLE, draft)
    before = _digest(draft)
    same = run_pitlint("check", "--annotate", draft, draft)
    assert same.code == 2 and "the annotated copy would overwrite" in same.stderr
    assert _digest(draft) == before


def _chromium_dom(page: Path, tmp_path: Path) -> BeautifulSoup:
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'chrome'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return BeautifulSoup(done.stdout, "html.parser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is installed by .ci/run")
def test_html_report_in_a_real_browser(tmp_path: Path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    page = tmp_path / "report.html"
    result = run_pitlint("check", "-f", "html", "-o", page, EXAMPLE, SEEDS["002"], broken)
    assert result.code == 2 and result.stdout == ""
    data = run_pitlint("check", "-f", "json", EXAMPLE, SEEDS["002"], broken).json
    html = page.read_text(encoding="utf-8")
    for outside in ("<script", "<link", "src=", "url(", "@import"):  # self-contained: nothing to fetch
        assert outside not in html
    dom = _chromium_dom(page, tmp_path)
    sections = dom.select("section.file")
    assert [s["data-path"] for s in sections] == [f["path"] for f in data["files"]]
    for section, file in zip(sections, data["files"], strict=True):  # in reading order
        shown = [(f["data-code"], f["data-severity"]) for f in section.select(".note")]
        assert shown == [(f["code"], f["severity"]) for f in file["findings"]]
    assert "Could not be checked: not a Word .docx file" in sections[2].get_text()
    drift = sections[0].select_one('.compare.drift[data-finding="f1-9"]')
    assert sections[0].select_one("#f1-9")["data-code"] == "PIT302"
    assert drift.select_one(".ours .slip").get_text() == "protection"
    assert drift.select_one(".theirs-side .approved").get_text() == "protecting"
    todo = sections[0].select_one('.note[data-code="PIT302"]').select_one(".fix, .suggestion").get_text()
    assert "and protecting the communities" in todo
    copied = sections[0].select_one('.compare.reuse[data-finding="f1-4"] .theirs-side h5').get_text()
    assert copied == "Issued PIT seed-002, paragraph 2"
