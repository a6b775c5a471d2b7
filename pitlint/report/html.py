"""`--format html`: one self-contained page (no scripts, fonts or images from the network) for
the people who fix the drafts: a summary per file, the findings grouped by category, and for
reused passages the draft's words beside the issued PIT's with the differences marked, drift in a
colour of its own."""

from __future__ import annotations

import html
import time
from collections import Counter

from rapidfuzz.distance import Levenshtein

from pitlint import __version__
from pitlint.engine import FileReport, Report
from pitlint.findings import Category, Finding, Severity
from pitlint.printable import printable

CATEGORY_TITLES = {
    Category.STRUCTURE: "Structure",
    Category.EXEMPTION: "Exemption logic",
    Category.COPY_PASTE: "Copy and paste",
    Category.PUBLICATION: "Safe to publish",
    Category.DRIFT: "Drift from the approved wording",
    Category.TYPO: "Typos and spelling",
    Category.LINK: "Links and references",
    Category.GENERIC: "Generic wording",
    Category.BOILERPLATE: "Reused passages",
}
STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 2rem auto; max-width: 72rem;
       color: #1b1b1b; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem;
  border-bottom: 2px solid #ccc; } h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
.meta { color: #555; } .counts span { margin-right: 1rem; font-weight: 600; }
.finding { border-left: 5px solid #999; background: #fafafa; margin: .6rem 0; padding: .6rem .9rem; }
.finding.error { border-color: #b3261e; } .finding.warning { border-color: #c77700; }
.finding.info { border-color: #2f6db5; } .finding.drift { border-color: #7b2fbf; background: #f7f0fd; }
.badge { display: inline-block; font-size: .78rem; font-weight: 700; padding: .05rem .45rem; border-radius: .3rem;
  color: #fff; background: #666; margin-right: .4rem; } .badge.error { background: #b3261e; }
.badge.warning { background: #a86400; } .badge.info { background: #2f6db5; }
.where { color: #555; font-size: .9rem; } .excerpt { font-family: Georgia, serif; background: #fff;
  border: 1px solid #ddd; padding: .3rem .6rem; margin: .4rem 0; }
.suggestion { color: #1d5e20; } .suggestion::before { content: "Suggestion: "; font-weight: 600; }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; margin-top: .4rem; }
.compare > div { background: #fff; border: 1px solid #ddd; padding: .4rem .6rem; font-family: Georgia, serif; }
.compare h4 { margin: 0 0 .3rem; font: 600 .8rem system-ui, sans-serif; color: #555; }
del { background: #fde2e1; text-decoration: line-through; } ins { background: #dff3e0; text-decoration: none; }
.finding.drift del, .finding.drift ins { background: #e7d4fb; } .unreadable { color: #b3261e; font-weight: 600; }
"""


def _e(text: object) -> str:
    # "::" as ":&#58;" reads the same in a browser, and cannot start a workflow command in a CI log
    return html.escape(printable(str(text), keep_lines=True), quote=True).replace("::", ":&#58;")


def _where(finding: Finding, file_format: str | None) -> str:
    spot = finding.location
    if spot is None:
        return "the whole document"
    if file_format in ("txt", "md") and spot.line is not None:
        return f"line {spot.line}, column {spot.column}"
    return f"paragraph {spot.paragraph}" + (f", page {spot.page}" if spot.page else "")


def word_diff(draft: str, source: str) -> tuple[str, str]:
    """The two texts as HTML with the words that differ marked (<del> in the draft, <ins> in the source)."""
    ours, theirs = draft.split(), source.split()
    left, right = [], []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes([w.lower() for w in ours], [w.lower() for w in theirs]).as_list():
        a, b = _e(" ".join(ours[i1:i2])), _e(" ".join(theirs[j1:j2]))
        if tag == "equal":
            left.append(a)
            right.append(b)
        else:
            if a:
                left.append(f"<del>{a}</del>")
            if b:
                right.append(f"<ins>{b}</ins>")
    return " ".join(left), " ".join(right)


def _finding(finding: Finding, file: FileReport) -> str:
    severity = finding.severity.value
    classes = f"finding {severity}" + (" drift" if finding.rule.category == Category.DRIFT else "")
    parts = [
        f'<div class="{classes}" data-code="{_e(finding.rule.code)}" data-severity="{severity}" '
        f'data-category="{_e(finding.rule.category.value)}">',
        f'<div><span class="badge {severity}">{_e(severity)}</span><strong>{_e(finding.rule.code)} '
        f'{_e(finding.rule.name)}</strong> <span class="where">{_e(_where(finding, file.format))}</span></div>',
        f'<p class="message">{_e(finding.message)}</p>',
    ]
    source = finding.source or {}
    if source.get("text") and finding.excerpt and finding.rule.category in (Category.BOILERPLATE, Category.DRIFT):
        draft, issued = word_diff(finding.excerpt, source["text"])
        label = f"Issued PIT {source.get('document') or ''}".strip()
        if source.get("paragraph"):
            label += f", paragraph {source['paragraph']}"
        parts.append(
            f'<div class="compare"><div class="draft"><h4>This draft</h4>{draft}</div>'
            f'<div class="source"><h4>{_e(label)}</h4>{issued}</div></div>'
        )
    elif finding.excerpt:
        parts.append(f'<div class="excerpt">{_e(finding.excerpt)}</div>')
    if finding.suggestion:
        parts.append(f'<p class="suggestion">{_e(finding.suggestion)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _file(file: FileReport) -> str:
    if file.error:
        return (
            f'<section class="file" data-path="{_e(file.path)}"><h2>{_e(file.path)}</h2>'
            f'<p class="unreadable">Could not be checked: {_e(file.error)}</p></section>'
        )
    counts = Counter(f.severity for f in file.findings)
    summary = " ".join(
        f'<span class="{s.value}">{counts[s]} {s.value}{"s" if counts[s] != 1 and s != Severity.INFO else ""}</span>'
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    details = [f"{file.paragraphs} paragraphs"]
    if file.reused_fraction is not None:
        details.append(f"{file.reused_fraction:.0%} reused from issued PITs")
    if file.identical_to:
        details.append(f"identical to issued PIT {file.identical_to}")
    blocks = [
        f'<section class="file" data-path="{_e(file.path)}"><h2>{_e(file.path)}</h2>',
        f'<p class="meta">{_e(", ".join(details))}</p><p class="counts">{summary}</p>',
    ]
    if not file.findings:
        blocks.append("<p>No problems found.</p>")
    for category, title in CATEGORY_TITLES.items():
        found = [f for f in file.findings if f.rule.category == category]
        if found:
            blocks.append(f'<h3 data-category="{category.value}">{_e(title)} ({len(found)})</h3>')
            blocks.extend(_finding(f, file) for f in found)
    blocks.append("</section>")
    return "\n".join(blocks)


def render(report: Report) -> str:
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    body = "\n".join(_file(file) for file in report.files)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pitlint report</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Public interest test review</h1>
<p class="meta">pitlint {_e(__version__)}, {_e(time.strftime("%d %B %Y %H:%M"))}: {len(report.files)} file(s),
<strong>{errors}</strong> errors, <strong>{warnings}</strong> warnings, {infos} info.</p>
{body}
</body>
</html>
"""
