"""`--annotate OUT.docx`: a copy of the Word draft with one Word comment per finding, anchored on
the exact words flagged, saying what is wrong and what to do: the words that replace them (a
fix), an instruction, or the rule's own action (see report/advice.py); for reused passages, the
issued PIT they came from. The draft itself is never modified.

The comments are signed "pitlint" ("PL") and start with the rule's code, so that the Word reader
knows them again: a re-check of the copy reports them in one finding, not as reviewers' comments.

Words are found by the offsets the Word reader recorded for each run of text (Piece.block and
block_offset); the runs at either end of the flagged words are split there, so the comment
covers those words and nothing more."""

from __future__ import annotations

import copy
import io
from pathlib import Path

from lxml import etree

from pitlint.engine import FileReport
from pitlint.files import write_atomic
from pitlint.findings import Finding, Severity
from pitlint.readers.docx import ANNOTATION_AUTHOR, ANNOTATION_INITIALS, _on, _w, iter_blocks
from pitlint.report.advice import advice

MAX_COMMENTS = 500  # comments per copy, in reading order


def _visible_runs(paragraph: etree._Element) -> list[etree._Element]:
    """The runs whose text is published: not deleted, not hidden, not field codes."""
    runs = []
    for run in paragraph.iter(_w("r")):
        if any(ancestor.tag in (_w("del"), _w("moveFrom")) for ancestor in run.iterancestors()):
            continue
        properties = run.find(_w("rPr"))
        if properties is not None and _on(properties.find(_w("vanish"))):
            continue
        runs.append(run)
    return runs


def _length(child: etree._Element) -> int:
    if child.tag == _w("t"):
        return len(child.text or "")
    return 1 if child.tag in (_w("tab"), _w("noBreakHyphen")) else 0


def _split(run: etree._Element, at: int) -> etree._Element:
    """Split a run after ``at`` visible characters; returns the new second run."""
    second = copy.deepcopy(run)
    run.addnext(second)
    for part, keeps_head in ((run, True), (second, False)):
        seen = 0
        for child in list(part):
            if child.tag == _w("rPr"):
                continue
            size = _length(child)
            before, after = seen, seen + size
            seen = after
            if keeps_head:  # the first part keeps characters [0, at)
                if before >= at:
                    part.remove(child)
                elif after > at:
                    child.text = (child.text or "")[: at - before]
            elif after <= at:  # the second part keeps [at, ...)
                part.remove(child)
            elif before < at:
                child.text = (child.text or "")[at - before :]
    for part in (run, second):
        for text in part.iter(_w("t")):
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return second


def _run_at(paragraph: etree._Element, offset: int, starting: bool) -> etree._Element | None:
    """The run that starts (or, with starting=False, ends) exactly at a visible offset."""
    seen = 0
    for run in _visible_runs(paragraph):
        size = sum(_length(child) for child in run)
        if size == 0:
            continue
        if starting and seen <= offset < seen + size:
            return run if offset == seen else _split(run, offset - seen)
        if not starting and seen < offset <= seen + size:
            if offset < seen + size:
                _split(run, offset - seen)
            return run
        seen += size
    return None


def comment_text(finding: Finding) -> str:
    """A finding as its comment says it: code, name, severity and message, then what to do."""
    text = f"{finding.rule.code} {finding.rule.name} ({finding.severity.value}): {finding.message}"
    text += "".join(f"\n{line}" for line in advice(finding))
    if finding.source and finding.source.get("document"):
        where = f", paragraph {finding.source['paragraph']}" if finding.source.get("paragraph") else ""
        text += f"\nSource: issued PIT {finding.source['document']}{where}"
    return text


def annotate(source: Path, target: Path, report: FileReport, include_info: bool = False) -> int:
    """Write the annotated copy; returns how many comments it holds."""
    import docx
    from docx.text.paragraph import Paragraph as WordParagraph
    from docx.text.run import Run

    from pitlint.readers import read

    model = read(source)
    document = docx.Document(str(source))
    blocks = list(iter_blocks(document.element.body))
    added = 0
    for finding in report.findings:
        if finding.severity == Severity.INFO and not include_info:
            continue
        if added >= MAX_COMMENTS:
            break  # a draft with this many is not reviewed comment by comment (and Word slows to a crawl)
        first = last = None
        if finding.location is not None:
            paragraph = model.paragraphs[finding.location.paragraph - 1]
            span = paragraph.block_span(*(finding.span or (0, len(paragraph.text))))
            if span is not None:
                first_block, start, last_block, end = span
                first = _run_at(blocks[first_block], start, starting=True)
                last = _run_at(blocks[last_block], end, starting=False)
        if first is None or last is None:  # a document-level finding: on the first words of the draft
            runs = next((_visible_runs(block) for block in blocks if _visible_runs(block)), [])
            if not runs:
                continue
            first, last = runs[0], runs[-1]
        parent = WordParagraph(first.getparent(), document.part)
        document.add_comment(
            [Run(first, parent), Run(last, parent)],
            text=comment_text(finding),
            author=ANNOTATION_AUTHOR,
            initials=ANNOTATION_INITIALS,
        )
        added += 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue())
    return added
