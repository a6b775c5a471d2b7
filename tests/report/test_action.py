"""The GitHub action (action.yml), run step by step as the Actions runner runs a composite action:
each `run:` script by bash (`bash --noprofile --norc -eo pipefail FILE`), with the files and
variables the runner provides and the step's `env:` with its expressions evaluated, in a
repository of drafts. The install step needs the network, so pitlint already installed here
stands in for the venv it makes; its pip command is checked by pip's own parser."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import yaml

from pitlint.report.github import PER_LEVEL

ROOT = Path(__file__).parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Step:
    code: int
    stdout: str
    stderr: str


class Runner:
    """One job's worth of runner state: RUNNER_TEMP, the step summary and output files."""

    def __init__(self, tmp_path: Path, workspace: Path, inputs: dict[str, str]) -> None:
        self.workspace = workspace
        self.temp = tmp_path / "runner-temp"
        self.temp.mkdir()
        self.summary = tmp_path / "step-summary.md"
        self.summary.touch()
        self.outputs = tmp_path / "github-output"
        self.outputs.touch()
        defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
        self.inputs = {**defaults, **inputs}
        # what the install step makes, made from the pitlint installed here
        bin_dir = self.temp / "pitlint-venv" / "bin"
        bin_dir.mkdir(parents=True)
        (bin_dir / "pitlint").symlink_to(Path(sys.executable).parent / "pitlint")

    def evaluate(self, text: str) -> str:
        """Expressions as the runner evaluates them for this action's steps."""
        known = {"github.action_path": str(ROOT), "github.action_repository": "", "github.action_ref": ""}

        def value(match: re.Match[str]) -> str:
            expression = match.group(1)
            if expression.startswith("inputs."):
                return self.inputs[expression.removeprefix("inputs.")]
            return known[expression]  # an expression this test does not know fails it

        return EXPRESSION.sub(value, text)

    def run(self, name: str) -> Step:
        step = next(step for step in STEPS if step["name"] == name)
        script = self.temp / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "PITLINT_DOCS"))}
        env.update(
            GITHUB_ACTIONS="true",
            CI="true",
            RUNNER_TEMP=str(self.temp),
            GITHUB_WORKSPACE=str(self.workspace),
            GITHUB_ACTION_PATH=str(ROOT),
            GITHUB_STEP_SUMMARY=str(self.summary),
            GITHUB_OUTPUT=str(self.outputs),
            GITHUB_SERVER_URL="https://github.com",
            PYTHONIOENCODING="utf-8",
        )
        env.update({key: self.evaluate(str(value)) for key, value in step.get("env", {}).items()})
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return Step(done.returncode, done.stdout, done.stderr)

    def output(self) -> dict[str, str]:
        """GITHUB_OUTPUT read as the runner reads it: name=value, or name<<DELIMITER ... DELIMITER."""
        lines = self.outputs.read_text(encoding="utf-8").splitlines()
        values: dict[str, str] = {}
        while lines:
            line = lines.pop(0)
            if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
                name, delimiter = line.split("<<", 1)
                end = lines.index(delimiter)
                values[name], lines = "\n".join(lines[:end]), lines[end + 1 :]
            else:
                name, value = line.split("=", 1)
                values[name] = value
        return values


def _repository(tmp_path: Path) -> Path:
    """A drafts repository: drafts with errors and warnings in two folders, and a README."""
    repo = tmp_path / "drafts-repo"
    (repo / "drafts").mkdir(parents=True)
    (repo / "old drafts").mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "README.md").write_text("# Our drafts\n\nDate: [insert date]\n", encoding="utf-8")
    for number in range(4):  # each: no sections (4 errors) and a doubled word and a wrong phrase (2 warnings)
        (repo / "drafts" / f"foi-{number}.txt").write_text(
            f"Harm\n\nDisclosure of request {number} would would harm. This lead to trouble.\n", encoding="utf-8"
        )
    (repo / "old drafts" / "foi-9.md").write_text("Harm\n\nDate: [insert date]\n", encoding="utf-8")
    return repo


def test_no_input_is_pasted_into_a_script():
    """Inputs reach scripts only through env: (an input holding shell syntax stays data)."""
    for step in STEPS:
        assert "${{" not in step["run"], step["name"]
        assert step["shell"] == "bash"
    assert ACTION["runs"]["using"] == "composite"


