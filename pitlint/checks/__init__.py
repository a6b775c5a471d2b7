"""The checks: one module per rule family, each exporting ``RULES`` and
``check(document, outline, context) -> Iterable[Finding]`` (pre-commit's languages are the model:
one interface, one small module each). Importing a module registers its rules.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from pitlint.findings import Category, register

if TYPE_CHECKING:
    from pathlib import Path

    from pitlint.config import Config
    from pitlint.document import Document
    from pitlint.reuse.index import CorpusIndex
    from pitlint.reuse.matching import Analysis
    from pitlint.spelling import Speller

from pitlint.packs import Packs

T = TypeVar("T")


def _packs() -> Packs:
    from pitlint.packs import load

    return load()


MODULES = (
    "structure",
    "exemptions",
    "descriptions",
    "boilerplate",
    "drift",
    "generic",
    "typos",
    "wording",
    "acronyms",
    "lists",
    "fragments",
    "chronology",
    "totals",
    "figures",
    "links",
    "legislation",
    "copypaste",
    "organisations",
    "publication",
    "team",
)
CORPUS_CATEGORIES = frozenset({Category.BOILERPLATE, Category.DRIFT, Category.GENERIC})
CORPUS_RULES = frozenset({"PIT403"})  # the spelling check knows the corpus's words


@dataclass
class Context:
    """What checks may consult besides the draft: the settings, and the corpus index (opened once
    per run, only when a rule that needs it is selected)."""

    config: Config
    index: CorpusIndex | None = None
    compare: bool = False  # whether a reuse rule is selected, so drafts are compared with the corpus
    packs: Packs = field(default_factory=lambda: _packs())
    link_cache: Path | None = None  # where online link results are kept between runs
    _analyses: dict[str, Analysis] = field(default_factory=dict)
    _speller: Speller | None = None

    @property
    def speller(self) -> Speller:
        """The spelling dictionary, loaded once per run and shared by its drafts (and only if a rule
        that consults it runs)."""
        if self._speller is None:
            from pitlint.spelling import Speller

            self._speller = Speller(self.packs.vocabulary)
        return self._speller

    def reuse(self, document: Document) -> Analysis | None:
        """The draft compared with the corpus, computed once and shared by the reuse checks."""
        if self.index is None or not self.compare:
            return None
        if document.path not in self._analyses:
            from pitlint.reuse.matching import analyse

            self._analyses[document.path] = analyse(document, self.index)
        return self._analyses[document.path]

    def consistently(self, document: Document, checking: Callable[[], T]) -> T:
        """Run a draft's checks against one state of the corpus index, so that an issued PIT added
        meanwhile is seen by all of them or by none (a repeated attempt forgets what it read)."""

        def attempt() -> T:
            self._analyses.pop(document.path, None)
            if self._speller is not None:  # one Speller for the run, its answers cached across drafts,
                self._speller.next_draft()  # but each draft's (and each attempt's) search budgets its own
            return checking()

        return attempt() if self.index is None else self.index.read_consistently(attempt)

    def reference(self, name: str) -> str:
        """How to cite a corpus document: its reference ("624A/23") if it has one, else its id."""
        found = self.index.reference(name) if self.index else None
        return found or name


@functools.cache
def load() -> tuple[ModuleType, ...]:
    """The check modules, imported and their rules registered once per process."""
    modules = tuple(importlib.import_module(f"pitlint.checks.{name}") for name in MODULES)
    for module in modules:
        register(*module.RULES)
    return modules


load()
