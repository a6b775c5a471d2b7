"""The annotated Word copy says what to do, in words that tell replacement text from an
instruction, and a re-check of the copy knows pitlint's own comments again."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import docx
import pytest

from pitlint.engine import FileReport
from pitlint.findings import Applicability, Finding, Fix, all_rules, find_rule
from pitlint.readers import read
from pitlint.report.advice import is_instruction
from pitlint.report.annotate_docx import annotate
from tests.conftest import run_pitlint
from tests.docxmaker import add_deletion

EXAMPLE = Path(__file__).parents[2] / "examples" / "foi-1187-draft.docx"


def _draft(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Date of request: [insert date]")
    document.add_paragraph("Disclosure would harm the organization and its partners.")
    changed = document.add_paragraph("The footage is deleted after 31 days.")
    add_deletion(changed, " It is kept on a server.")
    document.save(str(path))
    return path


def _comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, initials, text) of each comment, its paragraphs one per line, as Word shows it."""
    return [(c.author, c.initials, c.text) for c in docx.Document(str(path)).comments]


def _finding(code: str, paragraph, words: str, message: str, **fields) -> Finding:
    rule = find_rule(code)
    start = paragraph.text.index(words)
    return rule.finding(message, paragraph, start, start + len(words), **fields)


def test_a_fix_an_instruction_a_suggestion_and_a_placeholder_each_say_what_to_do(tmp_path: Path):
    draft = _draft(tmp_path / "draft.docx")
    paragraphs = read(draft).paragraphs
    safe = _finding("PIT404", paragraphs[1], "organization", "American spelling", suggestion="organisation")
    safe.fix = Fix("organisation", Applicability.SAFE)
    unsafe = _finding("PIT404", paragraphs[1], "partners", "Another word", suggestion="partner")
    unsafe.fix = Fix("partner", Applicability.UNSAFE)
    words = _finding("PIT404", paragraphs[1], "harm", "Words, no fix", suggestion="damage")
    deletion = _finding("PIT402", paragraphs[2], "after ", "Words to delete")
    deletion.fix = Fix("")
    report = FileReport(
        str(draft),
        findings=[
            _finding("PIT602", paragraphs[0], "[insert date]", "A template placeholder was left in"),
            safe,
            unsafe,
            words,
            deletion,
            _finding(
                "PIT701",
                paragraphs[2],
                "The footage",
                "A tracked deletion",
                suggestion="Accept or reject all changes, then save again.",
            ),
        ],
    )
    assert annotate(draft, tmp_path / "reviewed.docx", report) == 6
    texts = [text for _, _, text in _comments(tmp_path / "reviewed.docx")]
    assert texts == [
        "PIT602 placeholder (error): A template placeholder was left in\n"
        "What to do: Replace the placeholder with the real text, or delete it.",
        'PIT404 american-spelling (warning): American spelling\nReplace with: "organisation" (safe fix)',
        "PIT404 american-spelling (warning): Another word\n"
        'Replace with: "partner" (unsafe fix: check it means what you meant)',
        "PIT404 american-spelling (warning): Words, no fix\nSuggestion: damage",
        "PIT402 doubled-word (warning): Words to delete\nDelete these words (safe fix)",
        "PIT701 tracked-change (error): A tracked deletion\nWhat to do: Accept or reject all changes, then save again.",
    ]
    assert not any("Write instead" in text for text in texts)


def test_the_checks_own_findings_become_the_same_comments(tmp_path: Path):
    draft = _draft(tmp_path / "draft.docx")
    annotated = tmp_path / "reviewed.docx"
    result = run_pitlint("check", "--select", "PIT602,PIT701", "--annotate", annotated, draft)
    assert (result.code, result.stderr) == (1, f"pitlint: wrote {annotated} with 2 comments\n")
    assert _comments(annotated) == [
        (
            "pitlint",
            "PL",
            "PIT602 placeholder (error): A template placeholder was left in\n"
            "What to do: Replace the placeholder with the real text, or delete it.",
        ),
        (
            "pitlint",
            "PL",
            'PIT701 tracked-change (error): A tracked deletion by J. Smith is still in the file: "It is kept on a '
            'server."\nWhat to do: Accept or reject all changes, then save again.',
        ),
    ]


@pytest.mark.parametrize(
    ("suggestion", "instruction"),
    [
        ("Accept or reject all changes, then save again.", True),
        ("cite the current NPCC information assurance guidance instead", True),
        ('Speak of confirming or denying whether information is held, e.g. "confirming or denying".', True),
        ("Remove personal details from the document properties before publishing.", True),
        ("West Midlands Police", False),
        ('"and protecting the communities" (4 of 5 issued PITs)', False),
        ("leave them open", False),
        ("check", False),  # a doubled "check check": the word to keep, not an instruction
        ("organisation", False),
    ],
)
def test_an_instruction_starts_with_an_imperative_and_has_three_words(suggestion: str, instruction: bool):
    assert is_instruction(suggestion) is instruction


def test_every_rules_action_reads_as_an_instruction():
    actions = {rule.code: rule.action for rule in all_rules() if rule.action}
    assert {"PIT301", "PIT602", "PIT702"} <= actions.keys()
    assert [code for code, action in actions.items() if not is_instruction(action)] == []


def _codes(path: Path) -> tuple[int, list[dict]]:
    result = run_pitlint("check", "-f", "json", path)
    return result.code, result.json["files"][0]["findings"]


def test_a_recheck_of_the_annotated_copy_finds_what_the_draft_has_and_one_finding_more(tmp_path: Path):
    draft = tmp_path / "draft.docx"
    shutil.copy(EXAMPLE, draft)
    annotated = tmp_path / "reviewed.docx"
    added = run_pitlint("check", "--annotate", annotated, draft)
    assert added.stderr == f"pitlint: wrote {annotated} with 10 comments\n"
    (code, original), (recode, rechecked) = _codes(draft), _codes(annotated)
    assert (code, recode) == (1, 1)
    counts = Counter(f["code"] for f in original)
    counts["PIT702"] += 1
    assert Counter(f["code"] for f in rechecked) == counts
    ours = [f for f in rechecked if f["code"] == "PIT702" and f["paragraph"] is None]
    assert [(f["message"], f["severity"]) for f in ours] == [
        ("10 review comments added by pitlint are still in the file", "error")
    ]
    assert ours[0]["suggestion"].startswith("Delete them before publishing")
    # every other finding is the draft's own, at the same words
    key = ("code", "paragraph", "excerpt", "message")
    assert [[f[k] for k in key] for f in rechecked if f is not ours[0]] == [[f[k] for k in key] for f in original]
