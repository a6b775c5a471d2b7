"""Disclosure-log pages: the response's text, without the site's navigation, banners, cookie
notices and footers. Parsed with Beautiful Soup (Python's html.parser, which records where each
element starts in the file).

Inline silencing works as in Markdown: ``<!-- pitlint: ignore PIT302 -->`` inside a paragraph
(after some of its text) silences those rules there, anywhere else the next paragraph;
``<!-- pitlint: ignore-file ... -->`` the whole page."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from pitlint import regexes
from pitlint.document import Document, Paragraph
from pitlint.errors import ReadError
from pitlint.readers._paragraphs import ParagraphBuilder, join_map, looks_like_heading, selectors

SUFFIXES = (".html", ".htm", ".xhtml")
# Beautiful Soup builds about 50,000 elements a second here, whatever their nesting; a
# disclosure-log page has a few thousand. (Counted as "<" and a letter: an upper bound.)
MAX_ELEMENTS = 150_000
_START_TAG = re.compile(rb"<[A-Za-z]")
_DIRECTIVE = regexes.compile(
    r"\s*pitlint:\s*(?P<kind>ignore-file|ignore)(?![\w-])(?P<codes>.*)", re.IGNORECASE | re.DOTALL
)

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "head",
]
_DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
_DROP_NAMES = regexes.compile(
    r"(^|[-_ ])(nav|navbar|navigation|menu|breadcrumbs?|cookies?|skip|sidebar|footer|header|banner)([-_ ]|$)",
    re.IGNORECASE,
)
_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "caption",
    "figcaption",
    "div",
    "section",
    "article",
    "main",
    "address",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "body",
    "center",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _is_chrome(tag) -> bool:  # bs4 Tag
    if tag.name in _DROP_TAGS:
        return True
    if tag.name in ("body", "html", "main"):
        return False
    names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return tag.get("role") in _DROP_ROLES or bool(names.strip() and _DROP_NAMES.search(names))


def _strip_chrome(soup) -> None:  # bs4 BeautifulSoup
    """Remove the site's navigation, banners and footers. One walk down the tree without
    recursion (pages can nest thousands deep), never into what is removed anyway; and never
    asking bs4 whether a tag was removed already (``Tag.decomposed`` searches the tag's whole
    subtree in bs4 4.13+, which made this quadratic in the nesting depth)."""
    from bs4 import Tag

    doomed = []
    stack = [soup]
    while stack:
        for child in stack.pop().contents:
            if isinstance(child, Tag):
                (doomed if _is_chrome(child) else stack).append(child)
    for tag in doomed:
        tag.decompose()


def _content_root(soup):
    return soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article") or soup.body or soup


@dataclass
class _Block:
    """A block element being read: its own text goes into ``builder`` until a block child or a
    line break ends the paragraph."""

    element: object  # bs4 Tag
    in_table: bool
    builder: ParagraphBuilder = field(default_factory=ParagraphBuilder)
    bold_only: bool = True  # every visible character so far was bold
    any_text: bool = False
    silenced: list[str] = field(default_factory=list)  # by directives inside the paragraph being built

    @property
    def line(self) -> int | None:
        return self.element.sourceline

    @property
    def column(self) -> int | None:
        return (self.element.sourcepos or 0) + 1 if self.element.sourceline else None

    def flush(self, paragraphs: list[Paragraph], silencing: _Silencing) -> None:
        """End the paragraph being built (if it has text) and start another."""
        if self.builder:
            paragraph = self.builder.build(in_table=self.in_table)
            if paragraph.text:
                heading = self.element.name in _HEADINGS
                if heading or (self.bold_only and self.any_text and looks_like_heading(paragraph.text)):
                    paragraph.heading = True
                paragraph.style = self.element.name
                paragraphs.append(paragraph)
                if paragraph.text.strip() and (silencing.pending or self.silenced):
                    paragraph.silenced = (*silencing.pending, *self.silenced)
                    silencing.pending.clear()
            self.builder = ParagraphBuilder()
        self.bold_only, self.any_text = True, False
        self.silenced = []


@dataclass
class _Silencing:
    """Directives met in the walk: those waiting for the next paragraph, and the whole page's."""

    pending: list[str] = field(default_factory=list)
    whole_file: list[str] = field(default_factory=list)

    def directive(self, comment: str, block: _Block) -> None:
        found = _DIRECTIVE.fullmatch(comment)
        if found is None:
            return
        codes = selectors(found["codes"])
        if found["kind"].lower() == "ignore-file":
            self.whole_file.extend(codes)
        elif block.any_text:  # after some of a paragraph's text: that paragraph
            block.silenced.extend(codes)
        else:
            self.pending.extend(codes)


