"""The read-only OPC package reader (pitlint.readers.package) on real Word files: it sees a
package as python-docx saw it, finds the main part wherever the relationships put it, reads
nothing outside the zip, refuses a missing part as before, ends on cyclic or very long
relationship graphs, and reading a .docx no longer imports python-docx."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.package import OpcPackage

from pitlint.document import Comment, Link
from pitlint.errors import ReadError
from pitlint.readers import read
from pitlint.readers.docx import _styles
from pitlint.readers.package import Package, resolve
from tests.docxmaker import add_hyperlink

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RELS = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
DOC_RELS = "word/_rels/document.xml.rels"
RT = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _saved(path: Path) -> Path:
    """A draft as python-docx saves it: styles, a heading, a hyperlink, a comment, an author."""
    document = docx.Document()
    document.core_properties.author = "A. Officer"
    document.add_heading("Harm", level=1)
    body = document.add_paragraph("Guidance is published in the ")
    add_hyperlink(body, "Authorised Professional Practice", "https://www.college.police.uk/app")
    commented = document.add_paragraph("Disclosure would harm the prevention of crime.")
    document.add_comment(commented.runs, text="Is this still true?", author="B. Reviewer")
    document.save(str(path))
    return path


def _simple(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Harm", level=1)
    document.add_paragraph("Disclosure would harm the prevention of crime.")
    document.save(str(path))
    return path


def _repack(source: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """A copy of a package whose members (name -> bytes) ``change`` may edit, add or remove."""
    with zipfile.ZipFile(source) as old:
        members = {name: old.read(name) for name in old.namelist()}
    change(members)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in members.items():
            new.writestr(name, data)
    return target


def _add_rel(members: dict[str, bytes], rels: str, relationship: bytes) -> None:
    members[rels] = members[rels].replace(b"</Relationships>", relationship + b"</Relationships>")


def _refusal(path: Path) -> str:
    with pytest.raises(ReadError) as raised:
        read(path)
    return raised.value.reason


HEADINGS_AND_TEXT = [
    ("Harm", "Heading 1", True),
    ("Disclosure would harm the prevention of crime.", None, None),
]


def test_a_package_saved_by_python_docx_is_seen_as_python_docx_sees_it(tmp_path: Path):
    path = _saved(tmp_path / "draft.docx")
    theirs = OpcPackage.open(str(path))
    their_main = theirs.main_document_part
    with Package.open(path) as ours:
        main = ours.main_part()
        assert [(part.name, part.content_type) for part in ours.parts.values()] == [
            (str(part.partname), part.content_type) for part in theirs.iter_parts()
        ]
        assert main.name == str(their_main.partname) == "/word/document.xml"
        assert {
            rel_id: (rel.reltype, rel.external, rel.target_ref if rel.external else rel.target)
            for rel_id, rel in main.rels.items()
        } == {
            rel_id: (rel.reltype, rel.is_external, rel.target_ref if rel.is_external else str(rel.target_part.partname))
            for rel_id, rel in their_main.rels.items()
        }
        core = ours.core_properties()
        their_core = theirs.core_properties
        assert (core.author, core.last_modified_by, core.comments) == (
            their_core.author,
            their_core.last_modified_by,
            their_core.comments,
        )
        assert core.author == "A. Officer"
        styles = _styles(
            ours.xml(
                ours.related(main.rels, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles")
            )
        )
    their_styles = docx.Document(str(path)).styles
    assert styles.names == {style.style_id: style.name or "" for style in their_styles}
    assert styles.names["Heading1"] == "Heading 1" and styles.names["Caption"] == "Caption"  # "heading 1" in the XML
    assert styles.bold == {style.style_id for style in their_styles if getattr(style, "font", None) and style.font.bold}
    assert {"Heading1", "Title"} <= styles.heading and "Heading1" in styles.bold

    document = read(path)
    assert [(p.text, p.style, p.heading) for p in document.paragraphs] == [
        ("Harm", "Heading 1", True),
        ("Guidance is published in the Authorised Professional Practice", None, None),
        ("Disclosure would harm the prevention of crime.", None, None),
    ]
    assert document.paragraphs[1].links == [Link("https://www.college.police.uk/app", 29, 61)]
    assert document.facts.comments == [
        Comment("Is this still true?", 3, "Disclosure would harm the prevention of crime.", "B. Reviewer")
    ]
    assert document.facts.metadata == {"author": "A. Officer", "comments": "generated by python-docx"}


def test_the_main_part_at_the_package_root(tmp_path: Path):
    """officeDocument -> /main.xml, its relationships in /_rels/main.xml.rels pointing into word/."""

    def move(members: dict[str, bytes]) -> None:
        members["main.xml"] = members.pop("word/document.xml")
        rels = members.pop(DOC_RELS)
        members["_rels/main.xml.rels"] = re.sub(rb'Target="(?!\.\./)', b'Target="word/', rels).replace(
            b'Target="../customXml/', b'Target="customXml/'
        )
        members["_rels/.rels"] = members["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="main.xml"')
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"/word/document.xml", b"/main.xml")

    moved = _repack(_simple(tmp_path / "plain.docx"), tmp_path / "moved.docx", move)
    with zipfile.ZipFile(moved) as archive:
        assert {"word/document.xml", DOC_RELS} & set(archive.namelist()) == set()
    with Package.open(moved) as package:
        main = package.main_part()
        assert (main.name, main.content_type) == ("/main.xml", WORD_MAIN)
        assert main.rels["rId3"].target == "/word/styles.xml"
        assert main.rels["rId1"].target == "/customXml/item1.xml"
    assert [(p.text, p.style, p.heading) for p in read(moved).paragraphs] == HEADINGS_AND_TEXT


def test_targets_are_resolved_inside_the_package():
    assert resolve("/word/document.xml", "styles.xml") == "/word/styles.xml"
    assert resolve("/word/document.xml", "../customXml/item1.xml") == "/customXml/item1.xml"
    assert resolve("/word/document.xml", "/word/styles.xml") == "/word/styles.xml"
    assert resolve("/", "word/document.xml") == "/word/document.xml"
    assert resolve("/word/document.xml", "../../../etc/passwd") == "/etc/passwd"  # stops at the root


def test_a_target_that_climbs_out_of_the_package_reads_only_the_zip(tmp_path: Path):
    plain = _simple(tmp_path / "plain.docx")
    chunk = b'<Relationship Id="rId90" Type="%s/aFChunk" Target="../../../chunk.txt"/>' % RT

    def escape_to_passwd(members: dict[str, bytes]) -> None:
        _add_rel(members, DOC_RELS, chunk.replace(b"chunk.txt", b"etc/passwd"))

    escaping = _repack(plain, tmp_path / "passwd.docx", escape_to_passwd)
    assert (
        _refusal(escaping)
        == "not a readable Word document (KeyError: \"There is no item named 'etc/passwd' in the archive\")"
    )

    # The same climb to a member the zip does hold: the member is read, never a file on disk.
    (tmp_path / "chunk.txt").write_text("A file on disk beside the draft.\n")

    def chunk_at_the_root(members: dict[str, bytes]) -> None:
        _add_rel(members, DOC_RELS, chunk)
        members["chunk.txt"] = b"Read from inside the package.\r\n"
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>", b'<Default Extension="txt" ContentType="text/plain"/></Types>'
        )
        members["word/document.xml"] = members["word/document.xml"].replace(
            b"<w:sectPr", b'<w:altChunk r:id="rId90"/><w:sectPr'
        )

    climbing = _repack(plain, tmp_path / "climbing.docx", chunk_at_the_root)
    with Package.open(climbing) as package:
        assert package.main_part().rels["rId90"].target == "/chunk.txt"
    assert [p.text for p in read(climbing).paragraphs] == [
        "Harm",
        "Disclosure would harm the prevention of crime.",
        "Read from inside the package.",
    ]


def test_a_missing_part_or_content_type_refuses_the_file_as_before(tmp_path: Path):
    plain = _simple(tmp_path / "plain.docx")
    footer = b'<Relationship Id="rId91" Type="%s/footer" Target="footer9.xml"/>' % RT
    missing = _repack(plain, tmp_path / "missing.docx", lambda members: _add_rel(members, DOC_RELS, footer))
    assert _refusal(missing) == (
        "not a readable Word document (KeyError: \"There is no item named 'word/footer9.xml' in the archive\")"
    )

    def untyped(members: dict[str, bytes]) -> None:
        _add_rel(members, DOC_RELS, footer.replace(b"footer9.xml", b"footer9.bin"))
        members["word/footer9.bin"] = b"\0"

    assert _refusal(_repack(plain, tmp_path / "untyped.docx", untyped)) == (
        "not a readable Word document (KeyError: \"no content type for partname '/word/footer9.bin' in "
        '[Content_Types].xml")'
    )
    wrong_root = _repack(
        plain, tmp_path / "wrong-root.docx", lambda members: members.__setitem__(DOC_RELS, b"<Relationships/>")
    )
    assert _refusal(wrong_root) == (
        "not a readable Word document (ValueError: /word/_rels/document.xml.rels is not a relationships part)"
    )
    unclosed = b'<w:settings xmlns:w="%s">' % W  # a part nobody reads, parsed as python-docx parsed it
    broken_settings = _repack(
        plain, tmp_path / "settings.docx", lambda members: members.__setitem__("word/settings.xml", unclosed)
    )
    assert _refusal(broken_settings) == (
        "not a readable Word document (XMLSyntaxError: Premature end of data in tag settings line 1, line 1, "
        "column 84 (<string>, line 1))"
    )


def test_content_type_overrides_match_whatever_their_case(tmp_path: Path):
    def shout(members: dict[str, bytes]) -> None:
        types = members["[Content_Types].xml"]
        types = types.replace(b'PartName="/word/document.xml"', b'PartName="/WORD/Document.XML"')
        members["[Content_Types].xml"] = types.replace(b'Extension="xml"', b'Extension="XML"')

    shouted = _repack(_simple(tmp_path / "plain.docx"), tmp_path / "shouted.docx", shout)
    with zipfile.ZipFile(shouted) as archive:
        assert b'PartName="/WORD/Document.XML"' in archive.read("[Content_Types].xml")
    with Package.open(shouted) as package:
        assert package.content_type("/word/document.xml") == WORD_MAIN
        assert package.content_type("/word/document.XML") == WORD_MAIN
        assert (
            package.content_type("/docProps/app.xml")
            == "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        )
        assert package.content_type("/customXml/item1.xml") == "application/xml"  # by the Default, "XML"
    assert [(p.text, p.style, p.heading) for p in read(shouted).paragraphs] == HEADINGS_AND_TEXT


def test_cyclic_and_very_long_relationship_graphs_end(tmp_path: Path):
    """document -> a -> b -> a, b -> document, document -> itself; and a chain of 1,500 parts
    (python-docx walked it by recursion and gave up: "nested too deeply")."""
    chain = 1500

    def cycles(members: dict[str, bytes]) -> None:
        relate = b'<Relationship Id="r%d" Type="http://example.org/next" Target="%s"/>'
        _add_rel(
            members, DOC_RELS, relate % (90, b"a.xml") + relate % (91, b"document.xml") + relate % (92, b"chain/p0.xml")
        )
        members["word/a.xml"] = members["word/b.xml"] = b"<x/>"
        members["word/_rels/a.xml.rels"] = RELS % (relate % (1, b"b.xml"))
        members["word/_rels/b.xml.rels"] = RELS % (relate % (1, b"a.xml") + relate % (2, b"../word/document.xml"))
        for number in range(chain):
            members[f"word/chain/p{number}.xml"] = b"<x/>"
            members[f"word/chain/_rels/p{number}.xml.rels"] = RELS % (relate % (1, b"p%d.xml" % ((number + 1) % chain)))

    cyclic = _repack(_simple(tmp_path / "plain.docx"), tmp_path / "cyclic.docx", cycles)
    with Package.open(cyclic) as package:
        names = list(package.parts)
        assert len(names) == len(set(names))
        assert [name for name in names if name.startswith(("/word/a", "/word/b", "/word/document"))] == [
            "/word/document.xml",
            "/word/a.xml",
            "/word/b.xml",
        ]
        assert sum(name.startswith("/word/chain/") for name in names) == chain
    assert [(p.text, p.style, p.heading) for p in read(cyclic).paragraphs] == HEADINGS_AND_TEXT


def test_no_styles_part_and_no_core_properties(tmp_path: Path):
    """Without a styles part python-docx used its default styles part, which has no headings: a
    paragraph styled Heading1 is not a heading by its style, and keeps its raw style id. Without
    core properties nothing is reported (python-docx made up last_modified_by "python-docx")."""

    def strip(members: dict[str, bytes]) -> None:
        del members["word/styles.xml"], members["docProps/core.xml"]
        members[DOC_RELS] = re.sub(rb'<Relationship [^>]*Target="styles.xml"/>', b"", members[DOC_RELS])
        members["_rels/.rels"] = re.sub(
            rb'<Relationship [^>]*Target="docProps/core.xml"/>', b"", members["_rels/.rels"]
        )

    stripped = _repack(_simple(tmp_path / "plain.docx"), tmp_path / "stripped.docx", strip)
    document = read(stripped)
    assert [(p.text, p.style, p.heading) for p in document.paragraphs] == [
        ("Harm", "Heading1", None),
        ("Disclosure would harm the prevention of crime.", None, None),
    ]
    assert document.facts.metadata == {}


def test_reading_a_docx_does_not_import_python_docx(tmp_path: Path):
    draft = _saved(tmp_path / "draft.docx")
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pitlint.readers import docx\n"
        "document = docx.read(Path(sys.argv[1]))\n"
        "print([p.text for p in document.paragraphs])\n"
        "print('docx' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(draft)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "['Harm', 'Guidance is published in the Authorised Professional Practice', "
        "'Disclosure would harm the prevention of crime.']",
        "False",
    ]
