"""What to do about a finding, worded so a reader can tell replacement words from an
instruction: "Replace with" for a fix (the flagged words and the words that replace them),
"What to do" for an instruction, "Suggestion" for words to write that are not (yet) a fix, and
the rule's own action when the finding says nothing itself, so that every finding says what
to do. Reports that speak to people (the annotated Word copy) use it."""

from __future__ import annotations

from pitlint.findings import Applicability, Finding

# The verbs pitlint's instructions start with ("Add a balancing test ...", "cite the current
# guidance instead"). A suggestion that starts otherwise, or is shorter than three words, is the
# words to write ("West Midlands Police", "leave them open").
IMPERATIVES = frozenset(
    """accept add apply argue check cite conclude confirm correct delete end explain name remove
    replace reword rewrite save say speak state update weigh write finish""".split()
)


def is_instruction(suggestion: str) -> bool:
    """Does the suggestion tell the officer what to do, rather than give the words to write?"""
    words = suggestion.split()
    return len(words) >= 3 and words[0].lower().strip(",:;") in IMPERATIVES


def advice(finding: Finding) -> list[str]:
    """The lines that say what to do: never empty."""
    lines = []
    fix = finding.fix
    if fix is not None:
        how = "safe fix" if fix.applicability == Applicability.SAFE else "unsafe fix: check it means what you meant"
        if fix.replacement:
            lines.append(f'Replace with: "{fix.replacement}" ({how})')
        else:
            lines.append(f"Delete these words ({how})")
    suggestion = (finding.suggestion or "").strip()
    if suggestion and (fix is None or suggestion != fix.replacement):
        if is_instruction(suggestion):
            lines.append(f"What to do: {suggestion}")
        elif fix is None:
            lines.append(f"Suggestion: {suggestion}")
    if not lines:
        action = finding.rule.action or f"See `pitlint explain {finding.rule.code}` for how to put it right."
        lines.append(f"What to do: {action}")
    return lines
