"""A Report rebuilt from the JSON that `pitlint check --format json` wrote, so that one check can
be rendered in every other format (`pitlint report`): checking is the expensive part, and CI
wants SARIF, annotations and a summary from the same run.

The JSON is input like any other: it may be hand-edited, truncated or hostile. Every field is
checked for its type before use and any fault is one line naming the file and the field. Rules
are looked up in the registry by code; a code the registry does not know (a team's own rule from
its packs) is kept with the name, category and severity the JSON gives it."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from pitlint import regexes
from pitlint.document import Location
from pitlint.engine import FileReport, Report
from pitlint.errors import UsageError
from pitlint.findings import REGISTRY, Applicability, Category, Finding, Fix, Rule, Severity, all_rules
from pitlint.readers import READERS

# reader module -> the format name a Document carries (what the formatters test)
_FORMATS = {"text": "txt", "markdown": "md", "docx": "docx", "pdf": "pdf", "html": "html"}
_CODE = regexes.compile(r"[A-Za-z][A-Za-z0-9_-]{0,31}")
_SECTIONS = ("harm", "favouring", "against", "balancing", "conclusion")
MAX_JSON_BYTES = 512 * 2**20  # a report of a thousand drafts is a few MB; more is not one of ours


class _Malformed(Exception):
    """A field of the JSON is missing or of the wrong kind; the message names it."""


def load(path: Path, fail_on: str = "error") -> Report:
    """The Report in ``path``; a UsageError (one line) when it cannot be read or is not one."""
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise UsageError(f"{path}: refused: {size / 2**20:.0f} MB is over the {MAX_JSON_BYTES // 2**20} MB limit")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a JSON report") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant, parse_float=_finite)
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not a pitlint JSON report (not UTF-8 text)") from None
    except RecursionError:
        raise UsageError(f"{path}: not a pitlint JSON report (nested too deeply)") from None
    except ValueError as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
        raise UsageError(f"{path}: not a pitlint JSON report (invalid JSON: {reason})") from None
    try:
        return from_data(data, fail_on)
    except _Malformed as error:
        raise UsageError(f"{path}: not a pitlint JSON report ({error})") from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is too large a number")
    return value


def from_data(data: Any, fail_on: str = "error") -> Report:
    """The Report a parsed `--format json` object describes."""
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise _Malformed('expected an object with a "files" list, as `pitlint check --format json` writes')
    all_rules()  # the registry, filled
    rules: dict[str, Rule] = {}
    files = [_file(item, f"files[{number}]", rules) for number, item in enumerate(data["files"])]
    return Report(files, fail_on)


def _get(data: dict[str, Any], key: str, where: str, kinds: type | tuple[type, ...], optional: bool = True) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _tuple(kinds)):
        raise _Malformed(f"{where}.{key}: expected {_kind_name(kinds)}, not {_shown(value)}")
    return value


def _tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _kind_name(kinds: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", float: "a number", dict: "an object", list: "a list"}
    return " or ".join(names.get(kind, kind.__name__) for kind in _tuple(kinds))


def _shown(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _position(data: dict[str, Any], key: str, where: str) -> int | None:
    value = _get(data, key, where, int)
    if value is not None and not 0 < value < 2**31:
        raise _Malformed(f"{where}.{key}: expected a positive whole number")
    return value


def _file(data: Any, where: str, rules: dict[str, Rule]) -> FileReport:
    if not isinstance(data, dict):
        raise _Malformed(f"{where}: expected an object")
    path = _get(data, "path", where, str, optional=False)
    error = _get(data, "error", where, str)
    file = FileReport(path, error=error, format=_format_of(path), source=_on_disk(path))
    stats = _get(data, "stats", where, dict) or {}
    file.paragraphs = _get(stats, "paragraphs", f"{where}.stats", int) or 0
    file.silenced = _get(stats, "silenced", f"{where}.stats", int) or 0
    file.baselined = _get(stats, "baselined", f"{where}.stats", int) or 0
    fraction = _get(stats, "reused_fraction", f"{where}.stats", (int, float))
    file.reused_fraction = None if fraction is None else float(fraction)
    file.identical_to = _get(stats, "identical_to", f"{where}.stats", str)
    findings = _get(data, "findings", where, list) or []
    file.findings = [_finding(item, f"{where}.findings[{n}]", rules) for n, item in enumerate(findings)]
    return file


def _format_of(path: str) -> str | None:
    """The format the reader would have given the file, from its suffix (readers choose by suffix)."""
    suffix = Path(path).suffix.lower()
    module = READERS.get(suffix)
    return _FORMATS.get(module, suffix[1:]) if module else None  # (office: read as the suffix says)


def _on_disk(path: str) -> Path | None:
    """The file the report names, if it is still there: a name that was not UTF-8 is shown with its
    bytes as escapes ("bad\\xff.txt"), so those are turned back into the bytes first."""
    candidates = []
    if "\\x" in path:
        unescaped = re.sub(r"\\x([0-9a-f]{2})", lambda m: chr(0xDC00 + int(m.group(1), 16)), path)
        candidates.append(Path(unescaped))
    candidates.append(Path(path))
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError):
            continue
    return None


def _finding(data: Any, where: str, rules: dict[str, Rule]) -> Finding:
    if not isinstance(data, dict):
        raise _Malformed(f"{where}: expected an object")
    code = _get(data, "code", where, str, optional=False)
    if not _CODE.fullmatch(code):
        raise _Malformed(f"{where}.code: not a rule code")
    severity = _choice(data, "severity", where, Severity)
    rule = rules.get(code) or REGISTRY.get(code)
    if rule is None:
        rule = rules[code] = _unknown_rule(data, where, code, severity)
    paragraph = _position(data, "paragraph", where)
    location = None
    if paragraph is not None:
        location = Location(
            paragraph,
            _position(data, "line", where),
            _position(data, "column", where),
            _position(data, "end_line", where),
            _position(data, "end_column", where),
            _position(data, "page", where),
        )
    section = _get(data, "section", where, str)
    if section is not None and section not in _SECTIONS:
        raise _Malformed(f"{where}.section: expected one of {', '.join(_SECTIONS)}")
    return Finding(
        rule,
        _get(data, "message", where, str, optional=False),
        _get(data, "excerpt", where, str) or "",
        location,
        suggestion=_get(data, "suggestion", where, str),
        section=section,
        source=_get(data, "source", where, dict),
        fix=_fix(data, where),
        severity=severity,
    )


def _choice(data: dict[str, Any], key: str, where: str, kind: type[Severity] | type[Category]) -> Any:
    value = _get(data, key, where, str, optional=False)
    try:
        return kind(value)
    except ValueError:
        raise _Malformed(f"{where}.{key}: expected one of {', '.join(item.value for item in kind)}") from None


def _unknown_rule(data: dict[str, Any], where: str, code: str, severity: Severity) -> Rule:
    """A rule this pitlint does not define (a team's own, from its packs), as the JSON describes it."""
    name = _get(data, "name", where, str, optional=False)
    category = _choice(data, "category", where, Category)
    return Rule(code, name, category, severity, f"{name} (a rule from a team's own pack)", "", "", "")


def _fix(data: dict[str, Any], where: str) -> Fix | None:
    fix = _get(data, "fix", where, dict)
    if fix is None:
        return None
    replacement = _get(fix, "replacement", f"{where}.fix", str, optional=False)
    applicability = _get(fix, "applicability", f"{where}.fix", str, optional=False)
    if applicability not in ("safe", "unsafe"):
        raise _Malformed(f"{where}.fix.applicability: expected safe or unsafe")
    return Fix(replacement, Applicability(applicability))
