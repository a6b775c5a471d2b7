"""Word drafts (.docx), read as they would be published: tracked insertions kept, deletions
dropped, hidden text dropped, field codes dropped. What the file carries beside that text
(revisions, comments, hidden text, metadata, embedded objects) is recorded on the Document.

The package (parts, content types, relationships) is opened by pitlint.readers.package, with
zipfile and lxml; the styles, comments and body XML are walked here. Reading imports nothing
from python-docx, which costs some 100 ms to import: it is used only to write Word files
(report/annotate_docx.py, fix/docx.py). The reader keeps what python-docx did when it opened
the package for this module: the same parts parsed the same way, the same refusals.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from pitlint import regexes
from pitlint.document import AUTHOR, Comment, Document, Paragraph, Piece, PublicationFacts, Revision
from pitlint.errors import ReadError
from pitlint.readers._paragraphs import ParagraphBuilder, join_map, looks_like_heading, selectors
from pitlint.readers.package import Package, Part

SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")  # documents and templates, with or without macros

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ANCHOR_CHARS = 1000  # of the words a comment is anchored on: enough to show, bounded however many comments
# How `--annotate` signs its comments (report/annotate_docx.py): a comment by this author with
# these initials whose text starts with a rule code is one of pitlint's own findings.
ANNOTATION_AUTHOR = AUTHOR
ANNOTATION_INITIALS = "PL"
_FINDING_TEXT = regexes.compile(r"[A-Z]{2,8}\d{3}\b")
# A comment that is a directive: "pitlint: ignore PIT302, PIT401", "pitlint: ignore-file".
MAX_DIRECTIVES = 1000  # directive comments applied per file (a real draft has a handful); the rest are still reported
_DIRECTIVE = regexes.compile(
    r"\s*pitlint:\s*(?P<kind>ignore-file|ignore)(?![\w-])(?P<codes>.*)", re.IGNORECASE | re.DOTALL
)
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _on(element: etree._Element | None) -> bool:
    """A Word toggle property (w:b, w:vanish) that is present and not switched off."""
    return element is not None and element.get(_w("val"), "true").lower() not in ("0", "false", "off")


def check_package(path: Path) -> None:
    """Refuse files that are not a Word package, or that would inflate beyond reason."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE_SIGNATURE:
        raise ReadError(path, "a legacy Word (.doc) or password-protected Office file; save it as an unprotected .docx")
    if not zipfile.is_zipfile(path):
        raise ReadError(path, "not a Word .docx file (it is not a zip package)")
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
        expanded = sum(entry.file_size for entry in entries)
        compressed = max(sum(entry.compress_size for entry in entries), 1)
        if expanded > MAX_EXPANDED_BYTES or (
            expanded > 16 * 1024 * 1024 and expanded / compressed > MAX_COMPRESSION_RATIO
        ):
            raise ReadError(
                path,
                f"refused: it would expand to {expanded // 2**20} MB (limit {MAX_EXPANDED_BYTES // 2**20} MB)",
            )
        main = main_part_name(archive)
        if main is None or main.lower() not in {entry.filename.lower() for entry in entries}:
            raise ReadError(path, "not a Word .docx file (no main document part inside)")


def main_part_name(archive: zipfile.ZipFile) -> str | None:
    """The zip member holding the document body, as Word finds it: the target of the package's
    officeDocument relationship (``_rels/.rels``), which need not be ``word/document.xml``."""
    try:
        root = etree.fromstring(archive.read("_rels/.rels"), _SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None
    for relationship in root:
        kind = relationship.get("Type") or ""
        if kind.endswith("/officeDocument") and relationship.get("TargetMode") != "External":
            target = posixpath.normpath(relationship.get("Target") or "").lstrip("/")
            return target if target and target != "." else None
    return None


@dataclass
class _Styles:
    """What a paragraph style says about headings and bold."""

    # keyed by w:styleId; a style without one is kept under None (a paragraph without a w:pStyle
    # looks itself up under None too, as it did when python-docx listed the styles)
    heading: set[str | None] = field(default_factory=set)
    bold: set[str | None] = field(default_factory=set)
    names: dict[str | None, str] = field(default_factory=dict)


# The built-in styles whose names styles.xml keeps in lower case, shown as Word shows them
# (python-docx's BabelFish): "heading 1" -> "Heading 1".
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    **{f"heading {level}": f"Heading {level}" for level in range(1, 10)},
}
# A package without a styles part: python-docx read it with its own default styles part
# (docx/templates/default-styles.xml, in python-docx 1.2), which defines only these four, none
# a heading and none bold. So a paragraph styled "Heading1" or "Title" in such a package was not
# a heading by its style (only if its text is bold and short), and its style name was the raw
# id; this reader does the same.
_DEFAULT_STYLE_NAMES: dict[str | None, str] = {
    "Normal": "Normal",
    "DefaultParagraphFont": "Default Paragraph Font",
    "TableNormal": "Normal Table",
    "NoList": "No List",
}


