"""The note beside a marked finding: number, severity, rule, message, what to do (the fix's exact
words where the finding carries a fix), and the rule's explanation one click away."""

from __future__ import annotations

from pitlint.findings import Category, Finding
from pitlint.report.advice import is_instruction
from pitlint.report.html.compare import side_by_side
from pitlint.report.html.escape import e

REUSE = (Category.BOILERPLATE, Category.DRIFT)


def where(finding: Finding, file_format: str | None) -> str:
    spot = finding.location
    if spot is None:
        return "the whole document"
    if file_format in ("txt", "md") and spot.line is not None:
        return f"line {spot.line}, column {spot.column}"
    return f"paragraph {spot.paragraph}" + (f", page {spot.page}" if spot.page else "")


def _todo(finding: Finding) -> str:
    if finding.fix is not None:
        safety = "safe fix" if finding.fix.safe else "unsafe fix: check it means what you meant"
        words = f"<q>{e(finding.fix.replacement)}</q>" if finding.fix.replacement else "nothing (delete the words)"
        return f'<p class="fix">Replace with: {words} <span class="where">({safety})</span></p>'
    if finding.suggestion:
        label = "What to do" if is_instruction(finding.suggestion) else "Suggestion"
        return f'<p class="suggestion"><strong>{label}:</strong> {e(finding.suggestion)}</p>'
    if finding.rule.action:  # every note says what to do, as the annotated copy's comments do
        return f'<p class="suggestion"><strong>What to do:</strong> {e(finding.rule.action)}</p>'
    return ""


def _about(finding: Finding) -> str:
    rule = finding.rule
    fixes = f"<p>Fix: {e(rule.fix_summary)}.</p>" if rule.fix_summary else "<p>Fix: none automatic.</p>"
    return (
        f'<details class="about"><summary>About {e(rule.code)} {e(rule.name)}</summary>'
        f"<p>{e(rule.explanation)}</p>"
        f'<p>Flagged:</p><p class="example bad">{e(rule.bad)}</p>'
        f'<p>Better:</p><p class="example good">{e(rule.good)}</p>{fixes}</details>'
    )


def note(finding: Finding, number: int, note_id: str, mark_id: str | None, file_format: str | None) -> str:
    """One finding's note; its number links back to its mark when it has one."""
    severity = finding.severity.value
    rule = finding.rule
    num = f'<a class="num" href="#{mark_id}">{number}</a>' if mark_id else f'<span class="num">{number}</span>'
    return (
        f'<div class="note {severity}" id="{note_id}" data-code="{e(rule.code)}" data-severity="{severity}" '
        f'data-category="{e(rule.category.value)}">'
        f'<div>{num} <span class="badge {severity}">{severity}</span> <strong>{e(rule.code)} {e(rule.name)}</strong> '
        f'<span class="where">{e(where(finding, file_format))}</span></div>'
        f'<p class="message">{e(finding.message)}</p>{_todo(finding)}{_about(finding)}</div>'
    )


def compare(finding: Finding, number: int, note_id: str, text: str | None, slips: list[tuple[int, int]]) -> str:
    """A reused passage beside the issued PIT's words, or "" for a finding that is not one.

    ``text`` is the flagged words as in the paragraph (the excerpt, with its spacing folded, when
    the paragraph is unknown); ``slips`` are the drift spans inside them, relative to ``text``."""
    source = finding.source or {}
    if finding.rule.category not in REUSE or not source.get("text") or not (text or finding.excerpt):
        return ""
    drift = finding.rule.category == Category.DRIFT
    sides = side_by_side(text or finding.excerpt, str(source["text"]), None if drift else slips)
    label = f"Issued PIT {source.get('document') or ''}".strip()
    if source.get("paragraph"):
        label += f", paragraph {source['paragraph']}"
    if drift:
        label = "The wording most issued PITs use"
    kind = "drift" if drift else "reuse"
    return (
        f'<div class="compare {kind}" data-finding="{note_id}"><h4><a href="#{note_id}">{number}</a> '
        f"{e(finding.rule.code)}: {'a slip in reused wording' if drift else 'reused passage, tailoring in blue'}</h4>"
        f'<div class="sides"><div class="ours"><h5>This draft</h5>{sides.draft}</div>'
        f'<div class="theirs-side"><h5>{e(label)}</h5>{sides.source}</div></div></div>'
    )
