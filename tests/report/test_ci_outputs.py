"""Outputs for CI and code review: SARIF valid against the 2.1.0 schema, GitHub annotations,
baselines, and the pre-commit hook run by the real pre-commit."""

from __future__ import annotations

import json
import os
import re
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
    # its safe fix, as an artifact change a SARIF viewer can apply (text drafts only; not Word's)
    assert doubled["fixes"] == [
        {
            "description": {"text": 'Replace with "would"'},
            "artifactChanges": [
                {
                    "artifactLocation": doubled["locations"][0]["physicalLocation"]["artifactLocation"],
                    "replacements": [
                        {
                            "deletedRegion": {"startLine": 3, "startColumn": 12, "endColumn": 23},
                            "insertedContent": {"text": "would"},
                        }
                    ],
                }
            ],
        }
    ]
    in_word = next(
        r
        for r in results
        if r["ruleId"] == "PIT401"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("draft.docx")
    )
    assert in_word["locations"][0]["physicalLocation"]["region"]["startLine"] == 2  # the paragraph
    assert "fixes" not in in_word  # a Word draft is fixed by `pitlint fix`, not by line and column
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
def _readme_pre_commit_config() -> str:
    """The .pre-commit-config.yaml the README shows a drafts repository."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```yaml\n(# \.pre-commit-config\.yaml.*?)```", readme, re.DOTALL)
    assert found, "the README shows a .pre-commit-config.yaml"
    return found.group(1)


def test_the_readmes_pre_commit_snippet_on_a_fresh_drafts_repository(tmp_path: Path):
    """The real pre-commit, with the README's snippet (pointed at a fresh clone of this repository,
    its rev set by the `pre-commit autoupdate` the README says to run), installs pitlint and runs
    the hook on a drafts repository that also holds a README, a licence and GitHub's files."""
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

    def git(*args: str, cwd: Path = drafts) -> None:
        subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)

    clone = tmp_path / "pitlint-clone"
    git("clone", "-q", str(ROOT), str(clone), cwd=tmp_path)
    git("init", "-q")
    snippet = _readme_pre_commit_config()
    config = re.sub(r"repo: \S+", f"repo: {clone.as_posix()}", snippet)
    (drafts / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (drafts / "README.md").write_text("# FOI drafts\n\nWhere our drafts live.\n", encoding="utf-8")
    (drafts / "LICENSE").write_text("All rights reserved.\n", encoding="utf-8")
    (drafts / ".github").mkdir()
    (drafts / ".github" / "pull_request_template.md").write_text("Which request is this?\n", encoding="utf-8")
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
    pre_commit = [sys.executable, "-m", "pre_commit"]
    updated = subprocess.run([*pre_commit, "autoupdate"], cwd=drafts, capture_output=True, text=True, env=env)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    rev = re.search(r"rev: (\S+)", (drafts / ".pre-commit-config.yaml").read_text(encoding="utf-8")).group(1)
    exists = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=clone, capture_output=True)
    assert exists.returncode == 0, f"autoupdate set rev {rev}, which the repository does not have"
    git("add", ".")
    run = [*pre_commit, "run", "--all-files", "--verbose"]
    done = subprocess.run(run, cwd=drafts, capture_output=True, text=True, env=env, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "pitlint (FOI public interest tests)" in output and "Failed" in output
    assert "bad.txt" in output and "PIT602" in output
    for not_a_draft in ("notes.csv", "README.md", "LICENSE", "pull_request_template"):
        assert not_a_draft not in output, output
    (drafts / "bad.txt").unlink()
    git("add", "-A")
    done = subprocess.run(run, cwd=drafts, capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def _git_repository(path: Path) -> Path:
    path.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def _location(result: dict) -> dict:
    return result["locations"][0]["physicalLocation"]["artifactLocation"]


def test_sarif_names_files_from_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Code scanning resolves URIs against the repository root, whatever folder pitlint ran in."""
    for name in ("PITLINT_DOCS_URL", "GITHUB_ACTION_REPOSITORY", "GITHUB_ACTION_REF"):
        monkeypatch.delenv(name, raising=False)
    repo = _git_repository(tmp_path / "repo")
    (repo / "drafts" / "2026").mkdir(parents=True)
    (repo / "notes").mkdir()
    draft = "Harm\n\nDisclosure would would harm.\n"
    (repo / "drafts" / "2026" / "a.txt").write_text(draft, encoding="utf-8")
    (repo / "notes" / "b c.md").write_text(draft, encoding="utf-8")
    bad_name = os.fsdecode(b"drafts/2026/bad\xff.txt")
    (repo / bad_name).write_text(draft, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(draft, encoding="utf-8")
    result = run_pitlint(
        "check", "-f", "sarif", "--select", "PIT402", ".", "../../notes/b c.md", outside, "missing.txt",
        cwd=repo / "drafts" / "2026",
    )  # fmt: skip
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": f"{repo.as_uri()}/"}}
    assert [_location(r) for r in run["results"]] == [
        {"uri": "drafts/2026/a.txt", "uriBaseId": "%SRCROOT%"},
        {"uri": "drafts/2026/bad%FF.txt", "uriBaseId": "%SRCROOT%"},
        {"uri": "notes/b%20c.md", "uriBaseId": "%SRCROOT%"},
        {"uri": outside.as_uri()},  # outside the repository: absolute, no base
    ]
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "drafts/2026/missing.txt",
        "uriBaseId": "%SRCROOT%",
    }
    driver = run["tool"]["driver"]
    assert "informationUri" not in driver and not any("helpUri" in rule for rule in driver["rules"])
    # no repository: relative to the current folder
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "d.txt").write_text(draft, encoding="utf-8")
    alone = json.loads(run_pitlint("check", "-f", "sarif", "--select", "PIT402", "d.txt", cwd=plain).stdout)
    assert alone["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": f"{plain.as_uri()}/"}}
    assert _location(alone["runs"][0]["results"][0]) == {"uri": "d.txt", "uriBaseId": "%SRCROOT%"}


def test_sarif_help_links_to_the_rules_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    draft = tmp_path / "draft.txt"
    draft.write_text("Harm\n\nDisclosure would would harm.\n", encoding="utf-8")
    monkeypatch.delenv("PITLINT_DOCS_URL", raising=False)
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.example")
    monkeypatch.setenv("GITHUB_ACTION_REPOSITORY", "our-org/pitlint")
    monkeypatch.setenv("GITHUB_ACTION_REF", "v1")
    sarif = json.loads(run_pitlint("check", "-f", "sarif", "--select", "PIT402", draft).stdout)
    jsonschema.validate(sarif, SCHEMA)
    driver = sarif["runs"][0]["tool"]["driver"]
    page = "https://github.example/our-org/pitlint/blob/v1/docs/rules.md"
    assert driver["informationUri"] == page
    assert {rule["id"]: rule["helpUri"] for rule in driver["rules"]}["PIT402"] == f"{page}#pit402"
    monkeypatch.setenv("PITLINT_DOCS_URL", "https://docs.example/pitlint/rules.html")  # the user's word wins
    sarif = json.loads(run_pitlint("check", "-f", "sarif", "--select", "PIT402", draft).stdout)
    assert sarif["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] == "https://docs.example/pitlint/rules.html#pit101"


def test_the_rules_page_is_up_to_date():
    """docs/rules.md is made from the registry: `python scripts/rules_page.py` after changing a rule."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import rules_page
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page.render(), "docs/rules.md is out of date: run `python scripts/rules_page.py`"
    from pitlint.findings import all_rules

    codes = [rule.code for rule in all_rules() if rule.code.startswith("PIT")]
    assert [line.removeprefix("## ") for line in page.splitlines() if line.startswith("## ")] == codes


def _annotation_levels(output: str) -> list[str]:
    return [line[2 : line.index(" ")] for line in output.splitlines()]


def _finding(code: str, severity: str, message: str = "m", **extra) -> dict:
    data = {
        "code": code, "name": "doubled-word", "category": "typo", "severity": severity, "message": message,
        "excerpt": "x", "line": 1, "column": 1, "end_line": 1, "end_column": 1, "paragraph": 1,
        "section": None, "suggestion": None, "source": None, "fix": None,
    }  # fmt: skip
    data.update(extra)
    return data


def _results(tmp_path: Path, files: list[dict]) -> Path:
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"pitlint_version": "0.1.0", "files": files}), encoding="utf-8")
    return path


