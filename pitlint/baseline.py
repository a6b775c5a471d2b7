"""Baselines: today's findings recorded so that `check --baseline FILE` fails only on new ones.

A finding is keyed by its file, its rule and the words it flags (the message, for document-level
findings), never by line or paragraph numbers, which move as a draft is edited. Each key keeps a
count, so a second copy of the same slip is still new. Entries that match nothing any more
(the finding was fixed) are reported, and `--prune-baseline` or running `pitlint baseline` again
drops them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from pitlint.errors import ConfigError
from pitlint.files import write_atomic
from pitlint.findings import Finding

FORMAT = 1
Key = tuple[str, str, str]  # (path, rule code, flagged words or message)


def key(path: str, finding: Finding) -> Key:
    return (PurePath(path).as_posix(), finding.rule.code, finding.excerpt or finding.message)


@dataclass
class Baseline:
    counts: Counter[Key] = field(default_factory=Counter)
    used: Counter[Key] = field(default_factory=Counter)

    def absorbs(self, path: str, finding: Finding) -> bool:
        """True if the baseline holds this finding (each recorded finding absorbs one)."""
        entry = key(path, finding)
        if self.used[entry] < self.counts[entry]:
            self.used[entry] += 1
            return True
        return False

    @property
    def fixed(self) -> Counter[Key]:
        """Recorded findings that no longer occur."""
        return Counter(
            {entry: count - self.used[entry] for entry, count in self.counts.items() if count > self.used[entry]}
        )


MAX_BYTES = 64 * 1024 * 1024  # a baseline of a large repository is a few MB


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a count")


def _entry(entry: object) -> tuple[Key, int]:
    """One recorded finding, checked: three texts and a whole, positive count."""
    if not isinstance(entry, dict):
        raise ValueError("each finding must be an object")
    fields = [entry.get(name) for name in ("path", "code", "text")]
    if not all(isinstance(value, str) for value in fields):
        raise ValueError("each finding needs 'path', 'code' and 'text' as text")
    count = entry.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or not 0 < count <= 1_000_000:
        raise ValueError(f"'count' must be a whole number from 1 to 1,000,000, not {count!r}"[:120])
    path, code, text = fields
    return (path, code, text), count


def load(path: Path) -> Baseline:
    """A baseline file, read as untrusted: bounded in size and depth, every entry checked."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"over {MAX_BYTES // 2**20} MB")
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_reject_constant, parse_float=float)
        if not isinstance(data, dict) or data.get("pitlint_baseline") != FORMAT:
            raise ValueError(f"not a pitlint baseline of format {FORMAT}")
        findings = data.get("findings")
        if not isinstance(findings, list):
            raise ValueError("'findings' must be a list")
        counts: Counter[Key] = Counter()
        for entry in findings:
            key_, count = _entry(entry)
            counts[key_] += count
        return Baseline(counts)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file (make one with `pitlint baseline`)") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a valid pitlint baseline (nested too deeply)") from None
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: not a valid pitlint baseline ({error})") from None


def save(path: Path, counts: Counter[Key]) -> None:
    entries = [
        {"path": file, "code": code, "text": text, "count": count}
        for (file, code, text), count in sorted(counts.items())
        if count > 0
    ]
    data = {"pitlint_baseline": FORMAT, "findings": entries}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8", "backslashreplace"))


def record(files: list[tuple[str, list[Finding]]]) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for path, findings in files:
        for finding in findings:
            counts[key(path, finding)] += 1
    return counts
