"""Errors meant for people: each becomes one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path


class PitlintError(Exception):
    """Base of every error pitlint reports to a user as one line."""


class ReadError(PitlintError):
    """A draft could not be read: corrupt, encrypted, unsupported or too large."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class ConfigError(PitlintError):
    """A configuration file or option is wrong; the message names the file and the key."""


class UsageError(PitlintError):
    """The command line asks for something that cannot be done."""


class CorpusError(PitlintError):
    """The corpus or its index cannot be used: missing, stale, corrupt or of another version."""