def test_annotations_stay_within_githubs_caps_worst_first(tmp_path: Path):
    findings = (
        [_finding("PIT601", "info")] * 11 + [_finding("PIT402", "warning")] * 12 + [_finding("PIT105", "error")] * 13
    )
    results = _results(
        tmp_path,
        [
            {"path": "a.txt", "error": None, "findings": findings},
            {"path": "b.pdf", "error": "not a PDF", "findings": []},
        ],
    )
    shown = run_pitlint("report", results, "-f", "github", "--fail-on", "never")
    assert shown.code == 2  # a draft could not be read, as check says
    assert _annotation_levels(shown.stdout) == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    lines = shown.stdout.splitlines()
    assert lines[0] == "::error file=b.pdf,title=pitlint::not a PDF"
    assert lines[-1] == (
        "::notice title=pitlint::4 errors, 2 warnings, 2 notices not shown here (GitHub shows at most 10 "
        "annotations of each level per step): the job summary counts every finding and the SARIF report lists each"
    )
    few = _results(tmp_path, [{"path": "a.txt", "error": None, "findings": findings[:11] + findings[-2:]}])
    within = run_pitlint("report", few, "-f", "github")
    assert _annotation_levels(within.stdout) == ["error"] * 2 + ["notice"] * 10  # 10 notices fit: no summary
    assert within.code == 1