# Steps of the walk over the tree (see _paragraphs).
_OPEN, _CLOSE, _NODE, _LINK = range(4)


def _paragraphs(root, silencing: _Silencing) -> list[Paragraph]:
    """Paragraphs in reading order: each block element's own text is a paragraph, each block
    child and each <br> starts another. An explicit stack, not recursion: a page may nest
    elements hundreds of thousands deep. Directives in comments are given to ``silencing``."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment as HtmlComment

    paragraphs: list[Paragraph] = []
    blocks: list[_Block] = []
    steps: list[tuple[int, object, object]] = [(_OPEN, root, False)]
    while steps:
        step, node, extra = steps.pop()
        if step == _OPEN:  # a block element: its children are read in its own block
            in_table = bool(extra) or node.name in ("td", "th")
            blocks.append(_Block(node, in_table))
            steps.append((_CLOSE, node, None))
            steps.extend((_NODE, child, node.name in _HEADINGS) for child in reversed(node.contents))
        elif step == _CLOSE:
            blocks.pop().flush(paragraphs, silencing)
        elif step == _LINK:  # the end of an <a>: its text so far is the link's anchor
            builder = blocks[-1].builder
            href, start = extra
            if builder.length > start:
                builder.add_link(href, start, builder.length)
        elif isinstance(node, HtmlComment):
            silencing.directive(str(node), blocks[-1])
        elif isinstance(node, NavigableString):
            _text(blocks[-1], str(node), bold=bool(extra))
        elif isinstance(node, Tag):
            block = blocks[-1]
            if node.name == "br":
                block.flush(paragraphs, silencing)
            elif node.name in _BLOCKS:
                block.flush(paragraphs, silencing)
                steps.append((_OPEN, node, block.in_table))
            else:
                href = node.get("href") if node.name == "a" else None
                if href:
                    steps.append((_LINK, node, (href.strip(), block.builder.length)))
                bold = bool(extra) or node.name in ("b", "strong")
                steps.extend((_NODE, child, bold) for child in reversed(node.contents))
    return paragraphs


def _text(block: _Block, raw: str, bold: bool) -> None:
    text = re.sub(r"\s+", " ", raw)
    if text.strip():
        block.any_text = True
        block.bold_only = block.bold_only and bold
    block.builder.add(text, line=block.line, column=block.column, separator="")


def parse(data: bytes, path: Path, silencing: _Silencing | None = None) -> list[Paragraph]:
    """The paragraphs of a page's content, in reading order, before joining what wrapped (each
    with the rules its directives silence there)."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    elements = len(_START_TAG.findall(data))
    if elements > MAX_ELEMENTS:
        raise ReadError(path, f"refused: more than {MAX_ELEMENTS:,} HTML elements (a PIT is a few pages)")
    with warnings.catch_warnings():
        # a file's bytes are always markup here, never a file name: no warning on the terminal
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(data, "html.parser")
    _strip_chrome(soup)
    return _paragraphs(_content_root(soup), _Silencing() if silencing is None else silencing)


def read(path: Path) -> Document:
    silencing = _Silencing()
    raw = parse(path.read_bytes(), path, silencing)
    paragraphs, ended_in = join_map(raw)
    for paragraph, number in zip(raw, ended_in, strict=True):  # a joined paragraph keeps its parts' silencing
        joined = paragraphs[number]
        if paragraph.silenced and joined is not paragraph:
            joined.silenced = (*joined.silenced, *paragraph.silenced)
    return Document(str(path), "html", paragraphs, silenced=tuple(silencing.whole_file))
