"""Disclosure-log pages: the response's text, without the site's navigation, banners, cookie
notices and footers. Parsed with Beautiful Soup (Python's html.parser, which records where each
element starts in the file)."""

from __future__ import annotations

import re
from pathlib import Path

from pitlint.document import Document, Paragraph
from pitlint.readers._paragraphs import ParagraphBuilder, join_continued, looks_like_heading

SUFFIXES = (".html", ".htm", ".xhtml")

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
_DROP_NAMES = re.compile(
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


def _strip_chrome(soup) -> None:  # bs4 BeautifulSoup
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        chrome = tag.get("role") in _DROP_ROLES or (names.strip() and _DROP_NAMES.search(names))
        if chrome and tag.name not in ("body", "html", "main"):
            tag.decompose()


def _content_root(soup):
    return soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article") or soup.body or soup


def _paragraphs(root) -> list[Paragraph]:
    from bs4 import NavigableString, Tag
    from bs4.element import Comment as HtmlComment

    paragraphs: list[Paragraph] = []

    def flush(builder: ParagraphBuilder, element, bold_only: bool, in_table: bool) -> None:
        if not builder:
            return
        paragraph = builder.build(in_table=in_table)
        if not paragraph.text:
            return
        if element.name in _HEADINGS or (bold_only and looks_like_heading(paragraph.text)):
            paragraph.heading = True
        paragraph.style = element.name
        paragraphs.append(paragraph)

    def visit(element, in_table: bool) -> None:
        """Collect an element's own text; each block-level child starts a paragraph of its own."""
        builder = ParagraphBuilder()
        line = element.sourceline
        column = (element.sourcepos or 0) + 1 if element.sourceline else None
        flags = {"bold": True, "any": False}
        inside_table = in_table or element.name in ("td", "th")

        def inline(node, bold: bool) -> None:
            nonlocal builder
            for child in node.children:
                if isinstance(child, HtmlComment):
                    continue
                if isinstance(child, NavigableString):
                    text = re.sub(r"\s+", " ", str(child))
                    if text.strip():
                        flags["any"] = True
                        flags["bold"] = flags["bold"] and bold
                    builder.add(text, line=line, column=column, separator="")
                elif isinstance(child, Tag):
                    if child.name == "br":
                        flush(builder, element, flags["bold"] and flags["any"], inside_table)
                        builder = ParagraphBuilder()
                        flags.update(bold=True, any=False)
                    elif child.name in _BLOCKS:
                        flush(builder, element, flags["bold"] and flags["any"], inside_table)
                        builder = ParagraphBuilder()
                        flags.update(bold=True, any=False)
                        visit(child, inside_table)
                    else:
                        start = builder.length
                        inline(child, bold or child.name in ("b", "strong"))
                        href = child.get("href") if child.name == "a" else None
                        if href and builder.length > start:
                            builder.add_link(href.strip(), start, builder.length)

        inline(element, element.name in _HEADINGS)
        flush(builder, element, flags["bold"] and flags["any"], inside_table)

    visit(root, False)
    return paragraphs


def read(path: Path) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    _strip_chrome(soup)
    return Document(str(path), "html", join_continued(_paragraphs(_content_root(soup))))