def _styles(root: etree._Element | None) -> _Styles:
    """Headings, bold and names of the styles part's w:style elements (None: no styles part)."""
    result = _Styles()
    if root is None:
        result.names.update(_DEFAULT_STYLE_NAMES)
        return result
    for style in root.iterfind(_w("style")):
        style_id = style.get(_w("styleId"))
        name_element = style.find(_w("name"))
        internal = name_element.get(_w("val")) if name_element is not None else None
        name = _UI_NAMES.get(internal, internal) if internal else ""
        result.names[style_id] = name
        outline = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        if re.match(r"(heading \d|title|subtitle)$", name, re.IGNORECASE) or outline is not None:
            result.heading.add(style_id)
        # the style's own w:rPr/w:b toggle (a numbering style has no character formatting)
        properties = style.find(_w("rPr"))
        if style.get(_w("type")) != "numbering" and properties is not None and _on(properties.find(_w("b"))):
            result.bold.add(style_id)
    return result


@dataclass
class _Walk:
    """State while walking one w:p: the text, and the facts found inside it."""

    styles: _Styles
    hyperlinks: dict[str, str]
    builder: ParagraphBuilder = field(default_factory=ParagraphBuilder)
    segments: list[ParagraphBuilder] = field(default_factory=list)
    bold_chars: int = 0
    plain_chars: int = 0
    paragraph_bold: bool = False
    # tracked changes in document order: (kind, text, the w:ins/w:del element if any)
    changes: list[tuple[str, str, etree._Element | None]] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    comment_starts: dict[str, int] = field(default_factory=dict)
    comment_anchors: dict[str, str] = field(default_factory=dict)
    comment_start_segments: dict[str, int] = field(default_factory=dict)  # where a range starts: segment
    comment_end_segments: dict[str, int] = field(default_factory=dict)  # and where it ends
    comment_ids: list[str] = field(default_factory=list)
    field_url: str | None = None
    field_start: int | None = None
    embedded: int = 0
    block: int = 0  # this w:p's place in reading order
    offset: int = 0  # visible characters of this w:p so far

    def text(self, value: str, bold: bool) -> None:
        self.builder.add(value, separator="", block=self.block, block_offset=self.offset)
        self.offset += len(value)
        visible = len(value.strip())
        if bold:
            self.bold_chars += visible
        else:
            self.plain_chars += visible

    def line_break(self) -> None:
        self.segments.append(self.builder)
        self.builder = ParagraphBuilder()


def _run(walk: _Walk, run: etree._Element) -> None:
    properties = run.find(_w("rPr"))
    hidden = properties is not None and _on(properties.find(_w("vanish")))
    bold = walk.paragraph_bold
    if properties is not None:
        b = properties.find(_w("b"))
        if b is not None:
            bold = _on(b)
        style = properties.find(_w("rStyle"))
        if style is not None and style.get(_w("val")) in walk.styles.bold:
            bold = True
    for child in run:
        tag = child.tag
        if tag == _w("t"):
            if hidden:
                walk.hidden.append(child.text or "")
            else:
                walk.text(child.text or "", bold)
        elif tag == _w("delText"):
            walk.changes.append(("deletion", child.text or "", None))
        elif tag == _w("tab") and not hidden:
            walk.text("\t", bold)
        elif tag in (_w("br"), _w("cr")) and not hidden:
            walk.line_break()
        elif tag == _w("noBreakHyphen") and not hidden:
            walk.text("-", bold)
        elif tag == _w("instrText"):
            instruction = re.search(r'HYPERLINK\s+"([^"]+)"', child.text or "")
            if instruction:
                walk.field_url, walk.field_start = instruction.group(1), None
        elif tag == _w("fldChar"):
            kind = child.get(_w("fldCharType"))
            if kind == "separate" and walk.field_url:
                walk.field_start = walk.builder.length
            elif kind == "end" and walk.field_url and walk.field_start is not None:
                walk.builder.add_link(walk.field_url, walk.field_start, walk.builder.length)
                walk.field_url = walk.field_start = None
        elif tag == _w("commentReference"):
            walk.comment_ids.append(child.get(_w("id"), ""))
        elif tag in (_w("object"), _w("pict"), _w("drawing")) and child.xpath(".//*[local-name()='OLEObject']"):
            walk.embedded += 1


