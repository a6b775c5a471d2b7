"""Word packages read as Word reads them: the main part is whatever the package relationships
name (not an assumed word/document.xml), macro-enabled documents open, and altChunk parts (HTML,
web archives or text that Word imports where they stand) are read as the document's own text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pitlint.readers import read

MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of a package with each member's name and bytes passed through ``change``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            name, data = change(item.filename, old.read(item.filename))
            new.writestr(name, data)
    return target


def _simple(path: Path, *texts: str) -> Path:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_main_part_is_found_through_the_package_relationships(tmp_path: Path):
    plain = _simple(tmp_path / "plain.docx", "Harm", "Disclosure would harm the prevention of crime.")

    def move(name: str, data: bytes) -> tuple[str, bytes]:
        renamed = {"word/document.xml": "word/body.xml", "word/_rels/document.xml.rels": "word/_rels/body.xml.rels"}
        for old, new in (("/word/document.xml", "/word/body.xml"), ("word/document.xml", "word/body.xml")):
            data = data.replace(old.encode(), new.encode()) if name.endswith((".rels", "].xml")) else data
        return renamed.get(name, name), data

    moved = _rewrite(plain, tmp_path / "moved.docx", move)
    with zipfile.ZipFile(moved) as archive:
        assert "word/document.xml" not in archive.namelist()
        assert b'Target="word/body.xml"' in archive.read("_rels/.rels")
    assert [p.text for p in read(moved).paragraphs] == ["Harm", "Disclosure would harm the prevention of crime."]


def test_macro_enabled_document_is_read(tmp_path: Path):
    plain = _simple(tmp_path / "plain.docx", "Harm", "Disclosure would harm the prevention of crime.")
    docm = _rewrite(
        plain,
        tmp_path / "draft.docm",
        lambda name, data: (name, data.replace(WORD_MAIN.encode(), MACRO_MAIN.encode())),
    )
    with zipfile.ZipFile(docm) as archive:
        assert MACRO_MAIN.encode() in archive.read("[Content_Types].xml")
    assert [p.text for p in read(docm).paragraphs] == ["Harm", "Disclosure would harm the prevention of crime."]


def _add_alt_chunk(document, name: str, content_type: str, data: bytes) -> None:
    """An altChunk as Word writes it: a part related by aFChunk, referred to from the body."""
    part = Part(PackURI(f"/word/{name}"), content_type, data, document.part.package)
    rel_id = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), rel_id)
    document.element.body.insert(len(document.element.body) - 1, chunk)  # before the section properties


HTML_CHUNK = b"""<html><head><meta charset="utf-8"><title>x</title></head><body>
<h2>Factors favouring disclosure</h2><p>Disclosure would show how the force spends public money.</p>
</body></html>"""
MHT_CHUNK = b"""MIME-Version: 1.0
Content-Type: multipart/related; boundary="----=_NextPart"

------=_NextPart
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Imported from a web archive =E2=80=93 still published.</p></body></html>
------=_NextPart--
"""


def test_alt_chunks_are_read_where_they_stand(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Harm", level=2)
    document.add_paragraph("Disclosure would harm the prevention of crime.")
    _add_alt_chunk(document, "afchunk1.htm", "text/html", HTML_CHUNK)
    _add_alt_chunk(
        document,
        "afchunk2.txt",
        "text/plain",
        "Balancing test\r\n\r\nThe balance favours withholding.\r\n".encode("utf-16"),
    )
    _add_alt_chunk(document, "afchunk3.mht", "message/rfc822", MHT_CHUNK)
    document.add_paragraph("Conclusion follows.")
    path = tmp_path / "chunks.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        assert re.search(rb"<w:altChunk r:id=", archive.read("word/document.xml"))
    paragraphs = read(path).paragraphs
    assert [(p.text, p.heading) for p in paragraphs] == [
        ("Harm", True),
        ("Disclosure would harm the prevention of crime.", None),
        ("Factors favouring disclosure", True),
        ("Disclosure would show how the force spends public money.", None),
        ("Balancing test", None),
        ("The balance favours withholding.", None),
        ("Imported from a web archive \u2013 still published.", None),
        ("Conclusion follows.", None),
    ]
    imported = paragraphs[3].locate(0, 10)
    assert (imported.paragraph, imported.line, imported.column) == (4, None, None)  # no line in the chunk


def test_a_file_with_macros_is_read_and_reported(tmp_path: Path):
    from pitlint.config import Config
    from pitlint.engine import check

    document = docx.Document()
    document.add_paragraph("Harm")
    document.add_paragraph("Disclosure would harm the prevention of crime.")
    project = Part(
        PackURI("/word/vbaProject.bin"),
        "application/vnd.ms-office.vbaProject",
        b"\xd0\xcf\x11\xe0",
        document.part.package,
    )
    document.part.relate_to(project, "http://schemas.microsoft.com/office/2006/relationships/vbaProject")
    draft = tmp_path / "draft.docm"
    document.save(str(draft))
    with zipfile.ZipFile(draft) as archive:
        assert "word/vbaProject.bin" in archive.namelist()
    read_back = read(draft)
    assert read_back.facts.macros and read_back.paragraphs[0].text == "Harm"
    (report,) = check([draft], Config(select=("PIT706",))).files
    assert [(f.rule.code, f.severity.value, f.message, f.suggestion) for f in report.findings] == [
        (
            "PIT706",
            "error",
            "The file carries macros (a VBA project).",
            "Save the draft as a .docx (Word Document), which drops the macros, or publish a PDF.",
        )
    ]
    plain = _simple(tmp_path / "plain.docx", "Harm")
    assert not read(plain).facts.macros


def test_a_template_is_read_like_a_document(tmp_path: Path):
    plain = _simple(tmp_path / "plain.docx", "Harm", "Disclosure would harm the prevention of crime.")
    template_main = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    template = _rewrite(
        plain,
        tmp_path / "pit.dotx",
        lambda name, data: (name, data.replace(WORD_MAIN.encode(), template_main.encode())),
    )
    assert [p.text for p in read(template).paragraphs] == ["Harm", "Disclosure would harm the prevention of crime."]
