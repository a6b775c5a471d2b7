"""Nothing a user gave is lost or leaked: outputs never land on an input, folder walks stay in
the folder, and what a draft or a file name holds cannot forge commands or drive a terminal.
Every case runs the real command in a separate process on files the test writes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_pitlint

DRAFT = "Harm\n\nDisclosure would would harm the prevention of crime.\n"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_the_report_never_lands_on_a_draft(tmp_path: Path, how: str):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    before = _digest(draft)
    target = {"same": draft, "symlink": tmp_path / "link.md", "hardlink": tmp_path / "hard.md"}[how]
    if how == "symlink":
        target.symlink_to(draft)
    elif how == "hardlink":
        os.link(draft, target)
    result = run_pitlint("check", draft, "-o", target)
    assert result.code == 2
    assert result.stderr == (
        f"pitlint: {target}: the report would overwrite {draft}, which is being checked; give another file\n"
    )
    assert _digest(draft) == before


def test_a_baseline_never_lands_on_a_draft(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    before = _digest(draft)
    result = run_pitlint("baseline", draft, "-o", draft)
    assert result.code == 2 and "the baseline would overwrite" in result.stderr
    assert _digest(draft) == before


def test_the_report_is_written_whole_and_nothing_else_is_left(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("an older report\n", encoding="utf-8")
    os.chmod(report, 0o640)
    result = run_pitlint("check", draft, "-f", "json", "-o", report)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == f"pitlint: wrote the report to {report}\n"
    assert [f["code"] for f in json.loads(report.read_text())["files"][0]["findings"]][-1] == "PIT402"
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.json"]  # no temporary file left
    assert oct(report.stat().st_mode & 0o777) == "0o640"  # the file it replaced kept its permissions


def test_a_full_disk_is_one_line(tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run_pitlint("check", draft, "-o", "/dev/full")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "pitlint: /dev/full: cannot write the report (No space left on device)\n"


def test_a_folder_walk_never_follows_a_link_out_of_the_folder(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "credentials.txt").write_text("Harm\n\nThe key is sk-live-0123456789.\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "notes.txt").symlink_to(outside / "credentials.txt")
    (drafts / "elsewhere").symlink_to(outside, target_is_directory=True)
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "sub" / "same.txt").symlink_to(drafts / "a.txt")  # inside the folder: read as a.txt only
    result = run_pitlint("check", "-f", "json", drafts)
    assert result.code == 2
    files = {f["path"]: f for f in result.json["files"]}
    assert sorted(files) == sorted(str(drafts / name) for name in ("a.txt", "elsewhere", "notes.txt"))
    assert files[str(drafts / "notes.txt")]["error"] == "a link to outside the checked folder: not followed"
    assert files[str(drafts / "elsewhere")]["error"] == "a link to outside the checked folder: not followed"
    assert "sk-live" not in result.stdout + result.stderr
    # a link named on the command line is the user's own choice
    named = run_pitlint("check", "-f", "json", drafts / "notes.txt")
    assert named.code == 1 and named.json["files"][0]["error"] is None  # read: it has findings


def test_file_names_and_text_cannot_forge_workflow_commands_or_terminal_escapes(tmp_path: Path):
    evil = tmp_path / "evil\n::error file=x.md::forged.txt"
    evil.write_text("Harm\n\nDisclosure would would harm \x1b]0;owned\x07 the \u202eforce.\n", encoding="utf-8")
    for output_format in ("text", "github", "html", "json", "sarif"):
        result = run_pitlint("check", "-f", output_format, evil)
        assert result.code == 1, output_format
        for line in (result.stdout + result.stderr).splitlines():
            assert not line.lstrip().startswith("::error file=x.md"), (output_format, line)
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout, output_format
    text = run_pitlint("check", evil).stdout
    assert text.startswith(f"{tmp_path}/evil\\n: :error file=x.md: :forged.txt (2 paragraphs")
    github = run_pitlint("check", "-f", "github", evil).stdout
    assert "file=" + str(tmp_path).replace(":", "%3A") + "/evil%0A%3A%3Aerror file=x.md%3A%3Aforged.txt," in github


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path: Path):
    name = os.fsdecode(bytes(tmp_path) + b"/bad\xff.txt")
    Path(name).write_text(DRAFT, encoding="utf-8")
    for output_format in ("text", "json", "sarif", "github", "html"):
        done = subprocess.run(
            [sys.executable, "-m", "pitlint", "check", "-f", output_format, name],
            capture_output=True,
            env=dict(os.environ, NO_COLOR="1"),
            timeout=120,
        )
        assert done.returncode == 1, (output_format, done.stderr)
        shown = {"json": b"bad\\\\xff.txt", "sarif": b"bad%FF.txt"}.get(output_format, b"bad\\xff.txt")
        assert shown in done.stdout, output_format
        done.stdout.decode("utf-8")  # every format is valid UTF-8
        assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            '{"pitlint_baseline": 1, "findings": [{"path": "a", "code": "PIT101", "text": "x", "count": Infinity}]}',
            "Infinity is not a count",
        ),
        (
            '{"pitlint_baseline": 1, "findings": [{"path": "a", "code": "PIT101", "text": "x", "count": 1e400}]}',
            "'count' must be a whole number from 1 to 1,000,000, not inf",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"pitlint_baseline": 1, "findings": [["a", "PIT101"]]}', "each finding must be an object"),
    ],
)
def test_a_hostile_baseline_is_one_line(tmp_path: Path, content: str, reason: str):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result = run_pitlint("check", draft, "--baseline", baseline)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"pitlint: {baseline}: not a valid pitlint baseline ({reason})\n"


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        ('tool.pitlint = "strict"\n', "[tool.pitlint] must be a table of settings, not str"),
        ("[tool]\npitlint = 5\n", "[tool.pitlint] must be a table of settings, not int"),
    ],
)
def test_a_config_table_of_the_wrong_type_is_one_line(tmp_path: Path, pyproject: str, message: str):
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    result = run_pitlint("check", "draft.txt", cwd=tmp_path)
    assert (result.code, result.stderr) == (2, f"pitlint: {tmp_path / 'pyproject.toml'}: {message}\n")


def test_a_file_of_unknown_words_is_summarised_not_listed(tmp_path: Path):
    import random

    generator = random.Random(7)
    words = ["".join(generator.choice("bcdfghjklmnpqrstvwxz") for _ in range(8)) for _ in range(20_000)]
    draft = tmp_path / "noise.txt"
    draft.write_text("Harm\n\n" + " ".join(words) + ".\n", encoding="utf-8")
    result = run_pitlint("check", "-f", "json", "--select", "PIT403", draft)
    (finding,) = result.json["files"][0]["findings"]
    assert finding["code"] == "PIT403" and finding["line"] is None
    assert finding["message"].endswith(
        "different words are not in the dictionary: is this English text? Misspellings are not listed one by one."
    )


def test_one_rule_lists_at_most_500_findings_a_file(tmp_path: Path):
    draft = tmp_path / "doubled.txt"
    draft.write_text("Harm\n\n" + " ".join("the the" for _ in range(700)) + "\n", encoding="utf-8")
    result = run_pitlint("check", "-f", "json", "--select", "PIT402", draft)
    findings = result.json["files"][0]["findings"]
    assert len(findings) == 501
    assert findings[0]["message"] == "200 more doubled-word findings in this file are not listed (first 500 shown)."
    assert [f["column"] for f in findings[1:3]] == [1, 9]


def test_a_file_that_cannot_be_opened_is_its_own_line_and_the_others_are_checked(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(DRAFT, encoding="utf-8")
    unopenable = tmp_path / ("x" * 300 + ".txt")  # longer than any file name can be
    result = run_pitlint("check", "-f", "json", unopenable, good)
    assert result.code == 2
    assert result.stderr == f"pitlint: {unopenable}: cannot open: File name too long\n"
    files = {f["path"]: f for f in result.json["files"]}
    assert files[str(good)]["error"] is None and files[str(good)]["findings"]