def _walk(walk: _Walk, element: etree._Element) -> None:
    for child in element:
        tag = child.tag
        if tag == _w("r"):
            _run(walk, child)
        elif tag in (_w("del"), _w("moveFrom")):
            deleted = "".join(child.xpath(".//*[local-name()='delText' or local-name()='t']/text()"))
            walk.changes.append(("deletion", deleted, child))
        elif tag in (_w("ins"), _w("moveTo")):
            start = walk.builder.length
            _walk(walk, child)
            walk.changes.append(("insertion", _tail(walk.builder, start), child))
        elif tag == _w("hyperlink"):
            start = walk.builder.length
            _walk(walk, child)
            url = walk.hyperlinks.get(child.get(f"{{{R}}}id", ""), "")
            if url:
                walk.builder.add_link(url, start, walk.builder.length)
        elif tag == _w("fldSimple"):
            start = walk.builder.length
            _walk(walk, child)
            found = re.search(r'HYPERLINK\s+"([^"]+)"', child.get(_w("instr"), ""))
            if found:
                walk.builder.add_link(found.group(1), start, walk.builder.length)
        elif tag == _w("commentRangeStart"):
            walk.comment_starts[child.get(_w("id"), "")] = walk.builder.length
            walk.comment_start_segments[child.get(_w("id"), "")] = len(walk.segments)
        elif tag == _w("commentRangeEnd"):
            comment_id = child.get(_w("id"), "")
            walk.comment_end_segments[comment_id] = len(walk.segments)
            start = walk.comment_starts.pop(comment_id, 0)
            walk.comment_anchors[comment_id] = walk.builder.text_since(start, limit=MAX_ANCHOR_CHARS)
        elif tag in (_w("pPr"), _w("rPr")):
            continue
        else:  # smartTag, customXml, sdt, sdtContent, bdo, dir and the like wrap runs
            _walk(walk, child)


def _tail(builder: ParagraphBuilder, start: int) -> str:
    return builder.text_since(start)


def _paragraph_style(p: etree._Element) -> str | None:
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return None if style is None else style.get(_w("val"))


@dataclass
class _Facts:
    """Publication facts keyed by the raw paragraph they were found in."""

    revisions: list[tuple[int, Revision]] = field(default_factory=list)
    hidden: list[tuple[int, str]] = field(default_factory=list)
    anchors: dict[str, tuple[int, str]] = field(default_factory=dict)
    # the raw paragraphs a comment's range starts and ends in (a range may span paragraphs)
    range_starts: dict[str, int] = field(default_factory=dict)
    range_ends: dict[str, int] = field(default_factory=dict)
    embedded: int = 0
    blocks: int = 0  # w:p elements seen


@dataclass
class _Parts:
    """What the body's XML refers to in other parts of the package."""

    path: Path
    styles: _Styles
    hyperlinks: dict[str, str]  # relationship id -> address
    chunks: dict[str, tuple[str, bytes]]  # relationship id -> (content type, bytes) of an altChunk


