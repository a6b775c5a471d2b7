"""Findings, and the one registry of rules that `pitlint rules`, `pitlint explain`, the reports
and the docs all read (ruff's registry is the model: a stable code, a kebab-case name, a
category, a default severity, a one-line summary and an explanation with a bad and a good
example)."""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pitlint.document import Location, Paragraph


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class Applicability(str, Enum):
    """How far a fix can be trusted (ruff's Applicability): a safe fix keeps the meaning and is
    applied by ``--fix``; an unsafe one may not be what the author meant, and is applied only with
    ``--unsafe-fixes`` (as a tracked change in Word, the officer still accepts or rejects each)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixAvailability(str, Enum):
    """Whether a rule's findings carry fixes: always, only where the right words are certain, or never."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NONE = "none"


@dataclass(frozen=True)
class Fix:
    """Replace the finding's flagged words (its paragraph's ``text[span]``) with ``replacement``."""

    replacement: str
    applicability: Applicability = Applicability.SAFE

    @property
    def safe(self) -> bool:
        return self.applicability == Applicability.SAFE


class Category(str, Enum):
    BOILERPLATE = "boilerplate"
    DRIFT = "drift"
    GENERIC = "generic"
    LINK = "link"
    TYPO = "typo"
    STRUCTURE = "structure"
    EXEMPTION = "exemption"
    COPY_PASTE = "copy-paste"
    PUBLICATION = "publication"


@dataclass(frozen=True)
class Rule:
    code: str  # "PIT104": stable forever, used in --select/--ignore and baselines
    name: str  # "missing-balancing-test"
    category: Category
    severity: Severity  # the default
    summary: str  # one line for `pitlint rules`
    explanation: str  # why it matters, for `pitlint explain`
    bad: str  # an example that triggers the rule
    good: str  # the same text written well
    fix: FixAvailability = FixAvailability.NONE  # whether its findings carry a Fix
    fix_safety: Applicability | None = Applicability.SAFE  # of those fixes; None: it depends on the finding
    # What to do about a finding that carries neither a fix nor a suggestion of its own, in one
    # imperative line (the annotated copy says it, so that every comment says what to do).
    action: str = ""

    @property
    def fix_summary(self) -> str:
        """How the rule fixes, as `pitlint rules` and `explain` show it: "safe", "unsafe",
        "safe or unsafe", each with ", sometimes" when not every finding has a fix; "" for none."""
        if self.fix == FixAvailability.NONE:
            return ""
        safety = self.fix_safety.value if self.fix_safety else "safe or unsafe"
        return safety + (", sometimes" if self.fix == FixAvailability.SOMETIMES else "")

    def finding(
        self,
        message: str,
        paragraph: Paragraph | None = None,
        start: int = 0,
        end: int | None = None,
        *,
        suggestion: str | None = None,
        section: str | None = None,
        source: dict[str, Any] | None = None,
        replacement: str | None = None,
        applicability: Applicability | None = None,
    ) -> Finding:
        """A finding on ``paragraph.text[start:end]``, or on the whole document without one.

        ``replacement`` is the text that fixes it (the flagged words replaced by it); the fix is as
        safe as the rule declares unless ``applicability`` says otherwise. ``suggestion`` defaults
        to the replacement."""
        if paragraph is None:
            return Finding(self, message, "", None, suggestion=suggestion, section=section, source=source)
        end = len(paragraph.text) if end is None else end
        fix = None
        if replacement is not None and self.fix != FixAvailability.NONE:
            fix = Fix(replacement, applicability or self.fix_safety or Applicability.UNSAFE)
        return Finding(
            self,
            message,
            fold(paragraph.text[start:end]),
            paragraph.locate(start, end),
            suggestion=replacement if suggestion is None else suggestion,
            section=section,
            source=source,
            span=(start, end),
            fix=fix,
        )


_LOWER_STARTS = frozenset("the a an this that these those it and or but nor neither in on of to with for by".split())


def cased_like(replacement: str, flagged: str) -> str:
    """The replacement in the case the flagged words were written in: in capitals if they were (a
    heading of several words), with a capital first letter if theirs had one (the start of a
    sentence), and lower case first where theirs was and the replacement starts with a common word
    ("The UK GDPR" mid-sentence -> "the UK GDPR"; a name keeps its capital)."""
    if " " in flagged.strip() and flagged.isupper():
        return replacement.upper()
    if not (replacement[:1].isalpha() and flagged[:1].isalpha()):
        return replacement
    if flagged[0].isupper():
        return replacement[0].upper() + replacement[1:]
    if replacement.split(" ", 1)[0].lower() in _LOWER_STARTS:
        return replacement[0].lower() + replacement[1:]
    return replacement


