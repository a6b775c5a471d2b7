"""A paragraph's text with a ``<mark>`` on each finding's exact words.

Marks must nest, and findings overlap freely (a copied passage holds a drifted word; a placeholder
sits inside a sentence a tracked change covers). So the text is cut at every start and end, and
each stretch is wrapped in the marks that cover it, outermost the one that started first (the
longer on a tie). A mark that must close while one that started before it goes on is closed and
reopened after, so every finding keeps its own mark (in one piece or several) and none swallows
another. A finding's first piece carries its id; its last piece ends with its number, a link to
its note."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pitlint.report.html.escape import e


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    number: int
    severity: str
    code: str
    mark_id: str  # the id of the mark's first piece
    note_id: str  # where its number links to

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.start, -self.end, self.number)


def _open(mark: Mark, first: bool) -> str:
    point = " point" if mark.start == mark.end else ""
    anchor = f' id="{mark.mark_id}"' if first else ""
    return (
        f'<mark class="{mark.severity}{point}"{anchor} data-finding="{mark.note_id}" data-n="{mark.number}" '
        f'data-code="{e(mark.code)}">'
    )


def _close(mark: Mark, at: int) -> str:
    if at >= mark.end:  # its last piece: the number, linking to the note
        return f'<a class="ref" href="#{mark.note_id}" aria-label="finding {mark.number}">{mark.number}</a></mark>'
    return "</mark>"


def marked(text: str, marks: list[Mark]) -> str:
    """``text`` as HTML (escaped) with ``marks`` on their spans, which are clamped to the text."""
    size = len(text)
    clamped = []
    for mark in marks:
        start = min(max(mark.start, 0), size)
        clamped.append(replace(mark, start=start, end=min(max(mark.end, start), size)))
    points: dict[int, list[Mark]] = {}
    spans: list[Mark] = []
    for mark in clamped:
        (points.setdefault(mark.start, []) if mark.start == mark.end else spans).append(mark)
    cuts = sorted({0, size, *(m.start for m in spans), *(m.end for m in spans), *points})
    out: list[str] = []
    stack: list[Mark] = []  # the marks open now, outermost first
    opened: set[str] = set()
    waiting = sorted(spans, key=lambda m: m.order)
    live: list[Mark] = []  # the marks covering the stretch from here on
    next_waiting = 0
    for index, at in enumerate(cuts):
        live = [m for m in live if m.end > at]
        while next_waiting < len(waiting) and waiting[next_waiting].start <= at:
            live.append(waiting[next_waiting])
            next_waiting += 1
        live.sort(key=lambda m: m.order)
        keep = 0
        while keep < len(stack) and keep < len(live) and stack[keep] is live[keep]:
            keep += 1
        for mark in reversed(stack[keep:]):
            out.append(_close(mark, at))
        del stack[keep:]
        for mark in points.get(at, ()):
            out.append(_open(mark, True) + _close(mark, at))
        if index + 1 == len(cuts):
            break
        for mark in live[keep:]:
            out.append(_open(mark, mark.mark_id not in opened))
            opened.add(mark.mark_id)
            stack.append(mark)
        out.append(e(text[at : cuts[index + 1]]))
    return "".join(out)
