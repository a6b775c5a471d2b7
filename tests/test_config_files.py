"""What a drafts repository's settings decide, as ruff's do: the files that are not drafts
(README, licence, GitHub's files) left out, exclude and extend-exclude, per-file-ignores,
extend-select, and each draft checked with the nearest config file from its own folder up."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_pitlint

DRAFT = "Harm\n\nDisclosure would would reveal the behavior of the unit.\n"


def _repository(root: Path) -> Path:
    for name in ("README.md", "LICENSE", "CHANGELOG.md", "CONTRIBUTING.md"):
        (root / name).write_text(f"# {name}\n\nAbout this repository.\n", encoding="utf-8")
    (root / ".github").mkdir()
    (root / ".github" / "pull_request_template.md").write_text("Describe the draft.\n", encoding="utf-8")
    for folder in ("drafts", "archive"):
        (root / folder).mkdir()
        (root / folder / "a.md").write_text(DRAFT, encoding="utf-8")
    return root


def _checked(result) -> list[str]:
    return [Path(file["path"]).as_posix() for file in result.json["files"]]


def test_files_that_are_not_drafts_are_left_out(tmp_path: Path):
    root = _repository(tmp_path)
    walked = run_pitlint("check", ".", "-f", "json", "--fail-on", "never", cwd=root)
    assert _checked(walked) == ["archive/a.md", "drafts/a.md"]
    named = ["README.md", "LICENSE", ".github/pull_request_template.md", "drafts/a.md"]
    # named on the command line, a file is the user's choice ... unless excludes are forced, as pre-commit's hook does
    assert _checked(run_pitlint("check", *named, "-f", "json", "--fail-on", "never", cwd=root)) == named
    forced = run_pitlint("check", *named, "-f", "json", "--fail-on", "never", "--force-exclude", cwd=root)
    assert _checked(forced) == ["drafts/a.md"]


def test_exclude_and_extend_exclude(tmp_path: Path):
    root = _repository(tmp_path)
    (root / ".pitlint.toml").write_text('extend-exclude = ["archive/"]\n', encoding="utf-8")
    assert _checked(run_pitlint("check", ".", "-f", "json", "--fail-on", "never", cwd=root)) == ["drafts/a.md"]
    (root / ".pitlint.toml").write_text('exclude = ["drafts/*.md"]\n', encoding="utf-8")
    found = _checked(run_pitlint("check", ".", "-f", "json", "--fail-on", "never", cwd=root))
    assert found == ["CHANGELOG.md", "CONTRIBUTING.md", "README.md", "archive/a.md"]  # the defaults replaced


def test_per_file_ignores_and_extend_select(tmp_path: Path):
    root = _repository(tmp_path)
    (root / ".pitlint.toml").write_text(
        'select = ["PIT402"]\nextend-select = ["PIT404"]\n[per-file-ignores]\n"archive/*" = ["doubled-word"]\n',
        encoding="utf-8",
    )
    result = run_pitlint("check", ".", "-f", "json", "--fail-on", "never", cwd=root)
    found = {file["path"]: [f["code"] for f in file["findings"]] for file in result.json["files"]}
    assert found == {"archive/a.md": ["PIT404"], "drafts/a.md": ["PIT402", "PIT404"]}
    silenced = {file["path"]: file["stats"]["silenced"] for file in result.json["files"]}
    assert silenced["archive/a.md"] == silenced["drafts/a.md"] + 1  # left out, and counted


def test_each_draft_takes_the_nearest_config_file(tmp_path: Path):
    root = _repository(tmp_path)
    (root / ".pitlint.toml").write_text('select = ["PIT402", "PIT404"]\n', encoding="utf-8")
    (root / "archive" / ".pitlint.toml").write_text('select = ["PIT402", "PIT404"]\nignore = ["PIT402"]\n')
    result = run_pitlint("check", ".", "-f", "json", "--fail-on", "never", cwd=root)
    found = {file["path"]: [f["code"] for f in file["findings"]] for file in result.json["files"]}
    assert found == {"archive/a.md": ["PIT404"], "drafts/a.md": ["PIT402", "PIT404"]}
    # the command line is on top of every draft's own settings; --config is one file for all
    overridden = run_pitlint("check", ".", "-f", "json", "--fail-on", "never", "--select", "PIT404", cwd=root)
    assert {f["path"]: [x["code"] for x in f["findings"]] for f in overridden.json["files"]} == {
        "archive/a.md": ["PIT404"],
        "drafts/a.md": ["PIT404"],
    }
    pinned = run_pitlint("check", ".", "-f", "json", "--fail-on", "never", "--config", ".pitlint.toml", cwd=root)
    assert {f["path"]: [x["code"] for x in f["findings"]] for f in pinned.json["files"]} == {
        "archive/a.md": ["PIT402", "PIT404"],
        "drafts/a.md": ["PIT402", "PIT404"],
    }


def test_a_wrong_setting_in_a_folders_config_is_one_line(tmp_path: Path):
    root = _repository(tmp_path)
    (root / "archive" / ".pitlint.toml").write_text('[per-file-ignores]\n"*.md" = ["PIT9999"]\n')
    result = run_pitlint("check", ".", cwd=root)
    assert result.code == 2
    assert result.stderr == (
        f"pitlint: {root / 'archive' / '.pitlint.toml'}: unknown rule selector 'PIT9999' (see `pitlint rules`)\n"
    )
    (root / "archive" / ".pitlint.toml").write_text('per-file-ignores = ["PIT402"]\n')
    result = run_pitlint("check", ".", cwd=root)
    assert result.code == 2
    assert "'per-file-ignores' in .pitlint.toml must be a table of globs and rule lists" in result.stderr