def fold(text: str) -> str:
    """White space folded to single spaces, as excerpts are reported."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Finding:
    rule: Rule
    message: str
    excerpt: str  # the exact flagged words; "" for document-level findings
    location: Location | None  # None for document-level findings
    suggestion: str | None = None
    section: str | None = None
    source: dict[str, Any] | None = None
    span: tuple[int, int] | None = None  # offsets of the flagged words in their paragraph's text
    fix: Fix | None = None  # how to fix it, when the right words are known
    severity: Severity = field(default=None)  # type: ignore[assignment]  # defaults to the rule's

    def __post_init__(self) -> None:
        if self.severity is None:
            self.severity = self.rule.severity

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Reading order: document-level findings first, then by paragraph and place in it (a finding
        on a paragraph as a whole, such as a tracked change, after those on words in it)."""
        where = self.location
        if where is None:
            return (0, 0, 0, self.rule.code)
        return (1, where.paragraph, self.span[0] if self.span else sys.maxsize, self.rule.code)


# Rules that can flag the same slip in the same words: where two of one group overlap, only the
# one listed first is reported (one finding per slip; drift first, as it shows the approved wording
# and how many issued PITs use it; the force's own name, known, before a guess at a rare or unknown
# word; a sentence left unfinished before the two words a reader ran together across the cut; a stale
# link is not also told to use https).
SAME_SLIP: tuple[tuple[str, ...], ...] = (
    ("PIT302", "PIT401", "PIT408", "PIT415", "PIT406", "PIT405", "PIT402", "PIT404", "PIT403", "PIT507", "PIT407"),
    ("PIT501", "PIT504", "PIT503", "PIT505", "PIT502"),
)


def one_per_slip(findings: list[Finding]) -> list[Finding]:
    """The findings with every duplicate of a slip left out (SAME_SLIP decides which one stays).

    Kept findings of one group never overlap one another, so each paragraph's are disjoint spans
    kept in order, and a new one is checked against its neighbours only (a file with thousands of
    findings in one paragraph stays fast)."""
    rank = {code: (group, position) for group, codes in enumerate(SAME_SLIP) for position, code in enumerate(codes)}
    kept: list[Finding] = []
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (group, paragraph) -> disjoint spans, in order
    for finding in sorted(findings, key=lambda f: rank.get(f.rule.code, (-1, 0))[1]):
        group = rank.get(finding.rule.code, (None,))[0]
        if group is None or finding.location is None or finding.span is None:
            kept.append(finding)
            continue
        taken = spans.setdefault((group, finding.location.paragraph), [])
        start, end = finding.span
        place = bisect.bisect_left(taken, (start, end))
        neighbours = taken[max(0, place - 1) : place + 1]
        if any(other_start < end and start < other_end for other_start, other_end in neighbours):
            continue
        taken.insert(place, (start, end))
        kept.append(finding)
    return kept


REGISTRY: dict[str, Rule] = {}


def register(*rules: Rule) -> tuple[Rule, ...]:
    """Add rules to the registry; codes and names must be unique."""
    for rule in rules:
        clash = REGISTRY.get(rule.code)
        if clash is not None and clash != rule:
            raise ValueError(f"rule code {rule.code} registered twice")
        if any(other.name == rule.name and other.code != rule.code for other in REGISTRY.values()):
            raise ValueError(f"rule name {rule.name} registered twice")
        REGISTRY[rule.code] = rule
    return rules


def all_rules() -> list[Rule]:
    """Every rule, in code order. Importing the checks registers them; they import nothing heavy."""
    import pitlint.checks  # noqa: F401

    return sorted(REGISTRY.values(), key=lambda rule: rule.code)


def find_rule(key: str) -> Rule | None:
    """A rule by code (any case) or by name."""
    rules = all_rules()
    wanted = key.strip()
    return next((r for r in rules if r.code.lower() == wanted.lower() or r.name == wanted.lower()), None)


def selector_matches(rule: Rule, selector: str) -> bool:
    """A selector is ALL, a code or code prefix ("PIT1", "PIT104", "WMP"), a rule name, or a category."""
    wanted = selector.strip().lower()
    return (
        wanted == "all"
        or (re.fullmatch(r"[a-z]{2,8}\d*", wanted) is not None and rule.code.lower().startswith(wanted))
        or rule.name == wanted
        or rule.category.value == wanted
    )


def unknown_selectors(selectors: tuple[str, ...] | list[str]) -> list[str]:
    rules = all_rules()
    return [s for s in selectors if not any(selector_matches(rule, s) for rule in rules)]
