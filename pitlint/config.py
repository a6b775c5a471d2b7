"""Settings: built-in defaults < `[tool.pitlint]` in pyproject.toml or a `.pitlint.toml` (the
nearest one walking up from the current folder, or the file given with --config) < the command
line. Keys are kebab-case, as in ruff; an unknown key or a wrong type is an error that names the
file and the key."""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pitlint.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FORMATS = ("text", "concise", "json", "sarif", "github", "html", "markdown")
FAIL_ON = ("error", "warning", "info", "never")
CONFIG_NAMES = (".pitlint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    format: str = "text"
    output: Path | None = None
    fail_on: str = "error"
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    corpus: str | None = None  # folder of issued PITs, or an index; None: the shipped corpus
    generic_threshold: float = 0.7  # share of reused wording that makes a draft generic
    organisation: str | None = None  # the draft's own organisation; None: the one it names most
    check_links: bool = False  # try every link online
    link_timeout: float = 5.0  # seconds to wait for each server
    rules: tuple[Path, ...] = ()  # a team's own rule packs (folders or .yaml files)
    source: Path | None = None  # the config file these settings came from, if any

    def merged(self, **overrides: Any) -> Config:
        """These settings with the command line's on top (None means "not given")."""
        return replace(self, **{key: value for key, value in overrides.items() if value is not None})


# key in the file -> (field, expected type, allowed values)
_KEYS: dict[str, tuple[str, type, tuple[str, ...] | None]] = {
    "format": ("format", str, FORMATS),
    "output": ("output", str, None),
    "fail-on": ("fail_on", str, FAIL_ON),
    "select": ("select", list, None),
    "ignore": ("ignore", list, None),
    "corpus": ("corpus", str, None),
    "generic-threshold": ("generic_threshold", float, None),
    "organisation": ("organisation", str, None),
    "organization": ("organisation", str, None),
    "check-links": ("check_links", bool, None),
    "link-timeout": ("link_timeout", float, None),
    "rules": ("rules", list, None),
}


def find_config_file(start: Path) -> Path | None:
    """The nearest .pitlint.toml, or pyproject.toml with a [tool.pitlint] table, from start up."""
    for folder in (start, *start.parents):
        dotfile = folder / ".pitlint.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_our_table(pyproject):
            return pyproject
    return None


def _has_our_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml configures pitlint, in any TOML form ("[tool.pitlint]", or
    "tool.pitlint = ..."); one that cannot be parsed counts when it names the table, so that its
    error is reported rather than passed over."""
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "pitlint" not in text:
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "[tool.pitlint" in text
    tool = data.get("tool")
    return isinstance(tool, dict) and "pitlint" in tool


def _table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config file ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("pitlint", {}) if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.pitlint] must be a table of settings, not {type(table).__name__}")
        return table
    return data


def _value(path: Path, where: str, key: str, value: Any) -> Any:
    name, expected, allowed = _KEYS[key]
    if expected is list:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            what = "paths of rule packs" if name == "rules" else "rule codes, names or categories"
            raise ConfigError(f"{path}: '{key}' in {where} must be a list of {what}")
        if name == "rules":
            return tuple((path.parent / item).resolve() for item in value)
        return tuple(item.strip() for item in value if item.strip())
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, expected):
        raise ConfigError(f"{path}: '{key}' in {where} must be a {expected.__name__}, not {type(value).__name__}")
    if name == "generic_threshold" and not 0 <= value <= 1:
        raise ConfigError(f"{path}: '{key}' in {where} must be between 0 and 1, not {value}")
    if name == "link_timeout" and not 0 < value <= 120:
        raise ConfigError(f"{path}: '{key}' in {where} must be between 0 and 120 seconds, not {value}")
    if allowed and value not in allowed:
        raise ConfigError(f"{path}: '{key}' in {where} must be one of {', '.join(allowed)}, not '{value}'")
    if name == "output":
        return (path.parent / value).resolve()
    if name == "corpus" and "://" not in value:
        return str((path.parent / value).resolve())
    return value


def load(config_file: Path | None = None, start: Path | None = None) -> Config:
    """Settings from the given config file, or the nearest one found from ``start`` upwards."""
    path = config_file or find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    table = _table(path)
    where = "[tool.pitlint]" if path.name == "pyproject.toml" else path.name
    settings: dict[str, Any] = {"source": path}
    for key, value in table.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key, list(_KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(_KEYS)})"
            raise ConfigError(f"{path}: unknown key '{key}' in {where}{hint}")
        settings[_KEYS[key][0]] = _value(path, where, key, value)
    return Config(**settings)
