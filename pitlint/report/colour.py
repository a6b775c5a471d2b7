"""Plain ANSI colour for the reports people read in a terminal, and when to use it.

Colour is used only where it helps and never where it would land in a file: on a terminal, unless
``NO_COLOR`` is set (https://no-color.org: any non-empty value); ``FORCE_COLOR`` (non-empty) asks
for it through a pipe too (a pager such as ``less -R``, a CI log that renders it). ``NO_COLOR`` wins
when both are set: it is the reader's own choice, often for accessibility.
"""

from __future__ import annotations

import os
from typing import TextIO

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
_SEVERITY = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}  # red bold, yellow, cyan
_FIXABLE = "\x1b[36m"


def wanted(stream: TextIO) -> bool:
    """Whether output written to ``stream`` should be coloured."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class Painter:
    """Wraps text in colour codes, or leaves it alone when colour is off (one object, no branches
    in the formatters)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.enabled and text else text

    def bold(self, text: str) -> str:
        return self._paint(BOLD, text)

    def severity(self, severity: str, text: str) -> str:
        """Text in the colour of a severity: error red and bold, warning yellow, info cyan."""
        return self._paint(_SEVERITY.get(severity, ""), text)

    def fixable(self, text: str) -> str:
        return self._paint(_FIXABLE, text)
