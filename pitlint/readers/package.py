"""A read-only reader of Open Packaging Conventions (OPC) packages: the zip inside a .docx.

The Word reader needs only the package: which parts there are, their content types, their
relationships and their bytes. python-docx gave it that at the cost of importing all of
python-docx (some 100 ms of every cold check); this module does the same with zipfile and lxml.

Parts are found as python-docx and Word find them: by walking the relationships from the
package's own (``_rels/.rels``), depth first, each part once, so a cyclic or much-repeated
relationship graph ends, and a part that no relationship reaches is not a part. A part's name is
absolute (``/word/document.xml``); its zip member is the name without the leading slash. A
relationship's target is resolved against its source part's folder with posixpath, so one that
climbs above the root stops at the root: nothing outside the zip is ever read. An external
target (``TargetMode="External"``) is kept as written.

A fault raises what python-docx's OPC layer raised for it, so the reader's one-line reasons stay
the same: KeyError for a missing part, content type or relationship, ValueError for a
relationship that is ambiguous or external where a part is needed, zipfile.BadZipFile, and lxml's
XMLSyntaxError.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from lxml import etree

CONTENT_TYPES_MEMBER = "[Content_Types].xml"
PACKAGE = "/"  # the package itself, as the source of its own relationships
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EXTERNAL = "External"

# Safe (no entities, no network, no huge trees), and without the blank text between elements,
# as python-docx parses every XML part (text that is an element's whole content is kept).
XML_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class Relationship:
    """One ``<Relationship>`` of a part or of the package."""

    rel_id: str | None
    reltype: str
    target_ref: str  # the Target attribute as written: an address when external
    external: bool
    target: str  # the part name an internal relationship resolves to ("" when external)


@dataclass
class Part:
    """A part reached through the relationships."""

    name: str
    content_type: str
    rels: dict[str | None, Relationship]  # by id; a repeated id keeps the last, as python-docx did
    xml: etree._Element | None = None  # parsed when the package was opened (see Package.open)


@dataclass(frozen=True)
class CoreProperties:
    """The Dublin Core properties Word keeps (docProps/core.xml); "" when absent."""

    author: str = ""  # dc:creator
    last_modified_by: str = ""  # cp:lastModifiedBy
    comments: str = ""  # dc:description


def member_name(part_name: str) -> str:
    return part_name[1:]


def rels_name(part_name: str) -> str:
    """The part holding a part's relationships: ``/word/_rels/document.xml.rels``."""
    folder, name = posixpath.split(part_name)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve(source: str, target_ref: str) -> str:
    """The part name a relative reference from ``source`` (a part name, or "/") points at."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target_ref))


def _extension(part_name: str) -> str:
    return posixpath.splitext(part_name)[1][1:]


@dataclass
class Package:
    """An open package. Use as a context manager, or call close()."""

    archive: zipfile.ZipFile
    overrides: dict[str, str] = field(default_factory=dict)  # lower-cased part name -> content type
    defaults: dict[str, str] = field(default_factory=dict)  # lower-cased extension -> content type
    rels: dict[str | None, Relationship] = field(default_factory=dict)  # the package's own
    parts: dict[str, Part] = field(default_factory=dict)  # in the order the walk reached them

    @classmethod
    def open(cls, path: Path, xml_types: Collection[str] = ()) -> Package:
        """Open the zip, walk the relationships and parse the parts whose content type is in
        ``xml_types`` (with XML_PARSER), so that malformed XML in them is found now, as
        python-docx found it in the parts it knew."""
        package = cls(zipfile.ZipFile(path))
        try:
            package._load(xml_types)
        except BaseException:
            package.close()
            raise
        return package

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _load(self, xml_types: Collection[str]) -> None:
        types = etree.fromstring(self.archive.read(CONTENT_TYPES_MEMBER), XML_PARSER)
        if types.tag != f"{{{CT}}}Types":
            raise ValueError(f"{CONTENT_TYPES_MEMBER} is not a content types part")
        for override in types.iterfind(f"{{{CT}}}Override"):  # one without a PartName says nothing
            if override.get("PartName") is not None:
                self.overrides[override.get("PartName", "").lower()] = override.get("ContentType") or ""
        for default in types.iterfind(f"{{{CT}}}Default"):
            if default.get("Extension") is not None:
                self.defaults[default.get("Extension", "").lower()] = default.get("ContentType") or ""
        self.rels = self._walk()
        wanted = frozenset(xml_types)
        for part in self.parts.values():
            if part.content_type in wanted:
                part.xml = etree.fromstring(self.blob(part.name), XML_PARSER)

    def _walk(self) -> dict[str | None, Relationship]:
        """Walk the relationship graph depth first from the package, meeting each part once (a
        stack, not recursion: a hostile chain of parts can be as long as the zip allows)."""
        listed = self._relationships(PACKAGE)
        stack: list[Iterator[Relationship]] = [iter(listed)]
        while stack:
            rel = next(stack[-1], None)
            if rel is None:
                stack.pop()
                continue
            if rel.external or rel.target in self.parts:
                continue
            name = rel.target
            part_rels = self._relationships(name)
            self.archive.getinfo(member_name(name))  # not there: zipfile's KeyError names the member
            self.parts[name] = Part(name, self.content_type(name), {r.rel_id: r for r in part_rels})
            stack.append(iter(part_rels))
        return {r.rel_id: r for r in listed}

    def _relationships(self, source: str) -> list[Relationship]:
        """The relationships of a part (or of the package, "/"), in document order; none when
        it has no relationships part."""
        try:
            data = self.archive.read(member_name(rels_name(source)))
        except KeyError:
            return []
        root = etree.fromstring(data, XML_PARSER)
        if root.tag != f"{{{PR}}}Relationships":
            raise ValueError(f"{rels_name(source)} is not a relationships part")
        found = []
        for element in root.iterfind(f"{{{PR}}}Relationship"):
            rel_id, target_ref = element.get("Id"), element.get("Target")
            external = element.get("TargetMode") == EXTERNAL
            if target_ref is None and not external:
                raise ValueError(f"relationship {rel_id} of {source} has no target")
            target = "" if external else resolve(source, target_ref or "")
            found.append(Relationship(rel_id, element.get("Type") or "", target_ref or "", external, target))
        return found

    def content_type(self, part_name: str) -> str:
        """By the part's Override, else its extension's Default; both case-insensitive, as OPC says."""
        key = part_name.lower()
        if key in self.overrides:
            return self.overrides[key]
        extension = _extension(part_name).lower()
        if extension in self.defaults:
            return self.defaults[extension]
        raise KeyError(f"no content type for partname '{part_name}' in [Content_Types].xml")

    def blob(self, part_name: str) -> bytes:
        return self.archive.read(member_name(part_name))

    def xml(self, part: Part, parser: etree.XMLParser = XML_PARSER) -> etree._Element:
        """The part's XML: as parsed at open, or parsed now."""
        return part.xml if part.xml is not None else etree.fromstring(self.blob(part.name), parser)

    def related(self, rels: dict[str | None, Relationship], reltype: str) -> Part:
        """The one part related by ``reltype``: KeyError when there is none, ValueError when
        there are several (python-docx's part_related_by)."""
        matching = [rel for rel in rels.values() if rel.reltype == reltype]
        if not matching:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(matching) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        if matching[0].external:
            raise ValueError("target_part property on _Relationship is undefined when target mode is External")
        return self.parts[matching[0].target]

    def main_part(self) -> Part:
        """The main part (a .docx's document body), through the officeDocument relationship."""
        return self.related(self.rels, RT_OFFICE_DOCUMENT)

    def core_properties(self) -> CoreProperties:
        """dc:creator, cp:lastModifiedBy and dc:description of the core-properties part, if any."""
        try:
            part = self.related(self.rels, RT_CORE_PROPERTIES)
        except KeyError:
            return CoreProperties()
        root = self.xml(part)

        def text(namespace: str, name: str) -> str:
            element = root.find(f"{{{namespace}}}{name}")
            return (element.text or "") if element is not None else ""

        return CoreProperties(text(DC, "creator"), text(CP, "lastModifiedBy"), text(DC, "description"))
