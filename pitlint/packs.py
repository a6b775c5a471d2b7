"""Rule packs: the data the checks read (known wrong phrases, outdated references, stale links,
placeholders, organisations), as YAML a FOI team can extend without Python, in the spirit of
Vale's styles. The built-in packs are ``rules/`` at the top of the repository; a team adds its own with
``rules = ["./our-rules"]`` in its configuration (folders of ``.yaml`` files, or files).

A pack may hold:

    rules:                      # entries for a rule, by its code
      PIT401:
        - pattern: 'leave the open'        # a regular expression, matched as whole words
          suggestion: 'leave them open'
          message: '...'                   # optional; a default is made from the pattern
          severity: warning                # optional; the rule's own by default
          case-sensitive: false            # optional
          unless-followed-by: ' and ...'   # optional: text that makes the match fine
          fix: safe                        # optional: the suggestion replaces the match (safe, unsafe,
                                           # none; by default as the rule says: PIT401's fix, others' not)
          no-fix-near: 'European Union'    # optional: in a sentence that has this, no suggestion (the
                                           # finding stays: "the GDPR introduced across the European Union")
          since: 2015-04-01                # optional: the date (or year) the change took effect; in a
                                           # response dated before it, or a sentence about an earlier
                                           # year, the match was right: not reported
    define:                     # a team's own rules (codes must not start with PIT)
      - {code: WMP001, name: old-team-name, category: copy-paste, severity: warning,
         summary: '...', explanation: '...', bad: '...', good: '...',
         fix: safe}             # optional: its entries' suggestions replace the match (safe/unsafe/none;
                                # by default each entry says, with its own fix:)
    organisations:              # {name, aliases, acronyms}
    not-forces: [...]           # bodies that are never "another organisation"
    words: [...]                # words the spelling check knows
    subjects: {name: [words]}   # what requests are about, for spotting arguments about another
    terms: [...]                # terms of art, for spotting a real word slipped into one
    legislation: [...]          # titles of Acts and regulations with their years, for a title written wrongly
    legislation-once: [...]     # the same, for titles enacted once: written with another year, told theirs

A malformed pack is an error that names the file and the key.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from pitlint import regexes
from pitlint.errors import ConfigError
from pitlint.findings import Applicability, Category, FixAvailability, Rule, Severity
from pitlint.shipped import shipped

BUILT_IN = shipped("rules")
_ENTRY_KEYS = {
    "pattern",
    "message",
    "suggestion",
    "severity",
    "case-sensitive",
    "unless-followed-by",
    "fix",
    "since",
    "no-fix-near",
}
_LEADING_LOOKBEHINDS = regexes.compile(r"^(?:\(\?<[=!](?:[^()\\]|\\.)*\))+")
_DEFINE_KEYS = {"code", "name", "category", "severity", "summary", "explanation", "bad", "good"}
_OPTIONAL_DEFINE_KEYS = {"fix"}
_FIX_VALUES = ("safe", "unsafe", "none")
_PACK_KEYS = {
    "rules",
    "define",
    "organisations",
    "not-forces",
    "words",
    "subjects",
    "terms",
    "legislation",
    "legislation-once",
}


@dataclass(frozen=True)
class PatternEntry:
    rule: str
    pattern: regex.Pattern[str]
    text: str  # the pattern as written
    origin: str  # "pack.yaml: rules.PIT401[3].pattern", for a message about the pattern itself
    message: str | None = None
    suggestion: str | None = None
    severity: Severity | None = None
    unless_followed_by: str | None = None
    fix: str | None = (
        None  # "safe", "unsafe" or "none": whether the suggestion replaces the match; None: the rule's way
    )
    since: datetime.date | None = None  # when a change took effect: before it, the old name is right
    no_fix_near: re.Pattern[str] | None = None  # in a sentence that has this, the suggestion would be wrong

    def applicability(self, rule: Rule) -> Applicability | None:
        """How the suggestion fixes the matched words: as the entry says, else as its rule does
        when every finding of that rule has a fix; None for no fix."""
        if self.suggestion is None or rule.fix == FixAvailability.NONE or self.fix == "none":
            return None  # (a built-in rule without fixes stays without them)
        if self.fix is not None:
            return Applicability(self.fix)
        return rule.fix_safety if rule.fix == FixAvailability.ALWAYS else None


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()

    @property
    def full_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Packs:
    entries: dict[str, list[PatternEntry]] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    not_forces: set[str] = field(default_factory=set)
    rules: list[Rule] = field(default_factory=list)  # defined by team packs
    vocabulary: set[str] = field(default_factory=set)  # words the spelling check knows
    subjects: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)  # request subjects and their words
    terms: list[str] = field(default_factory=list)  # terms of art, as written
    legislation: list[str] = field(default_factory=list)  # titles of Acts and regulations, with their years
    legislation_once: list[str] = field(default_factory=list)  # those of them no other law has the name of

    def for_rule(self, code: str) -> list[PatternEntry]:
        return self.entries.get(code, [])


_LEGISLATION_TITLE = regexes.compile(r"\S.* (?:Act|Regulations|Order|Rules) (?:19|20)\d\d")


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{path}: {key}: {problem}")


def _text(path: Path, key: str, value: Any, *, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, "must be a non-empty text")
    return value


def _entry(path: Path, key: str, code: str, item: Any) -> PatternEntry:
    if not isinstance(item, dict):
        raise _fail(path, key, "must be a mapping with at least a 'pattern'")
    unknown = set(item) - _ENTRY_KEYS
    if unknown:
        raise _fail(path, f"{key}.{sorted(unknown)[0]}", f"unknown key (known: {', '.join(sorted(_ENTRY_KEYS))})")
    pattern = _text(path, f"{key}.pattern", item.get("pattern"))
    flags = 0 if item.get("case-sensitive") else regex.IGNORECASE
    # whole words only: a pattern that starts (ends) with a letter or digit may not start (end)
    # inside a word; one that starts or ends with punctuation ("app-content/") may
    # (the first character it matches: look-behinds at its start match none, "(?<!UK )GDPR")
    first = _LEADING_LOOKBEHINDS.sub("", pattern)[:1]
    before = r"(?<!\w)" if first.isalnum() else ""
    after = r"(?!\w)" if pattern[-1].isalnum() else ""
    try:  # the regex module, whose matching can be given a time limit (see checks._patterns)
        compiled = regex.compile(rf"{before}(?:{pattern}){after}", flags)
    except (regex.error, re.error) as error:
        raise _fail(path, f"{key}.pattern", f"not a valid regular expression ({error})") from None
    severity = item.get("severity")
    if severity is not None and severity not in {s.value for s in Severity}:
        raise _fail(path, f"{key}.severity", "must be error, warning or info")
    fix = item.get("fix")
    if fix is not None and fix not in _FIX_VALUES:
        raise _fail(path, f"{key}.fix", "must be safe, unsafe or none")
    since = _since(path, key, item.get("since"))
    no_fix_near = _text(path, f"{key}.no-fix-near", item.get("no-fix-near"), required=False)
    try:
        near = regexes.compile(no_fix_near, re.IGNORECASE) if no_fix_near else None
    except re.error as error:
        raise _fail(path, f"{key}.no-fix-near", f"not a valid regular expression ({error})") from None
    return PatternEntry(
        code,
        compiled,
        pattern,
        f"{path}: {key}.pattern",
        _text(path, f"{key}.message", item.get("message"), required=False),
        _text(path, f"{key}.suggestion", item.get("suggestion"), required=False),
        Severity(severity) if severity else None,
        _text(path, f"{key}.unless-followed-by", item.get("unless-followed-by"), required=False),
        fix,
        since,
        near,
    )


def _since(path: Path, key: str, value: Any) -> datetime.date | None:
    """``since:`` as a date: a YAML date (2015-04-01) as written, a bare year as its first day."""
    if value is None:
        return None
    if type(value) is int and 1900 <= value <= 2100:
        return datetime.date(value, 1, 1)
    if type(value) is datetime.date and 1900 <= value.year <= 2100:
        return value
    raise _fail(path, f"{key}.since", "must be a date (e.g. 2015-04-01) or a year (e.g. 2015)")


def _define(path: Path, key: str, item: Any) -> Rule:
    if not isinstance(item, dict):
        raise _fail(path, key, "must be a mapping")
    missing = _DEFINE_KEYS - set(item)
    if missing:
        raise _fail(path, f"{key}.{sorted(missing)[0]}", "is required")
    unknown = set(item) - _DEFINE_KEYS - _OPTIONAL_DEFINE_KEYS
    if unknown:
        raise _fail(path, f"{key}.{sorted(unknown)[0]}", "unknown key")
    code = _text(path, f"{key}.code", item["code"])
    if not re.fullmatch(r"[A-Z]{2,8}\d{1,4}", code) or code.startswith("PIT"):
        raise _fail(path, f"{key}.code", "must be letters then digits (e.g. WMP001) and not start with PIT")
    if item["category"] not in {c.value for c in Category}:
        raise _fail(path, f"{key}.category", f"must be one of {', '.join(c.value for c in Category)}")
    if item["severity"] not in {s.value for s in Severity}:
        raise _fail(path, f"{key}.severity", "must be error, warning or info")
    fix = item.get("fix")
    if fix is not None and fix not in _FIX_VALUES:
        raise _fail(path, f"{key}.fix", "must be safe, unsafe or none")
    return Rule(
        code,
        _text(path, f"{key}.name", item["name"]),
        Category(item["category"]),
        Severity(item["severity"]),
        _text(path, f"{key}.summary", item["summary"]),
        _text(path, f"{key}.explanation", item["explanation"]),
        _text(path, f"{key}.bad", item["bad"]),
        _text(path, f"{key}.good", item["good"]),
        # a team rule's entries fix with their suggestion as the rule says (fix: safe or unsafe), or
        # as each entry says when the rule does not
        fix={None: FixAvailability.SOMETIMES, "none": FixAvailability.NONE}.get(fix, FixAvailability.ALWAYS),
        fix_safety=Applicability(fix) if fix in ("safe", "unsafe") else None,
    )


def _parsed(path: Path) -> Any:
    """A pack's YAML, parsed. The parse is kept in the cache as JSON, named by the digest of the
    file's bytes, so that a check need not import the YAML parser (some 20 ms of every start):
    an edited pack has another digest, and is parsed again."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read rule pack ({error})") from None
    from pitlint.caches import cache_file, write_quietly

    cached = cache_file("packs", f"{hashlib.blake2b(raw, digest_size=16).hexdigest()}.json")
    with contextlib.suppress(OSError, ValueError, RecursionError):
        return json.loads(cached.read_bytes(), object_hook=_decoded)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when built: ~6x faster
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=loader)  # a safe loader either way
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read rule pack ({error})") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not _small(data, limit=4 * len(raw) + 1000):  # (a pack's own text has fewer values than bytes)
        raise ConfigError(f"{path}: its YAML aliases stand for far more values than the file holds")
    with contextlib.suppress(TypeError, ValueError, RecursionError):
        encoded = json.dumps(data, default=_encoded, allow_nan=False).encode("utf-8")
        if json.loads(encoded, object_hook=_decoded) == data:  # only what JSON keeps exactly (not int keys)
            write_quietly(cached, encoded)
    return data


