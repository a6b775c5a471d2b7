"""Hostile and broken files: each one ends within seconds with exit 2 and one line naming the
file and the reason (or is read safely), and the good draft beside it is still checked."""

from __future__ import annotations

import contextlib
import importlib
import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from pitlint.errors import ReadError
from pitlint.readers import READERS, read
from tests.conftest import make_pdf, run_pitlint
from tests.readers.hostile_inputs import write_pdf_objects

GOOD = "Harm\n\nDisclosure would would harm the prevention of crime.\n"


def _docx_with_body(path: Path, body_xml: str, doctype: str = "") -> Path:
    """A real .docx whose word/document.xml is replaced by the XML given."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    + doctype
                    + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f"<w:body>{body_xml}</w:body></w:document>"
                ).encode()
            target.writestr(item, data)
    return path


def _check_beside_good(tmp_path: Path, bad: Path) -> tuple[int, str, dict, float]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    result = run_pitlint("check", "-f", "json", "--select", "PIT402", bad, good)
    elapsed = time.perf_counter() - started
    files = {f["path"]: f for f in result.json["files"]}
    assert [f["code"] for f in files[str(good)]["findings"]] == ["PIT402"]  # the good draft was checked
    assert "Traceback" not in result.stderr
    return result.code, result.stderr, files[str(bad)], elapsed


def _encrypted_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Harm")
    pdf.output(str(path))
    return path


def _zip_bomb(path: Path) -> Path:
    """A small .docx whose document.xml inflates to 300 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    return path


CASES = {
    "random-bytes.docx": (
        lambda p: p.write_bytes(bytes(range(256)) * 40),
        "not a Word .docx file (it is not a zip package)",
    ),
    "text.docx": (
        lambda p: p.write_text("Just some text saved as .docx"),
        "not a Word .docx file (it is not a zip package)",
    ),
    "empty.docx": (lambda p: p.write_bytes(b""), "the file is empty"),
    "legacy.docx": (
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000),
        "a legacy Word (.doc) or password-protected Office file; save it as an unprotected .docx",
    ),
    "encrypted.pdf": (_encrypted_pdf, "the PDF is encrypted or password-protected; publish an unprotected copy"),
    "garbage.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20), "not a readable PDF"),
    "not-a.pdf": (lambda p: p.write_bytes(b"<html>a web page saved as pdf</html>"), "not a PDF file (no %PDF header)"),
    "zip-bomb.docx": (_zip_bomb, "refused: it would expand to 300 MB"),
    "binary.txt": (lambda p: p.write_bytes(b"\x00\x01\x02PNG" * 500), "binary content, not a text file"),
    "huge.txt": (
        lambda p: p.write_bytes(b"The public interest test. " * 800_000),
        "refused: 20 MB is over the 2 MB limit",
    ),
    "deep.docx": (lambda p: _docx_with_body(p, "<w:p>" * 20000 + "</w:p>" * 20000), "not a readable Word document"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unreadable_files_fail_cleanly(tmp_path: Path, name: str):
    make, reason = CASES[name]
    bad = tmp_path / name
    make(bad)
    code, stderr, report, elapsed = _check_beside_good(tmp_path, bad)
    assert code == 2 and elapsed < 30
    assert report["error"].startswith(reason), report["error"]
    assert stderr.splitlines() == [f"pitlint: {bad}: {report['error']}"]


def test_truncated_files(tmp_path: Path):
    whole_docx = tmp_path / "whole.docx"
    document = docx.Document()
    document.add_paragraph("Harm")
    document.save(str(whole_docx))
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole_docx.read_bytes()[:2000])
    code, _, report, _ = _check_beside_good(tmp_path, truncated)
    assert code == 2 and report["error"].startswith("not a Word .docx file")
    pdf = make_pdf(tmp_path / "whole.pdf", [("h", "Harm"), ("p", "Some text " * 200)])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 2])
    code, _, report, elapsed = _check_beside_good(tmp_path, cut)
    assert elapsed < 30
    assert (code, report["error"] is None) in ((2, False), (0, True))  # refused, or the pages that survive read


def test_entity_expansion_is_not_performed(tmp_path: Path):
    laughs = "".join(f'<!ENTITY l{n} "{"&l" + str(n - 1) + ";" * 1}' * 10 + '">' for n in range(1, 10))
    doctype = '<!DOCTYPE w:document [<!ENTITY l0 "lol">' + laughs + "]>"
    bomb = _docx_with_body(tmp_path / "laughs.docx", "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", doctype)
    code, _, report, elapsed = _check_beside_good(tmp_path, bomb)
    assert elapsed < 30
    if report["error"] is None:  # read without expanding: no billion laughs in the text
        assert code == 0
        assert read(bomb).text.count("lol") < 10
    else:
        assert code == 2 and "\n" not in report["error"]


