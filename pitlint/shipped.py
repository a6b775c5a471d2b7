"""Where the data shipped with pitlint lives: the rule packs (``rules/``) and the default corpus
(``corpus/``) sit at the top of the repository, where a team that forks pitlint edits them, and
are installed inside the package (pitlint/rules, pitlint/corpus: see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """The installed copy of a shipped folder, or the repository's own when pitlint runs from a
    checkout (an editable install)."""
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
