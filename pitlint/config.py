"""Settings: built-in defaults < `[tool.pitlint]` in pyproject.toml or a `.pitlint.toml` < the
command line. Keys are kebab-case, as in ruff; an unknown key or a wrong type is an error that
names the file and the key.

As in ruff, each draft is checked with the nearest config file from its own folder up (the file
given with --config, for every draft); what concerns the run as a whole (format, output, fail-on,
corpus, links, rule packs) comes from the one found from the current folder. Globs in a config
file (exclude, per-file-ignores) are relative to its folder."""

from __future__ import annotations

import difflib
import fnmatch
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
# files in a drafts repository that are not drafts (README.md, a licence, GitHub's own files)
DEFAULT_EXCLUDE = (
    "README*",
    "LICENSE*",
    "LICENCE*",
    "CHANGELOG*",
    "CHANGES*",
    "CONTRIBUTING*",
    "CODE_OF_CONDUCT*",
    "SECURITY*",
    ".github",
)


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
    extend_select: tuple[str, ...] = ()  # rules added to those selected
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # globs of files and folders that are not drafts
    extend_exclude: tuple[str, ...] = ()  # more of them, keeping the defaults
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors) pairs
    force_exclude: bool = False  # exclude files named on the command line too (pre-commit names every file)
    source: Path | None = None  # the config file these settings came from, if any
    pinned: bool = False  # given with --config: one file for every draft
    jobs: int = 0  # processes checking a batch; 0: one per core when the batch is large enough

    @property
    def root(self) -> Path:
        """The folder globs are relative to: the config file's, else the current one."""
        return self.source.parent if self.source is not None else Path.cwd()

    def excludes(self, path: Path) -> bool:
        """Whether ``path`` matches exclude or extend-exclude."""
        return _matches(path, self.root, (*self.exclude, *self.extend_exclude))

    def ignored_here(self, path: Path) -> tuple[str, ...]:
        """The rule selectors per-file-ignores leaves out for ``path``."""
        return tuple(
            selector
            for glob, selectors in self.per_file_ignores
            if _matches(path, self.root, (glob,))
            for selector in selectors
        )

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
    "extend-select": ("extend_select", list, None),
    "exclude": ("exclude", list, None),
    "extend-exclude": ("extend_exclude", list, None),
    "per-file-ignores": ("per_file_ignores", dict, None),
    "force-exclude": ("force_exclude", bool, None),
}
RUN_WIDE = ("format", "output", "fail_on", "corpus", "check_links", "link_timeout", "rules", "force_exclude", "jobs")


def _matches(path: Path, root: Path, globs: tuple[str, ...]) -> bool:
    """Whether a glob matches the path relative to ``root``: a glob without "/" matches any one
    name in it ("README*", ".github"), one with "/" the path from the root ("archive/*.docx") or a
    folder above the file ("archive/2019")."""
    try:
        relative = path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        relative = path
    parts = relative.parts
    text = relative.as_posix()
    for glob in globs:
        glob = glob.strip().strip("/")  # ("/drafts" and "drafts/" as "drafts")
        if not glob:
            continue
        if "/" not in glob:
            if any(fnmatch.fnmatchcase(part, glob) for part in parts):
                return True
        elif fnmatch.fnmatchcase(text, glob) or any(
            fnmatch.fnmatchcase("/".join(parts[:depth]), glob) for depth in range(1, len(parts))
        ):
            return True
    return False


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
    if expected is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: '{key}' in {where} must be a table of globs and rule lists")
        pairs = []
        for glob, selectors in value.items():
            if isinstance(selectors, str):
                selectors = [selectors]
            if not isinstance(selectors, list) or not all(isinstance(item, str) for item in selectors):
                raise ConfigError(
                    f"{path}: '{key}.\"{glob}\"' in {where} must be a list of rule codes, names or categories"
                )
            pairs.append((glob, tuple(item.strip() for item in selectors if item.strip())))
        return tuple(pairs)
    if expected is list:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            what = "paths of rule packs" if name == "rules" else "rule codes, names or categories"
            raise ConfigError(f"{path}: '{key}' in {where} must be a list of {what}")
        if name == "rules":
            return tuple((path.parent / item).resolve() for item in value)
        if name in ("exclude", "extend_exclude"):
            return tuple(item for item in value if item.strip())
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


class PerFile:
    """The settings for each draft: those of the nearest config file from its folder up (looked up
    once per folder), with the command line's on top and the run-wide ones kept from the run's."""

    def __init__(self, run: Config, overrides: dict[str, Any]) -> None:
        self.run = run
        self.overrides = {key: value for key, value in overrides.items() if value is not None}
        self._by_folder: dict[Path, Config] = {}

    def __call__(self, path: Path) -> Config:
        if self.run.pinned:
            return self.run
        try:
            folder = path.parent.resolve()
        except OSError:
            return self.run
        if folder not in self._by_folder:
            found = find_config_file(folder)
            if found is None or found == self.run.source:
                settings = self.run  # none of its own: the run's (as found from the current folder)
            else:
                own = load(found).merged(**self.overrides)
                settings = replace(own, **{name: getattr(self.run, name) for name in RUN_WIDE})
            self._by_folder[folder] = settings
        return self._by_folder[folder]


def load(config_file: Path | None = None, start: Path | None = None) -> Config:
    """Settings from the given config file, or the nearest one found from ``start`` upwards."""
    path = config_file or find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    table = _table(path)
    where = "[tool.pitlint]" if path.name == "pyproject.toml" else path.name
    settings: dict[str, Any] = {"source": path, "pinned": config_file is not None}
    for key, value in table.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key, list(_KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(_KEYS)})"
            raise ConfigError(f"{path}: unknown key '{key}' in {where}{hint}")
        settings[_KEYS[key][0]] = _value(path, where, key, value)
    return Config(**settings)
