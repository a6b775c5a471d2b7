"""Text from a draft or a file name, made safe to show: a file name or a Word property holding a
line feed and "::error ..." would otherwise forge a GitHub workflow command in a CI log, an
escape character would drive the terminal, and a bidirectional control would reorder what a
reviewer reads in the HTML report. Each such character is shown as its escape (\\n, \\x1b,
\\u202e), so nothing is hidden and nothing acts."""

from __future__ import annotations

import re

from pitlint import regexes

# C0 and C1 controls (tab kept), DEL, bidirectional controls and marks, line and paragraph
# separators, and lone surrogates (file names that are not valid UTF-8)
_CONTROLS = r"\x00-\x08\x7f-\x9f"
_LINES = r"\x0a-\x1f\u2028\u2029"
_KEPT_LINES = r"\x0b\x0c\x0e-\x1f"  # without \n and \r
_BIDI_AND_SURROGATES = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = regexes.compile(f"[{_CONTROLS}{_LINES}{_BIDI_AND_SURROGATES}]")
_UNSAFE_KEEPING_LINES = regexes.compile(f"[{_CONTROLS}{_KEPT_LINES}{_BIDI_AND_SURROGATES}]")
_NAMED = {"\n": "\\n", "\r": "\\r"}
# a workflow command starts "::" at the start of a line; GitHub reads commands from any output
_COMMAND = regexes.compile(r"::")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, keep_lines: bool = False) -> str:
    """The text with every control, bidi and unpaired surrogate character shown as its escape
    (line breaks kept where the output is not line-based, as in HTML)."""
    return (_UNSAFE_KEEPING_LINES if keep_lines else _UNSAFE).sub(_escape, text)


def for_log(text: str) -> str:
    """printable(), and "::" broken up so that no line of a log can read as a workflow command."""
    return _COMMAND.sub(": :", printable(text))
