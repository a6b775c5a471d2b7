"""The start-up path: `pitlint --version` is answered before typer is imported, and says exactly
what typer's own --version option says."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pitlint import __version__
from tests.conftest import run_pitlint


@pytest.mark.parametrize("arguments", [["--version"], ["-V"], ["--version", "check", "no-such-draft.txt"]])
def test_version_is_the_same_on_the_fast_path_and_through_typer(arguments: list[str]):
    """The last form goes through typer's eager --version option (the fast path takes only the
    option alone), so all three must print the same bytes."""
    result = run_pitlint(*arguments)
    assert (result.code, result.stdout, result.stderr) == (0, f"pitlint {__version__}\n", "")


def test_version_alone_imports_neither_typer_nor_the_commands():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pitlint", "--version"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, f"pitlint {__version__}\n")
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "pitlint.cli" in imported
    assert {name for name in imported if name.split(".")[0] in {"typer", "click", "pydantic", "rich"}} == set()
    assert "pitlint.commands" not in imported


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "--help"],
        ["check"],
        ["check", "--no-such-option", "draft.txt"],
        ["corpus", "--help"],
        ["corpus", "build", "--help"],
        ["explain", "--help"],
        ["report", "--help"],
        ["fix", "--help"],
        ["rules", "--format", "nonsense"],
    ],
)
def test_the_named_command_alone_answers_as_the_whole_application(arguments: list[str]):
    """for_arguments() builds only the command a run names: its help, usage line and usage errors
    must be the whole application's, byte for byte."""
    from typer.testing import CliRunner

    from pitlint.commands import app, for_arguments

    narrowed = for_arguments(arguments)
    assert narrowed is not app
    assert len(narrowed.registered_commands) + len(narrowed.registered_groups) == 1
    whole = CliRunner().invoke(app, arguments)
    alone = CliRunner().invoke(narrowed, arguments)
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output)
    assert alone.exit_code in (0, 2)


@pytest.mark.parametrize("arguments", [[], ["--help"], ["chek"], ["-V"], ["Check"]])
def test_arguments_that_name_no_command_get_the_whole_application(arguments: list[str]):
    from pitlint.commands import app, for_arguments

    assert for_arguments(arguments) is app
    assert len(app.registered_commands) == 6 and [group.name for group in app.registered_groups] == ["corpus"]
