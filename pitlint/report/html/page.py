"""One draft as it reads, in document order: every paragraph with each finding marked on its
words and its note beside it (below it, on a narrow screen), reused passages beside the issued
PIT's wording, and the findings on the whole draft first."""

from __future__ import annotations

from collections import Counter

from pitlint.engine import FileReport
from pitlint.findings import Category, Finding, Severity
from pitlint.report.html.escape import e
from pitlint.report.html.marks import Mark, marked
from pitlint.report.html.notes import compare, note

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def counts(findings: list[Finding]) -> Counter[Severity]:
    return Counter(finding.severity for finding in findings)


def ids(file_number: int, number: int) -> tuple[str, str]:
    """The note's id and the mark's id of a file's finding."""
    return f"f{file_number}-{number}", f"m{file_number}-{number}"


def _paragraph_of(finding: Finding, file: FileReport) -> int | None:
    """The 1-based paragraph a finding is marked in, or None for a finding on the whole draft."""
    spot = finding.location
    if spot is None or not 0 < spot.paragraph <= len(file.texts):
        return None
    return spot.paragraph


def _span(finding: Finding, text: str) -> tuple[int, int]:
    start, end = finding.span if finding.span is not None else (0, len(text))
    start = min(max(start, 0), len(text))
    return start, min(max(end, start), len(text))


def _jump(file: FileReport, file_number: int) -> str:
    if not file.findings:
        return ""
    links = " ".join(
        f'<a class="{f.severity.value}" href="#{ids(file_number, n)[0]}">{n} {e(f.rule.code)}</a>'
        for n, f in enumerate(file.findings, 1)
    )
    return f'<nav class="jump" aria-label="Findings in {e(file.path)}">Findings: {links}</nav>'


def _details(file: FileReport) -> str:
    details = [f"{file.paragraphs} paragraphs"]
    if file.reused_fraction is not None:
        details.append(f"{file.reused_fraction:.0%} reused from issued PITs")
    if file.identical_to:
        details.append(f"identical to issued PIT {file.identical_to}")
    found = counts(file.findings)
    tally = ", ".join(f"{found[s]} {s.value}" for s in SEVERITIES)
    return f'<p class="meta">{e(", ".join(details))}; <span class="counts">{tally}</span></p>'


def section(file: FileReport, file_number: int) -> str:
    head = f'<section class="file" id="file-{file_number}" data-path="{e(file.path)}"><h2>{e(file.path)}</h2>'
    back = '<p class="toplink"><a href="#top">Back to the summary</a></p></section>'
    if file.error:
        return f'{head}<p class="unreadable">Could not be checked: {e(file.error)}</p>{back}'
    placed: dict[int, list[tuple[int, Finding]]] = {}
    whole: list[tuple[int, Finding]] = []
    for number, finding in enumerate(file.findings, 1):
        paragraph = _paragraph_of(finding, file)
        (whole if paragraph is None else placed.setdefault(paragraph, [])).append((number, finding))
    blocks = [head, _details(file), _jump(file, file_number)]
    if not file.findings:
        blocks.append("<p>No problems found.</p>")
    if whole:
        notes = "".join(note(f, n, ids(file_number, n)[0], None, file.format) for n, f in whole)
        blocks.append(f'<div class="whole"><h3>On the whole draft</h3>{notes}</div>')
    blocks.append('<div class="draft">')
    for index, paragraph in enumerate(file.texts, 1):
        blocks.append(_row(file, file_number, index, paragraph.text, paragraph.heading, placed.get(index, [])))
    blocks.append("</div>")
    blocks.append(back)
    return "\n".join(blocks)


def _row(
    file: FileReport, file_number: int, index: int, text: str, heading: bool, found: list[tuple[int, Finding]]
) -> str:
    marks = []
    for number, finding in found:
        start, end = _span(finding, text)
        note_id, mark_id = ids(file_number, number)
        marks.append(Mark(start, end, number, finding.severity.value, finding.rule.code, mark_id, note_id))
    body = marked(text, marks)
    tag = "h3" if heading else "p"
    para = f'<div class="para"><span class="pno">{index}</span><{tag}>{body}</{tag}></div>'
    if not found:
        return f'<div class="row" id="p{file_number}-{index}">{para}</div>'
    notes = "".join(note(f, n, ids(file_number, n)[0], ids(file_number, n)[1], file.format) for n, f in found)
    slips = [_span(f, text) for _, f in found if f.rule.category == Category.DRIFT]
    compares = []
    for number, finding in found:
        start, end = _span(finding, text)
        inside = [(a - start, b - start) for a, b in slips if start <= a and b <= end]
        compares.append(compare(finding, number, ids(file_number, number)[0], text[start:end], inside))
    return (
        f'<div class="row" id="p{file_number}-{index}">{para}<aside class="notes">{notes}</aside>'
        f"{''.join(compares)}</div>"
    )
