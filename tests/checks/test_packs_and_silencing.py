"""Rule packs a team writes without Python, clear errors for broken ones, spelling, and inline
silencing that is counted, never silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitlint.config import Config
from pitlint.engine import check
from tests.conftest import run_pitlint

TEAM_PACK = """\
define:
  - code: WMP001
    name: old-unit-name
    category: copy-paste
    severity: error
    summary: The unit's old name.
    explanation: The Cyber Crime Unit was renamed the Digital Crime Unit in 2024.
    bad: The Cyber Crime Unit holds the data.
    good: The Digital Crime Unit holds the data.
rules:
  WMP001:
    - pattern: 'Cyber Crime Unit'
      suggestion: 'Digital Crime Unit'
  PIT401:
    - pattern: 'in the public interest test'
      suggestion: 'in the public interest'
words: [axon, dronefleet]
"""


def _project(tmp_path: Path, pack: str, text: str) -> Path:
    (tmp_path / "our-rules").mkdir()
    (tmp_path / "our-rules" / "team.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".pitlint.toml").write_text('rules = ["our-rules"]\nselect = ["typo", "copy-paste", "WMP"]\n')
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    return draft


def test_a_team_pack_adds_rules_entries_and_words(tmp_path: Path):
    _project(
        tmp_path,
        TEAM_PACK,
        "Harm\n\nThe Cyber Crime Unit keeps Axon dronefleet records. This is in the public interest test.\n",
    )
    result = run_pitlint("check", "-f", "json", "draft.txt", cwd=tmp_path)
    assert result.code == 1, result.stderr
    found = [
        (f["code"], f["name"], f["severity"], f["excerpt"], f["suggestion"])
        for f in result.json["files"][0]["findings"]
    ]
    assert found == [
        ("WMP001", "old-unit-name", "error", "Cyber Crime Unit", "Digital Crime Unit"),
        ("PIT401", "known-wrong-phrase", "warning", "in the public interest test", "in the public interest"),
    ]
    listed = run_pitlint("rules", cwd=tmp_path)
    assert any(line.split()[:2] == ["WMP001", "old-unit-name"] for line in listed.stdout.splitlines())
    explained = run_pitlint("explain", "WMP001", cwd=tmp_path)
    assert explained.stdout.startswith("WMP001 old-unit-name (copy-paste, error by default)")


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ("rules:\n  PIT401:\n    - pattern: '(unclosed'\n", "rules.PIT401[0].pattern: not a valid regular expression"),
        ("rules:\n  PIT999:\n    - pattern: 'x'\n", "rules.PIT999: unknown rule code"),
        ("rules:\n  PIT401:\n    - pattern: 'x'\n      sugestion: 'y'\n", "rules.PIT401[0].sugestion: unknown key"),
        ("rules:\n  PIT401:\n    - pattern: 'x'\n      severity: fatal\n", "rules.PIT401[0].severity: must be error"),
        ("define:\n  - code: PIT900\n    name: x\n", "define[0].bad: is required"),
        ("frobnicate: 1\n", "frobnicate: unknown key"),
        ("rules: [unclosed\n", "not valid YAML"),
    ],
)
def test_a_malformed_pack_names_the_file_and_the_key(tmp_path: Path, pack: str, message: str):
    _project(tmp_path, pack, "Harm\n\nText.\n")
    result = run_pitlint("check", "draft.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.startswith(f"pitlint: {tmp_path / 'our-rules' / 'team.yaml'}: ")
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_spelling_in_british_english(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Harm\n\nThe organisation authorised the programme; its behaviour and defence were analysed in the "
        "centre, and the NPCC was recieved by the goverment. See www.college.police.uk/app for cyberattack "
        "guidance.\n",
        encoding="utf-8",
    )
    (report,) = check([draft], Config(select=("PIT403",))).files
    assert [(f.excerpt, f.suggestion) for f in report.findings] == [
        ("recieved", "received"),
        ("goverment", "government"),
    ]
    assert report.findings[0].message == '"recieved" is not in the dictionary: did you mean "received"?'


def test_inline_directives_silence_and_are_counted(tmp_path: Path):
    text = tmp_path / "draft.txt"
    text.write_text(
        "Harm\n\nDisclosure would would harm. <!-- pitlint: ignore PIT402 -->\n\n<!-- pitlint: ignore typo -->\n\n"
        "This lead to the the problem.\n\nAnother the the here.\n",
        encoding="utf-8",
    )
    (report,) = check([text], Config(select=("typo",))).files
    assert [(f.rule.code, f.excerpt, f.location.line) for f in report.findings] == [("PIT402", "the the", 9)]
    assert report.silenced >= 3
    markdown = tmp_path / "draft.md"
    markdown.write_text(
        "<!-- pitlint: ignore-file PIT402 -->\n# Harm\n\nThis lead to the the problem.\n", encoding="utf-8"
    )
    (report,) = check([markdown], Config(select=("typo",))).files
    assert [(f.rule.code, f.excerpt) for f in report.findings] == [("PIT401", "This lead to")]
    markdown.write_text("# Harm\n\nThis lead to the the problem.\n", encoding="utf-8")
    (unsilenced,) = check([markdown], Config(select=("typo",))).files
    assert [f.rule.code for f in unsilenced.findings] == ["PIT401", "PIT402"]
    assert report.silenced == unsilenced.silenced + 1  # the doubled word, counted


def test_a_pattern_that_backtracks_without_end_stops_the_run_with_one_line(tmp_path: Path):
    pack = tmp_path / "slow.yaml"
    pack.write_text("rules:\n  PIT401:\n    - pattern: '(a|aa)+b'\n      suggestion: x\n", encoding="utf-8")
    (tmp_path / ".pitlint.toml").write_text('rules = ["slow.yaml"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Harm\n\n" + "a" * 40 + "!\n", encoding="utf-8")
    result = run_pitlint("check", "draft.txt", cwd=tmp_path)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == (
        f"pitlint: {pack}: rules.PIT401[0].pattern: takes over 2 s on draft.txt (it backtracks without end on "
        "some text); simplify the pattern\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a" * 20_000,
        "a " * 10_000,
        "Section " * 3_000,
        "-" * 20_000,
        "http://" + "a/" * 5_000,
        "[" * 10_000,
        "the public interest " * 2_000,
    ],
)
def test_the_shipped_patterns_end_quickly_on_hostile_text(text: str):
    """Every shipped pack pattern, on text built to make backtracking patterns blow up, finishes
    well inside the time it is given."""
    from pitlint.packs import load

    packs = load()
    entries = [entry for found in packs.entries.values() for entry in found]
    assert entries
    for entry in entries:
        list(entry.pattern.finditer(text, timeout=0.5))  # raises TimeoutError if it does not


def test_a_team_pack_says_which_suggestions_fix(tmp_path: Path):
    pack = TEAM_PACK.replace(
        "      suggestion: 'Digital Crime Unit'\n", "      suggestion: 'Digital Crime Unit'\n      fix: safe\n"
    ).replace(
        "      suggestion: 'in the public interest'\n", "      suggestion: 'in the public interest'\n      fix: none\n"
    )
    draft = _project(tmp_path, pack, "Harm\n\nThe Cyber Crime Unit keeps it. This is in the public interest test.\n")
    result = run_pitlint("check", "-f", "json", "draft.txt", cwd=tmp_path)
    fixes = [(f["code"], f["fix"]) for f in result.json["files"][0]["findings"]]
    assert fixes == [
        ("WMP001", {"replacement": "Digital Crime Unit", "applicability": "safe"}),
        ("PIT401", None),
    ]
    fixed = run_pitlint("check", "--fix", "draft.txt", cwd=tmp_path)
    assert "fixed 1 finding in 1 file" in fixed.stderr
    assert (
        draft.read_text(encoding="utf-8")
        == "Harm\n\nThe Digital Crime Unit keeps it. This is in the public interest test.\n"
    )
    (tmp_path / "our-rules" / "team.yaml").write_text(pack.replace("fix: safe", "fix: maybe"), encoding="utf-8")
    bad = run_pitlint("check", "draft.txt", cwd=tmp_path)
    assert bad.code == 2 and "rules.WMP001[0].fix: must be safe, unsafe or none" in bad.stderr