def _paragraphs(
    element: etree._Element,
    parts: _Parts,
    facts: _Facts,
    raw: list[Paragraph],
    in_table: bool = False,
) -> None:
    """Walk the body (or a table cell) in reading order, appending raw paragraphs."""
    styles, hyperlinks = parts.styles, parts.hyperlinks
    for child in element:
        tag = child.tag
        if tag == _w("altChunk"):
            chunk = parts.chunks.get(child.get(f"{{{R}}}id", ""))
            if chunk is not None:
                raw.extend(replace(p, in_table=in_table) for p in alt_chunk_paragraphs(parts.path, *chunk))
        elif tag == _w("p"):
            style_id = _paragraph_style(child)
            walk = _Walk(styles, hyperlinks, paragraph_bold=style_id in styles.bold, block=facts.blocks)
            facts.blocks += 1
            _walk(walk, child)
            walk.segments.append(walk.builder)
            number = len(raw)
            for kind, text, mark in walk.changes:
                if text.strip():
                    author = mark.get(_w("author")) if mark is not None else None
                    date = mark.get(_w("date")) if mark is not None else None
                    facts.revisions.append((number, Revision(kind, text, 0, author, date)))
            facts.hidden.extend((number, text) for text in walk.hidden if text.strip())
            for comment_id, anchor in walk.comment_anchors.items():
                facts.anchors[comment_id] = (number, anchor)
            for comment_id in walk.comment_ids:
                facts.anchors.setdefault(comment_id, (number, ""))
            if walk.comment_start_segments or walk.comment_end_segments:
                _range_ends(walk, number, facts)
            facts.embedded += walk.embedded
            styled = style_id in styles.heading
            mostly_bold = walk.bold_chars > 0 and walk.plain_chars == 0
            for segment in walk.segments:
                if not segment:
                    continue
                paragraph = segment.build(style=styles.names.get(style_id or "", style_id), in_table=in_table)
                if styled or (mostly_bold and looks_like_heading(paragraph.text)):
                    paragraph.heading = True
                raw.append(paragraph)
        elif tag == _w("tbl"):
            for row in child.iter(_w("tr")):
                for cell in row.findall(_w("tc")):
                    _paragraphs(cell, parts, facts, raw, in_table=True)
        elif tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            _paragraphs(child, parts, facts, raw, in_table)
        elif tag == _w("commentRangeStart"):  # between paragraphs: the range starts at the next
            facts.range_starts[child.get(_w("id"), "")] = len(raw)
        elif tag == _w("commentRangeEnd"):  # and ends at the one before
            facts.range_ends[child.get(_w("id"), "")] = max(len(raw) - 1, 0)


def _range_ends(walk: _Walk, number: int, facts: _Facts) -> None:
    """Record the raw paragraphs where comment ranges in this w:p start and end: its segments
    (split by line breaks) are raw paragraphs from ``number`` on, those without text left out."""
    raw_of = [number]
    for segment in walk.segments:
        raw_of.append(raw_of[-1] + (1 if segment else 0))
    for comment_id, at in walk.comment_start_segments.items():
        facts.range_starts[comment_id] = raw_of[at]
    for comment_id, at in walk.comment_end_segments.items():
        facts.range_ends[comment_id] = raw_of[at]


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def alt_chunk_paragraphs(path: Path, content_type: str, data: bytes) -> list[Paragraph]:
    """Paragraphs of an altChunk: HTML, a web archive (MHT) or plain text that Word imports
    into the document where the ``w:altChunk`` stands, and shows and prints as its own text.
    Their positions are the paragraph numbers only (lines in the chunk mean nothing to the
    user). Other kinds (RTF, a nested .docx) are not read."""
    from pitlint.readers import html, text

    kind = content_type.split(";")[0].strip().lower()
    if kind == "message/rfc822":
        kind, data = "text/html", _mht_html(data)
    if kind in _HTML_TYPES:
        found = html.parse(data, path)
    elif kind == "text/plain":
        found = text.paragraphs_from_lines(text.decode(data, path).splitlines())
    else:
        return []
    return [replace(p, pieces=[Piece(0)]) for p in found]


def _mht_html(data: bytes) -> bytes:
    """The HTML page inside a web archive (MHT), as Word saves an imported page."""
    import email

    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() in _HTML_TYPES:
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else b""
    return b""


def _kind(text: str, author: str | None, initials: str | None) -> str:
    """Who left a comment: pitlint's ``--annotate`` (its signature and a rule code first), the
    author as a directive to pitlint, or a reviewer."""
    if author == ANNOTATION_AUTHOR and initials == ANNOTATION_INITIALS and _FINDING_TEXT.match(text):
        return "pitlint"
    return "directive" if _DIRECTIVE.fullmatch(text) else "reviewer"


