"""An index of the shipped corpus built once per module, and a fresh copy of it for each test that
damages, extends or merges one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pitlint.reuse import index as index_module
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index of the shipped corpus, built once and copied by each test."""
    folder = tmp_path_factory.mktemp("pristine")
    shutil.copytree(CORPUS, folder / "corpus")
    index_module.build(folder / "corpus", folder / "index")
    return folder / "index"


@pytest.fixture
def index(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(pristine, target)
    return target
