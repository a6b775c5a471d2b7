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


def load(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("pitlint_baseline") != FORMAT:
            raise ValueError(f"not a pitlint baseline of format {FORMAT}")
        counts: Counter[Key] = Counter()
        for entry in data["findings"]:
            counts[(entry["path"], entry["code"], entry["text"])] += int(entry.get("count", 1))
        return Baseline(counts)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file (make one with `pitlint baseline`)") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
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