def _comments(
    package: Package, main: Part, facts: _Facts, index_of: list[int], paragraphs: list[Paragraph]
) -> tuple[list[Comment], list[str]]:
    """The comments, and the rules silenced for the whole file by directive comments; a
    directive comment on some words silences its rules on those words' paragraphs."""
    comments: list[Comment] = []
    whole_file: list[str] = []
    ranges: list[tuple[int, int, list[str]]] = []  # (first, last paragraph, 0-based; selectors)
    for rel in main.rels.values():
        if not rel.reltype.endswith("/comments") or rel.external:
            continue
        root = package.xml(package.parts[rel.target], _SAFE_PARSER)
        for comment in root.iter(_w("comment")):
            comment_id = comment.get(_w("id"), "")
            text = " ".join("".join(p.xpath(".//*[local-name()='t']/text()")) for p in comment.iter(_w("p"))).strip()
            raw_number, anchor = facts.anchors.get(comment_id, (None, ""))
            paragraph = index_of[raw_number] + 1 if raw_number is not None and raw_number < len(index_of) else None
            author = comment.get(_w("author"))
            kind = _kind(text, author, comment.get(_w("initials")))
            comments.append(Comment(text, paragraph, anchor.strip(), author, kind))
            if kind != "directive":
                continue
            directive = _DIRECTIVE.fullmatch(text)
            codes = selectors(directive["codes"])
            if directive["kind"].lower() == "ignore-file":
                whole_file.extend(codes)
                continue
            first = facts.range_starts.get(comment_id, raw_number)
            last = facts.range_ends.get(comment_id, raw_number)
            if first is not None and last is not None and index_of and paragraphs:
                end = len(index_of) - 1
                ranges.append((index_of[min(first, end)], index_of[min(last, end)], codes))
    _silence_ranges(paragraphs, ranges)
    return comments, whole_file


def _silence_ranges(paragraphs: list[Paragraph], ranges: list[tuple[int, int, list[str]]]) -> None:
    """Silence each range's selectors on its paragraphs, in one sweep (a hostile file's thousands
    of comments over thousands of paragraphs cost their sum, not their product)."""
    starting: dict[int, list[str]] = {}
    ending: dict[int, list[str]] = {}
    for first, last, codes in ranges[:MAX_DIRECTIVES]:
        starting.setdefault(first, []).extend(codes)
        ending.setdefault(max(first, last) + 1, []).extend(codes)
    active: Counter[str] = Counter()
    current: tuple[str, ...] = ()
    for number, paragraph in enumerate(paragraphs):
        if number in starting or number in ending:
            active.update(starting.get(number, ()))
            active.subtract(ending.get(number, ()))
            current = tuple(code for code, count in active.items() if count > 0)
        if current:
            paragraph.silenced = (*paragraph.silenced, *current) if paragraph.silenced else current


def _metadata(package: Package) -> dict[str, str]:
    """The personal metadata: core properties, and custom properties (docProps/custom.xml)."""
    core = package.core_properties()
    found = {
        "author": core.author,
        "last_modified_by": core.last_modified_by,
        "comments": core.comments,
    }
    metadata = {key: value for key, value in found.items() if value}
    for rel in package.rels.values():
        if rel.external or not rel.reltype.endswith("/custom-properties"):
            continue
        root = package.xml(package.parts[rel.target], _SAFE_PARSER)
        for prop in root:
            name = prop.get("name")
            value = "".join(prop.itertext()).strip()
            if name and value:
                metadata[f"custom:{name}"] = value
    return metadata