def test_report_renders_a_check_again_identically(tmp_path: Path):
    """Check once, render many: `report` gives what `check` gives, format by format."""
    from pitlint import engine, report
    from pitlint.config import Config
    from pitlint.report.from_json import load

    text, word, broken = _drafts(tmp_path)
    odd = tmp_path / os.fsdecode(b"odd\xfe name.md")
    odd.write_text("Harm\n\nDate: [insert date]. It would would.\n", encoding="utf-8")
    results = tmp_path / "results.json"
    assert run_pitlint("check", "--ignore", "PIT301", text, word, broken, odd, "-f", "json", "-o", results).code == 2
    checked = engine.check([text, word, broken, odd], Config(ignore=("PIT301",)))
    again = load(results)
    assert [file.source for file in again.files] == [text, word, broken, odd]  # on disk, odd bytes and all
    assert sum(1 for _ in again.findings) == sum(1 for _ in checked.findings) > 10
    for format_name in ("text", "json", "sarif", "github", "markdown"):
        assert report.render(again, format_name) == report.render(checked, format_name), format_name
    sarif = run_pitlint("report", results, "-f", "sarif")
    assert json.loads(sarif.stdout) == json.loads(report.render(checked, "sarif"))
    assert (sarif.code, sarif.stderr) == (2, f"pitlint: {broken}: not a PDF file (no %PDF header)\n")
    written = tmp_path / "out" / "report.sarif"
    written.parent.mkdir()
    done = run_pitlint("report", results, "-f", "sarif", "-o", written, "--fail-on", "never")
    assert done.stderr.endswith(f"pitlint: wrote the report to {written}\n")
    jsonschema.validate(json.loads(written.read_text(encoding="utf-8")), SCHEMA)
    onto = run_pitlint("report", results, "-f", "sarif", "-o", results)
    assert onto.code == 2 and "would overwrite" in onto.stderr and json.loads(results.read_text(encoding="utf-8"))
    html = run_pitlint("report", results, "-f", "html")
    assert (html.code, html.stdout) == (2, "")
    assert html.stderr == (
        "pitlint: report: html shows each draft's text, which the JSON report does not hold; "
        "use `pitlint check --format html -o report.html`\n"
    )


def test_report_exit_code_follows_fail_on(tmp_path: Path):
    warnings_only = _results(tmp_path, [{"path": "a.txt", "error": None, "findings": [_finding("PIT402", "warning")]}])
    assert run_pitlint("report", warnings_only).code == 0
    assert run_pitlint("report", warnings_only, "--fail-on", "warning").code == 1
    errors = _results(tmp_path, [{"path": "a.txt", "error": None, "findings": [_finding("PIT105", "error")]}])
    assert run_pitlint("report", errors).code == 1


def test_a_teams_own_rules_are_kept_from_the_json(tmp_path: Path):
    team = _finding("WMP001", "warning", "Old team name", name="old-team-name", category="copy-paste")
    results = _results(tmp_path, [{"path": "a.txt", "error": None, "findings": [team]}])
    sarif = json.loads(run_pitlint("report", results, "-f", "sarif").stdout)
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert rule["id"] == "WMP001" and rule["name"] == "old-team-name"
    assert rule["properties"]["category"] == "copy-paste" and rule["defaultConfiguration"]["level"] == "warning"
    assert "| WMP001 | old\\-team\\-name | warning | 1 |" in run_pitlint("report", results, "-f", "markdown").stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[]", 'expected an object with a "files" list, as `pitlint check --format json` writes'),
        (b'{"files": [{"path": 3}]}', "files[0].path: expected text, not int"),
        (b'{"files": [{"path": "a", "findings": {}}]}', "files[0].findings: expected a list, not dict"),
        (
            b'{"files": [{"path": "a", "findings": [{"code": "PIT402", "severity": "fatal"}]}]}',
            "files[0].findings[0].severity: expected one of error, warning, info",
        ),
        (
            b'{"files": [{"path": "a", "findings": [{"code": "PIT402\\n::error::x", "severity": "error"}]}]}',
            "files[0].findings[0].code: not a rule code",
        ),
        (
            b'{"files": [{"path": "a", "findings": [{"code": "PIT402", "severity": "error", "message": "m", '
            b'"paragraph": true}]}]}',
            "files[0].findings[0].paragraph: expected a whole number, not bool",
        ),
        (b'{"files": [{"path": "a", "stats": {"reused_fraction": NaN}}]}', "invalid JSON: NaN is not a number"),
        (b'{"files": [{"path": "a", "stats": {"reused_fraction": 1e999}}]}', "invalid JSON: 1e999 is too large"),
        (b'{"files": [', "invalid JSON: Expecting value"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"files": [{"path": "\xff"}]}', "not UTF-8 text"),
    ],
)
def test_malformed_or_hostile_json_is_refused_with_a_reason(tmp_path: Path, content: bytes, reason: str):
    from pitlint.errors import UsageError
    from pitlint.report.from_json import load

    results = tmp_path / "results.json"
    results.write_bytes(content)
    with pytest.raises(UsageError) as refused:
        load(results)
    message = str(refused.value)
    assert message.startswith(f"{results}: not a pitlint JSON report (") and reason in message


