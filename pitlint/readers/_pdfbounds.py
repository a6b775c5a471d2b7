"""pdfminer.six with a ceiling on its work, so that no PDF within the size limit keeps pitlint
busy for minutes. Imported only when a PDF is read (it imports pdfminer).

pdfminer's costs, measured on this machine (benchmarks/RESULTS.md, "Hostile inputs: readers"):
- interpreting content streams and making a layout object per character: roughly 100,000
  characters a second, whatever LAParams say;
- grouping a page's text boxes into a reading order (``LAParams.boxes_flow``): a heap of every
  pair of boxes, cubic in practice: 1 s for a page of 500 boxes, 37 s for 2,000;
- inflating a damaged compressed stream: ``decompress_corrupted`` feeds zlib one byte at a time
  and grows its output with ``bytes +=``, quadratic in the stream's size.
So a file may make pdfminer lay out at most MAX_CHARACTERS characters and interpret at most
MAX_CONTENT_BYTES of page content (a form drawn twice counts twice); beyond either it is
refused. A page with more than MAX_FLOW_BOXES text boxes, or any page once FLOW_BUDGET is
spent, is read top to bottom and left to right instead of by pdfminer's grouping.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path

import pdfminer.pdftypes
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage, LTTextBox, LTTextBoxVertical, LTTextGroup
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, stream_value

from pitlint.errors import ReadError

MAX_CHARACTERS = 150_000  # about 50 dense pages; a PIT is a few
MAX_CONTENT_BYTES = 2_500_000  # decoded page content interpreted, all pages together (Word: 20-40 KB a page)
MAX_FLOW_BOXES = 100  # a page of ordinary prose has 10 to 40
FLOW_BUDGET = 300_000  # sum over pages of (text boxes)², what grouping costs (about 1 s)
_INFLATE_CHUNK = 16 * 1024  # compressed bytes inflated at a time (at most ~16 MB out)


class _Budget:
    """What one file has cost so far; refuses the file once a ceiling is passed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.characters = 0
        self.content = 0
        self.flow = 0

    def character(self) -> None:
        self.characters += 1
        if self.characters > MAX_CHARACTERS:
            raise ReadError(
                self.path, f"refused: more than {MAX_CHARACTERS:,} characters of text (about 50 pages; a PIT is a few)"
            )

    def content_stream(self, stream: PDFStream) -> None:
        """Count a content stream about to be interpreted, inflating it within what is left."""
        left = MAX_CONTENT_BYTES - self.content
        size = len(_decoded(stream, left))
        self.content += size
        if self.content > MAX_CONTENT_BYTES:
            raise ReadError(
                self.path, f"refused: more than {MAX_CONTENT_BYTES / 1e6:g} MB of page content to interpret"
            )

    def may_group(self, boxes: int) -> bool:
        """Whether pdfminer may group this many boxes by its (costly) reading-order analysis."""
        cost = boxes * boxes
        if boxes > MAX_FLOW_BOXES or self.flow + cost > FLOW_BUDGET:
            return False
        self.flow += cost
        return True


def _decoded(stream: PDFStream, limit: int) -> bytes:
    """The stream's data. A stream that is only deflated (the usual content stream) is inflated
    here, in bounded steps and never past ``limit`` + one step; others are left to pdfminer."""
    if stream.data is not None or stream.rawdata is None:
        return stream.get_data()
    filters = stream.get_filters()
    plain = len(filters) == 1 and filters[0][0] in LITERALS_FLATE_DECODE
    if not plain or stream.decipher is not None or "Predictor" in (filters[0][1] or {}):
        return stream.get_data()
    stream.data, stream.rawdata = inflate(stream.rawdata, limit), None
    return stream.data


def inflate(data: bytes, limit: int | None = None) -> bytes:
    """Deflated data inflated, keeping what comes before any damage (as pdfminer does), and
    stopping once more than ``limit`` bytes are out."""
    return _inflate(data, limit)[0]


def _inflate(data: bytes, limit: int | None = None) -> tuple[bytes, int | None]:
    """Inflate in chunks; a chunk with damage is inflated again byte by byte (from a copy of the
    state before it) to keep what precedes the damage. Returns the data and where the damage
    is (None if there is none)."""
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    for start in range(0, len(data), _INFLATE_CHUNK):
        chunk = data[start : start + _INFLATE_CHUNK]
        before = inflater.copy()
        try:
            out.append(inflater.decompress(chunk))
        except zlib.error:
            for index in range(len(chunk)):
                try:
                    out.append(before.decompress(chunk[index : index + 1]))
                except zlib.error:
                    return b"".join(out), start + index
            return b"".join(out), None  # not reached: the chunk failed as a whole
        size += len(out[-1])
        if limit is not None and size > limit:
            break
    return b"".join(out), None


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for damaged deflated streams, linear: the same result (the data up to
    the damage, or zlib.error when the damage is before the checksum) without its byte-at-a-time
    ``bytes +=``, which is quadratic in the stream's size."""
    inflated, damage = _inflate(data)
    if damage is not None and damage < len(data) - 3:
        raise zlib.error(f"damaged deflated data at byte {damage}")
    return inflated


pdfminer.pdftypes.decompress_corrupted = _decompress_corrupted

# pdfminer reports what it repairs (a missing MediaBox, a bad cross-reference entry) through
# logging, which Python prints on stderr when nothing is configured; stderr is for one line per
# file that cannot be read.
_pdfminer_log = logging.getLogger("pdfminer")
_pdfminer_log.addHandler(logging.NullHandler())
_pdfminer_log.propagate = False


class _Page(LTPage):
    """A page whose text boxes are put in reading order by pdfminer's grouping only while that
    is affordable; otherwise top to bottom, then left to right (``boxes_flow=None``'s order)."""

    budget: _Budget

    def group_textboxes(self, laparams: LAParams, boxes: list[LTTextBox]) -> list[LTTextGroup]:
        if self.budget.may_group(len(boxes)):
            return super().group_textboxes(laparams, boxes)
        for box in boxes:
            box.analyze(laparams)
        for index, box in enumerate(sorted(boxes, key=_top_down)):
            box.index = index
        return []


def _top_down(box: LTTextBox) -> tuple[int, float, float]:
    if isinstance(box, LTTextBoxVertical):
        return (0, -box.x1, -box.y0)
    return (1, -box.y0, box.x0)


class BoundedAggregator(PDFPageAggregator):
    """pdfminer's layout device, counting characters and using bounded pages."""

    def __init__(self, manager: PDFResourceManager, budget: _Budget) -> None:
        super().__init__(manager, laparams=LAParams())
        self.budget = budget

    def begin_page(self, page, ctm) -> None:  # pdfminer PDFPage, Matrix
        super().begin_page(page, ctm)
        bounded = _Page(self.cur_item.pageid, self.cur_item.bbox)
        bounded.budget = self.budget
        self.cur_item = bounded

    def render_char(self, *args, **kwargs) -> float:
        self.budget.character()
        return super().render_char(*args, **kwargs)


class BoundedInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, counting the content it runs (forms included, each time drawn)."""

    device: BoundedAggregator

    def execute(self, streams) -> None:  # Sequence[object]
        for stream in streams:
            self.device.budget.content_stream(stream_value(stream))
        super().execute(streams)


def open_bounded(path: Path) -> tuple[BoundedAggregator, BoundedInterpreter]:
    """A device and interpreter for one file, sharing one budget."""
    manager = PDFResourceManager()
    device = BoundedAggregator(manager, _Budget(path))
    return device, BoundedInterpreter(manager, device)
