"""How pitlint is packaged: one version, the MIT licence as SPDX metadata with its file, redis-py
only in the `pitlint[redis]` extra (and one clear line when a shared index is asked for without
it), and the script that turns pyproject's floors into the constraints `.ci/run` tests."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import pitlint
from tests.conftest import SEEDS, build_wheel, run_pitlint

ROOT = Path(__file__).parents[1]
SCRIPT = ROOT / "scripts" / "lowest_constraints.py"
NEEDS_EXTRA = "a shared index needs the redis package: pip install 'pitlint[redis]'"


def test_the_installed_version_is_the_one_in_the_package():
    assert importlib.metadata.version("pitlint") == pitlint.__version__
    result = run_pitlint("--version")
    assert (result.code, result.stdout, result.stderr) == (0, f"pitlint {pitlint.__version__}\n", "")


def test_redis_is_only_in_its_extra():
    requires = importlib.metadata.requires("pitlint") or []
    redis = [requirement for requirement in requires if requirement.startswith("redis")]
    assert redis == ['redis>=5.0; extra == "redis"']
    assert 'pitlint[redis]; extra == "test"' in requires  # the tests start real servers


def test_the_wheel_carries_one_version_and_the_licence(tmp_path: Path):
    """Built as a user's `pip install .` builds it (isolated, with the setuptools pyproject asks for)."""
    built = build_wheel(tmp_path)
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("pitlint-*.whl")
    assert wheel.name == f"pitlint-{pitlint.__version__}-py3-none-any.whl"
    info = f"pitlint-{pitlint.__version__}.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"{info}/METADATA").decode().split("\n\n", 1)[0].splitlines()
        licence = archive.read(f"{info}/licenses/LICENSE").decode()
    assert f"Version: {pitlint.__version__}" in metadata
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert not [line for line in metadata if line.startswith(("License:", "Classifier: License"))]
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 the pitlint authors\n")


@pytest.fixture
def without_redis(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import redis` fails as it does where the extra is not installed."""
    shadow = tmp_path / "shadow" / "redis"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'redis'\", name='redis')\n")
    path = os.pathsep.join([str(shadow.parent), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return dict(os.environ, PYTHONPATH=path, PYTHONIOENCODING="utf-8", NO_COLOR="1")


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["check", str(SEEDS["004"]), "--corpus", "redis://:secret@127.0.0.1:6390/0"], "redis://127.0.0.1:6390/0"),
        (
            ["corpus", "build", str(SEEDS["004"].parent), "--index", "redis://127.0.0.1:6390/2"],
            "redis://127.0.0.1:6390/2",
        ),
        (
            ["corpus", "add", str(SEEDS["004"]), "--index", "rediss://127.0.0.1:6390/0?prefix=pits"],
            "rediss://127.0.0.1:6390/0?prefix=pits",
        ),
    ],
    ids=["check", "build", "add"],
)
def test_a_shared_index_without_redis_py_names_the_extra(without_redis: dict[str, str], command: list[str], shown: str):
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", *command], capture_output=True, text=True, env=without_redis, timeout=120
    )
    assert (done.returncode, done.stderr, done.stdout) == (2, f"pitlint: {shown}: {NEEDS_EXTRA}\n", "")


def test_without_redis_py_a_folder_corpus_still_works(without_redis: dict[str, str]):
    done = subprocess.run(
        [sys.executable, "-m", "pitlint", "check", "--format", "json", str(SEEDS["004"])],
        capture_output=True,
        text=True,
        env=without_redis,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")


def _constraints(tmp_path: Path, pyproject: str, *extras: str) -> subprocess.CompletedProcess:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    arguments = [arg for extra in extras for arg in ("--extra", extra)]
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--pyproject", str(tmp_path / "pyproject.toml"), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
    )


SAMPLE = """
[project]
name = "pitlint"
dependencies = ["typer>=0.15.4", "PyYAML >= 6.0.1", "tomli>=2.0; python_version < '3.11'"]

[project.optional-dependencies]
redis = ["redis>=5.0"]
test = ["pitlint[redis]", "pytest>=8,<10"]
"""


def test_constraints_pin_each_floor_with_its_marker(tmp_path: Path):
    done = _constraints(tmp_path, SAMPLE, "test")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "typer==0.15.4\nPyYAML==6.0.1\ntomli==2.0 ; python_version < '3.11'\npytest==8\nredis==5.0\n"
    )
    base = _constraints(tmp_path, SAMPLE)
    assert base.stdout == "typer==0.15.4\nPyYAML==6.0.1\ntomli==2.0 ; python_version < '3.11'\n"


def test_constraints_refuse_a_dependency_without_one_floor(tmp_path: Path):
    done = _constraints(tmp_path, SAMPLE.replace('"pytest>=8,<10"', '"pytest"'), "test")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"lowest_constraints: {tmp_path / 'pyproject.toml'}: 'pytest' needs exactly one '>=' floor to be tested\n"
    )
    unknown = _constraints(tmp_path, SAMPLE, "docs")
    assert unknown.stderr == f"lowest_constraints: {tmp_path / 'pyproject.toml'}: pyproject.toml has no extra 'docs'\n"


def test_every_dependency_of_pitlint_has_a_tested_floor():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--extra", "test"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    pinned = {line.split("==")[0].lower() for line in done.stdout.splitlines()}
    declared = {  # each requirement's name, before its specifiers ("typer<0.29,>=0.15.4")
        re.match(r"[A-Za-z0-9._-]+", requirement).group().lower()
        for requirement in importlib.metadata.requires("pitlint") or []
        if not requirement.startswith("pitlint")
    }
    assert pinned == declared