def test_the_action_checks_once_and_reports_every_way(tmp_path: Path):
    repo = _repository(tmp_path)
    runner = Runner(tmp_path, repo, {"paths": "drafts\n  old drafts  \n"})
    checked = runner.run("Check the drafts")
    assert checked.code == 0, checked.stderr
    results = json.loads((runner.temp / "pitlint.json").read_text(encoding="utf-8"))
    paths = [file["path"] for file in results["files"]]
    assert paths == [*(f"drafts/foi-{n}.txt" for n in range(4)), "old drafts/foi-9.md"]  # no README
    severities = [f["severity"] for file in results["files"] for f in file["findings"]]
    errors, warnings = severities.count("error"), severities.count("warning")
    assert errors > PER_LEVEL and warnings < PER_LEVEL

    sarif_step = runner.run("Write the SARIF report")
    assert sarif_step.code == 0, sarif_step.stderr
    sarif = json.loads((repo / "pitlint.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    places = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert places == {*(f"drafts/foi-{n}.txt" for n in range(4)), "old%20drafts/foi-9.md"}
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] for r in run["results"]} == {
        "%SRCROOT%"
    }
    assert "helpUri" not in run["tool"]["driver"]["rules"][0]  # no address known: left out, not made up
    assert runner.output() == {"errors": str(errors), "warnings": str(warnings), "sarif-file": "pitlint.sarif"}

    annotated = runner.run("Annotate the drafts")
    assert annotated.code == 0
    lines = annotated.stdout.splitlines()
    levels = [line[2 : line.index(" ")] for line in lines]
    assert levels == ["error"] * PER_LEVEL + ["warning"] * warnings + ["notice"]
    assert lines[-1] == (
        f"::notice title=pitlint::{errors - PER_LEVEL} errors not shown here (GitHub shows at most 10 annotations "
        "of each level per step): the job summary counts every finding and the SARIF report lists each"
    )

    summarised = runner.run("Write the job summary")
    assert summarised.code == 0
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## pitlint\n\n")
    assert f"**{errors + warnings} findings** in 5 files: {errors} errors, {warnings} warnings, 0 info." in summary
    assert "| old drafts/foi\\-9.md | 5 | 1 | 0 | |\n| drafts/foi\\-0.txt | 4 | 2 | 0 | |" in summary  # most first

    failed = runner.run("Fail on findings")
    assert failed.code == 1
    assert f"{errors + warnings} findings in 5 files" in failed.stdout
    runner.inputs["fail-on"] = "never"
    assert runner.run("Fail on findings").code == 0
    runner.inputs["fail-on"] = "no such level"
    refused = runner.run("Fail on findings")
    assert refused.code == 2 and "no such level" in refused.stderr


def test_a_hostile_paths_input_runs_nothing(tmp_path: Path):
    repo = _repository(tmp_path)
    (repo / "x").write_text("keep me\n")
    hostile = "a b.txt; rm -rf x\n$(touch made-by-substitution)\n`touch made-by-backticks`\n-rf\ndrafts/foi-1.txt"
    runner = Runner(tmp_path, repo, {"paths": hostile, "corpus": "$(touch made-by-corpus)"})
    checked = runner.run("Check the drafts")
    assert (repo / "x").read_text() == "keep me\n"
    assert not list(repo.glob("made-by-*"))
    assert checked.code == 2  # the corpus named does not exist: one line, no results
    assert "pitlint: $(touch made-by-corpus)" in checked.stderr
    runner.inputs["corpus"] = ""
    checked = runner.run("Check the drafts")
    assert checked.code == 0, checked.stderr  # unreadable paths are the results' errors; the last step fails for them
    results = json.loads((runner.temp / "pitlint.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["error"]) for f in results["files"]] == [
        ("a b.txt; rm -rf x", "no such file or folder"),
        ("$(touch made-by-substitution)", "no such file or folder"),
        ("`touch made-by-backticks`", "no such file or folder"),
        ("-rf", "no such file or folder"),
        ("drafts/foi-1.txt", None),
    ]
    assert runner.run("Fail on findings").code == 2
    assert not list(repo.glob("made-by-*")) and (repo / "x").exists()


def _install_spec(version: str, repository: str = "") -> subprocess.CompletedProcess[str]:
    """The install step's script up to the point where it has chosen what to install."""
    script = STEPS[0]["run"]
    chooser = script[: script.index("python3 -m venv")] + 'printf "%s" "$spec"\n'
    env = dict(
        os.environ,
        PITLINT_VERSION=version,
        PITLINT_ACTION_PATH=str(ROOT),
        PITLINT_ACTION_REPOSITORY=repository,
        GITHUB_SERVER_URL="https://github.com",
        RUNNER_TEMP="/nonexistent",
    )
    return subprocess.run(["bash", "-c", chooser], env=env, capture_output=True, text=True, timeout=30)


def test_the_install_command_is_a_valid_pip_command():
    from packaging.requirements import Requirement
    from pip._internal.commands import create_command

    script = STEPS[0]["run"]
    assert STEPS[0]["name"] == "Install pitlint"
    (line,) = [line for line in script.splitlines() if " -m pip install " in line]
    words = shlex.split(line)
    assert words[:4] == ["$venv/bin/python", "-m", "pip", "install"] and words[-1] == "$spec"
    options, arguments = create_command("install").parse_args([*words[4:-1], "SPEC"])
    assert arguments == ["SPEC"] and options.quiet == 1

    default = _install_spec("")
    assert (default.returncode, default.stdout) == (0, str(ROOT))  # the action's own checkout
    assert (ROOT / "pyproject.toml").read_text().count('name = "pitlint"') == 1
    pinned = _install_spec("0.1.0")
    assert pinned.stdout == "pitlint==0.1.0" and str(Requirement(pinned.stdout).specifier) == "==0.1.0"
    ref = _install_spec("v1.2", "our-org/pitlint")
    assert ref.stdout == "pitlint @ git+https://github.com/our-org/pitlint@v1.2"
    assert Requirement(ref.stdout).url == "git+https://github.com/our-org/pitlint@v1.2"
    for hostile in ("--index-url=https://elsewhere.invalid", "main; rm -rf /", "$(id)"):
        refused = _install_spec(hostile, "our-org/pitlint")
        assert refused.returncode == 2 and refused.stdout.startswith("::error title=pitlint::version:"), hostile


@pytest.mark.parametrize("name", ["sarif-file", "errors", "warnings"])
def test_outputs_come_from_the_sarif_step(name: str):
    assert ACTION["outputs"][name]["value"] == f"${{{{ steps.sarif.outputs.{name} }}}}"
    assert any(step.get("id") == "sarif" for step in STEPS)
