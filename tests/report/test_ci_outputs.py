"""Outputs for CI and code review: SARIF valid against the 2.1.0 schema, GitHub annotations,
baselines, and the pre-commit hook run by the real pre-commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import jsonschema
import pytest

from tests.conftest import SEEDS, run_pitlint

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text())
ROOT = Path(__file__).parents[2]


def _drafts(tmp_path: Path) -> tuple[Path, Path, Path]:
    text = tmp_path / "draft.txt"
    text.write_text("Harm\n\nDisclosure would would harm. This lead to trouble.\n", encoding="utf-8")
    word = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("Harm")
    document.add_paragraph(
        "Thames Valley Police would not wish to leave the open to attack. West Midlands Police "
        "and West Midlands Police again."
    )
    document.save(str(word))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    return text, word, broken


def test_sarif_is_valid_and_complete(tmp_path: Path):
    text, word, broken = _drafts(tmp_path)
    result = run_pitlint("check", "-f", "sarif", "--ignore", "PIT301", text, word, broken, SEEDS["002"])
    assert result.code == 2
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules) and "PIT104" in [r["id"] for r in rules]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    results = run["results"]
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    doubled = next(r for r in results if r["ruleId"] == "PIT402")
    assert doubled["level"] == "warning"
    assert doubled["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 12,
        "endLine": 3,
        "endColumn": 23,
        "snippet": {"text": "would would"},
    }
    in_word = next(
        r
        for r in results
        if r["ruleId"] == "PIT401"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("draft.docx")
    )
    assert in_word["locations"][0]["physicalLocation"]["region"]["startLine"] == 2  # the paragraph
    assert "(paragraph 2)" in in_word["message"]["text"]
    assert rules[in_word["ruleIndex"]]["id"] == "PIT401"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == f"{broken}: not a PDF file (no %PDF header)"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_edits_elsewhere(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nDisclosure would would harm.\n", encoding="utf-8")
    first = json.loads(run_pitlint("check", "-f", "sarif", "--select", "PIT402", draft).stdout)
    draft.write_text("Harm\n\nA new first paragraph.\n\nDisclosure would would harm.\n", encoding="utf-8")
    second = json.loads(run_pitlint("check", "-f", "sarif", "--select", "PIT402", draft).stdout)
    (a,), (b,) = first["runs"][0]["results"], second["runs"][0]["results"]
    assert a["partialFingerprints"] == b["partialFingerprints"]
    assert a["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert b["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_github_annotations(tmp_path: Path):
    text, word, broken = _drafts(tmp_path)
    result = run_pitlint("check", "-f", "github", "--select", "typo,copy-paste", text, word, broken)
    lines = result.stdout.splitlines()
    assert (
        f"::warning file={text},line=3,col=12,endLine=3,endColumn=22,title=PIT402 doubled-word::"
        '"would" is written twice Suggestion: would' in lines
    )
    assert any(
        line.startswith(f"::warning file={word},title=PIT601 other-organisation::") and "(paragraph 2)" in line
        for line in lines
    )
    assert f"::error file={broken},title=pitlint::not a PDF file (no %25PDF header)" in lines  # % escaped


def test_baseline_fails_only_on_new_findings(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nDisclosure would would harm. This lead to trouble.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    recorded = run_pitlint("baseline", draft, "--output", baseline, "--select", "typo")
    assert (recorded.code, recorded.stdout) == (0, f"Recorded 2 findings from 1 files in {baseline}.\n")
    entries = json.loads(baseline.read_text())["findings"]
    assert [(e["code"], e["text"], e["count"]) for e in entries] == [
        ("PIT401", "This lead to", 1),
        ("PIT402", "would would", 1),
    ]
    # lines move: still recognised
    draft.write_text("Harm\n\nA new paragraph first.\n\nDisclosure would would harm. This lead to trouble.\n")
    same = run_pitlint("check", "-f", "json", "--select", "typo", "--baseline", baseline, "--fail-on", "warning", draft)
    assert same.code == 0
    assert same.json["files"][0]["stats"]["baselined"] == 2
    # a new finding fails; a second copy of a recorded one is new too
    draft.write_text("Harm\n\nDisclosure would would harm. This lead to trouble. And would would again.\n")
    new = run_pitlint("check", "-f", "json", "--select", "typo", "--baseline", baseline, "--fail-on", "warning", draft)
    assert new.code == 1
    assert [(f["code"], f["column"]) for f in new.json["files"][0]["findings"]] == [("PIT402", 56)]
    # a fixed finding drops out of the baseline
    draft.write_text("Harm\n\nDisclosure would harm. This lead to trouble.\n")
    fixed = run_pitlint("check", "--select", "typo", "--baseline", baseline, draft)
    assert "1 baselined finding fixed since (--prune-baseline drops them from the baseline)" in fixed.stdout
    assert run_pitlint("check", "--select", "typo", "--baseline", baseline, "--prune-baseline", draft).code == 0
    assert [e["code"] for e in json.loads(baseline.read_text())["findings"]] == ["PIT401"]
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    broken = run_pitlint("check", "--baseline", bad, draft)
    assert broken.code == 2 and broken.stderr.startswith(f"pitlint: {bad}: not a valid pitlint baseline")


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_pre_commit_hook(tmp_path: Path):
    """The real pre-commit installs pitlint from this repository into its own environment and
    runs the hook on a repository of drafts."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    env = dict(
        os.environ,
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=drafts, check=True, capture_output=True, env=env)

    git("init", "-q")
    (drafts / "good.md").write_text(
        "## Harm\n\nNaming the drone supplier would be likely to prejudice crime prevention.\n\n"
        "## Factors favouring disclosure\n\nThe public would see drone spending.\n\n"
        "## Factors against disclosure\n\nOffenders could plan around the drones.\n\n"
        "## Balancing test\n\nThe risk outweighs the benefit. Therefore the balance test favours non-disclosure.\n",
        encoding="utf-8",
    )
    (drafts / "bad.txt").write_text("Harm\n\nDate: [insert date]\n", encoding="utf-8")
    (drafts / "notes.csv").write_text("not,a,draft\n")
    git("add", ".")
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "pitlint", "--all-files", "--verbose"]
    done = subprocess.run(pre_commit, cwd=drafts, capture_output=True, text=True, env=env, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "pitlint (FOI public interest tests)" in output and "Failed" in output
    assert "bad.txt" in output and "PIT602" in output and "notes.csv" not in output
    (drafts / "bad.txt").unlink()
    git("add", "-A")
    done = subprocess.run(pre_commit, cwd=drafts, capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