# Word's main parts: documents and templates, with or without macros (all the same XML).
_MAIN_CONTENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_STYLES_TYPE = f"{_WML}.styles+xml"
# The parts parsed when the package is opened: those python-docx parsed (its XML part classes),
# so that malformed XML in any of them still refuses the file, as it did.
_XML_CONTENT_TYPES = frozenset(
    (
        *_MAIN_CONTENT_TYPES,
        _STYLES_TYPE,
        f"{_WML}.comments+xml",
        f"{_WML}.footer+xml",
        f"{_WML}.header+xml",
        f"{_WML}.numbering+xml",
        f"{_WML}.settings+xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    )
)
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def _unreadable(path: Path, error: Exception) -> ReadError:
    detail = " ".join(str(error).split())  # lxml's messages run over lines
    return ReadError(path, f"not a readable Word document ({error.__class__.__name__}: {detail})")


def _open(path: Path) -> tuple[Package, Part]:
    """The package and its main part, found through the package relationships as Word finds it
    (a .docm's or a template's main part too). The caller closes the package."""
    try:
        package = Package.open(path, _XML_CONTENT_TYPES)
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise _unreadable(path, error) from None
    try:
        main = package.main_part()
    except (KeyError, ValueError) as error:
        package.close()
        raise _unreadable(path, error) from None
    if main.content_type not in _MAIN_CONTENT_TYPES:
        package.close()
        named = main.content_type or None  # an Override without a ContentType: "None", as before
        raise ReadError(path, f"not a Word document (its main part is {named})")
    return package, main


def _body(path: Path, main: Part) -> etree._Element:
    root = main.xml
    body = root.find(_w("body")) if root is not None and root.tag == _w("document") else None
    if body is None:
        raise ReadError(path, "not a readable Word document (its main part has no w:document/w:body)")
    return body


def _styles_root(package: Package, main: Part) -> etree._Element | None:
    """The styles part's XML, or None when the main part has no styles relationship (several
    of them: ValueError, as python-docx raised)."""
    try:
        part = package.related(main.rels, _RT_STYLES)
    except KeyError:
        return None
    return package.xml(part)


def _embedded(package: Package, main: Part) -> int:
    """Files embedded in the package beside the main part (Word keeps them in "embeddings")."""
    folder = posixpath.join(posixpath.dirname(main.name), "embeddings/")
    return sum(1 for name in package.parts if name.startswith(folder))


_VBA_PROJECT = "application/vnd.ms-office.vbaProject"


def _macros(package: Package) -> bool:
    """Whether the package holds a VBA project (macros), by content type or Word's part name."""
    return any(
        part.content_type == _VBA_PROJECT or part.name.lower().endswith("/vbaproject.bin")
        for part in package.parts.values()
    )


def read(path: Path) -> Document:
    check_package(path)
    package, main = _open(path)
    with package:
        try:
            return _read(path, package, main)
        except zipfile.BadZipFile as error:  # a part read after opening (a CRC error, say)
            raise _unreadable(path, error) from None


def _read(path: Path, package: Package, main: Part) -> Document:
    rels = main.rels
    parts = _Parts(
        path=path,
        styles=_styles(_styles_root(package, main)),
        hyperlinks={
            rel_id: rel.target_ref
            for rel_id, rel in rels.items()
            if rel_id is not None and rel.external and "hyperlink" in rel.reltype
        },
        chunks={
            rel_id: (package.parts[rel.target].content_type, package.blob(rel.target))
            for rel_id, rel in rels.items()
            if rel_id is not None and not rel.external and rel.reltype.endswith("/aFChunk")
        },
    )
    facts = _Facts()
    raw: list[Paragraph] = []
    _paragraphs(_body(path, main), parts, facts, raw)
    kept = [number for number, paragraph in enumerate(raw) if paragraph.text.strip()]
    paragraphs, merged_into = join_map([raw[number] for number in kept])
    # Where each raw paragraph ended up; an empty one reports as the next paragraph with text.
    final_of = dict(zip(kept, merged_into, strict=True))
    index_of = [0] * len(raw)
    following = max(len(paragraphs) - 1, 0)
    for number in reversed(range(len(raw))):
        following = final_of.get(number, following)
        index_of[number] = following
    for number, paragraph in enumerate(raw):  # silenced in an imported HTML chunk by its own directives
        if paragraph.silenced and paragraphs[index_of[number]] is not paragraph:
            joined = paragraphs[index_of[number]]
            joined.silenced = (*joined.silenced, *paragraph.silenced)
    comments, silenced = _comments(package, main, facts, index_of, paragraphs)
    publication = PublicationFacts(
        revisions=[replace(revision, paragraph=index_of[number] + 1) for number, revision in facts.revisions],
        comments=comments,
        hidden_text=[(index_of[number] + 1, text) for number, text in facts.hidden],
        metadata=_metadata(package),
        embedded_objects=max(facts.embedded, _embedded(package, main)),
        macros=_macros(package),
    )
    return Document(str(path), "docx", paragraphs, publication, silenced=tuple(silenced))


def iter_blocks(element: etree._Element) -> Iterator[etree._Element]:
    """The w:p elements of a body in the reading order the reader numbers them in (Piece.block)."""
    for child in element:
        tag = child.tag
        if tag == _w("p"):
            yield child
        elif tag == _w("tbl"):
            for row in child.iter(_w("tr")):
                for cell in row.findall(_w("tc")):
                    yield from iter_blocks(cell)
        elif tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            yield from iter_blocks(child)
