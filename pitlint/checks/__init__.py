"""The checks: one module per rule family, each exporting ``RULES`` and
``check(document, outline, context) -> Iterable[Finding]`` (pre-commit's languages are the model:
one interface, one small module each). Importing a module registers its rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from pitlint.findings import Finding, register

if TYPE_CHECKING:
    from pitlint.config import Config
    from pitlint.document import Document
    from pitlint.outline import Outline

MODULES = ("structure",)


@dataclass
class Context:
    """What checks may consult besides the draft: the settings, and shared data they load once."""

    config: Config
    cache: dict[str, Any] = field(default_factory=dict)


CheckFunction = Callable[["Document", "Outline", Context], Iterable[Finding]]


def load() -> list[ModuleType]:
    modules = [importlib.import_module(f"pitlint.checks.{name}") for name in MODULES]
    for module in modules:
        register(*module.RULES)
    return modules


load()