def _small(data: Any, *, limit: int) -> bool:
    """Whether the parse has at most ``limit`` values, counting a node every time an alias
    repeats it (a few lines of nested aliases can stand for billions of values)."""
    pending, seen = [data], 0
    while pending:
        node = pending.pop()
        seen += 1
        if seen > limit:
            return False
        if isinstance(node, dict):
            pending.extend(node.keys())
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return True


_DATE = "$date"  # a YAML date, in the cached JSON


def _encoded(value: Any) -> Any:
    if type(value) is datetime.date:
        return {_DATE: value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not cached")


def _decoded(mapping: dict) -> Any:
    if len(mapping) == 1 and isinstance(mapping.get(_DATE), str):
        return datetime.date.fromisoformat(mapping[_DATE])
    return mapping


def _read(path: Path, packs: Packs, known_codes: set[str]) -> None:
    data = _parsed(path)
    if data is None:
        return
    if not isinstance(data, dict):
        raise _fail(path, "(top)", "a rule pack is a mapping with rules, define, organisations or not-forces")
    unknown = set(data) - _PACK_KEYS
    if unknown:
        raise _fail(path, sorted(unknown)[0], f"unknown key (known: {', '.join(sorted(_PACK_KEYS))})")
    for number, item in enumerate(data.get("define") or []):
        rule = _define(path, f"define[{number}]", item)
        packs.rules.append(rule)
        known_codes.add(rule.code)
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise _fail(path, "rules", "must map rule codes to lists of entries")
    for code, items in rules.items():
        if code not in known_codes:
            raise _fail(path, f"rules.{code}", "unknown rule code (define it under 'define', or see `pitlint rules`)")
        if not isinstance(items, list):
            raise _fail(path, f"rules.{code}", "must be a list of entries")
        packs.entries.setdefault(code, []).extend(
            _entry(path, f"rules.{code}[{number}]", code, item) for number, item in enumerate(items)
        )
    for number, item in enumerate(data.get("organisations") or []):
        key = f"organisations[{number}]"
        if not isinstance(item, dict) or "name" not in item:
            raise _fail(path, key, "must be a mapping with a 'name'")
        packs.organisations.append(
            Organisation(
                _text(path, f"{key}.name", item["name"]),
                tuple(item.get("aliases") or ()),
                tuple(item.get("acronyms") or ()),
            )
        )
    packs.not_forces.update(data.get("not-forces") or [])
    words = data.get("words") or []
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise _fail(path, "words", "must be a list of words")
    packs.vocabulary.update(word.lower() for word in words)
    subjects = data.get("subjects") or {}
    if not isinstance(subjects, dict):
        raise _fail(path, "subjects", "must map each subject to the words that name it")
    terms = data.get("terms") or []
    if not isinstance(terms, list) or not all(isinstance(term, str) and len(term.split()) >= 2 for term in terms):
        raise _fail(path, "terms", "must be a list of terms of two words or more")
    packs.terms.extend(terms)
    for key in ("legislation", "legislation-once"):
        titles = data.get(key) or []
        if not isinstance(titles, list) or not all(
            isinstance(title, str) and _LEGISLATION_TITLE.fullmatch(title) for title in titles
        ):
            raise _fail(path, key, "must be a list of titles ending in Act, Regulations, Order or Rules, and a year")
        packs.legislation.extend(titles)
        if key == "legislation-once":
            packs.legislation_once.extend(titles)
    for subject, names in subjects.items():
        if not isinstance(names, list) or not names or not all(isinstance(name, str) for name in names):
            raise _fail(path, f"subjects.{subject}", "must be a list of the words that name it")
        packs.subjects.setdefault(str(subject), []).extend(
            regexes.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE) for name in names
        )


def _files(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted([*location.glob("*.yaml"), *location.glob("*.yml")])
    if location.is_file():
        return [location]
    raise ConfigError(f"{location}: no such rule pack (a .yaml file or a folder of them)")


def load(extra: tuple[Path, ...] = ()) -> Packs:
    """The built-in packs, then the team's (whose entries add to the built-in ones)."""
    from pitlint.findings import all_rules

    packs = Packs()
    known = {rule.code for rule in all_rules()}
    for location in (BUILT_IN, *extra):
        for path in _files(location):
            _read(path, packs, known)
    return packs
