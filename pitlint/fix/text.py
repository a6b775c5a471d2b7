"""Fixes in a .txt or .md draft: the edits written into the file's own text, in its own encoding,
byte order mark and line endings, and nothing else changed. An edit is made only where the file
holds exactly the words the finding flagged (markup, a line break or an entity inside them means
the paragraph's text is not the file's there, and that fix is left for a person)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pitlint.document import Document
from pitlint.errors import ReadError
from pitlint.fix.edits import Edit
from pitlint.readers.text import encoding


@dataclass
class TextFix:
    before: str
    after: str
    original: bytes  # the file as read
    data: bytes  # the fixed file, encoded as the original
    made: list[Edit] = field(default_factory=list)
    left: list[Edit] = field(default_factory=list)  # not where the file's text could be matched

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_text(path: Path, document: Document, edits: list[Edit]) -> TextFix:
    """The file's text with the edits made (ReadError if the file cannot be written back as it was read)."""
    data = path.read_bytes()
    name, bom = encoding(data, path)
    try:
        before = data[len(bom) :].decode(name)
    except UnicodeDecodeError:
        raise ReadError(
            path, f"not fixed: it has bytes that are not valid {name}, which rewriting would lose"
        ) from None
    starts = [0]
    for line in before.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    result = TextFix(before, before, data, data)
    placed: list[tuple[int, int, Edit]] = []
    for edit in edits:
        where = _file_span(document, edit, starts, before)
        if where is None:
            result.left.append(edit)
        else:
            placed.append((*where, edit))
    after = before
    for start, end, edit in sorted(placed, key=lambda item: item[0], reverse=True):
        after = after[:start] + edit.replacement + after[end:]
    try:
        encoded = bom + after.encode(name)
    except UnicodeEncodeError:
        raise ReadError(path, f"not fixed: a fix writes a character {name} cannot hold") from None
    result.after, result.data = after, encoded
    result.made = [edit for _, _, edit in sorted(placed, key=lambda item: item[0])]
    return result


def _file_span(document: Document, edit: Edit, starts: list[int], text: str) -> tuple[int, int] | None:
    """Where the edited characters are in the file's text, if the file holds them verbatim."""
    paragraph = document.paragraphs[edit.paragraph - 1]
    own = paragraph.text
    if edit.start < edit.end:
        first, last = edit.start, edit.end
    elif edit.start > 0:  # an insertion: placed after the character before it
        first, last = edit.start - 1, edit.start
    elif edit.end < len(own):  # ... or before the character after it
        first, last = edit.end, edit.end + 1
    else:
        return None
    where = paragraph.locate(first, last)
    if None in (where.line, where.column, where.end_line, where.end_column) or where.end_line >= len(starts):
        return None
    begin = starts[where.line - 1] + where.column - 1
    stop = starts[where.end_line - 1] + where.end_column
    if text[begin:stop] != own[first:last]:
        return None
    if edit.start < edit.end:
        return begin, stop
    point = stop if first < edit.start else begin
    return point, point


def unified_diff(shown: str, before: str, after: str) -> str:
    """The change as `diff -u` shows it, under the file's name as reports show it (as ruff's --diff)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), shown, shown)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
