"""Fixes in a Word draft, as tracked changes in a copy: each edit becomes a deletion of exactly the
flagged words (w:del) and an insertion of the replacement (w:ins) in the first deleted run's
formatting, authored "pitlint" and dated, so the officer accepts or rejects each in Word's Review
pane. Everything else in the file (styles, other runs, comments, other people's tracked changes)
is left as it was, and the draft itself is never written.

An edit is made only where it is plain text in runs of one paragraph that share a parent: words
inside someone else's tracked change, across a field, a picture or two paragraphs are left for a
person (counted, never half-made)."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from pitlint.document import AUTHOR, Document
from pitlint.files import write_atomic
from pitlint.fix.edits import Edit
from pitlint.readers.docx import _w, iter_blocks
from pitlint.report.annotate_docx import _length, _run_at, _visible_runs

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# what a run may hold for its words to be deleted and retyped: text, tabs and layout marks, no
# field codes, pictures, notes or breaks that a tracked change would cut through
_PLAIN_PARTS = frozenset(_w(tag) for tag in ("rPr", "t", "tab", "noBreakHyphen", "softHyphen", "lastRenderedPageBreak"))
_PARENTS = frozenset({_w("p"), _w("hyperlink")})


@dataclass
class DocxFix:
    made: list[Edit] = field(default_factory=list)
    left: list[Edit] = field(default_factory=list)


class _Revisions:
    """Ids and the date for the tracked changes added: ids above every id in the part (Word wants
    revision ids unique), one date for the whole run of fixes."""

    def __init__(self, body: etree._Element) -> None:
        values = (element.get(_w("id"), "") for element in body.getroottree().getroot().iter())
        ids = [int(value) for value in values if value.isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.date = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")

    def element(self, kind: str) -> etree._Element:
        change = etree.Element(_w(kind))
        change.set(_w("id"), str(self.next_id))
        change.set(_w("author"), AUTHOR)
        change.set(_w("date"), self.date)
        self.next_id += 1
        return change


def _text_of(run: etree._Element) -> str:
    return "".join(
        (child.text or "")
        if child.tag == _w("t")
        else "\t"
        if child.tag == _w("tab")
        else "-"
        if child.tag == _w("noBreakHyphen")
        else ""
        for child in run
    )


def _runs_between(block: etree._Element, first: etree._Element, last: etree._Element) -> list[etree._Element]:
    runs = _visible_runs(block)
    try:
        return runs[runs.index(first) : runs.index(last) + 1]
    except ValueError:
        return []


def _inserted(revisions: _Revisions, text: str, like: etree._Element) -> etree._Element:
    """A w:ins holding ``text`` in the formatting of the run ``like``."""
    insertion = revisions.element("ins")
    run = etree.SubElement(insertion, _w("r"))
    properties = like.find(_w("rPr"))
    if properties is not None:
        run.append(copy.deepcopy(properties))
    words = etree.SubElement(run, _w("t"))
    words.text = text
    words.set(_XML_SPACE, "preserve")
    return insertion


def _delete(revisions: _Revisions, runs: list[etree._Element]) -> etree._Element:
    """Wrap the runs in w:del (their text as w:delText), one w:del for runs side by side; returns
    the last wrapper."""
    wrapper = None
    for run in runs:
        for child in run.findall(_w("t")):
            child.tag = _w("delText")
            child.set(_XML_SPACE, "preserve")
        if wrapper is None or run.getprevious() is not wrapper:
            wrapper = revisions.element("del")
            run.addprevious(wrapper)
        wrapper.append(run)
    assert wrapper is not None
    return wrapper


def _spans(block: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """Each visible run of a w:p with the offsets of its text in the paragraph's visible text."""
    found, seen = [], 0
    for run in _visible_runs(block):
        size = sum(_length(child) for child in run)
        if size:
            found.append((run, seen, seen + size))
            seen += size
    return found


def _clean(block: etree._Element, start: int, end: int, expected: str) -> bool:
    """Whether the words at [start, end) can be replaced cleanly, judged before any run is split:
    plain text runs of one parent (a paragraph or a hyperlink) that read ``expected``."""
    runs = [(run, first, last) for run, first, last in _spans(block) if first < end and start < last]
    if not runs:
        return False
    parent = runs[0][0].getparent()
    text = "".join(_text_of(run)[max(start - first, 0) : end - first] for run, first, _ in runs)
    return (
        parent is not None
        and parent.tag in _PARENTS
        and all(run.getparent() is parent for run, _, _ in runs)
        and all(child.tag in _PLAIN_PARTS for run, _, _ in runs for child in run)
        and text == expected
    )


def _apply(block: etree._Element, start: int, end: int, edit: Edit, expected: str, revisions: _Revisions) -> bool:
    """Make one edit in one w:p, between visible offsets ``start`` and ``end``; False (and the
    paragraph untouched) when it cannot be made cleanly."""
    if start == end:  # an insertion: after the run that ends here, or before the one that starts here
        around = [
            (run, first, last) for run, first, last in _spans(block) if first < start <= last or first == start == 0
        ]
        if not around or around[0][0].getparent() is None or around[0][0].getparent().tag not in _PARENTS:
            return False
        anchor = _run_at(block, start, starting=False) if start > 0 else _run_at(block, start, starting=True)
        if anchor is None:
            return False
        insertion = _inserted(revisions, edit.replacement, anchor)
        (anchor.addnext if start > 0 else anchor.addprevious)(insertion)
        return True
    if not _clean(block, start, end, expected):
        return False
    first = _run_at(block, start, starting=True)
    last = _run_at(block, end, starting=False)
    runs = _runs_between(block, first, last) if first is not None and last is not None else []
    if not runs:
        return False
    last_deleted = _delete(revisions, runs)
    if edit.replacement:
        last_deleted.addnext(_inserted(revisions, edit.replacement, runs[0]))
    return True


def fix_docx(source: Path, target: Path, document: Document, edits: list[Edit]) -> DocxFix:
    """Write the copy of ``source`` with the edits as tracked changes to ``target``."""
    import docx

    word = docx.Document(str(source))
    blocks = list(iter_blocks(word.element.body))
    revisions = _Revisions(word.element.body)
    result = DocxFix()
    # last first, so that an edit never moves the offsets of those still to make
    for edit in sorted(edits, key=lambda e: (e.paragraph, e.start), reverse=True):
        paragraph = document.paragraphs[edit.paragraph - 1]
        made = False
        if edit.start < edit.end:
            span = paragraph.block_span(edit.start, edit.end)
            if span is not None and span[0] == span[2] and span[0] < len(blocks):
                expected = paragraph.text[edit.start : edit.end]
                made = _apply(blocks[span[0]], span[1], span[3], edit, expected, revisions)
        elif edit.start > 0:
            span = paragraph.block_span(edit.start - 1, edit.start)
            if span is not None and span[2] < len(blocks):
                made = _apply(blocks[span[2]], span[3], span[3], edit, "", revisions)
        else:
            span = paragraph.block_span(0, 1)
            if span is not None and span[0] < len(blocks):
                made = _apply(blocks[span[0]], span[1], span[1], edit, "", revisions)
        (result.made if made else result.left).append(edit)
    result.made.reverse()
    result.left.reverse()
    buffer = io.BytesIO()
    word.save(buffer)
    write_atomic(target, buffer.getvalue())
    return result