def test_external_entities_never_read_local_files(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    xxe = _docx_with_body(tmp_path / "xxe.docx", "<w:p><w:r><w:t>Harm &xxe; end</w:t></w:r></w:p>", doctype)
    code, stderr, report, elapsed = _check_beside_good(tmp_path, xxe)
    assert elapsed < 30 and "TOP-SECRET-CONTENT" not in stderr + str(report)
    with contextlib.suppress(ReadError):  # refusing the file is fine too
        assert "TOP-SECRET-CONTENT" not in read(xxe).text
    assert code in (0, 2)


def test_windows_1252_and_one_enormous_line(tmp_path: Path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Harm\n\nThe public\u2019s confidence would would suffer.\n".encode("cp1252"))
    result = run_pitlint("check", "-f", "json", "--select", "PIT402", legacy)
    (finding,) = result.json["files"][0]["findings"]
    assert (finding["excerpt"], finding["line"], finding["column"]) == ("would would", 3, 25)
    line = tmp_path / "line.txt"
    line.write_text("Harm\n\n" + "Disclosure would prejudice the prevention of crime in the area. " * 20_000 + "\n")
    started = time.perf_counter()
    result = run_pitlint("check", "-f", "json", line)
    assert result.code in (0, 1) and time.perf_counter() - started < 60
    assert result.json["files"][0]["stats"]["paragraphs"] == 2


def test_every_reader_module_declares_the_suffixes_it_is_registered_for():
    for suffix, name in READERS.items():
        assert suffix in importlib.import_module(f"pitlint.readers.{name}").SUFFIXES


@pytest.mark.parametrize(
    "text",
    [
        "Section 31 (" + "a" * 20_000 + ")",  # brackets that never pair up over a long word
        "Section 31 " + "(" * 20_000 + "a",
        "Section 31(1)(a) applies. " * 5_000,  # many citations in one paragraph
        "\n\n".join(f"Section {21 + n % 24}(1) heading" for n in range(5_000)),  # many in many paragraphs
        "you asked for the following " * 5_000,  # a request label that never ends
        "x" * 300_000 + " .",  # a space before a full stop after a very long word
        " ".join("thereat brech trial casaul" for _ in range(10_000)),  # rare look-alikes, over and over
        "Kent Police Thames Valley Police held by the Constabulary " * 10_000,  # force names in one sentence
        "Disclosing the [question" + " " * 200_000 + "x",  # a template slot's spaces that never close
        "Kent Police holds it. " + "A-" * 40_000 + " the Department considered it.",  # a body's name sought
        "exemptions in " * 15_000 + "of FOISA applies",  # a plural subject before a long run of citations
    ],
)
def test_pathological_text_ends(tmp_path: Path, text: str):
    """Text built to make regular expressions or pairwise comparisons blow up is checked in
    bounded time, and the good draft beside it too."""
    bad = tmp_path / "bad.txt"
    bad.write_text(f"Harm\n\n{text}\n", encoding="utf-8")
    code, stderr, report, _ = _check_beside_good(tmp_path, bad)
    assert (code, stderr, report["error"]) == (0, "", None)


def _inflating_pdf(path: Path, inflated: int) -> Path:
    """A one-page PDF whose font's character map is a Flate stream of ``inflated`` zero bytes."""
    import zlib

    packer = zlib.compressobj(9)
    stream = b"".join(packer.compress(b"\0" * 2**24) for _ in range(inflated // 2**24)) + packer.flush()
    content = b"BT /F1 12 Tf 72 720 Td (Harm) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    write_pdf_objects(path, objects)
    return path


def test_a_pdf_whose_streams_inflate_beyond_its_budget_is_refused(tmp_path: Path):
    """A font's stream of 256 MB of zeros in a 260 KB file: refused with one line, the streams
    never inflated whole (the page content bound alone would not see a font's stream)."""
    bomb = _inflating_pdf(tmp_path / "bomb.pdf", 256 * 2**20)
    code, stderr, report, _ = _check_beside_good(tmp_path, bomb)
    assert (code, report["error"]) == (2, "refused: its compressed streams inflate to over 16 MB")
    assert stderr == f"pitlint: {bomb}: refused: its compressed streams inflate to over 16 MB\n"
