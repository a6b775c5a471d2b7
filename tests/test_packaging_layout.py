"""The package list in pyproject.toml covers every package of the source tree, and the wheel
carries the rule packs and the corpus that live at the top of the repository."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from pitlint.shipped import shipped
from tests.conftest import build_wheel

ROOT = Path(__file__).parents[1]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_package_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "pitlint").rglob("__init__.py")}
    assert found | {"pitlint.rules", "pitlint.corpus"} == listed


def test_the_wheel_ships_rules_and_corpus_inside_the_package(tmp_path: Path):
    built = build_wheel(tmp_path)
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("pitlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("rules", "corpus"):
        expected = {
            f"pitlint/{name}/{path.name}"
            for path in (ROOT / name).iterdir()
            if path.suffix in (".yaml", ".txt", ".json")
        }
        assert expected and expected <= names
    assert shipped("rules").is_dir() and shipped("corpus").is_dir()