def test_malformed_json_is_one_line_and_exit_2(tmp_path: Path):
    results = tmp_path / "results.json"
    results.write_bytes(
        b'{"files": [{"path": "a", "findings": [{"code": "PIT402\\n::error::x", "severity": "error"}]}]}'
    )
    done = run_pitlint("report", results, "-f", "github")
    assert (done.code, done.stdout) == (2, "")
    assert done.stderr == (
        f"pitlint: {results}: not a pitlint JSON report (files[0].findings[0].code: not a rule code)\n"
    )


def test_report_of_a_missing_file_or_folder(tmp_path: Path):
    missing = run_pitlint("report", tmp_path / "none.json")
    assert (missing.code, missing.stderr) == (2, f"pitlint: {tmp_path / 'none.json'}: no such file\n")
    folder = run_pitlint("report", tmp_path)
    assert (folder.code, folder.stderr) == (2, f"pitlint: {tmp_path}: is a folder, not a JSON report\n")


HOSTILE = "a | b `code` <script>alert(1)</script> @security-team ::error file=x::forged $x^2$ [link](http://x) *em*"


def test_markdown_escapes_draft_text(tmp_path: Path):
    """Every piece of a draft in the markdown report reads as the draft's own characters: no table
    cell split by a pipe, no HTML, no mention, no maths, no workflow command."""
    from markdown_it import MarkdownIt

    fix = {"replacement": HOSTILE, "applicability": "unsafe"}
    findings = [_finding("PIT402", "error", HOSTILE, excerpt=HOSTILE, fix=fix, suggestion=HOSTILE)]
    results = _results(tmp_path, [{"path": "x | y\n::error::z.md", "error": None, "findings": findings}])
    done = run_pitlint("report", results, "-f", "markdown")
    assert done.code == 1
    markdown = done.stdout
    assert "::" not in markdown and "<script" not in markdown and "@security" not in markdown
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in html and "<em>" not in html and "<a href" not in html
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    finding_row = next(row for row in rows if "PIT402" in row and "unsafe fix" in row)
    cells = re.findall(r"<td>(.*?)</td>", finding_row, re.S)
    assert len(cells) == 5
    shown = HOSTILE.replace("::", ": :").replace("<", "&lt;").replace(">", "&gt;").replace("@", "@\u200b")
    assert cells[1] == "x | y\\n: :error: :z.md:1:1"
    assert cells[3] == f"{shown}<br>“{shown}”"
    assert cells[4] == f"Replace with “{shown}” (unsafe fix)"


def test_markdown_is_capped_for_a_job_summary(tmp_path: Path):
    from pitlint.report.markdown import MAX_BYTES

    long = "word " * 400
    findings = [_finding("PIT402", "warning", long, excerpt=long)] * 2000 + [_finding("PIT105", "error", "E")] * 5
    files = [{"path": f"d{n:04}.txt", "error": None, "findings": findings[:5]} for n in range(500)]
    files.append({"path": "big.txt", "error": None, "findings": findings})
    done = run_pitlint("report", _results(tmp_path, files), "-f", "markdown")
    size = len(done.stdout.encode("utf-8"))
    assert size < MAX_BYTES < 1024 * 1024
    rows = [line for line in done.stdout.splitlines() if line.startswith(("| error |", "| warning |"))]
    assert len(rows) == 50 and rows[0].startswith("| error | big.txt:1:1 |")
    assert [row.split(" | ")[0] for row in rows] == ["| error"] * 5 + ["| warning"] * 45
    total = 500 * 5 + 2005
    assert f"**{total} findings** in 501 files" in done.stdout
    assert f"The 50 worst findings of {total} are listed here (a job summary is capped)" in done.stdout
    assert "401 more files with findings not listed." in done.stdout
